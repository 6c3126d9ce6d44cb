"""One engine object shared by the CLI and the app: data set, scorer, graph and title index."""

from __future__ import annotations

from collections.abc import Callable
from functools import cached_property
from pathlib import Path
from typing import Any

from careerpivot.datasets.registry import dataset_path, load_dataset
from careerpivot.datasets.saved import load_relatedness, load_text_likeness
from careerpivot.datasets.starter import STARTER_NAME
from careerpivot.errors import InputTooLongError
from careerpivot.facts import RoleFacts, role_facts, shared_figures
from careerpivot.filters import Filters
from careerpivot.gaps import GapReport, person_gap, role_gap
from careerpivot.graph import (
    RoleGraph,
    build_graph,
    dataset_fingerprint,
    load_graph,
    neighbourhood,
    transitions,
)
from careerpivot.model import Dataset, FloatArray
from careerpivot.profile import Profile, profile_from_role
from careerpivot.ranking import PivotRanker, RealisticWeights, SortKey
from careerpivot.relatedness import RelatednessModel, text_likeness
from careerpivot.resources import graphs_dir
from careerpivot.routes import (
    LearningPlan,
    RankChange,
    Route,
    WhatIfOption,
    learning_plan,
    route_start,
    stepping_stone_routes,
    what_if,
    what_if_options,
)
from careerpivot.scoring import Pivot, PivotScorer, Scores, ScoringWeights, scoring_notes
from careerpivot.search import SearchResult, TitleIndex


def starter_graph_path() -> Path:
    """The committed graph artifact of the starter data set (shipped in the package)."""
    return graphs_dir("starter.json")


#: The longest job title a search reads (the API's limit too; O*NET 29.2's longest title,
#: an alternate one, has 128 characters).
TITLE_QUERY_MAX = 200


class Engine:
    """Everything needed to answer questions about one data set.

    >>> eng = Engine.load()
    >>> eng.search("registered nurse")[0].code
    '29-1141.00'
    """

    def __init__(
        self,
        dataset: Dataset,
        *,
        graph: RoleGraph | None = None,
        graph_file: Path | None = None,
        weights: ScoringWeights | None = None,
        relatedness: FloatArray | Callable[[], FloatArray | None] | None = None,
        realistic: RealisticWeights | None = None,
        likeness: FloatArray | Callable[[], FloatArray | None] | None = None,
    ) -> None:
        self.dataset = dataset
        self._graph = graph
        self._graph_file = graph_file
        self.scorer = PivotScorer(weights).fit(dataset)
        #: The default list ("realistic next steps"); the relatedness key and the text
        #: likeness are the saved ones, else computed on first use (the starter set:
        #: about a second).
        self.ranker = PivotRanker(
            self.scorer,
            relatedness if relatedness is not None else self._fit_relatedness,
            realistic,
            likeness if likeness is not None else self._text_likeness,
        )

    def _text_likeness(self) -> FloatArray | None:
        return text_likeness(self.dataset) if len(self.dataset) >= 2 else None

    def _fit_relatedness(self) -> FloatArray | None:
        if len(self.dataset) < 2:
            return None
        key: FloatArray = RelatednessModel().fit(self.dataset).score_
        return key

    @classmethod
    def load(cls, name: str = STARTER_NAME, data_dir: Path | None = None) -> Engine:
        """Load a data set by name; its saved graph is read on first use (routes need it)."""
        dataset = load_dataset(name, data_dir)
        if name == STARTER_NAME:
            return cls(dataset, graph_file=starter_graph_path())
        folder = dataset_path(name, data_dir)
        return cls(
            dataset,
            graph_file=folder / "graph.json",
            relatedness=load_relatedness(folder, len(dataset)),
            likeness=load_text_likeness(folder, len(dataset)),
        )

    @property
    def graph(self) -> RoleGraph:
        """The skills-and-roles graph: the saved one if current, else built now."""
        if self._graph is None:
            saved = (
                load_graph(self._graph_file)
                if self._graph_file and self._graph_file.exists()
                else None
            )
            if saved is not None and saved.graph.get("fingerprint") == dataset_fingerprint(
                self.dataset
            ):
                self._graph = saved
            else:  # missing or stale (built from other data)
                self._graph = build_graph(self.dataset)
        return self._graph

    @cached_property
    def titles(self) -> TitleIndex:
        """Title index: titles, alternate titles and the team's lay names."""
        return TitleIndex(self.dataset)

    # ----- the questions ------------------------------------------------------------------
    def search(self, query: str, limit: int = 10) -> SearchResult:
        """Roles matching a typed title, best first, flagged ambiguous when the first are close.

        The one title search: the Start page, Compare and Plan targets, the rejection
        form, the CLI's ``--role``/``--target`` and ``profile init`` all call it. A query
        over :data:`TITLE_QUERY_MAX` characters is refused (:class:`InputTooLongError`):
        no title is that long, and the search's time grows with the square of its length
        (50,000 characters took seconds).
        """
        if len(query) > TITLE_QUERY_MAX:
            raise InputTooLongError("the job title typed", len(query), TITLE_QUERY_MAX)
        return self.titles.find(query, limit=limit)

    def profile_for(self, code: str) -> Profile:
        """A profile seeded from a role."""
        return profile_from_role(self.dataset, code)

    def recommend(
        self,
        profile: Profile,
        k: int = 20,
        *,
        sort_by: SortKey = "realistic",
        explain: bool = True,
        filters: Filters | None = None,
    ) -> list[Pivot]:
        """The default pivot list, "realistic next steps" (:mod:`careerpivot.ranking`):
        the first 10 places one role per SOC broad group (others under ``similar``);
        ``sort_by`` re-sorts the most realistic roles by fit, openings, pay or outlook.
        ``filters`` default to the profile's own constraints."""
        return self.ranker.recommend(profile, k, sort_by=sort_by, explain=explain, filters=filters)

    @cached_property
    def _shared_figures(self) -> dict[str, tuple[str, ...]]:
        return shared_figures(self.dataset)

    def facts(self, code: str) -> RoleFacts:
        """A role's description and top tasks (with their source) and the roles that
        share its BLS wage and outlook figure."""
        return role_facts(self.dataset, code, shared=self._shared_figures)

    def explain(self, profile: Profile, code: str) -> Pivot:
        """One role scored and explained for the profile, eligible or not; its ``gap`` is
        the same gap model :meth:`gap` returns."""
        return self.scorer.explain(profile, code)

    def scoring_notes(self, profile: Profile) -> list[str]:
        """Sentences on the profile's answers this data set cannot use (e.g. work values)."""
        return scoring_notes(self.scorer, profile)

    def gap(self, profile: Profile, target: str) -> GapReport:
        """Person vs role: the one gap model (status, priority and hours per requirement)
        that cards, Compare, Plan, routes, reports and JSON all render."""
        return person_gap(self.dataset, profile, target)

    def role_gap(self, source: str, target: str) -> GapReport:
        """Role vs role: the same gap model, with the source role's levels."""
        return role_gap(self.dataset, source, target)

    def plan(
        self, profile: Profile, target: str, boost: dict[str, float] | None = None
    ) -> LearningPlan:
        """Ordered learning plan to a target."""
        return learning_plan(self.dataset, profile, target, boost=boost)

    def routes(self, profile: Profile, target: str, k: int = 3) -> list[Route]:
        """Stepping-stone routes to a target."""
        start = self.route_start(profile)
        return stepping_stone_routes(self.graph, self.dataset, profile, target, start=start, k=k)

    def route_start(self, profile: Profile) -> str:
        """Where routes and the map start for the profile: its current role, else the role
        it fits best (any job zone)."""
        return route_start(self.dataset, profile, self.scorer.score)

    def neighbourhood(self, code: str, radius: int = 1) -> RoleGraph:
        """The roles within ``radius`` transition steps of ``code`` (the map's subgraph)."""
        return neighbourhood(self.graph, code, radius=radius)

    def transitions(self, code: str) -> list[tuple[str, dict[str, Any]]]:
        """The roles one step from ``code`` with the edge's similarity, effort and job-zone
        step, most similar first (the map as a table)."""
        return transitions(self.graph, code)

    @property
    def unused_signals(self) -> dict[str, str]:
        """Profile parts this data set cannot score (e.g. ``values``), each with the reason."""
        return dict(self.scorer.unused_)

    def what_if(self, profile: Profile, descriptor: str, levels: float = 1.0) -> list[RankChange]:
        """Roles that move up if the person adds ``levels`` to one descriptor."""
        return what_if(self.dataset, profile, descriptor, self.scorer.score, levels=levels)

    def what_if_options(self, profile: Profile, target: str) -> list[WhatIfOption]:
        """The plan steps to ``target`` that move it, with hours, rank and fit before/after."""
        plan = self.plan(profile, target)
        return what_if_options(self.dataset, profile, plan, self.scorer.score)

    def pivot_scores(
        self, profile: Profile, filters: Filters | None = None
    ) -> tuple[Scores, FloatArray]:
        """Every role's fit scores for the profile and its realistic-next-steps score (the
        default list's order); the rejection redirect picks its candidates from these."""
        s, realistic, _ = self.ranker.scores(profile, filters)
        return s, realistic
