"""Rating instruments: key checks, the minimum-answers rule, scale mapping, reverse keys."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from careerpivot.assessment import AssessmentError, Instrument, Item, KeyEntry
from careerpivot.assessment.instrument import (
    key_problems,
    required_answers,
    score_answers,
    to_profile_scale,
)

RESPONSES = ("1", "2", "3", "4", "5")


def _bank(reverse: bool = False) -> Instrument:
    """Two scales, three items each; item y3 reverse-keyed when asked; x3 and y3 long-form only."""
    items = tuple(
        Item(f"{s}{i}", f"{s} item {i}", short_form=i < 3) for s in "xy" for i in (1, 2, 3)
    )
    key = tuple(
        KeyEntry(f"{s}{i}", s.upper(), -1 if (reverse and f"{s}{i}" == "y3") else 1)
        for s in "xy"
        for i in (1, 2, 3)
    )
    return Instrument("demo", ("X", "Y"), items, key, RESPONSES)


def test_a_clean_key_has_no_problems():
    bank = _bank()
    assert key_problems(bank.items, bank.key, bank.scales) == []


@pytest.mark.parametrize(
    ("key", "problem"),
    [
        (lambda k: k[1:], "'x1' is keyed 0 times"),
        (lambda k: (*k, k[0]), "'x1' is keyed 2 times"),
        (lambda k: (*k, KeyEntry("zz", "X")), "unknown items ['zz']"),
        (lambda k: (KeyEntry("x1", "Q"), *k[1:]), "unknown scales ['Q']"),
        (lambda k: (KeyEntry("x1", "X", 2), *k[1:]), "direction must be +1 or -1"),
        (
            lambda k: (
                tuple(e for e in k if e.scale == "X")
                + tuple(KeyEntry(e.item_id, "X") for e in k if e.scale == "Y")
            ),
            "scales ['Y'] have no items on the long form",
        ),
    ],
)
def test_every_broken_key_is_named(key, problem):
    bank = _bank()
    problems = key_problems(bank.items, key(bank.key), bank.scales)
    assert any(problem in p for p in problems), problems
    with pytest.raises(AssessmentError, match="instrument 'demo'"):
        Instrument("demo", bank.scales, bank.items, key(bank.key), RESPONSES)


def test_a_scale_with_no_short_form_items_is_refused():
    items = (Item("a", "a", short_form=True), Item("b", "b", short_form=False))
    key = (KeyEntry("a", "X"), KeyEntry("b", "Y"))
    assert key_problems(items, key, ("X", "Y")) == ["scales ['Y'] have no items on the short form"]
    assert key_problems(items, key, ("X", "Y"), forms=("long",)) == []


@pytest.mark.parametrize(("n", "need"), [(1, 1), (2, 2), (3, 2), (4, 3), (5, 3), (10, 6)])
def test_sixty_percent_of_items_rounded_up(n, need):
    assert required_answers(n) == need


@given(st.floats(1, 5), st.floats(1, 5))
def test_scale_mapping_is_increasing_and_within_one_to_seven(a, b):
    lo, hi = sorted((a, b))
    assert 1.0 <= to_profile_scale(lo, 5) <= to_profile_scale(hi, 5) <= 7.0


def test_reverse_keyed_item_is_scored_from_the_other_end():
    plain, reversed_ = _bank(), _bank(reverse=True)
    answers = {"y1": 5, "y2": 5, "y3": 1}
    assert score_answers(plain, answers)["Y"].score == pytest.approx(
        to_profile_scale(11 / 3, 5), abs=0.01
    )
    assert score_answers(reversed_, answers)["Y"].score == 7.0  # 1 on a reversed item = 5


def test_reverse_key_maps_extremes_and_keeps_the_middle():
    bank = _bank(reverse=True)
    for answer, keyed in ((1, 5), (3, 3), (5, 1)):
        got = score_answers(bank, {"y1": keyed, "y2": keyed, "y3": answer})["Y"].score
        assert got == to_profile_scale(keyed, 5)


def test_too_few_answers_leave_a_scale_unscored_with_counts():
    scores = score_answers(_bank(), {"x1": 4, "y1": 2, "y2": 2})
    assert scores["X"].score is None and scores["X"].answered == 1 and scores["X"].required == 2
    assert "1 of 3 answered; 2 needed" in scores["X"].count_text()
    assert scores["Y"].scored and scores["Y"].count_text() == "2 of 3 answered"


def test_short_form_counts_only_its_items():
    scores = score_answers(_bank(), {"x1": 5, "x2": 5}, form="short")
    assert scores["X"].total == 2 and scores["X"].score == 7.0
    with pytest.raises(AssessmentError, match=r"\['x3'\] are not on the short form"):
        score_answers(_bank(), {"x3": 5}, form="short")


def test_unknown_form_is_refused():
    with pytest.raises(AssessmentError, match="no 'medium' form"):
        _bank().items_on("medium")  # type: ignore[arg-type]
