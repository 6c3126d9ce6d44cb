"""``recommend``, ``gap`` and ``route``: the questions a person asks."""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING, Annotated

import typer
from rich.table import Table
from rich.text import Text

from careerpivot.cli.common import (
    DEFAULT_DATASET,
    DatasetOpt,
    JsonOpt,
    ProfileOpt,
    RoleOpt,
    console,
    engine,
    fail,
    money,
    pct,
    print_model,
    rated_target,
    resolve_profile,
    resolve_role,
    signed_money,
    styled,
)
from careerpivot.errors import CareerPivotError

if TYPE_CHECKING:  # imported where used: `careerpivot --help` loads none of them
    from careerpivot.engine import Engine
    from careerpivot.filters import Filters
    from careerpivot.profile import Profile
    from careerpivot.scoring import Pivot


def register(app: typer.Typer) -> None:
    """Add the query commands to the top-level app."""
    app.command(
        epilog=(
            "Example: careerpivot recommend --role 'software developer' -k 5\n\n"
            "Every requirement of each role, as the API's detail=full: "
            "careerpivot recommend --role 15-1252.00 -k 3 --json --detail full"
        )
    )(recommend)
    app.command(
        epilog=(
            "Examples: careerpivot gap --role 'software developer' --target 'data scientist'\n\n"
            "careerpivot gap --role 15-1252.00 --target 15-2051.00 --json"
        )
    )(gap)
    app.command(
        epilog="Example: careerpivot route --role 'mechanical engineer' --target 'project manager'"
    )(route)


def _similar(p: Pivot) -> Text:
    """The other roles of a listed role's occupation group, as a dim line."""
    if not p.similar:
        return Text("")
    return styled(("\nsimilar: " + "; ".join(x.title for x in p.similar), "dim"))


class SortChoice(StrEnum):
    """The orders ``recommend --sort`` offers (careerpivot.ranking.SORT_KEYS)."""

    realistic = "realistic"
    fit = "fit"
    openings = "openings"
    pay = "pay"
    outlook = "outlook"


class DetailChoice(StrEnum):
    """How much of each pivot's explanation ``recommend --json`` prints (schemas.Detail)."""

    summary = "summary"
    full = "full"


def recommend(
    role: RoleOpt = None,
    profile: ProfileOpt = None,
    k: Annotated[int, typer.Option("-k", min=1, max=200, help="How many roles to show.")] = 10,
    min_wage: Annotated[float | None, typer.Option(help="Lowest median wage, USD/year.")] = None,
    max_step: Annotated[
        int | None, typer.Option(help="Most job zones above your current one (default 1).")
    ] = None,
    family: Annotated[
        list[str] | None,
        typer.Option(
            help="Only roles in this SOC major group (code like 15, or a name); repeatable."
        ),
    ] = None,
    sort: Annotated[
        SortChoice,
        typer.Option(
            help="Order: realistic next steps (default), or the 60 most realistic re-sorted "
            "by fit, openings, pay or outlook."
        ),
    ] = SortChoice.realistic,
    dataset: DatasetOpt = DEFAULT_DATASET,
    as_json: JsonOpt = False,
    detail: Annotated[
        DetailChoice,
        typer.Option(
            help="With --json: summary (default: fit, strengths, top gaps, totals) or full "
            "(adds every requirement of each role, as the API's detail=full)."
        ),
    ] = DetailChoice.summary,
) -> None:
    """Rank adjacent roles (pivots) for a profile or a current role, each with reasons.

    The default order is "realistic next steps": roles related to your current role
    (by the work, titles and tasks, nudged to stay in your occupation family),
    weighed with your fit, openings and the step in job zone, one role per
    occupation group in the first ten (the others listed as similar)."""
    try:
        eng = engine(dataset)
        prof = resolve_profile(eng, role, profile)
        pivots = eng.recommend(
            prof, k, sort_by=sort.value, filters=_filters(prof, min_wage, max_step, family)
        )
    except CareerPivotError as exc:
        fail(exc)
    if as_json:
        from careerpivot.schemas import RecommendAnswer

        print_model(RecommendAnswer.of(eng.dataset, prof.current_role, pivots, detail.value))
        return
    if not pivots:
        console.print(
            "No roles pass these filters. Loosen --min-wage or --max-step, or drop --family."
        )
        return
    start = eng.dataset.occupation(prof.current_role).title if prof.current_role else "your profile"
    table = Table(title=f"Pivots from {start} ({eng.dataset.name} data)", show_lines=True)
    for col in (
        "#",
        "Role",
        "Fit",
        "Why (strengths used)",
        "Missing (top gaps)",
        "Wage change",
        "Outlook",
    ):
        table.add_column(col, overflow="fold")
    for p in pivots:
        table.add_row(
            str(p.rank),
            styled(f"{p.title}\n", (f"{p.code} · job zone {p.job_zone_label or p.job_zone}", "dim"))
            + _similar(p),
            f"{p.score:.0%}",
            ", ".join(n.name for n in p.strengths[:3]) or "—",
            _missing(p),
            _wage(p),
            pct(p.outlook_pct),
        )
    console.print(table)
    for note in eng.scoring_notes(prof):
        console.print(styled(("Note: ", "yellow"), note), highlight=False)
    console.print(_footer(eng))


def gap(
    target: Annotated[str, typer.Option("--target", "-t", help="Target role: code or title.")],
    role: RoleOpt = None,
    profile: ProfileOpt = None,
    all_rows: Annotated[bool, typer.Option("--all", help="Show met requirements too.")] = False,
    dataset: DatasetOpt = DEFAULT_DATASET,
    as_json: JsonOpt = False,
) -> None:
    """Compare a person (or a role) with a target role: deficits sorted by priority."""
    try:
        eng = engine(dataset)
        target_code = rated_target(eng, resolve_role(eng, target))
        if profile is None and role is not None:
            report = eng.role_gap(resolve_role(eng, role), target_code)
        else:
            report = eng.gap(resolve_profile(eng, role, profile), target_code)
    except CareerPivotError as exc:
        fail(exc)
    if as_json:
        from careerpivot.schemas import GapAnswer

        print_model(GapAnswer.of(eng.dataset, report))
        return
    from careerpivot.gaps import EMPTY_CELL, NO_HOURS_HELP, NOT_RATED_HELP

    rows = [r for r in report.rows if r.importance > 0] if all_rows else report.to_close
    table = Table(title=f"{report.source} → {report.target_title} ({report.target_code})")
    for col in (
        "Requirement",
        "Kind",
        "Status",
        "Priority",
        "Importance (1-5)",
        "Required (0-7)",
        "Current (0-7)",
        "Gap",
        "Hours (est.)",
    ):
        table.add_column(col)
    for r in rows[:30]:
        table.add_row(
            r.name,
            r.kind,
            r.status + (" (estimated)" if r.estimated else ""),
            r.priority_words or "—",
            f"{r.importance:.1f}",
            f"{r.required:.1f}",
            f"{r.current:.1f}" if r.rated else EMPTY_CELL,
            f"{r.deficit:.1f}" if r.missing else EMPTY_CELL,
            f"{r.hours:,.0f}" if r.missing else EMPTY_CELL,
        )
    console.print(table)
    shown = rows[:30]
    if any(not r.rated for r in shown):
        console.print(f"Current: {NOT_RATED_HELP}.", style="dim")
    if any(not r.missing for r in shown):
        console.print(f"Gap and hours: {NO_HOURS_HELP}.", style="dim")
    console.print(report.summary)
    if report.estimate_note:
        console.print(f"{report.target_title}: ratings {report.estimate_note}", style="dim")
    if report.tools_to_check:
        console.print(
            styled(
                ("Tools to check", "bold"),
                " (not counted above): " + report.tools_text(8),
            )
        )
    if report.met:
        console.print(styled(("Transfers: ", "bold"), ", ".join(r.name for r in report.met[:8])))
    if report.unused:
        console.print(
            styled(
                ("You have, the role hardly uses: ", "bold"),
                ", ".join(r.name for r in report.unused[:6]),
            )
        )
    console.print(_footer(eng))


def route(
    target: Annotated[str, typer.Option("--target", "-t", help="Target role: code or title.")],
    role: RoleOpt = None,
    profile: ProfileOpt = None,
    k: Annotated[int, typer.Option("-k", min=1, max=10, help="How many routes.")] = 3,
    dataset: DatasetOpt = DEFAULT_DATASET,
    as_json: JsonOpt = False,
) -> None:
    """Plan the way to a target role: ordered learning steps and stepping-stone routes."""
    try:
        eng = engine(dataset)
        prof = resolve_profile(eng, role, profile)
        target_code = rated_target(eng, resolve_role(eng, target))
        plan = eng.plan(prof, target_code)
        routes = eng.routes(prof, target_code, k=k)
    except CareerPivotError as exc:
        fail(exc)
    if as_json:
        from careerpivot.schemas import PlanAnswer

        print_model(PlanAnswer.of(eng.dataset, plan, routes))
        return
    table = Table(title=f"Learning plan → {plan.target_title}")
    for col in ("#", "Phase", "Learn", "From → to (0-7)", "Hours (est.)", "How", "Or instead"):
        table.add_column(col, overflow="fold")
    for n, s in enumerate(plan.steps, 1):
        table.add_row(
            str(n),
            s.phase,
            s.name,
            f"{s.current:.1f} → {s.target:.1f}",
            f"{s.hours_low:,.0f}-{s.hours_high:,.0f}",
            s.learning,
            ", ".join(s.alternatives[:3]),
        )
    console.print(table)
    from careerpivot.effort import weeks_at

    h = plan.hours
    console.print(
        f"Total about {h.low:,.0f}-{h.high:,.0f} hours (≈ {weeks_at(h.low, 10)}-"
        f"{weeks_at(h.high, 10)} weeks at 10 h/week). Basis: {h.basis}"
    )
    if plan.preparation is not None:
        console.print(f"Typical preparation: {plan.preparation.sentence}.")
    if plan.check.message:
        console.print(plan.check.message, style="yellow")
    for n, r in enumerate(routes, 1):
        names = " → ".join(eng.dataset.occupation(c).title for c in r.codes)
        console.print(styled((f"Route {n}", "bold"), f" ({r.total_hours:,.0f} h): {names}"))
    console.print(_footer(eng))


def _wage(p: Pivot) -> str:
    """The wage change, or the median wage where there is no current role to compare."""
    if p.same_wage_figure:
        from careerpivot.presentation import SAME_WAGE_FIGURE

        return SAME_WAGE_FIGURE
    return signed_money(p.wage_change) if p.wage_change is not None else money(p.median_wage)


def _missing(p: Pivot) -> Text:
    gaps = styled(", ".join(f"{n.name} (+{n.deficit:.1f})" for n in p.gaps[:3]) or "none")
    if p.tools_to_check:
        tools = ", ".join(n.name for n in p.tools_to_check[:3])
        gaps.append(f"\nTools used there: {tools}", style="dim")
    return gaps


def _filters(
    prof: Profile, min_wage: float | None, max_step: int | None, family: list[str] | None
) -> Filters:
    """The profile's constraints with the options given on the command line."""
    from pydantic import ValidationError

    from careerpivot.jsondoc import validation_message

    given: dict[str, object] = {"min_wage": min_wage, "max_job_zone_step": max_step}
    changes = {k: v for k, v in given.items() if v is not None}
    if family:
        changes["families"] = family
    try:
        return prof.constraints.but(**changes)
    except ValidationError as exc:
        raise typer.BadParameter(validation_message(exc)) from None


def _footer(eng: Engine) -> Text:
    from careerpivot.presentation import dataset_footer

    return styled((dataset_footer(eng.dataset), "dim"))
