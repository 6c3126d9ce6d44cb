"""Scoring properties every ranker must keep, on hand-made, synthetic and starter data."""

from dataclasses import replace

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from careerpivot.errors import NotScorableError, UnknownDescriptorError
from careerpivot.filters import Filters
from careerpivot.model import build_dataset
from careerpivot.profile import Profile, profile_from_role
from careerpivot.scoring import PivotScorer, ScoringWeights
from careerpivot.testing import synthetic_dataset

SYN = synthetic_dataset(60, 20, n_tools=10, seed=3, families=6)
SYN_SCORER = PivotScorer().fit(SYN)


def _levels_profile(ds, code, **kw):
    return Profile(ratings={r.descriptor: r.level for r in ds.requirements_of(code)}, **kw)


def test_unfitted_scorer_says_so():
    with pytest.raises(RuntimeError, match="not fitted"):
        PivotScorer().recommend(Profile(ratings={"2.A.1.a": 1}))


@given(st.integers(0, 59))
@settings(max_examples=30, deadline=None)
def test_profile_equal_to_a_role_fits_it_perfectly_on_skills(i):
    code = SYN.occupations[i].code
    s = SYN_SCORER.score(_levels_profile(SYN, code))
    assert s.components["skills"][i] == pytest.approx(1.0)
    assert s.components["skills"][i] == np.nanmax(s.components["skills"])


@given(st.integers(0, 59), st.integers(0, 19), st.floats(0.5, 3.0))
@settings(max_examples=40, deadline=None)
def test_a_role_the_profile_meets_ranks_above_the_same_role_with_a_gap(i, j, extra):
    """Raising one important requirement above the person's level must lower the score."""
    code = SYN.occupations[i].code
    profile = _levels_profile(SYN, code)
    reqs = SYN.requirements_of(code)
    desc = SYN.descriptors[j].id
    if SYN.importance_matrix[i, j] <= 1.0 or SYN.level_matrix[i, j] + extra > 7:
        return
    harder = [replace(r, level=r.level + extra) if r.descriptor == desc else r for r in reqs]
    twin = replace(SYN.occupations[i], code="99-9999.00", title="Harder twin")
    ds2 = build_dataset(
        "t",
        SYN.provenance,
        SYN.descriptors,
        [*SYN.occupations, twin],
        [
            *(r for o in SYN.occupations for r in SYN.requirements_of(o.code)),
            *(replace(r, occupation="99-9999.00") for r in harder),
        ],
    )
    s = PivotScorer().fit(ds2).score(profile)
    assert s.total[i] > s.total[len(SYN.occupations)]


@given(st.integers(0, 59), st.integers(0, 19), st.floats(0.25, 2.0))
@settings(max_examples=40, deadline=None)
def test_shortfall_costs_more_than_the_same_surplus(i, j, delta):
    """On any requirement of importance 3+, a point short costs more than a point over."""
    code = SYN.occupations[i].code
    base = _levels_profile(SYN, code)
    d = SYN.descriptors[j].id
    lv = base.ratings[d]
    if lv - delta < 0 or lv + delta > 7 or SYN.importance_matrix[i, j] < 3.0:
        return
    up = SYN_SCORER.score(base.with_ratings({d: lv + delta})).components["skills"][i]
    down = SYN_SCORER.score(base.with_ratings({d: lv - delta})).components["skills"][i]
    assert up > down


@given(
    st.dictionaries(st.sampled_from([d.id for d in SYN.descriptors]), st.floats(0, 7), min_size=1)
)
@settings(max_examples=40, deadline=None)
def test_scores_in_range(ratings):
    s = SYN_SCORER.score(
        Profile(ratings=ratings, interests=dict(zip("RIASEC", [1, 2, 3, 4, 5, 6])))
    )
    for comp in s.components.values():
        ok = comp[~np.isnan(comp)]
        assert ((ok >= 0) & (ok <= 1)).all()
    assert ((s.total >= 0) & (s.total <= 1)).all()


def test_recommend_explains_every_pivot(tiny):
    pivots = PivotScorer().fit(tiny).recommend(profile_from_role(tiny, "15-0001.00"), k=3)
    assert pivots[0].code == "15-0002.00"  # the near twin first
    for p in pivots:
        assert set(p.components) >= {"skills", "interests", "values", "level"}
        assert p.strengths or p.gaps  # every suggestion says why
        assert all(n.deficit > 0 for n in p.gaps)
        assert not {n.id for n in p.strengths} & {n.id for n in p.gaps}  # never both
        assert p.gap is not None and [n.id for n in p.gaps] == [r.id for r in p.gap.gaps][:5]
        assert p.wage_change is not None


def test_current_role_and_unscorable_roles_are_never_suggested(tiny):
    pivots = PivotScorer().fit(tiny).recommend(profile_from_role(tiny, "15-0001.00"), k=10)
    codes = [p.code for p in pivots]
    assert "15-0001.00" not in codes and "43-0005.00" not in codes


def test_filters(tiny):
    scorer = PivotScorer().fit(tiny)
    p = profile_from_role(tiny, "15-0001.00")
    assert all(
        x.median_wage >= 96_000 for x in scorer.recommend(p, filters=Filters(min_wage=96_000))
    )
    assert {x.code[:2] for x in scorer.recommend(p, filters=Filters(families=["29"]))} == {"29"}
    no_step = p.model_copy(update={"constraints": Filters(max_job_zone_step=0)})
    assert "15-0003.00" not in [x.code for x in scorer.recommend(no_step)]
    assert "15-0003.00" in [x.code for x in scorer.recommend(p)]
    assert scorer.recommend(p, filters=Filters(exclude=["15-0002.00"]))[0].code != "15-0002.00"


def test_components_missing_from_profile_are_left_out(tiny):
    scorer = PivotScorer().fit(tiny)
    only_skills = scorer.recommend(Profile(ratings={"2.B.3.e": 5.0}), k=1)[0]
    assert set(only_skills.components) == {"skills"}
    only_interests = scorer.recommend(
        Profile(interests=dict(zip("RIASEC", [1, 2, 1, 7, 2, 2]))), k=1
    )[0]
    assert only_interests.code == "29-0004.00" and set(only_interests.components) == {"interests"}


def test_flat_interest_profile_carries_no_signal(tiny):
    s = (
        PivotScorer()
        .fit(tiny)
        .score(Profile(ratings={"2.A.1.a": 3}, interests=dict.fromkeys("RIASEC", 4)))
    )
    assert np.isnan(s.components["interests"]).all()


def test_bad_input_is_a_clear_error(tiny):
    scorer = PivotScorer().fit(tiny)
    with pytest.raises(NotScorableError, match="empty"):
        scorer.recommend(Profile())
    with pytest.raises(UnknownDescriptorError):
        scorer.recommend(Profile(ratings={"nope": 1}))
    with pytest.raises(NotScorableError, match="no skill ratings"):
        scorer.explain(Profile(ratings={"2.A.1.a": 3}), "43-0005.00")


def test_weights_are_parameters(tiny):
    p = profile_from_role(tiny, "15-0001.00")
    skills_only = (
        PivotScorer(ScoringWeights(skills=1, shape=0, tools=0, interests=0, values=0, level=0))
        .fit(tiny)
        .recommend(p, k=5)
    )
    assert all(x.score == pytest.approx(x.components["skills"]) for x in skills_only)


def test_interest_code_moves_design_roles(scorer, starter):
    """Same skills, Artistic-first vs Conventional-first interests: design roles rank higher."""
    base = profile_from_role(starter, "43-9061.00")  # a general office clerk
    artistic = base.with_interests(dict(zip("RIASEC", [2.0, 3.0, 7.0, 3.5, 4.0, 2.0])))
    conventional = base.with_interests(dict(zip("RIASEC", [2.0, 3.0, 2.0, 3.5, 4.0, 7.0])))
    design = ["27-1024.00", "27-1025.00", "15-1255.00", "27-1011.00"]

    def ranks(p):
        order = [starter.occupations[i].code for i in scorer.rank(p, Filters(max_job_zone_step=4))]
        return [order.index(c) for c in design]

    assert all(a < c for a, c in zip(ranks(artistic), ranks(conventional), strict=True))


def test_tool_major_copies_hold_the_data_sets_values_exactly(engine):
    """Scoring reads a person's tools from tool-major copies: float32 only where that
    loses nothing, so the tool fit is the one the role-major matrices give."""
    from careerpivot.scoring import _tool_major

    sc, ds = engine.scorer, engine.dataset
    for copy, m in ((sc.tool_level_t_, ds.level_matrix), (sc.tool_imp_t_, ds.importance_matrix)):
        assert copy.shape == (len(sc.tool_cols_), len(ds.occupations))
        assert np.array_equal(copy.astype(float), m[:, sc.tool_cols_].T)
    inexact = np.array([[0.1, 2.0], [3.0, 4.0]])  # 0.1 is not a float32
    assert _tool_major(inexact, np.array([0, 1])).dtype == np.float64
    assert _tool_major(np.array([[0.5, 2.0]]), np.array([0, 1])).dtype == np.float32


def test_skill_fit_for_one_person_matches_the_batch_formula(engine):
    """One person's fit sums rows with BLAS products; a batch sums them with numpy: the
    same formula, equal to float32 rounding, and the same order of roles."""
    from careerpivot.scoring import skill_fit

    sc = engine.scorer
    for code in ("15-1252.00", "29-1141.00", "41-2031.00"):
        p = sc.person_vector(engine.profile_for(code))[sc.rated_cols_].astype(np.float32)
        one = skill_fit(p, sc.level32_, sc.weight32_, 0.5, sc.mass_)
        batch = skill_fit(p[None, None, :], sc.level32_, sc.weight32_, 0.5, sc.mass_)[0]
        np.testing.assert_allclose(one, batch, atol=1e-6)
        top = np.argsort(-batch, kind="stable")[:20]
        assert np.all(np.diff(one[top]) <= 1e-6)
