"""Figure builders (no Streamlit): radar, role map, route diagram, click handling."""

import doctest
import math

import networkx as nx
import pytest
from hypothesis import given
from hypothesis import strategies as st

from careerpivot.graph import neighbourhood
from careerpivot.routes import Route, RouteStep
from careerpivot.ui import figures

SWD = "15-1252.00"


def test_doctests_pass():
    assert doctest.testmod(figures).failed == 0


def test_radar_closes_each_trace_and_uses_the_0_7_scale():
    fig = figures.radar_figure(
        ["Programming", "Writing", "SQL"], [("You", [5, 3, 1]), ("Role", [4, 4, 4])]
    )
    you, role = fig.data
    assert list(you.r) == [5, 3, 1, 5] and you.theta[0] == you.theta[-1]
    assert you.fill == "toself" and role.fill == "none"
    assert tuple(fig.layout.polar.radialaxis.range) == (0, 7)


def test_radar_refuses_mismatched_or_empty_input():
    with pytest.raises(ValueError, match="2 values for 3 labels"):
        figures.radar_figure(["a", "b", "c"], [("You", [1, 2])])
    with pytest.raises(ValueError, match="at least one"):
        figures.radar_figure([], [])


def test_radar_rows_include_the_biggest_gaps_and_the_most_important_requirements(engine):
    report = engine.gap(engine.profile_for(SWD), "15-2051.00")
    rows = figures.radar_rows(report, n=8)
    assert len(rows) == 8 and len({r.id for r in rows}) == 8
    assert report.gaps[0] in rows
    most_important = max(
        (r for r in report.rows if r not in report.gaps and r.kind != "technology"),
        key=lambda r: r.importance,
    )
    assert any(r.importance == most_important.importance for r in rows)
    assert not any(r.status == "tool to check" for r in rows)  # levels never stated


def test_layout_is_deterministic_centred_and_puts_alike_roles_closer(engine):
    sub = neighbourhood(engine.graph, SWD)
    pos = figures.graph_layout(sub, SWD)
    assert pos == figures.graph_layout(sub, SWD)
    assert pos[SWD] == (0.0, 0.0) and set(pos) == set(sub.nodes)
    radius = {n: math.hypot(*xy) for n, xy in pos.items() if n != SWD}
    assert all(0.6 - 1e-9 <= r <= 1.0 + 1e-9 for r in radius.values())
    sim = {n: sub[SWD][n]["similarity"] for n in radius}
    closest, farthest = max(sim, key=sim.get), min(sim, key=sim.get)
    assert radius[closest] < radius[farthest]


def test_layout_of_a_lonely_role_and_an_unknown_centre():
    g = nx.DiGraph()
    g.add_node("a", title="A")
    assert figures.graph_layout(g, "a") == {"a": (0.0, 0.0)}
    with pytest.raises(KeyError):
        figures.graph_layout(g, "b")


def test_map_points_carry_role_codes_and_lines_join_the_centre(engine):
    sub = neighbourhood(engine.graph, SWD)
    pos = figures.graph_layout(sub, SWD)
    some = [n for n in sub.nodes if n != SWD][:3]
    fig = figures.map_figure(sub, pos, {SWD: "current", some[0]: "saved", some[1]: "suggested"})
    lines, *points = fig.data
    assert lines.mode == "lines"
    assert sum(x is None for x in lines.x) == sub.number_of_nodes() - 1
    codes = [c for tr in points for c in tr.customdata]
    assert sorted(codes) == sorted(sub.nodes)
    by_name = {tr.name: list(tr.customdata) for tr in points}
    assert by_name["Where you start"] == [SWD] and by_name["On your shortlist"] == [some[0]]
    assert all(t for tr in points for t in tr.text)  # every role is labelled


@given(st.floats(-1, 1), st.floats(-1, 1))
def test_labels_point_away_from_the_middle(x, y):
    where = figures.label_position(x, y)
    if abs(x) > 2 * abs(y) and abs(x) > 0.01:
        assert where == ("middle right" if x > 0 else "middle left")
    if abs(y) > 2 * abs(x) and abs(y) > 0.01:
        assert where == ("top center" if y > 0 else "bottom center")


@pytest.mark.parametrize(
    ("selection", "expected"),
    [
        (None, None),
        ({}, None),
        ({"points": [{"x": 1, "y": 2}]}, None),  # a line, not a role
        ({"points": [{"customdata": "15-1254.00"}]}, "15-1254.00"),
        ({"points": [{"customdata": []}, {"customdata": ["29-1141.00"]}]}, "29-1141.00"),
    ],
)
def test_selected_code(selection, expected):
    assert figures.selected_code(selection) == expected


def test_routes_dot_draws_every_route_with_hours_and_escapes_titles():
    routes = [
        Route("a", [RouteStep("c", "Target", 120.0)]),
        Route("a", [RouteStep("b", 'The "B" role', 40.4), RouteStep("c", "Target", 80.0)]),
    ]
    titles = {"a": "Start role", "b": 'The "B" role', "c": "Target"}
    dot = figures.routes_dot(routes, titles, "c")
    assert dot.startswith("digraph routes {") and dot.rstrip().endswith("}")
    assert '"a" -> "c" [label="1: ≈120 h"' in dot
    assert '"a" -> "b" [label="2: ≈40 h"' in dot and '"b" -> "c" [label="2: ≈80 h"' in dot
    assert 'The \\"B\\" role' in dot
    assert "(you start here)" in dot and "(target)" in dot
    assert dot.count("->") == 3
