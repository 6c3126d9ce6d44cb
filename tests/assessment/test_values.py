"""Work-values scoring onto O*NET's extent scale."""

import pytest

from careerpivot.assessment import (
    AnswerSheet,
    AssessmentError,
    apply_work_values,
    score_work_values,
)
from careerpivot.model import WORK_VALUES
from careerpivot.profile import Profile
from careerpivot.scoring import PivotScorer
from careerpivot.testing import tiny_dataset


def _sheet(bank, level):
    return AnswerSheet(instrument="values", answers={k.item_id: level[k.scale] for k in bank.key})


@pytest.mark.parametrize("value", WORK_VALUES)
def test_the_value_rated_essential_comes_first(values_bank, value):
    level = {v: 5 if v == value else 2 for v in WORK_VALUES}
    result = score_work_values(_sheet(values_bank, level), values_bank)
    assert result.ranked()[0] == value
    assert (
        result.scores[value] == 7.0
        and result.scores[next(v for v in WORK_VALUES if v != value)] == 2.5
    )


def test_middle_answer_maps_to_the_middle_of_the_extent_scale(values_bank):
    level = dict.fromkeys(WORK_VALUES, 3)
    level["independence"] = 5
    result = score_work_values(_sheet(values_bank, level), values_bank)
    assert result.scores["support"] == 4.0 and result.scores["independence"] == 7.0
    assert [w.code for w in result.warnings] == ["tie"]  # five values share second place


def test_three_of_four_statements_are_needed(values_bank):
    sheet = _sheet(values_bank, dict.fromkeys(WORK_VALUES, 4))
    support = [k.item_id for k in values_bank.key if k.scale == "support"]
    assert "support" in score_work_values(sheet.without_answers(support[:1]), values_bank).scores
    short = score_work_values(sheet.without_answers(support[:2]), values_bank)
    assert "support" not in short.scores and short.counts["support"] == (2, 4)
    with pytest.raises(AssessmentError, match=r"support \(2 of 4"):
        short.require_complete()
    assert short.partial  # a partial result, still usable
    assert apply_work_values(Profile(), short).work_values["support"] == 5.5  # answer 4 of 5


def test_ten_of_24_answers_give_a_partial_result(values_bank):
    """The statements rotate through the six values, so the first ten reach all six."""
    first_ten = {i.id: 5 if n % 6 == 5 else 2 for n, i in enumerate(values_bank.items[:10])}
    result = score_work_values(AnswerSheet(instrument="values", answers=first_ten), values_bank)
    assert not result.complete and result.partial
    assert result.basis() == "based on 10 of 24 answers"
    values = apply_work_values(Profile(), result).work_values
    assert max(values, key=values.__getitem__) == "independence"
    five = dict(list(first_ten.items())[:5])  # one value still unanswered: no result
    with pytest.raises(AssessmentError, match="no answer yet for independence"):
        apply_work_values(
            Profile(),
            score_work_values(AnswerSheet(instrument="values", answers=five), values_bank),
        )


def test_rating_everything_essential_is_flagged_flat(values_bank):
    result = score_work_values(_sheet(values_bank, dict.fromkeys(WORK_VALUES, 5)), values_bank)
    assert [w.code for w in result.warnings] == ["flat_profile"]


def test_values_from_the_instrument_move_value_fit():
    """Independence- and achievement-minded answers fit the developer roles better than the nurse."""
    from careerpivot.assessment import load_values_instrument

    bank = load_values_instrument()
    level = {
        "achievement": 5,
        "working_conditions": 4,
        "recognition": 3,
        "relationships": 2,
        "support": 3,
        "independence": 5,
    }
    profile = apply_work_values(
        Profile(ratings={"2.A.1.a": 4.0}), score_work_values(_sheet(bank, level), bank)
    )
    ds = tiny_dataset()
    values_fit = PivotScorer().fit(ds).score(profile).components["values"]
    nurse = ds.occupation_index["29-0004.00"]
    assert values_fit[ds.occupation_index["15-0001.00"]] > values_fit[nurse]
