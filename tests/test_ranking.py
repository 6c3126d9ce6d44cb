"""The default pivot list, "realistic next steps": groups, re-sorts, no-role profiles."""

from __future__ import annotations

import numpy as np
import pytest

from careerpivot.engine import Engine
from careerpivot.filters import Filters
from careerpivot.profile import Profile
from careerpivot.ranking import (
    DISTINCT,
    POOL,
    RealisticWeights,
    broad_group,
    order_rows,
    realistic_score,
    relatedness_term,
)


def test_first_places_hold_one_role_per_broad_group(engine: Engine):
    pivots = engine.recommend(engine.profile_for("15-1252.00"), 20)
    heads = [broad_group(p.code) for p in pivots[:DISTINCT]]
    assert len(set(heads)) == DISTINCT
    listed = [p.code for p in pivots]
    for p in pivots[:DISTINCT]:
        for s in p.similar:
            assert broad_group(s.code) == broad_group(p.code) and s.code not in listed
    assert any(p.similar for p in pivots)  # developers have siblings (web developers, ...)
    assert all(p.realistic is not None and p.relatedness is not None for p in pivots)


def test_related_roles_lead_for_a_software_developer(engine: Engine):
    top = [p.code for p in engine.recommend(engine.profile_for("15-1252.00"), 10)]
    shown = top + [s.code for p in engine.recommend(engine.profile_for("15-1252.00"), 10)
                   for s in p.similar]  # fmt: skip
    assert "15-1254.00" in shown  # web developers
    assert not any(c.startswith(("35-", "41-2")) for c in top)  # no cooks or cashiers


def test_what_the_person_rates_moves_the_list(engine: Engine):
    base = engine.profile_for("29-1141.00")  # registered nurse
    before = [p.code for p in engine.recommend(base, 10)]
    coder = base.with_ratings({"2.B.3.e": 6.0, "2.C.3.a": 6.0, "2.A.2.a": 6.0})
    after = [p.code for p in engine.recommend(coder, 10)]
    assert before != after


def test_a_profile_without_a_role_gets_a_list(engine: Engine):
    prof = Profile(
        ratings={"2.B.3.e": 5.0, "2.C.3.a": 5.0, "2.A.1.a": 4.0, "2.C.4.a": 4.0},
        interests={"R": 3, "I": 6, "A": 3, "S": 2, "E": 3, "C": 5},
    )
    pivots = engine.recommend(prof, 10)
    assert len(pivots) == 10 and all(p.relatedness is None for p in pivots)
    assert len({broad_group(p.code) for p in pivots}) == 10


@pytest.mark.parametrize(("sort_by", "field"), [("pay", "median_wage"), ("openings", "annual_openings"), ("fit", "score")])  # fmt: skip
def test_resorts_order_the_most_realistic_roles_by_the_figure(engine: Engine, sort_by, field):
    prof = engine.profile_for("13-2011.00")  # accountants
    pool = {p.code for p in engine.recommend(prof, POOL, explain=False)}
    pool |= {s.code for p in engine.recommend(prof, POOL, explain=False) for s in p.similar}
    resorted = engine.recommend(prof, 10, sort_by=sort_by)
    values = [getattr(p, field) or 0.0 for p in resorted]
    assert values == sorted(values, reverse=True)
    assert {p.code for p in resorted} <= pool


def test_an_unknown_sort_is_a_clear_error(engine: Engine):
    with pytest.raises(ValueError, match="sort_by must be one of"):
        engine.recommend(engine.profile_for("15-1252.00"), 5, sort_by="vibes")  # type: ignore[arg-type]


def test_filters_still_apply(engine: Engine):
    prof = engine.profile_for("15-1252.00")
    pivots = engine.recommend(prof, 20, filters=Filters(families=["29"], exclude=["29-1141.00"]))
    assert pivots and all(p.code.startswith("29-") and p.code != "29-1141.00" for p in pivots)


def test_order_rows_groups_and_fills_the_tail():
    codes = ["15-1251.00", "15-1252.00", "15-1253.00", "29-1141.00", "29-1141.01", "43-4051.00"]
    score = np.array([6.0, 5.0, 4.0, 3.0, 2.0, 1.0])
    placed = order_rows(np.arange(6), score, None, codes, k=3, distinct=2)
    assert [p.row for p in placed] == [0, 3, 5]
    assert placed[0].similar == (1, 2) and placed[1].similar == (4,)


def test_an_openings_advantage_shrinks_per_zone_down_and_a_small_market_keeps_its_cost():
    """Two roles of equal relatedness and fit: the large market one zone and two zones
    below the person counts 0.75 and 0.5 of its openings; one above, all of it."""
    w = RealisticWeights(openings=1.0, zone_up=0.0, zone_down=0.0, openings_down=0.25)
    openings = np.array([2.0, 2.0, 2.0, 2.0, -1.0, -1.0])
    step = np.array([0.0, -1.0, -2.0, 1.0, 0.0, -2.0])
    zero = np.zeros(6)
    total = realistic_score(zero, None, openings, step, w)
    np.testing.assert_allclose(total, [2.0, 1.5, 1.0, 2.0, -1.0, -1.0])
    flat = realistic_score(zero, None, openings, step, RealisticWeights(openings=1.0, zone_up=0.0,
                           zone_down=0.0, openings_down=0.0))  # fmt: skip
    np.testing.assert_allclose(flat, openings)


def test_the_ranker_discounts_openings_of_lower_zones_only(engine: Engine):
    """Through the engine's ranker, for a person from a zone-4 role on the starter set:
    only roles below the person's zone with a large market lose score."""
    ds = engine.dataset
    prof = engine.profile_for("15-1252.00")
    zone = ds.column("job_zone")
    below = zone < zone[ds.occupation_index["15-1252.00"]]

    def totals(down: float) -> np.ndarray:
        eng = Engine(ds, realistic=RealisticWeights(openings_down=down))
        _, total, _ = eng.ranker.scores(prof)
        return np.asarray(total)

    change = totals(0.25) - totals(0.0)
    large = engine.ranker.openings_ > 0
    assert (change[below & large] < 0).all() and (below & large).any()
    np.testing.assert_allclose(change[~(below & large)], 0.0)


def test_relatedness_term_ranks_the_row():
    term = relatedness_term(np.array([-np.inf, 0.2, 0.9, 0.5]))
    assert term[2] == 1.0 and term[3] > term[1] > term[0]


def test_similar_roles_are_the_group_members_most_related_to_the_person():
    """Named under a place: the group's roles most related to the person's role, even
    those the score puts after the last place (the old loop stopped there)."""
    codes = ["15-1251.00", "15-1252.00", "15-1253.00", "29-1141.00", "43-4051.00"]
    score = np.array([5.0, 1.0, 2.0, 4.0, 3.0])
    related = np.array([0.9, 0.8, 0.1, 0.5, 0.2])
    placed = order_rows(np.arange(5), score, None, codes, k=2, distinct=2, similar_key=related)
    assert [p.row for p in placed] == [0, 3]
    assert placed[0].similar == (1, 2)  # by relatedness, though 1 scores last of all


def test_text_likeness_moves_the_list(engine: Engine):
    """The text-likeness term counts: a role made the most alike in text climbs."""
    ds = engine.dataset
    me = ds.occupation_index["15-1252.00"]
    far = ds.occupation_index["29-1141.00"]  # registered nurses
    flat = np.zeros((len(ds), len(ds)))
    alike = flat.copy()
    alike[me, far] = 1.0
    prof = engine.profile_for("15-1252.00")

    def place(likeness: np.ndarray, text: float) -> int:
        eng = Engine(ds, likeness=likeness, realistic=RealisticWeights(text=text))
        codes = [p.code for p in eng.recommend(prof, len(ds), explain=False)]
        return codes.index("29-1141.00")

    assert place(alike, 1.5) < place(flat, 1.5)
    assert place(alike, 0.0) == place(flat, 0.0)


def test_ranking_leaves_the_text_likeness_matrix_unchanged(engine: Engine):
    """The matrix can be shared between workers (mapped read-only): a ranking reads it."""
    likeness = engine.ranker.text
    assert likeness is not None
    before = np.array(likeness, copy=True)
    engine.recommend(engine.profile_for("15-1252.00"), 10)
    engine.recommend(engine.profile_for("29-1141.00"), 10)
    np.testing.assert_array_equal(likeness, before)
