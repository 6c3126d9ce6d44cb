"""Time to first render of each app page and of the main interactions (Streamlit AppTest).

Walks the main flow (Start, type a title, Show my pivots, change a filter, open a role
on the map, Compare, change the target, Plan, change the what-if skill), then the
Rejections page (first render, import a five-application log, which runs the analysis:
categories, patterns, actions and redirect; add one more application; plan the actions
for another role) and prints the wall time of each script run. AppTest runs the real page scripts in-process, so the
figures are server-side render times without the browser's drawing or the network.

Data sets: the starter set; every imported O*NET data set, else the O*NET 29.2 release
in the shared folder imported into a temporary folder (nothing is written under data/);
and (when there is no O*NET data at all, or with ``--synthetic``) a synthetic
O*NET-size stand-in: 1,000 roles, 68 rated descriptors, 2,000 tools and 50 alternate
titles per role, built in code.

Figures per step: ``new session`` is the median over ``--repeat`` fresh sessions with
``st.cache_data`` cleared (a new user on a running server; engines stay loaded);
``cached`` is the same step again with results cached. Loading the engine and fitting
the feedback classifier (``st.cache_resource``, once per server) are reported on their own.
Target: every interaction <= 1 s.

    .venv/bin/python bench/app.py [--repeat 3] [--synthetic]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
import warnings
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

import streamlit as st  # noqa: E402
from streamlit.testing.v1 import AppTest  # noqa: E402

from careerpivot.datasets.registry import available_datasets  # noqa: E402
from careerpivot.datasets.saved import save_dataset  # noqa: E402
from careerpivot.datasets.starter import STARTER_NAME  # noqa: E402
from careerpivot.engine import Engine  # noqa: E402
from careerpivot.graph import build_graph, transitions  # noqa: E402
from careerpivot.model import Dataset  # noqa: E402
from careerpivot.rejections import (  # noqa: E402
    RejectionLog,
    format_log_json,
    train_default,
    validate_record,
)
from careerpivot.testing import shared_dir, synthetic_dataset  # noqa: E402
from careerpivot.ui import nav  # noqa: E402

TARGET_S = 1.0
APP = REPO / "app.py"


def _rel(spec: nav.PageSpec) -> str:
    return str(spec.path.relative_to(REPO))


def _timed(fn: Callable[[], Any]) -> float:
    t = time.perf_counter()
    fn()
    return time.perf_counter() - t


def _check(at: AppTest, step: str) -> None:
    if at.exception:
        raise SystemExit(f"{step}: the page raised {at.exception[0].value}")
    if at.error:
        raise SystemExit(f"{step}: the page shows an error: {at.error[0].value}")


def _button(at: AppTest, label: str) -> Any:
    return next(b for b in at.button if b.label == label)


def picks(dataset: str, title: str) -> dict[str, str]:
    """Values to choose in the walk, taken from the engine: a neighbour on the map, another
    target role, another what-if skill."""
    eng = Engine.load(dataset)
    ok = eng.dataset.scorable
    hits = [h.code for h in eng.search(title, limit=6)]
    start = next(
        c for c in hits if ok[eng.dataset.occupation_index[c]] and transitions(eng.graph, c)
    )
    prof = eng.profile_for(start)
    pivots = eng.recommend(prof, 2)
    plan = eng.plan(prof, pivots[0].code)
    skill = next(d.id for d in eng.dataset.descriptors if d.kind == "skill")
    if plan.steps and plan.steps[0].id == skill:
        skill = next(d.id for d in eng.dataset.descriptors if d.kind == "knowledge")
    return {
        "start": start,
        "map_role": transitions(eng.graph, start)[0][0],
        "target": pivots[1].code,
        "target_title": pivots[1].title,
        "whatif": skill,
    }


FEEDBACK = (
    "The hiring manager felt your SQL wasn't strong enough; the take-home had problems.",
    "",
    "We need someone who can write complex SQL queries and build dashboards from day one.",
    "It was close, but we went with a candidate who had more hands-on SQL experience.",
    "Your interview answers were hard to follow and lacked concrete examples.",
)


def rejection_log(pick: dict[str, str]) -> bytes:
    """Five rejections as a JSON log file: four for the pivot target, one for the start role."""
    stages = ("screened", "applied", "interviewed", "final_round", "interviewed")
    records = [
        validate_record(
            {
                "id": f"b{n}",
                "role_title": "Analyst" if n < 4 else "Specialist",
                "occupation_code": pick["target"] if n < 4 else pick["start"],
                "organisation": f"Employer {n}",
                "date": f"2025-0{n + 1}-1{n}",
                "channel": "posting",
                "stage_reached": stage,
                "outcome": "rejected",
                "feedback": text,
            }
        )
        for n, (stage, text) in enumerate(zip(stages, FEEDBACK, strict=True))
    ]
    return format_log_json(RejectionLog(records=tuple(records))).encode()


def walk(dataset: str, title: str, pick: dict[str, str]) -> dict[str, float]:
    """One session through the main flow; seconds per step."""
    at = AppTest.from_file(str(APP), default_timeout=600)
    at.session_state["cp_dataset"] = dataset
    times: dict[str, float] = {}

    def step(name: str, fn: Callable[[], Any]) -> None:
        times[name] = _timed(fn)
        _check(at, name)

    step("Start: first render", at.run)
    step("Start: type a title", lambda: at.text_input(key="w_start_query").input(title).run())
    step("Start: pick the matching role", lambda: at.radio[0].set_value(pick["start"]).run())
    step(
        "Pivots: first render (Show my pivots)",
        lambda: _button(at, "Show my pivots").click().run(),
    )
    step(
        "Pivots: change minimum wage",
        lambda: at.number_input(key="w_piv_wage").set_value(40_000).run(),
    )
    step(
        "Pivots: open a role from the map",
        lambda: at.selectbox(key="w_map_role").set_value(pick["map_role"]).run(),
    )
    step("Compare: first render", lambda: at.switch_page(_rel(nav.COMPARE)).run())
    step(
        "Compare: change the target role",
        lambda: at.selectbox(key="w_cmp_target").set_value(pick["target"]).run(),
    )
    step("Plan: first render", lambda: at.switch_page(_rel(nav.PLAN)).run())
    step(
        "Plan: change the what-if skill",
        lambda: at.selectbox(key="w_plan_whatif").set_value(pick["whatif"]).run(),
    )
    if nav.REJECTIONS.available:
        rejections(at, step, pick)
    if nav.ASSESSMENT.available:
        step("Self-assessment: first render", lambda: at.switch_page(_rel(nav.ASSESSMENT)).run())
        first = next(k for k in (r.key for r in at.radio) if k and k.startswith("w_interests_"))
        step("Self-assessment: answer a statement", lambda: at.radio(key=first).set_value(4).run())
    if nav.CLIENTS.available:
        step("Clients: first render", lambda: at.switch_page(_rel(nav.CLIENTS)).run())
    step("Start: back to the first page", lambda: at.switch_page(_rel(nav.START)).run())
    return times


def rejections(
    at: AppTest, step: Callable[[str, Callable[[], Any]], None], pick: dict[str, str]
) -> None:
    """The Rejections page: first render, import a log (the analysis), add one, re-target."""
    step("Rejections: first render", lambda: at.switch_page(_rel(nav.REJECTIONS)).run())
    log = ("history.json", rejection_log(pick), "application/json")
    step("Rejections: choose a log file", lambda: at.file_uploader[0].set_value(log).run())
    step(
        "Rejections: import it (analysis runs)",
        lambda: _button(at, "Add them to the log").click().run(),
    )
    at.text_input(key="w_rej_new_title").input(pick["target_title"]).run()
    at.text_input(key="w_rej_new_org").input("Employer 9")
    at.text_area(key="w_rej_new_feedback").input("Your SQL was not strong enough.")
    step(
        "Rejections: add one (analysis reruns)",
        lambda: _button(at, "Add application").click().run(),
    )
    step(
        "Rejections: plan actions for another role",
        lambda: at.selectbox(key="w_rej_target").set_value(pick["start"]).run(),
    )


def engine_load(dataset: str) -> float:
    """Seconds for the first page render with no engine cached (server start-up cost)."""
    st.cache_resource.clear()
    st.cache_data.clear()
    at = AppTest.from_file(str(APP), default_timeout=600)
    at.session_state["cp_dataset"] = dataset
    seconds = _timed(at.run)
    _check(at, "engine load")
    return seconds


def synthetic_onet_size(data_dir: Path) -> str:
    """Save an O*NET-size synthetic data set (with its graph) under ``data_dir``."""
    base = synthetic_dataset(n_roles=1000, n_descriptors=68, n_tools=2000, seed=0)
    occs = tuple(
        replace(o, alternate_titles=tuple(f"{o.title} alternate {j}" for j in range(50)))
        for o in base.occupations
    )
    ds: Dataset = replace(base, name="synthetic-onet-size", occupations=occs)
    save_dataset(ds, data_dir / "datasets" / ds.name, build_graph(ds))
    return ds.name


def report(label: str, dataset: str, title: str, repeat: int) -> float:
    """Print the figures for one data set; returns the slowest interaction (new session)."""
    load = engine_load(dataset)
    fit = _timed(train_default) if nav.REJECTIONS.available else 0.0
    pick = picks(dataset, title)
    runs = []
    for _ in range(repeat):
        st.cache_data.clear()
        runs.append(walk(dataset, title, pick))
    cached = walk(dataset, title, pick)
    print(
        f"\n{label}  (data set {dataset!r}; engine load + first page: {load:.2f} s; "
        f"feedback classifier fit: {fit:.2f} s)"
    )
    print(f"  {'step':<44} {'new session':>12} {'cached':>8}")
    worst = 0.0
    for name in runs[0]:
        new = statistics.median(r[name] for r in runs)
        worst = max(worst, new)
        flag = "" if new <= TARGET_S else "  over target"
        print(f"  {name:<44} {new:>10.3f} s {cached[name]:>6.3f} s{flag}")
    print(f"  slowest interaction: {worst:.3f} s (target <= {TARGET_S:.0f} s)")
    return worst


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="fresh sessions per data set")
    parser.add_argument("--synthetic", action="store_true", help="also time the synthetic set")
    args = parser.parse_args()
    warnings.filterwarnings("ignore")
    print(f"Streamlit {st.__version__}; {args.repeat} fresh sessions per data set; AppTest timing")
    records = tempfile.TemporaryDirectory()  # the Clients page's database: never the user's
    os.environ["CAREERPIVOT_DB_URL"] = f"sqlite:///{records.name}/bench.db"
    report("Starter set", STARTER_NAME, "software developer", args.repeat)
    onet = [
        i.name
        for i in available_datasets()
        if i.name != STARTER_NAME and "o*net" in i.provenance.source.lower()
    ]
    for name in onet:
        report(f"O*NET import {name}", name, "software developers", args.repeat)
    release = shared_dir() / "onet" / "db_29_2_text"
    if not onet and (release / "Occupation Data.txt").exists():
        with tempfile.TemporaryDirectory() as tmp:
            os.environ["CAREERPIVOT_DATA_DIR"] = tmp
            try:
                name = onet_from_release(release, Path(tmp))
            except Exception as exc:  # the importer is optional here; say why it was skipped
                print(f"\nO*NET release at {release}: not imported ({exc}); skipped")
            else:
                onet.append(name)
                label = f"O*NET 29.2, imported by this script from {release} into a temp folder"
                report(label, name, "software developers", args.repeat)
    if args.synthetic or not onet:
        with tempfile.TemporaryDirectory() as tmp:
            os.environ["CAREERPIVOT_DATA_DIR"] = tmp
            name = synthetic_onet_size(Path(tmp))
            label = "Synthetic O*NET-size stand-in" + ("" if onet else " (no O*NET data found)")
            report(label, name, "Role 1", args.repeat)


def onet_from_release(release: Path, data_dir: Path) -> str:
    """Import an O*NET text release (with its graph) under ``data_dir``."""
    from careerpivot.datasets.onet import read_release

    ds, _ = read_release(release)
    save_dataset(ds, data_dir / "datasets" / ds.name, build_graph(ds))
    return ds.name


if __name__ == "__main__":
    main()
