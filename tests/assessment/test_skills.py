"""Anchored skill questions, start-from-a-role adjustment, and low-information warnings."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from careerpivot.assessment import (
    Anchor,
    AssessmentError,
    SkillAnswers,
    adjust_skills,
    changed_answers,
    load_skill_questions,
    rating_warnings,
    skill_questions,
)
from careerpivot.assessment.skills import GENERIC_ANCHORS, ONET_SOURCE, TEAM_SOURCE
from careerpivot.errors import UnknownDescriptorError
from careerpivot.profile import Profile, profile_from_role
from careerpivot.testing import synthetic_dataset

TEAM = load_skill_questions()


def test_one_question_per_skill_and_knowledge_descriptor_in_data_set_order(starter):
    questions = skill_questions(starter, TEAM)
    expected = [d.id for d in starter.descriptors if d.kind != "technology"]
    assert [q.descriptor_id for q in questions] == expected
    assert all(q.anchor_source == TEAM_SOURCE and len(q.anchors) == 3 for q in questions)
    maths = [q for q in questions if q.descriptor_id in ("2.A.1.e", "2.C.4.a")]
    assert [q.name for q in maths] == ["Mathematics (skill)", "Mathematics (knowledge)"]


def test_official_anchors_replace_the_teams_where_given(starter):
    official = {"2.A.1.c": (Anchor(1, "official low"), Anchor(5, "official high"))}
    questions = {q.descriptor_id: q for q in skill_questions(starter, TEAM, official)}
    assert questions["2.A.1.c"].anchors == official["2.A.1.c"]
    assert questions["2.A.1.c"].anchor_source == ONET_SOURCE
    assert questions["2.A.1.c"].question == TEAM["2.A.1.c"].question
    assert questions["2.A.1.d"].anchor_source == TEAM_SOURCE


def test_descriptors_without_a_written_question_get_generic_anchors():
    ds = synthetic_dataset(5, 3, seed=1)
    questions = skill_questions(ds, TEAM)
    assert len(questions) == 3 and all(q.anchors == GENERIC_ANCHORS for q in questions)
    assert questions[0].question == "How good are you at Descriptor 0?"
    assert questions[2].question == "How well do you know Descriptor 2?"


def test_changed_answers_leave_out_those_within_the_tolerance():
    base = Profile(ratings={"a": 4.37, "b": 3.0})
    assert changed_answers(base, {"a": 4.5, "b": 3.25}) == {}
    assert changed_answers(base, {"a": 4.5, "b": 3.5}) == {"b": 3.5}
    assert changed_answers(base, {"a": 4.5}, tolerance=0.0) == {"a": 4.5}
    assert changed_answers(base, {"c": 0.0}) == {"c": 0.0}  # new: 'I have none' is an answer


def test_start_from_a_role_and_adjust_only_what_differs(starter):
    base = profile_from_role(starter, "15-1252.00")
    answers = SkillAnswers(
        seeded_from="15-1252.00",
        ratings={
            "2.B.3.e": round(base.ratings["2.B.3.e"] * 2) / 2,  # slider left where it was
            "2.B.1.e": 6.0,  # teaches more than the role needs
            "2.B.5.d": 0.5,  # never managed anyone
        },
    )
    update = adjust_skills(base, answers, starter)
    assert set(update.changed) == {"2.B.1.e", "2.B.5.d"}
    assert update.changed["2.B.1.e"] == (base.ratings["2.B.1.e"], 6.0)
    assert update.unchanged == ("2.B.3.e",)
    assert update.profile.ratings["2.B.3.e"] == base.ratings["2.B.3.e"]  # not overwritten by 4.5
    others = set(base.ratings) - set(update.changed)
    assert all(update.profile.ratings[d] == base.ratings[d] for d in others)
    assert update.profile.current_role == "15-1252.00" and update.warnings == ()


def test_rating_from_scratch_with_an_empty_profile(starter):
    update = adjust_skills(Profile(), {"2.A.1.a": 5, "2.B.3.e": 2}, starter)
    assert update.profile.ratings == {"2.A.1.a": 5.0, "2.B.3.e": 2.0}
    assert [w.code for w in update.warnings] == ["few_ratings"]


def test_unknown_descriptors_and_bad_levels_are_refused(starter):
    with pytest.raises(UnknownDescriptorError, match=r"2\.Z\.9"):
        adjust_skills(Profile(), {"2.A.1.a": 3, "2.Z.9": 3}, starter)
    with pytest.raises(AssessmentError, match="levels must be 0-7"):
        adjust_skills(Profile(), {"2.A.1.a": 8}, starter)


def test_every_skill_rated_the_same_is_flagged(starter):
    ratings = {d.id: 4.0 for d in starter.descriptors_of_kind("skill", "knowledge")}
    assert [w.code for w in rating_warnings(ratings, starter)] == ["flat_ratings"]


def test_rating_nearly_everything_expert_is_flagged(starter):
    ids = [d.id for d in starter.descriptors_of_kind("skill", "knowledge")]
    ratings = {d: (7.0 if i % 10 else 3.0) for i, d in enumerate(ids)}
    assert [w.code for w in rating_warnings(ratings, starter)] == ["top_heavy"]


def test_tools_do_not_count_towards_the_skill_warnings(starter):
    tools = {d.id: 3.0 for d in starter.descriptors_of_kind("technology")[:20]}
    codes = [w.code for w in rating_warnings(tools, starter)]
    assert codes == ["few_ratings"]


def test_warnings_are_returned_not_printed(starter, capsys):
    update = adjust_skills(Profile(), {"2.A.1.a": 4}, starter)
    assert update.warnings and capsys.readouterr() == ("", "")


def test_no_profile_seeded_from_a_starter_role_is_thin_or_flat(starter):
    for occ in starter.occupations:
        codes = {
            w.code for w in rating_warnings(profile_from_role(starter, occ.code).ratings, starter)
        }
        assert not codes & {"few_ratings", "flat_ratings"}, occ.code


@given(st.dictionaries(st.sampled_from(list(TEAM)), st.floats(0, 7), max_size=68))
@settings(max_examples=60, deadline=None)
def test_adjusting_never_touches_unanswered_ratings(starter, answers):
    base = profile_from_role(starter, "29-1141.00")
    update = adjust_skills(base, answers, starter)
    for d, v in base.ratings.items():
        if d not in update.changed:
            assert update.profile.ratings[d] == v
    assert set(update.changed) | set(update.unchanged) == set(answers)
