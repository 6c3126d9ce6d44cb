"""Interest profiler scoring: Holland codes, half-finished sheets, warnings, use in pivot scoring."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from careerpivot.assessment import (
    AnswerSheet,
    AssessmentError,
    apply_interests,
    holland_code,
    score_interests,
)
from careerpivot.filters import Filters
from careerpivot.model import RIASEC
from careerpivot.profile import Profile, profile_from_role


def _liker(bank, likes, form="long", like=5, dislike=1):
    """Answers that like the items of the types in ``likes`` and dislike the rest."""
    on_form = {i.id for i in bank.items_on(form)}
    return AnswerSheet(
        instrument="interests",
        form=form,
        answers={
            k.item_id: like if k.scale in likes else dislike
            for k in bank.key
            if k.item_id in on_form
        },
    )


@pytest.mark.parametrize("form", ["long", "short"])
def test_someone_who_likes_only_investigative_items_gets_an_i_first_code(interest_bank, form):
    result = score_interests(_liker(interest_bank, "I", form), interest_bank)
    assert result.complete
    assert holland_code(result.scores)[0] == "I"
    assert result.scores["I"] == 7.0 and all(result.scores[t] == 1.0 for t in RIASEC if t != "I")


@pytest.mark.parametrize("letter", RIASEC)
def test_each_type_liked_alone_comes_first(interest_bank, letter):
    result = score_interests(_liker(interest_bank, letter, like=4, dislike=2), interest_bank)
    assert result.ranked()[0] == letter


def test_three_liked_types_make_the_code_in_strength_order(interest_bank):
    answers = {}
    strength = {"S": 5, "E": 4, "A": 3, "R": 1, "I": 1, "C": 2}
    for k in interest_bank.key:
        answers[k.item_id] = strength[k.scale]
    result = score_interests(AnswerSheet(instrument="interests", answers=answers), interest_bank)
    assert holland_code(result.scores) == "SEA"
    assert result.warnings == ()


def test_holland_code_breaks_ties_in_riasec_order():
    assert holland_code(dict.fromkeys(RIASEC, 4.0)) == "RIA"
    assert holland_code({"C": 6, "E": 6, "S": 6, "A": 1, "I": 1, "R": 1}) == "SEC"
    assert holland_code({"C": 5, "A": 6}) == "AC"  # half-finished: only scored types


def test_half_finished_sheet_scores_only_types_with_enough_answers(interest_bank):
    full = _liker(interest_bank, "A")
    r_items = [k.item_id for k in interest_bank.key if k.scale == "R"]
    c_items = [k.item_id for k in interest_bank.key if k.scale == "C"]
    sheet = full.without_answers(r_items[:5] + c_items[:4])  # R: 5 of 10 left, C: 6 of 10
    result = score_interests(sheet, interest_bank)
    assert "R" not in result.scores and "C" in result.scores
    assert result.counts["R"] == (5, 10) and result.counts["C"] == (6, 10)
    assert not result.complete
    [incomplete] = [w for w in result.warnings if w.code == "incomplete"]
    assert "Realistic (5 of 10 answered; 6 needed for a score)" in incomplete.message
    with pytest.raises(AssessmentError, match=r"not finished enough to use: R \(5 of 10"):
        result.require_complete()
    # A partial result still goes into the profile: R's estimate from its 5 answers.
    assert result.partial and result.basis() == "based on 51 of 60 answers"
    assert apply_interests(Profile(), result).interests["R"] == result.scales[0].estimate


def test_an_empty_sheet_scores_nothing(interest_bank):
    result = score_interests(AnswerSheet(instrument="interests"), interest_bank)
    assert result.scores == {} and holland_code(result.scores) == "" and result.ranked() == []
    assert [w.code for w in result.warnings] == ["incomplete"]


def test_short_form_needs_three_of_five(interest_bank):
    sheet = _liker(interest_bank, "E", form="short")
    e_items = [
        k.item_id for k in interest_bank.key if k.scale == "E" and k.item_id in sheet.answers
    ]
    assert score_interests(sheet.without_answers(e_items[:2]), interest_bank).counts["E"] == (3, 5)
    assert "E" in score_interests(sheet.without_answers(e_items[:2]), interest_bank).scores
    assert "E" not in score_interests(sheet.without_answers(e_items[:3]), interest_bank).scores


def test_yes_saying_gives_a_flat_profile_warning(interest_bank):
    sheet = AnswerSheet(instrument="interests", answers={i.id: 5 for i in interest_bank.items})
    result = score_interests(sheet, interest_bank)
    assert [w.code for w in result.warnings] == ["flat_profile"]
    assert holland_code(result.scores) == "RIA"  # still defined, but flagged


def test_a_tie_in_the_top_three_is_flagged(interest_bank):
    level = {"I": 5, "A": 5, "S": 4, "R": 1, "E": 2, "C": 2}
    answers = {k.item_id: level[k.scale] for k in interest_bank.key}
    result = score_interests(AnswerSheet(instrument="interests", answers=answers), interest_bank)
    [tie] = [w for w in result.warnings if w.code == "tie"]
    assert "Investigative and Artistic" in tie.message


def test_applying_interests_sets_the_profile_and_keeps_the_rest(interest_bank, starter):
    base = profile_from_role(starter, "43-9061.00")
    result = score_interests(_liker(interest_bank, "A"), interest_bank)
    updated = apply_interests(base, result)
    assert updated.interests == result.scores and updated.ratings == base.ratings
    assert base.interests != updated.interests  # the original is untouched (frozen)


@given(st.dictionaries(st.sampled_from([f"ip{i:02d}" for i in range(1, 61)]), st.integers(1, 5)))
@settings(max_examples=60, deadline=None)
def test_scores_stay_on_the_oi_scale_and_counts_add_up(answers):
    from careerpivot.assessment import load_interest_instrument

    bank = load_interest_instrument()
    result = score_interests(AnswerSheet(instrument="interests", answers=answers), bank)
    assert all(1.0 <= v <= 7.0 for v in result.scores.values())
    assert sum(a for a, _ in result.counts.values()) == len(answers)


@given(st.sampled_from([f"ip{i:02d}" for i in range(1, 61)]), st.integers(1, 4), st.integers(1, 5))
@settings(max_examples=60, deadline=None)
def test_raising_one_answer_raises_only_its_own_type(item, low, others):
    from careerpivot.assessment import load_interest_instrument

    bank = load_interest_instrument()
    base = {i.id: others for i in bank.items}
    lower = score_interests(AnswerSheet(instrument="interests", answers={**base, item: low}), bank)
    higher = score_interests(
        AnswerSheet(instrument="interests", answers={**base, item: low + 1}), bank
    )
    own = bank.scale_of(item).scale
    assert higher.scores[own] > lower.scores[own]
    assert all(higher.scores[t] == lower.scores[t] for t in RIASEC if t != own)


def test_artistic_answers_rank_design_roles_above_conventional_answers(
    interest_bank, scorer, starter
):
    """Same skills; interests from the profiler: Artistic-first answers lift design roles."""
    base = profile_from_role(starter, "43-9061.00")  # a general office clerk
    artistic = apply_interests(
        base, score_interests(_liker(interest_bank, "A", like=5, dislike=2), interest_bank)
    )
    conventional = apply_interests(
        base, score_interests(_liker(interest_bank, "C", like=5, dislike=2), interest_bank)
    )
    assert (
        holland_code(artistic.interests)[0] == "A"
        and holland_code(conventional.interests)[0] == "C"
    )
    design = ["27-1024.00", "27-1025.00", "15-1255.00", "27-1011.00"]

    def ranks(p):
        order = [starter.occupations[i].code for i in scorer.rank(p, Filters(max_job_zone_step=4))]
        return [order.index(c) for c in design]

    assert all(a < c for a, c in zip(ranks(artistic), ranks(conventional), strict=True))


def test_the_first_answers_give_a_partial_result_labelled_with_its_basis(interest_bank):
    """The short form asks R I A S E C in turn: six answers reach every type."""
    items = interest_bank.items_on("short")
    sheet = AnswerSheet(instrument="interests", form="short")
    first = sheet.with_answers({i.id: 5 if n == 2 else 2 for n, i in enumerate(items[:5])})
    assert not score_interests(first, interest_bank).usable  # C has no answer yet
    with pytest.raises(AssessmentError, match="no answer yet for C"):
        apply_interests(Profile(), score_interests(first, interest_bank))
    six = first.with_answers({items[5].id: 1})
    result = score_interests(six, interest_bank)
    assert result.partial and result.basis() == "based on 6 of 30 answers"
    assert holland_code(apply_interests(Profile(), result).interests)[0] == "A"
