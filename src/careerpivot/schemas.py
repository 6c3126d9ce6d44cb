"""The JSON shapes of CareerPivot's answers: one set of pydantic models for the HTTP API and
the command line's ``--json``, so both say the same thing in the same words.

Each answer carries ``dataset``: the data set's name, version, provenance and notices (the
O*NET attribution whenever O*NET data is used). Models are built from the engine's own
objects (``from_attributes``), so computed values (a gap's deficit, a plan's total hours)
travel with the fields.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Literal, Self

from pydantic import BaseModel, ConfigDict, Field

from careerpivot.effort import HoursRange, PlanCheck, Preparation
from careerpivot.gaps import GapReport, GapRow, Status
from careerpivot.model import Dataset, Occupation
from careerpivot.presentation import ONET_ATTRIBUTION, dataset_footer, uses_onet
from careerpivot.routes import (
    FamilyToCheck,
    LearningPlan,
    LearningStep,
    RankChange,
    Route,
    RouteStep,
)
from careerpivot.scoring import DescriptorNote, Pivot, SimilarRole
from careerpivot.search import TitleMatch

_FROM = ConfigDict(from_attributes=True)

#: How much of each pivot's explanation an answer carries (see :class:`RecommendAnswer`).
Detail = Literal["summary", "full"]


class DataSource(BaseModel):
    """Which data an answer comes from, and what its licence asks to be shown."""

    name: str
    version: str
    source: str
    licence: str
    created: str = ""
    estimates: bool = Field(description="ratings are the team's estimates, not survey data")
    attribution: str = Field(description="O*NET's required attribution where O*NET data is used")
    notice: str = Field(description="one paragraph to show beside the numbers")

    @classmethod
    def of(cls, dataset: Dataset) -> DataSource:
        """The provenance block of ``dataset``."""
        p = dataset.provenance
        attribution = p.attribution or (ONET_ATTRIBUTION if uses_onet(dataset) else "")
        return cls(
            name=dataset.name,
            version=p.version,
            source=p.source,
            licence=p.licence,
            created=p.created,
            estimates=p.estimates,
            attribution=attribution,
            notice=dataset_footer(dataset),
        )


class Answer(BaseModel):
    """Base of every answer about data: says which data set it comes from."""

    dataset: DataSource
    notes: list[str] = Field(
        default_factory=list, description="what was assumed, e.g. which title a typed role matched"
    )


# ----- roles ---------------------------------------------------------------------------------
class RoleOut(BaseModel):
    """One occupation's facts (wages in USD per year, outlook in % over ten years)."""

    model_config = _FROM

    code: str
    title: str
    description: str = ""
    major_group: str
    job_zone: int | None = None
    median_wage: float | None = Field(default=None, description="USD per year")
    employment: float | None = Field(default=None, description="number of jobs")
    outlook_pct: float | None = Field(default=None, description="% change over ten years")
    annual_openings: float | None = None
    education: str = ""
    interests: tuple[float, ...] | None = Field(default=None, description="RIASEC, 1-7")
    work_values: tuple[float, ...] | None = Field(default=None, description="EX scale, 1-7")
    holland_code: str = ""
    alternate_titles: tuple[str, ...] = ()
    unscored_reason: str = ""
    estimated: tuple[str, ...] = Field(
        default=(), description="what of the role is estimated (skills, knowledge, ...)"
    )
    estimated_from: tuple[tuple[str, str, float], ...] = Field(
        default=(), description="(code, title, share of the weight) of the roles it rests on"
    )
    estimate_note: str = ""


class RequirementOut(BaseModel):
    """A role's requirement: importance 1-5, level 0-7."""

    id: str
    name: str
    kind: str
    importance: float
    level: float


class RoleAnswer(Answer):
    """``roles show``: one role and its requirements, most important first."""

    role: RoleOut
    requirements: list[RequirementOut]

    @classmethod
    def of(cls, dataset: Dataset, occ: Occupation) -> RoleAnswer:
        """The role ``occ`` of ``dataset``."""
        reqs = sorted(dataset.requirements_of(occ.code), key=lambda r: -r.importance)
        out = []
        for r in reqs:
            d = dataset.descriptor(r.descriptor)
            out.append(
                RequirementOut(
                    id=d.id, name=d.name, kind=str(d.kind), importance=r.importance, level=r.level
                )
            )
        return cls(
            dataset=DataSource.of(dataset),
            role=RoleOut.model_validate(occ),
            requirements=out,
        )


class TitleMatchOut(BaseModel):
    """A role found by title: which title matched and how well (0-100)."""

    model_config = _FROM

    code: str
    title: str
    matched: str
    score: float
    exact: bool = Field(False, description="a title with exactly the typed words")
    description: str = Field("", description="one line saying what the role does")


class SearchAnswer(Answer):
    """``roles search``: roles matching a typed title, best first; ``ambiguous`` when the
    first ones fit about equally well (then the person has to choose; nothing is pre-selected)."""

    query: str
    ambiguous: bool = False
    loose: bool = Field(
        False, description="no close match: the matches only look alike ('did you mean')"
    )
    matches: list[TitleMatchOut]

    @classmethod
    def of(cls, dataset: Dataset, query: str, hits: Sequence[TitleMatch]) -> SearchAnswer:
        """Wrap the engine's search result."""
        return cls(
            dataset=DataSource.of(dataset),
            query=query,
            ambiguous=bool(getattr(hits, "ambiguous", False)),
            loose=bool(getattr(hits, "loose", False)),
            matches=[TitleMatchOut.model_validate(h) for h in hits],
        )


# ----- gaps ----------------------------------------------------------------------------------
class GapItemOut(BaseModel):
    """One requirement to close, in short: levels 0-7, importance 1-5, status, priority
    (importance x deficit) and the hours to close it."""

    model_config = _FROM

    id: str
    name: str
    kind: str
    importance: float = Field(description="role's importance, 1-5 (0: the role does not rate it)")
    required: float = Field(description="role's level, 0-7")
    current: float = Field(description="person's (or source role's) level, 0-7")
    rated: bool
    status: Status
    hours: float = Field(description="estimated hours to reach the required level")
    estimated: bool
    priority: float = Field(description="importance times deficit: higher closes first")


class GapRowOut(GapItemOut):
    """One requirement compared, in full: the short fields plus the words behind them
    (the one gap model every page and command shows)."""

    note: str
    deficit: float = Field(description="levels (0-7 scale) the person is short of the role")
    priority_words: str
    why: str
    missing: bool
    unknown_tool: bool
    required_words: str = Field(
        description="the team's example of the scale point nearest the required level (ties: "
        "the higher), from any line of work: 'level 4 is like: ...', or 'below level 4, which "
        "is like: ...' / 'above ...' when the level is 0.25 or more away from it"
    )
    current_words: str = Field(description="the same for the current level ('' when not rated)")


class GapOut(BaseModel):
    """Person (or role) vs target role: what to close by priority, tools to check, what
    transfers, what goes unused; ``rows`` has every requirement."""

    source: str
    target: str = Field(description="target role's code")
    target_title: str
    summary: str
    total_hours: float
    estimated: bool = Field(description="the target's ratings are estimated, not surveyed")
    estimate_note: str
    gaps: list[GapRowOut] = Field(description="to close, highest priority first")
    tools_to_check: list[GapRowOut] = Field(
        description="tools the role uses that the source never mentioned, most relevant first"
    )
    tool_words: dict[str, str] = Field(
        default_factory=dict,
        description="tool to check (id) -> what it is for the role: 'typical of roles like "
        "this', 'used by most roles' or 'mostly used by other kinds of roles'",
    )
    met: list[GapRowOut] = Field(description="requirements already met (what transfers)")
    unused: list[GapRowOut]
    rows: list[GapRowOut]

    @classmethod
    def from_report(cls, report: GapReport, **extra: Any) -> Self:
        """The engine's gap report, every row (``extra``: a subclass's own fields)."""

        def rows(xs: list[Any]) -> list[GapRowOut]:
            return [GapRowOut.model_validate(x) for x in xs]

        return cls(
            source=report.source,
            target=report.target_code,
            target_title=report.target_title,
            summary=report.summary,
            total_hours=report.total_hours,
            estimated=report.estimated,
            estimate_note=report.estimate_note,
            gaps=rows(report.to_close),
            tools_to_check=rows(report.tools_to_check),
            tool_words=dict(report.tool_words),
            met=rows(report.transfers),
            unused=rows(report.unused),
            rows=rows(report.rows),
            **extra,
        )


class GapAnswer(GapOut, Answer):
    """``POST /v1/gap`` and ``gap --json``: the full gap model with the data set."""

    @classmethod
    def of(cls, dataset: Dataset, report: GapReport) -> GapAnswer:
        """Wrap the engine's gap report."""
        return cls.from_report(report, dataset=DataSource.of(dataset))


# ----- pivots --------------------------------------------------------------------------------
class RoleRef(BaseModel):
    """A role by code and title."""

    code: str
    title: str


class GapTotals(BaseModel):
    """A pivot's gap model in numbers: what there is to close and the hours it takes."""

    summary: str
    to_close: int = Field(description="requirements to close (gaps and small gaps)")
    tools_to_check: int = Field(description="tools the role uses that the person has not rated")
    total_hours: float = Field(description="estimated hours to close every gap")
    estimated: bool = Field(description="the role's ratings are estimated, not surveyed")


class PivotOut(BaseModel):
    """One suggested role: fit and realistic scores (0-1), why it fits (strengths, each at
    the person's and the role's level, 0-7), the top gaps with status, priority and hours,
    totals, and the role's numbers (wages USD/year, outlook % over ten years)."""

    model_config = _FROM

    code: str
    title: str
    rank: int
    score: float = Field(description="fit (viability), 0-1")
    realistic: float | None = Field(
        default=None, description="realistic-next-steps score (higher first; no unit)"
    )
    relatedness: float | None = Field(
        default=None,
        description="its place in the relatedness ranker's list for the person's role, as "
        "1/sqrt(1 + place), 0-1 (1: first)",
    )
    components: dict[str, float] = Field(description="each part of the fit, 0-1")
    strengths: list[DescriptorNote] = Field(description="why it fits: requirements met")
    gaps: list[GapItemOut] = Field(description="top gaps to close, highest priority first")
    tools_to_check: list[GapItemOut] = Field(
        description="top tools the role uses, not rated, that are typical of roles like it "
        "(most relevant first; totals.tools_to_check counts them all)"
    )
    totals: GapTotals | None = Field(default=None, description="absent without explanations")
    job_zone: int | None = Field(default=None, description="O*NET job zone, 1-5 (preparation)")
    job_zone_step: int | None = Field(
        default=None, description="job zones above (+) or below (-) the person's"
    )
    job_zone_label: str = Field(default="", description="job zone as shown (e.g. '1–2')")
    median_wage: float | None = Field(default=None, description="USD per year")
    wage_change: float | None = Field(default=None, description="USD per year vs current role")
    same_wage_figure: bool = Field(
        default=False,
        description="BLS publishes one wage figure for this role and the current role, so "
        "wage_change is 0 by construction, not a finding that the pay is the same",
    )
    outlook_pct: float | None = Field(default=None, description="% change over ten years")
    annual_openings: float | None = Field(
        default=None, description="openings per year, US (BLS Employment Projections)"
    )
    major_group: str = ""
    similar: list[SimilarRole] = Field(default_factory=list)
    estimate_note: str = ""
    rows: list[GapRowOut] | None = Field(
        default=None,
        description="only with detail=full: every requirement compared, in the gap model's "
        "order (rows to close by priority first; ``status`` says which list a row is in)",
    )

    @classmethod
    def of(cls, pivot: Pivot, *, full: bool = False) -> PivotOut:
        """The pivot's summary; ``full`` adds its whole gap model.

        Built as plain data and validated once (a summary reads a few rows of each gap
        model, so the rest are never built; see :class:`careerpivot.gaps.GapReport`).
        """
        data: dict[str, Any] = {n: getattr(pivot, n) for n in _PIVOT_FIELDS}
        report = pivot.gap
        if report is None:  # listed without explanations
            return cls.model_validate({**data, "gaps": [], "tools_to_check": []})
        # the same rows the pivot's notes come from, with status, priority and hours
        gaps = report.first(pivot.n_named, "gap", "small gap")
        tools = report.first_named(pivot.n_named)
        data["gaps"] = [_item(r) for r in gaps]
        data["tools_to_check"] = [_item(r) for r in tools]
        data["totals"] = {
            "summary": report.summary,
            "to_close": report.n_to_close,
            "tools_to_check": report.n_tools_to_check,
            "total_hours": report.total_hours,
            "estimated": report.estimated,
        }
        if full:
            data["rows"] = [GapRowOut.model_validate(r) for r in report.rows]
        return cls.model_validate(data)


def _item(row: GapRow) -> dict[str, Any]:
    """A gap row's short fields (:class:`GapItemOut`) as plain data."""
    return {**vars(row), "priority": row.priority}


_FROM_GAP = {"gaps", "tools_to_check", "totals", "rows"}
_PIVOT_FIELDS = tuple(n for n in PivotOut.model_fields if n not in _FROM_GAP)


class RecommendAnswer(Answer):
    """Ranked adjacent roles, each with reasons, top gaps, wage change and outlook.

    ``detail="summary"`` (the default) gives each pivot what a caller shows: fit, the
    strengths it uses, the top gaps with status, priority and hours, totals and the
    estimate note. ``detail="full"`` adds each pivot's whole comparison (``rows``: every
    requirement, about 500 rows a role on O*NET), which ``POST /v1/gap`` also gives."""

    start: RoleRef | None = Field(description="the current role, when known")
    detail: Detail = "summary"
    pivots: list[PivotOut]

    @classmethod
    def of(
        cls,
        dataset: Dataset,
        current: str | None,
        pivots: list[Pivot],
        detail: Detail = "summary",
    ) -> RecommendAnswer:
        """Wrap the engine's pivots."""
        start = RoleRef(code=current, title=dataset.occupation(current).title) if current else None
        return cls(
            dataset=DataSource.of(dataset),
            start=start,
            detail=detail,
            pivots=[PivotOut.of(p, full=detail == "full") for p in pivots],
        )


# ----- plans and routes ----------------------------------------------------------------------
class PlanOut(BaseModel):
    """Ordered learning steps to a target, with hour estimates (team's effort model)."""

    model_config = _FROM

    target_code: str
    target_title: str
    steps: list[LearningStep]
    total_hours: float
    gap: GapReport | None = Field(default=None, description="the gap model the steps come from")
    preparation: Preparation | None = Field(
        default=None, description="the target's typical preparation (job zone, education)"
    )
    hours_per_week: float = Field(default=10.0, description="study pace the phases assume")
    to_check: list[FamilyToCheck] = Field(
        default_factory=list, description="tools to check, one per family, most in demand first"
    )
    hours: HoursRange | None = Field(default=None, description="hour range and its basis")
    check: PlanCheck | None = Field(
        default=None, description="the hours weighed against the typical preparation"
    )


class RouteStepOut(BaseModel):
    """One role on a stepping-stone route and what to learn to reach it."""

    model_config = _FROM

    code: str
    title: str
    hours: float
    learn: list[tuple[str, float, float]] = Field(description="(name, from level, to level)")

    @classmethod
    def of(cls, step: RouteStep) -> RouteStepOut:
        """Copy a route step."""
        return cls(code=step.code, title=step.title, hours=step.hours, learn=list(step.learn))


class RouteOut(BaseModel):
    """A stepping-stone route: roles in order, hours to each, total hours."""

    start: str
    steps: list[RouteStepOut]
    codes: list[str]
    total_hours: float
    largest_zone_step: int
    within_reach: bool

    @classmethod
    def of(cls, route: Route) -> RouteOut:
        """Copy a route with its computed totals."""
        return cls(
            start=route.start,
            steps=[RouteStepOut.of(s) for s in route.steps],
            codes=route.codes,
            total_hours=route.total_hours,
            largest_zone_step=route.largest_zone_step,
            within_reach=route.within_reach,
        )


class PlanAnswer(Answer):
    """``route``: the learning plan to a target and stepping-stone routes."""

    plan: PlanOut
    routes: list[RouteOut]

    @classmethod
    def of(cls, dataset: Dataset, plan: LearningPlan, routes: list[Route]) -> PlanAnswer:
        """Wrap the engine's plan and routes."""
        return cls(
            dataset=DataSource.of(dataset),
            plan=PlanOut.model_validate(plan),
            routes=[RouteOut.of(r) for r in routes],
        )


class RankChangeOut(BaseModel):
    """How one role moves when the person learns something (gain = places moved up)."""

    model_config = _FROM

    code: str
    title: str
    old_rank: int = Field(description="place in the list before (1 = first)")
    new_rank: int = Field(description="place in the list after the change")
    old_score: float = Field(description="fit before, 0-1")
    new_score: float = Field(description="fit after, 0-1")
    gain: int = Field(description="places moved up")


class WhatIfAnswer(Answer):
    """Roles that move up if the person raises one descriptor by ``levels``."""

    descriptor: str
    levels: float
    changes: list[RankChangeOut]

    @classmethod
    def of(
        cls, dataset: Dataset, descriptor: str, levels: float, changes: list[RankChange]
    ) -> WhatIfAnswer:
        """Wrap the engine's rank changes."""
        return cls(
            dataset=DataSource.of(dataset),
            descriptor=descriptor,
            levels=levels,
            changes=[RankChangeOut.model_validate(c) for c in changes],
        )
