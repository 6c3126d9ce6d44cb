"""Upskilling routes: an ordered learning plan, stepping-stone roles, and "what if I learn X".

Route costs are person-centric: walking a path of roles, the person closes what the
gap model counts as to close for the next role (its important requirements, see
:mod:`careerpivot.gaps`), and pays :func:`careerpivot.effort.hours_between` for the
rise. Levels never go down along the way, so a route can never cost less than closing the largest
single gap to the target directly.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from itertools import islice, pairwise
from weakref import WeakKeyDictionary

import networkx as nx
import numpy as np

from careerpivot.effort import (
    LEARNING_ADVICE,
    RANGE_HIGH,
    RANGE_LOW,
    HoursRange,
    PlanCheck,
    Preparation,
    check_plan,
    hours_between,
    hours_range,
    learning_kind,
    typical_preparation,
)
from careerpivot.errors import NoRouteError, NotScorableError, UnknownRoleError
from careerpivot.filters import Filters
from careerpivot.gaps import IMPORTANT, MEETS_WITHIN, GapReport, GapRow, person_gap, to_close_mask
from careerpivot.graph import RoleGraph, occupation_nodes
from careerpivot.model import Dataset, FloatArray
from careerpivot.profile import Profile
from careerpivot.scoring import Scores
from careerpivot.tool_families import ToolFamily, choose_tools, covered_by_family, families

#: Scores every role for a profile under filters (None: the profile's own); the engine
#: passes its scorer's ``score``. Only what-if and the start of a route need scores.
ScoreFn = Callable[[Profile, Filters | None], Scores]

#: Kept for callers: the gap model's thresholds (see :mod:`careerpivot.gaps`).
MIN_IMPORTANCE = IMPORTANT
MIN_DEFICIT = MEETS_WITHIN


#: Phases by the week a step starts in at the plan's study pace: first month (weeks 1-4),
#: first quarter (weeks 5-13), later.
PHASES: tuple[tuple[str, float], ...] = (("first month", 4.0), ("first quarter", 13.0))
PHASE_NAMES: tuple[str, ...] = (*(p for p, _ in PHASES), "later")
STUDY_HOURS_PER_WEEK = 10.0


class _HourRange:
    """``hours`` as the range people are shown (see :mod:`careerpivot.effort`)."""

    hours: float

    @property
    def hours_low(self) -> float:
        """Low end of the hour range."""
        return self.hours * RANGE_LOW

    @property
    def hours_high(self) -> float:
        """High end of the hour range."""
        return self.hours * RANGE_HIGH


@dataclass(frozen=True)
class LearningStep(_HourRange):
    """One gap to close: from the current level to the required level, with effort.

    A tool step stands for its family (``family_name``): the gap model keeps one tool
    per family, and the others the role lists are ``alternatives`` (names).
    """

    id: str
    name: str
    kind: str
    current: float
    target: float
    importance: float
    priority: float  # importance x deficit, times any boost (e.g. named in rejections)
    hours: float
    learning: str  # course, certification, project, mentoring, formal education
    advice: str
    boosted: bool = False
    rated: bool = True  # False: the person never rated it, so "current" is assumed 0
    family: str = ""  # tool family id ("" for skills and knowledge)
    family_name: str = ""
    alternatives: tuple[str, ...] = ()
    choice: str = ""  # why this tool of its family
    phase: str = ""  # "first month", "first quarter" or "later"


@dataclass(frozen=True)
class FamilyToCheck:
    """Tools the role uses from one family that the person never mentioned: one to learn
    if none is known (the most in demand for the role), the others as alternatives."""

    family: str
    tool: str
    alternatives: tuple[str, ...]
    hours: float  # for ``tool`` if it is new to the person


@dataclass(frozen=True)
class LearningPlan:
    """The gaps to a target role in the order to work on them, in phases, with an hour
    range, the target's typical preparation and the check of one against the other."""

    target_code: str
    target_title: str
    steps: list[LearningStep]
    gap: GapReport | None = None  # the gap model the steps come from
    preparation: Preparation | None = None
    hours_per_week: float = STUDY_HOURS_PER_WEEK
    to_check: list[FamilyToCheck] = field(default_factory=list)

    @property
    def total_hours(self) -> float:
        """Sum of the steps' estimated hours."""
        return float(sum(s.hours for s in self.steps))

    @property
    def hours(self) -> HoursRange:
        """The plan's hours as a range, with the basis stated."""
        zero = sum(1 for s in self.steps if not s.rated)
        return hours_range(self.total_hours, len(self.steps), zero)

    @property
    def check(self) -> PlanCheck:
        """The plan weighed against the target's typical preparation."""
        return check_plan(self.hours, self.preparation)

    @property
    def phases(self) -> list[tuple[str, list[LearningStep]]]:
        """Steps grouped by phase, in plan order; phases without steps are left out."""
        return [
            (p, [s for s in self.steps if s.phase == p])
            for p in PHASE_NAMES
            if any(s.phase == p for s in self.steps)
        ]


def phase_of(start_hours: float, hours_per_week: float = STUDY_HOURS_PER_WEEK) -> str:
    """The phase a step starting after ``start_hours`` of study falls in.

    >>> phase_of(0.0), phase_of(45.0), phase_of(200.0)
    ('first month', 'first quarter', 'later')
    """
    week = start_hours / hours_per_week
    for name, weeks in PHASES:
        if week < weeks:
            return name
    return "later"


def learning_plan(
    dataset: Dataset,
    profile: Profile,
    target: str,
    *,
    boost: Mapping[str, float] | None = None,
    hours_per_week: float = STUDY_HOURS_PER_WEEK,
) -> LearningPlan:
    """Ordered learning steps to close the gap model's missing set for ``target``.

    The steps are exactly :attr:`careerpivot.gaps.GapReport.to_close` (small gaps and
    gaps on important requirements), in its order and with its hours, so the plan
    agrees with the card and Compare. The gap model keeps one tool per family
    (:mod:`careerpivot.tool_families`): the one the person knows; a tool step names
    the family's other tools as alternatives. Tools the person never mentioned are
    "tools to check", grouped here by family with the most in-demand one first.
    ``boost`` multiplies the priority of named descriptors (the rejection log raises
    skills that rejections mention) and re-sorts by it. Steps fall into phases by
    when they start at ``hours_per_week``; the plan carries the target's typical
    preparation and the check of its hours against it.
    """
    report = person_gap(dataset, profile, target)
    boost = boost or {}
    fam = families(dataset)
    i = dataset.occupation_index[report.target_code]
    imp = dataset.importance_matrix[i]
    listed = {
        d.id for j, d in enumerate(dataset.descriptors) if d.kind == "technology" and imp[j] > 0
    }
    choices = choose_tools(dataset, report.target_code, {}, ids=listed)
    steps = []
    for row in report.to_close:
        d = dataset.descriptor(row.id)
        factor = boost.get(row.id, 1.0)
        family: ToolFamily | None = fam.get(row.id)
        alternatives: tuple[str, ...] = ()
        if family is not None:
            c = choices.get(family.id)
            others = (c.chosen, *c.alternatives) if c else ()
            alternatives = tuple(dataset.descriptor(t).name for t in others if t != row.id)
        kind = learning_kind(d, row.required, family.id if family else "")
        steps.append(
            LearningStep(
                id=row.id,
                name=row.name,
                kind=row.kind,
                current=row.current,
                target=row.required,
                importance=row.importance,
                priority=row.priority * factor,
                hours=row.hours,
                learning=kind,
                advice=LEARNING_ADVICE[kind],
                boosted=factor > 1.0,
                rated=row.rated,
                family=family.id if family else "",
                family_name=family.name if family else "",
                alternatives=alternatives,
                choice="you know it" if family and row.rated else "",
            )
        )
    if boost:
        steps.sort(key=lambda s: (-s.priority, s.hours, s.name))
    phased, start = [], 0.0
    for s in steps:
        phased.append(replace(s, phase=phase_of(start, hours_per_week)))
        start += s.hours
    return LearningPlan(
        report.target_code,
        report.target_title,
        phased,
        report,
        typical_preparation(dataset.occupation(report.target_code)),
        hours_per_week,
        _to_check(report, fam),
    )


def _to_check(report: GapReport, fam: Mapping[str, ToolFamily]) -> list[FamilyToCheck]:
    """The report's tools to check grouped by family, most important (in demand) first."""
    groups: dict[str, list[GapRow]] = {}
    names: dict[str, str] = {}
    for row in report.tools_to_check:
        key = fam[row.id].id if row.id in fam else row.id
        names.setdefault(key, fam[row.id].name if row.id in fam else row.name)
        groups.setdefault(key, []).append(row)
    out = []
    for key, rows in groups.items():
        name = names[key]
        rows = sorted(rows, key=lambda r: (-r.importance, r.hours, r.name))
        out.append(
            FamilyToCheck(name, rows[0].name, tuple(r.name for r in rows[1:]), rows[0].hours)
        )
    return out


# ----- stepping-stone routes ------------------------------------------------------------------
@dataclass(frozen=True)
class RouteStep:
    """One role on a route and the learning needed to qualify for it."""

    code: str
    title: str
    hours: float
    learn: list[tuple[str, float, float]] = field(default_factory=list)  # (name, from, to)


@dataclass(frozen=True)
class Route:
    """A path of roles from the start to the target, with total learning hours.

    ``largest_zone_step`` is the biggest rise in job zone between consecutive roles;
    a route is ``within_reach`` when no step rises more than the person allows.
    """

    start: str
    steps: list[RouteStep]
    largest_zone_step: int = 0
    within_reach: bool = True

    @property
    def total_hours(self) -> float:
        """Hours over every step."""
        return float(sum(s.hours for s in self.steps))

    @property
    def codes(self) -> list[str]:
        """Role codes from start to target."""
        return [self.start, *(s.code for s in self.steps)]


def cost_path(
    dataset: Dataset,
    start_levels: FloatArray,
    path: Iterable[str],
    *,
    known: np.ndarray | None = None,
) -> tuple[list[RouteStep], FloatArray]:
    """Person-centric cost of walking ``path`` (role codes, start excluded).

    Each role costs what the gap model counts as to close for it
    (:func:`careerpivot.gaps.to_close_mask`), so a direct route costs exactly the
    learning plan's hours. The quarter-level tolerance applies to the person's own
    levels only: once a step raised a descriptor, any further rise is paid in full, so
    a route never undercuts the direct move by stopping just short. ``known`` marks the
    descriptors the person rated; a tool they never mentioned is a tool to check, not a
    cost. Without ``known`` all count.
    """
    levels = np.array(start_levels, dtype=float)
    raised = np.zeros(len(levels), dtype=bool)
    tools = np.array([d.kind == "technology" for d in dataset.descriptors])
    unknown_tool = tools & ~known if known is not None else np.zeros(len(tools), dtype=bool)
    steps: list[RouteStep] = []
    for code in path:
        i = dataset.occupation_index[code]
        need = dataset.level_matrix[i]
        imp = dataset.importance_matrix[i]
        hours = 0.0
        learn: list[tuple[str, float, float]] = []
        studied = raised & (imp >= MIN_IMPORTANCE) & ~unknown_tool & (need > levels)
        close = to_close_mask(imp, need, levels, unknown_tool) | studied
        close &= ~covered_by_family(dataset, imp, levels, unknown_tool)
        for j in np.flatnonzero(close):
            d = dataset.descriptors[int(j)]
            hours += hours_between(d, float(levels[j]), float(need[j]))
            learn.append((d.name, float(levels[j]), float(need[j])))
            levels[j] = need[j]
            raised[j] = True
        steps.append(RouteStep(code, dataset.occupations[i].title, hours, learn))
    return steps, levels


_TRANSITIONS: WeakKeyDictionary[RoleGraph, dict[int, RoleGraph]] = WeakKeyDictionary()


def transition_graph(g: RoleGraph, max_step: int) -> RoleGraph:
    """Transition edges of ``g`` whose job-zone rise is at most ``max_step``, weighted by
    ``cost`` (effort hours + 1 per move), built once per graph and step limit."""
    per_graph = _TRANSITIONS.setdefault(g, {})
    if max_step not in per_graph:
        t: RoleGraph = nx.DiGraph()
        t.add_nodes_from(occupation_nodes(g))
        t.add_edges_from(
            (u, v, {"cost": float(d["effort"]) + 1.0})
            for u, v, d in g.edges(data=True)
            if d.get("relation") == "transition"
            and not (isinstance(d.get("job_zone_step"), int) and d["job_zone_step"] > max_step)
        )
        per_graph[max_step] = t
    return per_graph[max_step]


def within_hops(g: RoleGraph, start: str, target: str, max_hops: int) -> RoleGraph:
    """The part of ``g`` a route of at most ``max_hops`` moves can pass through.

    A role is kept when its hop distance from ``start`` plus its hop distance to
    ``target`` is at most ``max_hops``; every such route survives, and the path
    search no longer wanders the rest of the graph (a read-only subgraph view).
    """
    if start not in g or target not in g:
        raise nx.NodeNotFound(f"{start} or {target} is not in the graph")
    ahead = nx.single_source_shortest_path_length(g, start, cutoff=max_hops)
    behind = nx.single_source_shortest_path_length(g.reverse(copy=False), target, cutoff=max_hops)
    keep = [v for v, d in ahead.items() if v in behind and d + behind[v] <= max_hops]
    if target not in keep:
        raise nx.NetworkXNoPath(f"no route of at most {max_hops} moves to {target}")
    sub: RoleGraph = g.subgraph(keep)
    return sub


def route_start(dataset: Dataset, profile: Profile, score: ScoreFn) -> str:
    """Where a route starts: the current role, else the role the profile fits best (any
    job zone; ``score`` scores every role, e.g. the engine's scorer)."""
    if profile.current_role:
        return profile.current_role
    s = score(profile, profile.constraints.but(max_job_zone_step=4))
    idx = np.flatnonzero(s.eligible)
    if not idx.size:
        raise NotScorableError("rate some skills or name a current role to plan a route")
    return dataset.occupations[int(idx[np.argmax(s.total[idx])])].code


def stepping_stone_routes(
    g: RoleGraph,
    dataset: Dataset,
    profile: Profile,
    target: str,
    *,
    start: str | None = None,
    k: int = 3,
    max_hops: int = 4,
) -> list[Route]:
    """The ``k`` cheapest routes through intermediate roles to ``target``.

    Candidate paths come from ``networkx.shortest_simple_paths`` over transition
    edges (weight: role-to-role effort), allowing only job-zone steps within the
    profile's ``max_job_zone_step``; each is then costed for this person and the
    routes are returned cheapest first. The direct move counts as a route of one step.
    Routes start at ``start`` (default: the current role; see :func:`route_start`).
    """
    ds = dataset
    ds.occupation(target)
    if target not in g:
        raise UnknownRoleError(target, "The graph was built from another data set.")
    start = start or profile.current_role
    if start is None:
        raise NotScorableError("name a current role (or a role to start from) to plan a route")
    ds.occupation(start)
    if start == target:
        raise NoRouteError("you are already in the target role")
    max_step = profile.constraints.max_job_zone_step

    roles = transition_graph(g, max_step)
    person = profile.level_vector(ds)
    known = np.array([d.id in profile.ratings for d in ds.descriptors])
    candidates: list[list[str]] = [[start, target]]
    try:
        near = within_hops(roles, start, target, max_hops)
        for path in islice(nx.shortest_simple_paths(near, start, target, weight="cost"), k + 1):
            if len(path) - 1 <= max_hops and path not in candidates:
                candidates.append(path)
    except nx.NetworkXNoPath:
        pass
    zones = {o.code: o.job_zone for o in ds.occupations}
    routes = []
    for path in candidates:
        steps, _ = cost_path(ds, person, path[1:], known=known)
        rises = [(zones[b] or 0) - (zones[a] or 0) for a, b in pairwise(path)]
        biggest = max(rises)
        routes.append(Route(start, steps, biggest, biggest <= max_step))
    routes.sort(key=lambda r: (not r.within_reach, r.total_hours, len(r.steps)))
    return routes[:k]


# ----- what if --------------------------------------------------------------------------------
@dataclass(frozen=True)
class RankChange:
    """How one role moves when the person learns something."""

    code: str
    title: str
    old_rank: int
    new_rank: int
    old_score: float
    new_score: float

    @property
    def gain(self) -> int:
        """Places moved up (positive = better)."""
        return self.old_rank - self.new_rank


def what_if(
    dataset: Dataset,
    profile: Profile,
    descriptor: str,
    score: ScoreFn,
    *,
    levels: float = 1.0,
    top: int = 20,
) -> list[RankChange]:
    """Add ``levels`` to one descriptor and list the roles that move up, most first.

    Only roles in the new top ``top`` are reported, so the answer is about roles the
    person would actually see.
    """
    ds = dataset
    ds.descriptor(descriptor)
    new_level = min(7.0, profile.ratings.get(descriptor, 0.0) + levels)
    better = profile.with_ratings({descriptor: new_level})
    before = score(profile, None)
    after = score(better, None)
    old_rank = _ranks(before.total, before.eligible)
    new_rank = _ranks(after.total, after.eligible)
    changes = []
    for i in np.flatnonzero(after.eligible):
        if new_rank[i] <= top and new_rank[i] < old_rank[i]:
            occ = ds.occupations[int(i)]
            changes.append(
                RankChange(
                    occ.code,
                    occ.title,
                    int(old_rank[i]),
                    int(new_rank[i]),
                    float(before.total[i]),
                    float(after.total[i]),
                )
            )
    changes.sort(key=lambda c: (-c.gain, c.new_rank))
    return changes


@dataclass(frozen=True)
class WhatIfOption(_HourRange):
    """Learning one plan step to the target's level, and exactly what that changes for the
    target role: its rank among the person's matches and its fit (0-1)."""

    id: str
    name: str
    kind: str
    current: float
    reach: float
    hours: float
    target_title: str
    old_rank: int
    new_rank: int
    old_fit: float
    new_fit: float
    others: list[RankChange] = field(default_factory=list)  # other roles that move up

    @property
    def sentence(self) -> str:
        """``'Learn SQL from 3.0 to 4.5 (about 80-160 h): Data Scientists moves from rank 22
        to 19 of your matches by fit; fit 61% -> 64%.'``, ranks stated exactly, never rounded.

        "By fit": the Pivots page's "realistic next steps" list places roles otherwise, so a
        rank without it contradicted the card's number."""
        if self.new_rank < self.old_rank:
            move = f"moves from rank {self.old_rank} to {self.new_rank} of your matches by fit"
        else:
            move = f"stays at rank {self.new_rank} of your matches by fit"
        return (
            f"Learn {self.name} from {self.current:.1f} to {self.reach:.1f} (about "
            f"{self.hours_low:,.0f}-{self.hours_high:,.0f} h): {self.target_title} {move}; "
            f"fit {self.old_fit:.0%} → {self.new_fit:.0%}."
        )


def what_if_options(
    dataset: Dataset,
    profile: Profile,
    plan: LearningPlan,
    score: ScoreFn,
    *,
    min_gain: float = 0.001,
) -> list[WhatIfOption]:
    """The plan's steps that move the target, each learned to the target's level.

    A step is offered only when it raises the target's fit by at least ``min_gain``
    or its rank; steps that change nothing for the target are left out. Best first:
    most rank places gained, then most fit per hour.
    """
    ds = dataset
    i = ds.occupation_index[plan.target_code]
    before = score(profile, None)
    old_ranks = _ranks(before.total, before.eligible | (np.arange(len(ds)) == i))
    out = []
    for step in plan.steps:
        better = profile.with_ratings({step.id: min(7.0, step.target)})
        after = score(better, None)
        new_ranks = _ranks(after.total, after.eligible | (np.arange(len(ds)) == i))
        old_fit, new_fit = float(before.total[i]), float(after.total[i])
        if not (new_fit - old_fit >= min_gain or new_ranks[i] < old_ranks[i]):
            continue
        others = [
            RankChange(
                ds.occupations[int(j)].code,
                ds.occupations[int(j)].title,
                int(old_ranks[j]),
                int(new_ranks[j]),
                float(before.total[j]),
                float(after.total[j]),
            )
            for j in np.flatnonzero(after.eligible)
            if j != i and new_ranks[j] < old_ranks[j] and new_ranks[j] <= 20
        ]
        others.sort(key=lambda c: (-c.gain, c.new_rank))
        out.append(
            WhatIfOption(
                step.id,
                step.name,
                step.kind,
                step.current,
                min(7.0, step.target),
                step.hours,
                plan.target_title,
                int(old_ranks[i]),
                int(new_ranks[i]),
                old_fit,
                new_fit,
                others[:5],
            )
        )
    out.sort(
        key=lambda o: (
            -(o.old_rank - o.new_rank),
            -(o.new_fit - o.old_fit) / max(o.hours, 1.0),
            o.name,
        )
    )
    return out


def _ranks(total: FloatArray, eligible: np.ndarray) -> np.ndarray:
    score = np.where(eligible, total, -np.inf)
    order = np.argsort(-score, kind="stable")
    ranks = np.empty(len(score), dtype=int)
    ranks[order] = np.arange(1, len(score) + 1)
    return ranks
