"""Turn an official O*NET text release into a CareerPivot data set.

Skills and knowledge keep O*NET's two scales (IM importance 1-5, LV level 0-7).
Technology examples carry no ratings in O*NET; CareerPivot gives them importance
2 ("somewhat important": O*NET lists tools used, not required), plus 1 if flagged
Hot Technology and 1 if In Demand, and a working level of 3,
and keeps the examples used by at least two occupations or flagged Hot or In
Demand (the rest are too specific to compare roles by). Task statements, detailed
work activities and O*NET's related-occupation lists are kept as ``extras`` for
the role-relatedness model and for the quality benchmark.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from careerpivot.datasets import onet_files as f
from careerpivot.datasets.onet_files import FileStats, Release
from careerpivot.model import (
    RELEASE_INFO,
    RIASEC_IDS,
    WORK_VALUE_IDS,
    Dataset,
    Descriptor,
    Occupation,
    Provenance,
    Requirement,
    build_dataset,
    technology_id,
)
from careerpivot.presentation import ONET_ATTRIBUTION

Progress = Callable[[str, int, int], None]

TOOL_MIN_OCCUPATIONS = 2
TOOL_LEVEL = 3.0
#: O*NET lists tools "used in" an occupation, not requirements: a plain listing counts
#: as "somewhat important" (2); Hot Technology and In Demand flags add one each.
TOOL_IMPORTANCE = 2.0


@dataclass
class ImportSummary:
    """What an import read, kept and skipped, in numbers a person can check."""

    name: str
    version: str
    files: dict[str, FileStats] = field(default_factory=dict)
    occupations: int = 0
    scorable: int = 0
    with_job_zone: int = 0
    with_interests: int = 0
    with_related: int = 0
    tools_total: int = 0
    tools_kept: int = 0
    unscorable: list[tuple[str, str]] = field(default_factory=list)
    imputed_levels: int = 0
    wages: str = ""
    notes: list[str] = field(default_factory=list)

    def lines(self) -> list[str]:
        """The summary as plain lines for a terminal or a log."""
        out = [
            f"Data set {self.name} (O*NET {self.version}): {self.occupations} occupations, "
            f"{self.scorable} with skill and knowledge ratings, "
            f"{self.with_job_zone} with job zones, {self.with_interests} with interest profiles, "
            f"{self.with_related} with related occupations.",
            f"Technology examples kept: {self.tools_kept} of {self.tools_total} "
            f"(used by >= {TOOL_MIN_OCCUPATIONS} occupations or flagged Hot/In Demand).",
        ]
        if self.imputed_levels:
            out.append(
                f"{self.imputed_levels} levels that O*NET recommends suppressing were estimated "
                "from the importance (per-descriptor linear fit over the release's complete pairs)."
            )
        for name, st in self.files.items():
            skipped = ", ".join(f"{n} {why}" for why, n in st.skipped.items())
            out.append(
                f"  {name}: read {st.read}, kept {st.kept}"
                + (f", skipped {skipped}" if skipped else "")
            )
        if self.unscorable:
            out.append(
                f"{len(self.unscorable)} occupations have no ratings: they stay searchable but "
                "cannot be scored (e.g. " + ", ".join(t for _, t in self.unscorable[:3]) + ")."
            )
        out += self.notes
        if self.wages:
            out.append(self.wages)
        return out


def _noop(step: str, done: int, total: int) -> None:
    return None


def read_release(
    path: Path, *, name: str | None = None, progress: Progress | None = None
) -> tuple[Dataset, ImportSummary]:
    """Read and validate a release (folder or zip) into a :class:`Dataset` and a summary."""
    report = progress or _noop
    release = Release(path)
    try:
        return _read(release, name, report)
    finally:
        release.close()


STEPS = 12


def _read(release: Release, name: str | None, report: Progress) -> tuple[Dataset, ImportSummary]:
    version = release.version()
    summary = ImportSummary(name=name or f"onet-{version}", version=version)
    step = 0

    def tick(what: str) -> None:
        nonlocal step
        step += 1
        report(what, step, STEPS)

    layout = release.layout

    def stats(key: str) -> FileStats:
        return summary.files.setdefault(f.label(release, key), FileStats())

    tick("reference files")
    scales = f.read_scales(release)
    model = f.read_content_model(release)
    occ_info = f.read_occupations(release)
    codes = set(occ_info)
    elements = set(model)

    def rated(key: str, *wanted: str) -> dict[tuple[str, str], dict[str, float]]:
        return f.read_ratings(
            release, key, codes=codes, elements=elements, scales=scales,
            wanted_scales=wanted, stats=stats(key),
        )  # fmt: skip

    tick("skills")
    skills = rated("skills", "IM", "LV")
    tick("knowledge")
    knowledge = rated("knowledge", "IM", "LV")
    tick("interests and work values")
    interests = rated("interests", "OI")
    values = rated("work_values", "EX") if layout.has("work_values") else {}
    if not layout.has("work_values"):
        summary.notes.append(
            f"Work values: O*NET {version} publishes none (retired in 30.3); the work-values "
            "answers of a profile are kept but do not change rankings on this data set."
        )
    areas: dict[str, list[tuple[str, float]]] = {}
    if layout.has("specific_interests") and all(
        release.has(n) for n in layout.spec("specific_interests").files
    ):
        areas = f.read_interest_areas(release, codes, stats("specific_interests"))
    tick("job zones")
    zones = f.read_job_zones(release, codes, stats("job_zones"))
    zone_labels = job_zone_labels(f.read_job_zone_names(release), layout.merged_job_zones)
    if zone_labels:
        summary.notes.append(
            "Job zones: this release merges zones 1 and 2 into one zone, coded 2 and shown as 1-2."
        )
    tick("technology skills")
    tool_rows = f.read_technology(release, codes, stats("technology"))
    tick("alternate titles")
    alternates = f.read_alternate_titles(release, codes, stats("alternate_titles"))
    tick("task statements")
    tasks = f.read_tasks(release, codes, stats("tasks"))
    tick("work activities")
    dwa_ref = f.read_dwa_reference(release)
    iwa_ref = f.read_iwa_reference(release)
    task_dwas = f.read_task_dwas(release, codes, set(dwa_ref), stats("tasks_to_dwas"))
    tick("education")
    education = f.read_education(release, codes, stats("education"))
    tick("related occupations")
    related = f.read_related(release, codes, stats("related"))

    tick("assembling")
    starter = _starter_descriptor_hints()
    descriptors: list[Descriptor] = []
    requirements: list[Requirement] = []
    for kind, ratings in (("skill", skills), ("knowledge", knowledge)):
        ids = sorted({e for (_, e) in ratings}, key=_element_key)
        for e in ids:
            hint = starter.get(e)
            descriptors.append(
                Descriptor(
                    id=e,
                    name=model[e][0],
                    kind=kind,  # type: ignore[arg-type]
                    category=_category(e, model),
                    description=model[e][1],
                    difficulty=hint.difficulty if hint else 1.0,
                    aliases=hint.aliases if hint else (),
                )
            )
        st = stats("skills" if kind == "skill" else "knowledge")
        fits = _level_fits(ratings)
        for (code, e), vals in sorted(ratings.items()):
            if "IM" not in vals:
                st.skip("importance suppressed, requirement dropped")
            elif "LV" in vals:
                requirements.append(Requirement(code, e, vals["IM"], vals["LV"]))
            elif e not in fits:  # no role gives this one a level to estimate it from
                st.skip("level missing and no role rates one to estimate it from")
            else:
                a, b = fits[e]
                level = min(7.0, max(0.0, a + b * vals["IM"]))
                requirements.append(Requirement(code, e, vals["IM"], round(level, 2)))
                summary.imputed_levels += 1

    tools_desc, tool_reqs, total, kept = _tools(tool_rows, starter)
    descriptors += tools_desc
    requirements += tool_reqs
    summary.tools_total, summary.tools_kept = total, kept
    stats("technology").kept = len(tool_reqs)
    stats("technology").skipped["examples used by one occupation, not flagged"] = len(
        tool_rows
    ) - len(tool_reqs)

    rated_codes = {c for (c, _) in skills} | {c for (c, _) in knowledge}
    occupations = []
    for code, (title, desc) in sorted(occ_info.items()):
        occupations.append(
            Occupation(
                code=code,
                title=title,
                description=desc,
                job_zone=zones.get(code),
                education=education.get(code, ""),
                interests=_six(interests, code, RIASEC_IDS.values(), "OI"),
                work_values=_six(values, code, WORK_VALUE_IDS.values(), "EX"),
                alternate_titles=tuple(alternates.get(code, ())),
                unscored_reason=""
                if code in rated_codes
                else f"O*NET {version} publishes no skill or knowledge ratings for this occupation",
            )
        )
    extras: dict[str, Any] = {
        "tasks": {c: [t for _, t, _ in ts] for c, ts in tasks.items()},
        "dwas": {c: sorted(ds) for c, ds in task_dwas.items()},
        "dwa_titles": {d: t for d, (_, t) in dwa_ref.items()},
        "iwa_of_dwa": {d: i for d, (i, _) in dwa_ref.items()},
        "iwa_titles": iwa_ref,
        "related": {c: [list(x) for x in lst] for c, lst in related.items()},
        "interest_areas": {c: [list(x) for x in lst] for c, lst in areas.items()},
        RELEASE_INFO: {
            "layout": layout.name,
            "not_published": [] if layout.has("work_values") else ["work_values"],
            "job_zone_labels": {str(z): t for z, t in zone_labels.items()},
        },
    }
    checksums = {n: release.sha256(n) for n in layout.all_files() if release.has(n)}
    provenance = Provenance(
        source=f"O*NET {version} Database, U.S. Department of Labor, Employment and Training "
        "Administration (USDOL/ETA), text release",
        version=version,
        licence="CC BY 4.0",
        created=dt.date.today().isoformat(),
        notes=(
            "Imported by CareerPivot from the official text release. Technology examples "
            "carry CareerPivot's conventional importance (2, +1 Hot Technology, +1 In Demand) "
            f"and level ({TOOL_LEVEL:g}); O*NET does not rate them. "
            f"Read as the O*NET {layout.name} file layout." + "".join(f" {n}" for n in layout.notes)
        ),
        attribution=ONET_ATTRIBUTION,
        estimates=False,
        files=checksums,
    )
    dataset = build_dataset(
        summary.name, provenance, descriptors, occupations, requirements, extras
    )
    summary.occupations = len(occupations)
    summary.scorable = int(dataset.scorable.sum())
    summary.with_job_zone = sum(1 for o in occupations if o.job_zone is not None)
    summary.with_interests = sum(1 for o in occupations if o.interests is not None)
    summary.with_related = len(related)
    summary.unscorable = [(o.code, o.title) for o in occupations if o.unscored_reason]
    return dataset, summary


def job_zone_labels(names: dict[int, str], merged_by_layout: bool) -> dict[int, str]:
    """Zone -> label where a release merged zones 1 and 2 (``{2: "1-2"}``), else ``{}``.

    Decided by ``Job Zone Reference.txt`` where the release has it (no zone-1 row,
    or a zone-2 name like "Job Zone 1-2: ..."), else by the layout.
    """
    if names:
        merged = 1 not in names or "1-2" in names.get(2, "").replace("\u2013", "-")
    else:
        merged = merged_by_layout
    return {2: "1\u20132"} if merged else {}


def _level_fits(ratings: dict[tuple[str, str], dict[str, float]]) -> dict[str, tuple[float, float]]:
    """Per descriptor, a least-squares line level = a + b * importance over complete pairs.

    Used only where O*NET recommends suppressing a level but keeps its importance
    (mostly low-importance knowledge areas), so the role is not shown as "not needing"
    a descriptor it rates.
    """
    pairs: dict[str, list[tuple[float, float]]] = {}
    for (_, e), vals in ratings.items():
        if "IM" in vals and "LV" in vals:
            pairs.setdefault(e, []).append((vals["IM"], vals["LV"]))
    fits = {}
    for e, pts in pairs.items():
        arr = np.array(pts)
        if len(arr) >= 2 and np.ptp(arr[:, 0]) > 0:
            b, a = np.polyfit(arr[:, 0], arr[:, 1], 1)
            fits[e] = (float(a), float(b))
        else:
            fits[e] = (float(arr[:, 1].mean()), 0.0)
    return fits


def _tools(
    rows: list[f.ToolRow], starter: dict[str, Descriptor]
) -> tuple[list[Descriptor], list[Requirement], int, int]:
    usage = Counter(r.example for r in rows)
    flagged = {r.example for r in rows if r.hot or r.in_demand}
    keep = {e for e, n in usage.items() if n >= TOOL_MIN_OCCUPATIONS} | flagged
    categories: dict[str, str] = {}
    for r in rows:
        categories.setdefault(r.example, r.commodity)
    tid_of = {e: technology_id(e) for e in keep}  # each name slugged once, not per row
    descs: dict[str, Descriptor] = {}
    for example in sorted(keep):
        tid = tid_of[example]
        if tid in descs:
            continue  # two spellings with one slug: keep the first
        hint = starter.get(tid)
        descs[tid] = Descriptor(
            id=tid,
            name=example,
            kind="technology",
            category=categories[example],
            description=categories[example],
            difficulty=hint.difficulty if hint else 1.0,
            aliases=hint.aliases if hint else (),
        )
    reqs: dict[tuple[str, str], Requirement] = {}
    for r in rows:
        kept = tid_of.get(r.example)
        if kept is None:  # not kept
            continue
        imp = TOOL_IMPORTANCE + float(r.hot) + float(r.in_demand)
        old = reqs.get((r.code, kept))
        if old is None or old.importance < imp:
            reqs[(r.code, kept)] = Requirement(r.code, kept, imp, TOOL_LEVEL)
    return list(descs.values()), list(reqs.values()), len(usage), len(descs)


def _six(
    ratings: dict[tuple[str, str], dict[str, float]], code: str, ids: Iterable[str], scale: str
) -> tuple[float, ...] | None:
    """The six scores of one occupation on one scale, or None if any is missing."""
    vals = [ratings.get((code, e), {}).get(scale) for e in ids]
    if any(v is None for v in vals):
        return None
    return tuple(float(v) for v in vals if v is not None)


def _element_key(e: str) -> list[Any]:
    return [int(p) if p.isdigit() else p for p in e.split(".")]


def _category(element: str, model: dict[str, tuple[str, str]]) -> str:
    parent = element.rsplit(".", 1)[0]
    return model.get(parent, ("", ""))[0]


def _starter_descriptor_hints() -> dict[str, Descriptor]:
    """Difficulty and aliases the team wrote for descriptors O*NET shares with the starter set."""
    from careerpivot.datasets.starter import DESCRIPTOR_COLUMNS, starter_dir
    from careerpivot.datasets.tables import read_rows

    path = starter_dir() / "descriptors.csv"
    if not path.exists():
        return {}
    return {
        r["id"]: Descriptor(
            r["id"], r["name"], r["kind"], difficulty=r["difficulty"], aliases=r["aliases"] or ()
        )
        for _, r in read_rows(path, DESCRIPTOR_COLUMNS)
    }
