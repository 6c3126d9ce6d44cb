"""Cached access to the engine: one :class:`Engine` per data set, results cached per question.

``st.cache_resource`` holds the engines (shared by every session, read-only after
loading: the graph and the title index are built before the engine is handed out,
so no two sessions race to build them). ``st.cache_data`` holds answers, keyed by
the data set name, the profile's JSON and the question's arguments; the profile
object itself is passed unhashed (leading underscore) beside its key.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import networkx as nx
import streamlit as st

from careerpivot.datasets.registry import DatasetInfo, available_datasets
from careerpivot.engine import Engine
from careerpivot.filters import Filters
from careerpivot.gaps import GapReport
from careerpivot.graph import RoleGraph
from careerpivot.profile import Profile
from careerpivot.ranking import SORT_KEYS
from careerpivot.routes import LearningPlan, RankChange, Route, WhatIfOption
from careerpivot.scoring import Pivot
from careerpivot.search import SearchResult
from careerpivot.ui.figures import graph_layout

if TYPE_CHECKING:
    from careerpivot.store import Store


@st.cache_resource(show_spinner="Loading the data set...", max_entries=4)
def engine(name: str) -> Engine:
    """The engine of a data set, with its graph and title index ready."""
    eng = Engine.load(name)
    _ = eng.graph, eng.titles
    return eng


@st.cache_resource(show_spinner="Opening the client records...")
def store(url: str) -> Store:
    """The client store at ``url`` (one connection pool per server, shared by sessions)."""
    from careerpivot.store import Store  # the store is an optional core: imported on use

    return Store.open(url)


@st.cache_data(show_spinner=False, ttl=60)
def datasets() -> list[DatasetInfo]:
    """The data sets to choose from (re-read every minute, so new imports show up)."""
    return available_datasets()


def profile_key(profile: Profile) -> str:
    """The cache key of a profile: its JSON."""
    return profile.model_dump_json()


@st.cache_data(show_spinner=False, max_entries=256)
def search(dataset: str, query: str, limit: int = 6) -> SearchResult:
    """Roles matching a typed title: :meth:`Engine.search`, the one search every picker uses."""
    return engine(dataset).search(query, limit=limit)


@st.cache_data(show_spinner=False, max_entries=256)
def recommend(
    dataset: str,
    key: str,
    _profile: Profile,
    k: int,
    filters: Filters,
    *,
    sort_by: str = "realistic",
) -> list[Pivot]:
    """Top-k pivots with reasons, after filters, in the default order or re-sorted."""
    return engine(dataset).recommend(
        _profile, k, sort_by=sort_by if sort_by in SORT_KEYS else "realistic", filters=filters
    )


@st.cache_data(show_spinner=False, max_entries=256)
def explain(dataset: str, key: str, _profile: Profile, code: str) -> Pivot:
    """One role scored and explained for the profile, eligible or not."""
    return engine(dataset).explain(_profile, code)


@st.cache_data(show_spinner=False, max_entries=256)
def person_gap(dataset: str, key: str, _profile: Profile, target: str) -> GapReport:
    """Person vs role."""
    return engine(dataset).gap(_profile, target)


@st.cache_data(show_spinner=False, max_entries=256)
def role_gap(dataset: str, source: str, target: str) -> GapReport:
    """Role vs role."""
    return engine(dataset).role_gap(source, target)


@st.cache_data(show_spinner=False, max_entries=128)
def plan(dataset: str, key: str, _profile: Profile, target: str) -> LearningPlan:
    """Ordered learning steps to a target role."""
    return engine(dataset).plan(_profile, target)


@st.cache_data(show_spinner=False, max_entries=128)
def routes(dataset: str, key: str, _profile: Profile, target: str, k: int = 3) -> list[Route]:
    """Stepping-stone routes to a target role, cheapest first."""
    return engine(dataset).routes(_profile, target, k=k)


@st.cache_data(show_spinner=False, max_entries=256)
def what_if(
    dataset: str, key: str, _profile: Profile, descriptor: str, levels: float
) -> list[RankChange]:
    """Roles that move up if the person adds ``levels`` to one descriptor."""
    return engine(dataset).what_if(_profile, descriptor, levels)


@st.cache_data(show_spinner=False, max_entries=64)
def what_if_options(dataset: str, key: str, _profile: Profile, target: str) -> list[WhatIfOption]:
    """The plan steps to ``target`` that move it, with hours, rank and fit before and after."""
    return engine(dataset).what_if_options(_profile, target)


@st.cache_data(show_spinner=False, max_entries=128)
def role_map(dataset: str, centre: str) -> tuple[RoleGraph, dict[str, tuple[float, float]]]:
    """The roles one step from ``centre`` and a fixed layout of them (for the map view)."""
    sub = engine(dataset).neighbourhood(centre, radius=1)
    return nx.DiGraph(sub), graph_layout(sub, centre)
