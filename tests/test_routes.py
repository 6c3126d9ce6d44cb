import networkx as nx
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from careerpivot.effort import hours_between
from careerpivot.errors import NoRouteError, UnknownDescriptorError
from careerpivot.graph import build_graph
from careerpivot.profile import Profile, profile_from_role
from careerpivot.routes import (
    MIN_DEFICIT,
    MIN_IMPORTANCE,
    cost_path,
    learning_plan,
    stepping_stone_routes,
    what_if,
    within_hops,
)
from careerpivot.scoring import PivotScorer
from careerpivot.testing import synthetic_dataset

SYN = synthetic_dataset(40, 15, seed=7, families=5)
SYN_SCORER = PivotScorer().fit(SYN)
SYN_GRAPH = build_graph(SYN, neighbours=5)


def test_learning_plan_orders_by_priority(tiny):
    plan = learning_plan(tiny, Profile(ratings={"2.A.1.a": 3.0}), "15-0003.00")
    assert [s.id for s in plan.steps] == ["2.B.3.e", "2.A.1.a"]  # SQL: a tool to check
    assert all(a.priority >= b.priority for a, b in zip(plan.steps, plan.steps[1:], strict=False))
    assert plan.total_hours == pytest.approx(sum(s.hours for s in plan.steps))
    assert all(s.hours > 0 and s.advice for s in plan.steps)


def test_boost_raises_named_skills(tiny):
    plain = learning_plan(tiny, Profile(ratings={"2.A.1.a": 3.0}), "15-0003.00")
    boosted = learning_plan(
        tiny, Profile(ratings={"2.A.1.a": 3.0}), "15-0003.00", boost={"2.A.1.a": 10}
    )
    assert plain.steps[0].id != "2.A.1.a" and boosted.steps[0].id == "2.A.1.a"
    assert boosted.steps[0].boosted


def test_plan_skips_noise_level_gaps(tiny):
    plan = learning_plan(tiny, profile_from_role(tiny, "15-0001.00"), "15-0002.00")
    assert plan.steps == []  # the twin differs by less than a quarter level point


def test_plan_is_the_gap_models_missing_set(starter):
    prof = profile_from_role(starter, "15-1252.00")
    plan = learning_plan(starter, prof, "15-1251.00")
    assert plan.gap is not None
    assert [s.id for s in plan.steps] == [r.id for r in plan.gap.to_close]
    assert plan.total_hours == pytest.approx(plan.gap.total_hours)


def _largest_gap_hours(ds, person, target):
    i = ds.occupation_index[target]
    need, imp = ds.level_matrix[i], ds.importance_matrix[i]
    return max(
        (
            # A stop may leave a skill within MIN_DEFICIT of the target's level (that
            # counts as met there), so the floor is the climb to that point.
            hours_between(ds.descriptors[j], person[j], need[j] - MIN_DEFICIT)
            for j in range(len(need))
            if imp[j] >= MIN_IMPORTANCE
            and need[j] - person[j] >= MIN_DEFICIT
            # A tool gap can be met by another tool of its family learned on the way
            # (one tool per family), so the floor counts skills and knowledge only.
            and ds.descriptors[j].kind != "technology"
        ),
        default=0.0,
    )


@given(st.integers(0, 39), st.integers(0, 39))
@settings(max_examples=25, deadline=None)
def test_a_route_never_costs_less_than_its_largest_gap(a, b):
    if a == b:
        return
    src, dst = SYN.occupations[a].code, SYN.occupations[b].code
    profile = profile_from_role(SYN, src).model_copy(
        update={
            "constraints": profile_from_role(SYN, src).constraints.model_copy(
                update={"max_job_zone_step": 4}
            )
        }
    )
    person = SYN_SCORER.person_vector(profile)
    floor = _largest_gap_hours(SYN, person, dst)
    for route in stepping_stone_routes(SYN_GRAPH, SYN, profile, dst, k=3):
        assert route.codes[0] == src and route.codes[-1] == dst
        assert route.total_hours >= floor - 1e-6


@given(st.integers(0, 39), st.integers(0, 39), st.integers(0, 14), st.floats(0.5, 3))
@settings(max_examples=25, deadline=None)
def test_adding_a_gap_never_makes_a_path_cheaper(a, b, j, extra):
    """Lowering the person's level on one descriptor can only raise a path's cost."""
    if a == b:
        return
    person = SYN_SCORER.person_vector(profile_from_role(SYN, SYN.occupations[a].code))
    worse = person.copy()
    worse[j] = max(0.0, worse[j] - extra)
    path = [SYN.occupations[b].code]
    before = sum(s.hours for s in cost_path(SYN, person, path)[0])
    after = sum(s.hours for s in cost_path(SYN, worse, path)[0])
    assert after >= before - 1e-9


def test_routes_are_sorted_and_respect_reach(starter, engine):
    p = engine.profile_for("15-1252.00")
    routes = engine.routes(p, "15-2011.00", k=3)
    assert 1 <= len(routes) <= 3
    reach = [r for r in routes if r.within_reach]
    assert [r.total_hours for r in reach] == sorted(r.total_hours for r in reach)
    assert all(r.largest_zone_step <= p.constraints.max_job_zone_step for r in reach)


def test_route_to_current_role_is_an_error(engine):
    with pytest.raises(NoRouteError):
        engine.routes(engine.profile_for("15-1252.00"), "15-1252.00")


def test_what_if_moves_roles_up(engine):
    p = engine.profile_for("15-2051.01").without_ratings(["tech:sql"])
    moves = what_if(engine.dataset, p, "tech:sql", engine.scorer.score, levels=4.0)
    assert moves and all(m.gain > 0 for m in moves)
    assert moves == sorted(moves, key=lambda m: (-m.gain, m.new_rank))
    with pytest.raises(UnknownDescriptorError):
        what_if(engine.dataset, p, "tech:nothing", engine.scorer.score)


def test_cost_path_raises_levels_monotonically(tiny):
    start = np.zeros(len(tiny.descriptors))
    steps, final = cost_path(tiny, start, ["15-0001.00", "15-0003.00"])
    assert (final >= start).all() and steps[1].hours > 0


@settings(max_examples=60, deadline=None)
@given(
    edges=st.sets(st.tuples(st.integers(0, 11), st.integers(0, 11)), min_size=5, max_size=60),
    max_hops=st.integers(1, 4),
)
def test_pruning_to_within_hops_keeps_every_short_route(edges, max_hops):
    g = nx.DiGraph()
    g.add_nodes_from(range(12))
    g.add_edges_from((u, v) for u, v in edges if u != v)

    def short(h):
        return {tuple(p) for p in nx.all_simple_paths(h, 0, 11, cutoff=max_hops)}

    try:
        near = within_hops(g, 0, 11, max_hops)
    except nx.NetworkXNoPath:
        assert not short(g)
        return
    assert short(near) == short(g) and short(g)
    assert near.number_of_nodes() <= g.number_of_nodes()
