"""The Engine is the one boundary: the CLI, the app, reports and the HTTP API ask it their
questions instead of calling the core's question functions or its scorer, so every page
and command shows the same numbers. Types (Pivot, GapReport, ...) and constants may be
imported; building data (importers, ``graph build``) is not a question and is allowed."""

from __future__ import annotations

import ast

import pytest

from tests.conftest import REPO

FRONTS = ("cli", "ui", "report", "api")
#: The core's question functions: each has an Engine method that callers use instead.
QUESTIONS = {
    "careerpivot.scoring": {"recommend", "explain", "rank", "score", "scoring_notes"},
    "careerpivot.gaps": {"person_gap", "role_gap", "compare_vector"},
    "careerpivot.routes": {"learning_plan", "stepping_stone_routes", "what_if", "route_start"},
    "careerpivot.graph": {"neighbourhood", "transitions", "load_graph"},
    "careerpivot.profile": {"profile_from_role"},
    "careerpivot.search": {"TitleIndex"},
    "careerpivot.relatedness": set(),  # nothing: the engine's ranker is reached through it
}
PACKAGE = REPO / "src" / "careerpivot"
FILES = sorted(p for front in FRONTS for p in (PACKAGE / front).rglob("*.py"))


def _violations(path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module in QUESTIONS:
            banned = QUESTIONS[node.module]
            for alias in node.names:
                if alias.name in banned or (node.module == "careerpivot.relatedness"):
                    out.append(f"line {node.lineno}: from {node.module} import {alias.name}")
        if isinstance(node, ast.Attribute) and node.attr in ("scorer", "scorer_"):
            out.append(f"line {node.lineno}: .{node.attr} (ask the Engine instead)")
    return out


def test_the_fronts_exist():
    assert len(FILES) > 20


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_fronts_ask_the_engine(path):
    assert _violations(path) == []


@pytest.mark.parametrize(
    "path", sorted((PACKAGE / "rejections").rglob("*.py")), ids=lambda p: p.name
)
def test_the_rejection_review_asks_the_engine_not_its_scorer(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    reads = [
        n.lineno for n in ast.walk(tree) if isinstance(n, ast.Attribute) and n.attr == "scorer"
    ]
    assert reads == []


def test_routes_and_redirect_take_the_dataset_not_a_scorer():
    import inspect

    from careerpivot import routes
    from careerpivot.rejections import redirect

    for fn in (
        routes.route_start,
        routes.stepping_stone_routes,
        routes.what_if,
        routes.what_if_options,
        redirect.suggest_redirect,
        redirect.redirect_triggers,
    ):
        params = inspect.signature(fn).parameters
        assert "dataset" in params and "scorer" not in params, fn.__name__


def test_engine_answers_what_the_fronts_used_to_compute(engine):
    prof = engine.profile_for("15-1252.00")
    assert engine.route_start(prof) == "15-1252.00"
    anonymous = prof.model_copy(update={"current_role": None})
    assert engine.route_start(anonymous) in engine.dataset.occupation_index
    rows = engine.transitions("15-1252.00")
    sims = [d["similarity"] for _, d in rows]
    assert rows and sims == sorted(sims, reverse=True)
    sub = engine.neighbourhood("15-1252.00")
    assert "15-1252.00" in sub and {b for b, _ in rows} <= set(sub)
    assert isinstance(engine.unused_signals, dict)
