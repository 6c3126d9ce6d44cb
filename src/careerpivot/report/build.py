"""Build a client's report from the engine and what the store holds about them.

The target role (for the gap table, plan and routes) is the client's latest saved
plan's target, else their first shortlisted role, else the top pivot. Dismissed
roles are kept out of the pivots. The date is passed in, never read from the clock,
so the same inputs always give the same report.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from careerpivot.engine import Engine
from careerpivot.errors import CareerPivotError
from careerpivot.gaps import GapRow
from careerpivot.model import RIASEC, Dataset
from careerpivot.presentation import dataset_footer
from careerpivot.profile import Profile
from careerpivot.report.model import (
    GapLine,
    NoteLine,
    PivotLine,
    Report,
    RouteLine,
    Section,
    ShortlistLine,
    StepLine,
    Summary,
)
from careerpivot.routes import LearningPlan
from careerpivot.scoring import Pivot

if TYPE_CHECKING:
    from careerpivot.store.records import ClientSnapshot


def holland_code(interests: Mapping[str, float] | None) -> str:
    """The three strongest RIASEC letters (ties in RIASEC order); '' without interests.

    >>> holland_code({"R": 2, "I": 6, "A": 3, "S": 5, "E": 4, "C": 6})
    'ICS'
    >>> holland_code(None)
    ''
    """
    if not interests or any(k not in interests for k in RIASEC):
        return ""
    order = sorted(RIASEC, key=lambda k: (-interests[k], RIASEC.index(k)))
    return "".join(order[:3])


def summarise(dataset: Dataset, profile: Profile, n_strengths: int = 5) -> Summary:
    """The assessment summary of a profile."""
    role = ""
    if profile.current_role:
        role = f"{dataset.occupation(profile.current_role).title} ({profile.current_role})"
    rated = [
        (level, dataset.descriptor(d).name)
        for d, level in profile.ratings.items()
        if d in dataset.descriptor_index and dataset.descriptor(d).kind != "technology"
    ]
    rated.sort(key=lambda x: (-x[0], x[1]))
    return Summary(
        current_role=role,
        holland_code=holland_code(profile.interests),
        strengths=tuple(name for level, name in rated[:n_strengths] if level > 0),
        ratings=len(profile.ratings),
    )


def pivot_line(p: Pivot, n_reasons: int = 3) -> PivotLine:
    """A pivot as a report line: fit, what transfers, what is missing, wage and outlook."""
    return PivotLine(
        rank=p.rank,
        code=p.code,
        title=p.title,
        fit=p.score,
        strengths=tuple(n.name for n in p.strengths[:n_reasons]),
        gaps=tuple(f"{n.name} (+{n.deficit:.1f})" for n in p.gaps[:n_reasons]),
        job_zone=p.job_zone,
        wage_change=p.wage_change,
        outlook_pct=p.outlook_pct,
        same_wage_figure=p.same_wage_figure,
    )


def gap_line(g: GapRow) -> GapLine:
    """A row of the gap model as a report line: levels, status, priority and hours."""
    return GapLine(
        name=g.name,
        kind=g.kind,
        importance=g.importance,
        required=g.required,
        current=g.current,
        deficit=g.deficit,
        priority=g.priority,
        status=g.status,
        priority_words=g.priority_words,
        hours=g.hours,
        estimated=g.estimated,
    )


def plan_lines(plan: LearningPlan) -> tuple[StepLine, ...]:
    """The plan's steps as report lines."""
    return tuple(
        StepLine(n, s.name, s.current, s.target, s.hours, s.learning)
        for n, s in enumerate(plan.steps, 1)
    )


def build_report(
    engine: Engine,
    client: ClientSnapshot,
    *,
    on: dt.date,
    k: int = 5,
    rejections: Sequence[Section] = (),
    max_gaps: int = 12,
    n_routes: int = 3,
) -> Report:
    """The report of one client on date ``on``.

    ``rejections`` are the rejection-log findings (patterns and actions) to include;
    the number of logged applications comes from the snapshot. The gap table is the gap
    model of :meth:`Engine.gap` (the card's, Compare's and the plan's): its first
    ``max_gaps`` rows to close, most urgent first, then tools to check while room is left.
    """
    ds = engine.dataset
    notes = tuple(NoteLine(s.date, s.notes) for s in client.sessions if s.notes.strip())
    shortlist = tuple(
        ShortlistLine(r.role_code, _title(ds, r.role_code), r.note) for r in client.shortlisted
    )
    base = Report(
        client=client.client.name,
        date=on,
        dataset=ds.name,
        summary=Summary(),
        shortlist=shortlist,
        rejections=tuple(rejections),
        applications_logged=len(client.rejections),
        notes=notes,
        footer=dataset_footer(ds),
    )
    if client.profile is None or client.profile.is_empty:
        return base
    profile, lost = client.profile.restricted_to(ds)
    gone = profile.current_role if profile.current_role not in (None, *ds.occupation_index) else ""
    if gone:  # made on another data set: report without the role, and say so
        profile = profile.model_copy(update={"current_role": None})
        lost = [*lost, gone]
    limits = profile.constraints.but(exclude=(*profile.constraints.exclude, *client.dismissed))
    pivots = engine.recommend(profile, k, filters=limits)
    target = _target(ds, client, pivots)
    summary = replace(summarise(ds, profile), left_out=len(lost))
    if gone:
        summary = replace(summary, current_role=f"{gone} (not in data set {ds.name})")
    lines = tuple(pivot_line(p) for p in pivots)
    report = replace(base, summary=summary, pivots=lines)
    if not target:
        return report
    gap = engine.gap(profile, target)
    shown = gap.to_close[:max_gaps] + gap.tools_named[: max(max_gaps - len(gap.to_close), 0)]
    # The plan is worked out from the profile and data set the gap table uses, so the two
    # agree; a saved plan that no longer matches (another data set, an older profile) is
    # named, not shown: a report once listed 23 steps and 3,686 h under a gap table of 20
    # gaps and 2,477 h.
    plan = engine.plan(profile, target)
    saved = client.plan
    check = plan.check.message
    if saved is not None and saved.target_code == target and _differs(saved.plan, plan):
        check = (
            f"{check} The plan saved on {saved.created:%d %b %Y} "
            f"({len(saved.plan.steps)} step{'' if len(saved.plan.steps) == 1 else 's'}, "
            f"about {saved.plan.total_hours:,.0f} hours) was "
            "made from another version of the profile or another data set; this one is "
            "worked out again from the profile above."
        ).strip()
    try:
        routes = engine.routes(profile, target, k=n_routes)
    except CareerPivotError:  # already in the target role, or no route in the graph
        routes = []
    return replace(
        report,
        target_code=target,
        target_title=ds.occupation(target).title,
        gaps=tuple(map(gap_line, shown)),
        gap_summary=gap.summary,
        gaps_not_shown=max(len(gap.to_close) - max_gaps, 0),
        gap_estimate_note=gap.estimate_note if gap.estimated else "",
        plan=plan_lines(plan),
        plan_hours=plan.total_hours,
        plan_preparation=plan.preparation.sentence if plan.preparation else "",
        plan_check=check,
        routes=tuple(
            RouteLine(
                n,
                tuple(_title(ds, c) for c in r.codes),
                r.total_hours,
                r.within_reach,
            )
            for n, r in enumerate(routes, 1)
        ),
    )


def _differs(saved: LearningPlan, fresh: LearningPlan) -> bool:
    """Whether a saved plan's steps differ from the plan worked out now."""
    key = [(s.id, round(s.current, 2), round(s.target, 2), round(s.hours)) for s in saved.steps]
    return key != [
        (s.id, round(s.current, 2), round(s.target, 2), round(s.hours)) for s in fresh.steps
    ]


def _target(ds: Dataset, client: ClientSnapshot, pivots: list[Pivot]) -> str:
    candidates = [client.plan.target_code] if client.plan is not None else []
    candidates += [r.role_code for r in client.shortlisted]
    candidates += [p.code for p in pivots[:1]]
    for code in candidates:
        i = ds.occupation_index.get(code)
        if i is not None and ds.scorable[i]:
            return code
    return ""


def _title(ds: Dataset, code: str) -> str:
    i = ds.occupation_index.get(code)
    return ds.occupations[i].title if i is not None else f"{code} (not in data set {ds.name})"
