"""Answer sheets: JSON round trips, range and item-id validation, atomic saves."""

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from careerpivot.assessment import (
    AnswerSheet,
    AssessmentError,
    SkillAnswers,
    check_sheet,
    load_answer_sheet,
    load_skill_answers,
    parse_answer_sheet,
    parse_skill_answers,
    save_answers,
)
from careerpivot.assessment.data import load_interest_instrument

ITEM_IDS = [i.id for i in load_interest_instrument().items]


@given(
    st.dictionaries(st.sampled_from(ITEM_IDS), st.integers(1, 5)),
    st.sampled_from(["long", "short"]),
)
def test_answer_sheets_round_trip_through_json(answers, form):
    sheet = AnswerSheet(instrument="interests", form=form, answers=answers)
    assert AnswerSheet.model_validate_json(sheet.model_dump_json()) == sheet
    assert parse_answer_sheet(sheet.model_dump_json()) == sheet


@given(
    st.dictionaries(st.text(min_size=1, max_size=12), st.floats(0, 7), max_size=8),
    st.none() | st.text(max_size=12),
)
def test_skill_answers_round_trip_through_json(ratings, seeded):
    answers = SkillAnswers(ratings=ratings, seeded_from=seeded)
    assert parse_skill_answers(answers.model_dump_json()) == answers


@pytest.mark.parametrize("bad", [0, 6, -1, 2.5, "3", True, None])
def test_out_of_range_or_non_integer_answers_are_refused(bad):
    text = json.dumps({"instrument": "interests", "answers": {"ip01": bad}})
    with pytest.raises(AssessmentError, match=r"field answers\.ip01"):
        parse_answer_sheet(text, source="me.json")


@pytest.mark.parametrize("bad", [-0.5, 7.5, float("nan"), float("inf"), "high"])
def test_out_of_range_skill_levels_are_refused(bad):
    with pytest.raises((AssessmentError, ValidationError)):
        SkillAnswers(ratings={"2.A.1.a": bad})


def test_unknown_item_ids_are_named(interest_bank):
    text = json.dumps({"instrument": "interests", "answers": {"ip01": 3, "ip99": 4, "zz": 1}})
    with pytest.raises(
        AssessmentError, match=r"me.json: field answers: unknown item ids \['ip99', 'zz'\]"
    ):
        parse_answer_sheet(text, interest_bank, source="me.json")


def test_long_form_items_are_refused_on_a_short_form_sheet(interest_bank):
    sheet = AnswerSheet(instrument="interests", form="short", answers={"ip02": 3, "ip45": 3})
    with pytest.raises(AssessmentError, match=r"\['ip45'\] are not on the short form"):
        check_sheet(sheet, interest_bank)


def test_a_sheet_for_another_instrument_is_refused(interest_bank, values_bank):
    with pytest.raises(AssessmentError, match="for 'values', not 'interests'"):
        check_sheet(AnswerSheet(instrument="values"), interest_bank)
    with pytest.raises(AssessmentError, match="has no 'short' form"):
        check_sheet(AnswerSheet(instrument="values", form="short"), values_bank)


def test_an_answer_above_the_instruments_scale_is_refused(interest_bank):
    from dataclasses import replace

    three_point = replace(interest_bank, responses=("no", "maybe", "yes"))
    with pytest.raises(AssessmentError, match=r"\['ip01'\] are above the highest answer 3"):
        check_sheet(AnswerSheet(instrument="interests", answers={"ip01": 4}), three_point)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("{not json", "not valid JSON"),
        ("[1, 2]", "a JSON object, got list"),
        ('{"instrument": "interests", "schema_version": 9}', "schema version 9 is not supported"),
        ('{"instrument": "hobbies"}', "field instrument"),
        ('{"instrument": "interests", "extra": 1}', "field extra"),
    ],
)
def test_malformed_documents_name_the_problem(text, message):
    with pytest.raises(AssessmentError, match=message):
        parse_answer_sheet(text)


def test_editing_a_sheet_validates_and_keeps_the_original():
    sheet = AnswerSheet(instrument="interests", answers={"ip01": 2})
    more = sheet.with_answers({"ip02": 5, "ip01": 4})
    assert sheet.answers == {"ip01": 2} and more.answers == {"ip01": 4, "ip02": 5}
    assert more.without_answers(["ip01"]).answers == {"ip02": 5}
    with pytest.raises(ValidationError):
        sheet.with_answers({"ip03": 9})


def test_save_and_load_round_trip_without_leaving_temp_files(tmp_path, interest_bank):
    sheet = AnswerSheet(instrument="interests", form="short", answers={"ip02": 5})
    skills = SkillAnswers(seeded_from="15-1252.00", ratings={"2.A.1.a": 4.5})
    save_answers(sheet, tmp_path / "i.json")
    save_answers(skills, tmp_path / "s.json")
    assert load_answer_sheet(tmp_path / "i.json", interest_bank) == sheet
    assert load_skill_answers(tmp_path / "s.json") == skills
    assert sorted(p.name for p in tmp_path.iterdir()) == ["i.json", "s.json"]


def test_a_missing_file_is_named(tmp_path):
    with pytest.raises(AssessmentError, match=r"nothing\.json: file not found"):
        load_answer_sheet(tmp_path / "nothing.json")


def test_a_failed_save_keeps_the_previous_file(tmp_path, monkeypatch):
    path = tmp_path / "i.json"
    save_answers(AnswerSheet(instrument="interests", answers={"ip01": 1}), path)
    before = path.read_text()

    def boom(self, *a, **k):
        raise OSError("disk full")

    monkeypatch.setattr("careerpivot.private.os.replace", boom)
    with pytest.raises(OSError):
        save_answers(AnswerSheet(instrument="interests", answers={"ip01": 5}), path)
    assert path.read_text() == before
    assert [p.name for p in tmp_path.iterdir()] == ["i.json"]  # no temporary file left
