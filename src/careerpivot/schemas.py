"""The JSON shapes of CareerPivot's answers: one set of pydantic models for the HTTP API and
the command line's ``--json``, so both say the same thing in the same words.

Each answer carries ``dataset``: the data set's name, version, provenance and notices (the
O*NET attribution whenever O*NET data is used). Models are built from the engine's own
objects (``from_attributes``), so computed values (a gap's deficit, a plan's total hours)
travel with the fields.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from careerpivot.effort import HoursRange, PlanCheck, Preparation
from careerpivot.gaps import GapReport, Status
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
from careerpivot.scoring import Pivot
from careerpivot.search import TitleMatch

_FROM = ConfigDict(from_attributes=True)


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
    matches: list[TitleMatchOut]

    @classmethod
    def of(cls, dataset: Dataset, query: str, hits: Sequence[TitleMatch]) -> SearchAnswer:
        """Wrap the engine's search result."""
        return cls(
            dataset=DataSource.of(dataset),
            query=query,
            ambiguous=bool(getattr(hits, "ambiguous", False)),
            matches=[TitleMatchOut.model_validate(h) for h in hits],
        )


# ----- pivots --------------------------------------------------------------------------------
class RoleRef(BaseModel):
    """A role by code and title."""

    code: str
    title: str


class RecommendAnswer(Answer):
    """Ranked adjacent roles, each with reasons, gaps, wage change and outlook."""

    start: RoleRef | None = Field(description="the current role, when known")
    pivots: list[Pivot]

    @classmethod
    def of(cls, dataset: Dataset, current: str | None, pivots: list[Pivot]) -> RecommendAnswer:
        """Wrap the engine's pivots."""
        start = RoleRef(code=current, title=dataset.occupation(current).title) if current else None
        return cls(dataset=DataSource.of(dataset), start=start, pivots=pivots)


# ----- gaps ----------------------------------------------------------------------------------
class GapRowOut(BaseModel):
    """One requirement compared: levels 0-7, importance 1-5, priority = importance x deficit,
    a status and the hours to close it (the one gap model every page and command shows)."""

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
    note: str
    deficit: float
    priority: float
    priority_words: str
    why: str
    missing: bool
    unknown_tool: bool
    required_words: str = Field(description="what someone at the required level can do")
    current_words: str = Field(description="what someone at the current level can do")


class GapAnswer(Answer):
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
    tools_to_check: list[GapRowOut]
    met: list[GapRowOut] = Field(description="requirements already met (what transfers)")
    unused: list[GapRowOut]
    rows: list[GapRowOut]

    @classmethod
    def of(cls, dataset: Dataset, report: GapReport) -> GapAnswer:
        """Wrap the engine's gap report."""

        def rows(xs: list[Any]) -> list[GapRowOut]:
            return [GapRowOut.model_validate(x) for x in xs]

        return cls(
            dataset=DataSource.of(dataset),
            source=report.source,
            target=report.target_code,
            target_title=report.target_title,
            summary=report.summary,
            total_hours=report.total_hours,
            estimated=report.estimated,
            estimate_note=report.estimate_note,
            gaps=rows(report.to_close),
            tools_to_check=rows(report.tools_to_check),
            met=rows(report.transfers),
            unused=rows(report.unused),
            rows=rows(report.rows),
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
    old_rank: int
    new_rank: int
    old_score: float
    new_score: float
    gain: int


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
