"""Reports compared together and read lazily say exactly what eager reports say.

:func:`careerpivot.gaps.compare_many` compares a list of target roles in one pass, and
each report it makes builds its :class:`GapRow` objects only when they are read (a list
of 20 pivots reads about 10 rows of each ~150), taking counts, totals and the summary
from arrays. Here every report must equal the one :func:`compare_vector` makes for its
target alone and the plain loop of ``test_gap_vectorised``, and every property and list
must equal what the straightforward per-row code gives on a report made from the same
rows (reading the properties before the rows, so nothing is served from a built list).
"""

from __future__ import annotations

import random

import numpy as np

from careerpivot.engine import Engine
from careerpivot.gaps import (
    STATUSES,
    GapReport,
    build_first,
    compare_many,
    compare_vector,
    person_levels,
)
from careerpivot.model import DescriptorKind
from careerpivot.schemas import RecommendAnswer
from careerpivot.tool_families import covered_by
from tests.test_gap_consistency import mini_onet, random_profile, random_target  # noqa: F401
from tests.test_gap_vectorised import fields_of, reference_compare, reference_covered_by

STATUS_SETS: list[tuple[str, ...]] = [
    *((s,) for s in STATUSES),
    ("gap", "small gap"),
    ("small gap", "gap"),
    ("tool to check", "transfers"),
    ("gap", "tool to check"),  # splits a group: not one run of rows
    ("gap", "small gap", "transfers"),  # skips a group
    ("transfers", "minor", "tool to check", "small gap", "gap"),
    ("no such status",),
    (),
]


def views(report: GapReport) -> dict[str, object]:
    """Everything a page or answer reads from a report, rows as their fields."""

    def rows(xs: list[object]) -> list[tuple[object, ...]]:
        return [tuple((v, type(v)) for v in vars(r).values()) for r in xs]

    out: dict[str, object] = {
        "counts": report.counts,
        "summary": report.summary,
        "total_hours": (report.total_hours, type(report.total_hours)),
        "total_deficit": report.total_deficit(),
        "n_to_close": report.n_to_close,
        "n_tools_to_check": report.n_tools_to_check,
        "requirements": rows(report.requirements),
        "to_close": rows(report.to_close),
        "gaps": rows(report.gaps),
        "transfers": rows(report.transfers),
        "met": rows(report.met),
        "tools_to_check": rows(report.tools_to_check),
        "unused": rows(report.unused),
        "tools_named": rows(report.tools_named),
        "n_tools_named": report.n_tools_named,
        "tools_text": [report.tools_text(n) for n in (0, 1, 3, 8)],
        "tool_words": dict(report.tool_words),
    }
    for statuses in STATUS_SETS:
        out[f"with_status{statuses}"] = rows(report.with_status(*statuses))
        for n in (0, 1, 3, 5, 400):
            out[f"first{n}{statuses}"] = rows(report.first(n, *statuses))
    for n in (0, 1, 3, 5, 400):
        out[f"first_named{n}"] = rows(report.first_named(n))
    return out


def eager(report: GapReport) -> GapReport:
    """The same report made from a plain list of its rows."""
    return GapReport(
        report.source,
        report.target_code,
        report.target_title,
        list(report.rows),
        report.estimated,
        report.estimate_note,
        dict(report.tool_words),
    )


def check(eng: Engine, seed: int, draws: int) -> int:
    """Random profiles against several targets at once; returns how many reports had rows
    to close and tools to check."""
    ds = eng.dataset
    rng = random.Random(seed)
    both = 0
    for n in range(draws):
        profile = random_profile(eng, rng)
        targets = [random_target(eng, profile, rng) for _ in range(rng.randint(1, 8))]
        vec, rated = person_levels(ds, profile)
        kinds: list[DescriptorKind] | None = [rng.choice(["skill", "technology"])]
        if n % 3:
            kinds = None
        mask = rated if n % 2 else None
        reports = compare_many(ds, vec, targets, rated=mask, kinds=kinds)
        assert [r.target_code for r in reports] == targets
        if n % 4 == 0:  # some rows built ahead in one pass, as a list of cards does
            wanted = {s: rng.randint(0, 6) for s in rng.sample(STATUS_SETS, 3)}
            build_first(reports, wanted, named=rng.randint(0, 6))
        for target, report in zip(targets, reports, strict=True):
            lazy = views(report)  # before any full list of rows exists
            alone = compare_vector(ds, vec, target, rated=mask, kinds=kinds)
            want = reference_compare(ds, vec, target, rated=mask, kinds=kinds)
            assert fields_of(report) == fields_of(want) == fields_of(alone)
            assert report == want == alone
            assert lazy == views(eager(report)), (profile, target)
            both += bool(report.to_close) and bool(report.tools_to_check)
    return both


def test_lazy_reports_match_the_eager_ones_on_the_starter_set(engine):
    assert check(engine, seed=21, draws=60) > 0


def test_lazy_reports_match_the_eager_ones_on_a_mini_onet_import(mini_onet):  # noqa: F811
    assert check(mini_onet, seed=22, draws=60) > 0


def test_no_targets_no_reports(engine):
    vec = np.zeros(len(engine.dataset.descriptors))
    assert compare_many(engine.dataset, vec, []) == []


def test_a_summary_answer_builds_only_the_rows_it_shows(engine):
    """The point of laziness: a list of pivots in summary builds a few rows per card, and
    reading ``rows`` afterwards still gives every row."""
    code = "15-1252.00"
    pivots = engine.recommend(engine.profile_for(code), 10)
    answer = RecommendAnswer.of(engine.dataset, code, pivots, "summary")
    tables = [p.gap._table for p in pivots if p.gap is not None]
    assert tables and all(t is not None and t.counts[4] for t in tables)  # minor rows exist
    # ... and were not even compared: three rows in four, which no summary reads
    assert all(t.minor._batch is None for t in tables)
    for p, out in zip(pivots, answer.pivots, strict=True):
        assert p.gap is not None and out.totals is not None
        assert "rows" not in vars(p.gap)
        assert out.totals.to_close == len(p.gap.to_close)
        assert len(p.gap.rows) == sum(p.gap.counts.values())
        assert "rows" in vars(p.gap)


def test_one_tool_per_family_for_one_role_matches_the_loop(mini_onet):  # noqa: F811
    """``covered_by`` (one role) runs on the same pairs code as the batch."""
    ds = mini_onet.dataset
    tools = np.array([d.kind == "technology" for d in ds.descriptors])
    rng = random.Random(23)
    covered = 0
    for _ in range(60):
        profile = random_profile(mini_onet, rng)
        vec, rated = person_levels(ds, profile)
        imp = ds.importance_matrix[ds.occupation_index[random_target(mini_onet, profile, rng)]]
        unknown = tools & ~rated & (vec == 0)
        got = covered_by(ds, imp, vec, unknown)
        assert got.tolist() == reference_covered_by(ds, imp, vec, unknown).tolist()
        covered += bool((got >= 0).any())
    assert covered


def test_rows_built_ahead_are_the_ones_read_later(engine):
    """``build_first`` builds the rows a card reads in one pass; reading them afterwards
    gives those very objects, equal to rows built one call at a time."""
    ds = engine.dataset
    profile = engine.profile_for("15-1252.00")
    vec, rated = person_levels(ds, profile)
    targets = ["15-1251.00", "15-1253.00", "11-3021.00"]
    ahead = compare_many(ds, vec, targets, rated=rated)
    later = compare_many(ds, vec, targets, rated=rated)
    wanted = {("transfers",): 5, ("gap", "small gap"): 5, ("tool to check",): 3}
    build_first(ahead, wanted, named=4)
    for a, b in zip(ahead, later, strict=True):
        assert a.first_named(4) == b.first_named(4)
        for statuses, n in wanted.items():
            built = a.first(n, *statuses)
            assert all(r is s for r, s in zip(built, a.first(n, *statuses), strict=True))
            assert built == b.first(n, *statuses)
        assert "rows" not in vars(a)  # only those rows were built
        assert a.rows == b.rows
