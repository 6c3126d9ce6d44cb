import pytest
from hypothesis import given
from hypothesis import strategies as st

from careerpivot.effort import LEARNING_ADVICE, hours_between, learning_kind, weeks_at
from careerpivot.model import Descriptor

D = Descriptor("2.B.3.e", "Programming", "skill", difficulty=1.0)


@given(st.floats(0, 7), st.floats(0, 7), st.floats(0, 7))
def test_hours_are_additive_and_monotone(a, b, c):
    lo, mid, hi = sorted((a, b, c))
    assert hours_between(D, lo, hi) == pytest.approx(
        hours_between(D, lo, mid) + hours_between(D, mid, hi)
    )
    assert hours_between(D, hi, lo) == 0.0


def test_higher_levels_cost_more_per_point():
    assert hours_between(D, 5, 6) > hours_between(D, 1, 2)


def test_difficulty_scales_hours():
    hard = Descriptor("2.C.5.a", "Medicine", "knowledge", difficulty=2.0)
    easy = Descriptor("2.C.5.a", "Medicine", "knowledge", difficulty=1.0)
    assert hours_between(hard, 1, 3) == pytest.approx(2 * hours_between(easy, 1, 3))


def test_learning_kinds_have_advice():
    for d, lvl in [
        (D, 3),
        (Descriptor("2.C.5.a", "Medicine", "knowledge"), 5),
        (Descriptor("2.B.1.c", "Persuasion", "skill"), 3),
        (Descriptor("tech:x", "X", "technology"), 5),
    ]:
        assert learning_kind(d, lvl) in LEARNING_ADVICE
    assert weeks_at(0) == 0 and weeks_at(17, 8) == 3
