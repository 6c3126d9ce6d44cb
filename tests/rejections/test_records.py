import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from careerpivot.errors import DataValidationError, UnknownRoleError
from careerpivot.rejections.records import (
    CHANNELS,
    OUTCOMES,
    STAGES,
    RecordValidationError,
    RejectionLog,
    validate_record,
)
from tests.rejections.conftest import make_record

GOOD = {
    "id": "a1",
    "role_title": "Data Analyst",
    "organisation": "Acme",
    "date": "2025-02-01",
    "channel": "posting",
    "stage_reached": "screened",
    "outcome": "rejected",
}


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("id", "", "not a usable id"),
        ("id", "has space", "not a usable id"),
        ("role_title", "   ", "empty"),
        ("organisation", "", "empty"),
        ("occupation_code", "15-2051", "O*NET-SOC code"),
        ("date", "01/02/2025", "YYYY-MM-DD"),
        ("date", "20250201", "YYYY-MM-DD"),
        ("date", "2025-02-30", "day value is outside"),
        ("date", "1900-01-01", "before 1950"),
        ("channel", "fax", "not one of posting, referral, recruiter, other"),
        ("stage_reached", "phone", "not one of applied, screened"),
        ("outcome", "maybe", "not one of rejected, withdrawn"),
        ("feedback", "x" * 5001, "at most 5000"),
        ("notes", "x" * 5001, "at most 5000"),
        ("role_title", "Analyst\x1f", "a control character ('\\x1f')"),
        ("feedback", "bad\x00byte", "control characters ('\\x00')"),
        ("colour", "blue", "unexpected field"),
    ],
)
def test_every_field_is_validated_and_named(field, value, message):
    with pytest.raises(RecordValidationError) as info:
        validate_record({**GOOD, field: value}, file="log.csv", row=7)
    err = info.value
    assert err.field == field and err.row == 7 and err.file == "log.csv"
    assert message in str(err)
    assert "line 7" in str(err) and f"field '{field}'" in str(err)
    assert isinstance(err, DataValidationError)  # callers can catch the project's error


@pytest.mark.parametrize("field", ["id", "role_title", "organisation", "date", "channel"])
def test_missing_required_fields_are_named(field):
    data = {k: v for k, v in GOOD.items() if k != field}
    with pytest.raises(RecordValidationError, match=f"field '{field}': value is missing"):
        validate_record(data)


def test_offer_outcome_needs_offer_stage():
    with pytest.raises(RecordValidationError, match=r"field 'outcome'.*needs stage_reached"):
        validate_record({**GOOD, "outcome": "offer"})
    assert validate_record({**GOOD, "outcome": "offer", "stage_reached": "offer"})


def test_record_error_names_the_record_id():
    with pytest.raises(RecordValidationError, match="record a1, field 'channel'"):
        validate_record({**GOOD, "channel": "carrier pigeon"})


def test_text_is_trimmed_and_code_may_be_blank():
    r = validate_record({**GOOD, "role_title": "  Analyst ", "occupation_code": " "})
    assert r.role_title == "Analyst" and r.occupation_code is None
    assert r.date == dt.date(2025, 2, 1) and r.stage_index == 1 and r.is_rejection


def test_log_changes_return_new_logs_and_keep_the_old():
    log = RejectionLog().add(make_record("a1"))
    bigger = log.add(make_record("a2", outcome="ghosted"))
    assert log.ids == ["a1"] and bigger.ids == ["a1", "a2"]
    assert [r.id for r in bigger.rejections] == ["a1", "a2"]
    edited = bigger.replace(make_record("a1", organisation="Beta"))
    assert edited.get("a1").organisation == "Beta" and bigger.get("a1").organisation == "Acme"
    assert bigger.remove("a1").ids == ["a2"] and bigger.ids == ["a1", "a2"]
    assert bigger.next_id() == "a3"
    with pytest.raises(RecordValidationError, match="already used"):
        bigger.add(make_record("a2"))
    with pytest.raises(KeyError, match="zz"):
        bigger.remove("zz")


def test_log_rejects_duplicate_ids_and_unknown_versions():
    with pytest.raises(ValueError, match="duplicate record id 'a1'"):
        RejectionLog(records=(make_record("a1"), make_record("a1")))
    with pytest.raises(ValueError, match="schema version 2"):
        RejectionLog(schema_version=2)


def test_merge_skips_identical_and_refuses_conflicts():
    log = RejectionLog(records=(make_record("a1"), make_record("a2")))
    same = log.merged([make_record("a1"), make_record("a3")])
    assert same.ids == ["a1", "a2", "a3"]
    changed = make_record("a2", outcome="ghosted")
    with pytest.raises(RecordValidationError, match="record a2: a different record"):
        log.merged([make_record("a4"), changed])
    assert log.ids == ["a1", "a2"]  # untouched
    assert log.merged([changed], overwrite=True).get("a2").outcome == "ghosted"


def test_check_names_the_record_with_an_unknown_code(starter):
    log = RejectionLog(records=(make_record("a1"), make_record("a9", occupation_code="99-9999.99")))
    with pytest.raises(UnknownRoleError, match="Record a9"):
        log.check(starter)
    assert RejectionLog(records=(make_record("a1"),)).check(starter)


@settings(max_examples=60, deadline=None)
@given(
    channel=st.sampled_from(CHANNELS),
    stage=st.sampled_from(STAGES),
    outcome=st.sampled_from(OUTCOMES),
    title=st.text(min_size=1, max_size=40),
)
def test_validation_either_builds_a_record_or_raises_a_named_error(channel, stage, outcome, title):
    data = {
        **GOOD,
        "channel": channel,
        "stage_reached": stage,
        "outcome": outcome,
        "role_title": title,
    }
    try:
        r = validate_record(data)
    except RecordValidationError as err:
        assert err.field in {"role_title", "outcome"}
    else:
        assert r.role_title == title.strip() and r.channel == channel


def test_codes_a_data_set_lacks_are_left_out_and_named(starter):
    log = RejectionLog(
        records=(
            make_record("a1", occupation_code="15-2051.01"),
            make_record("a2", occupation_code="99-9999.00"),
            make_record("a3", occupation_code=None),
        )
    )
    fitted, changed = log.without_unknown_roles(starter)
    assert changed == ("a2",)
    assert [r.occupation_code for r in fitted.records] == ["15-2051.01", None, None]
    assert fitted.get("a2").role_title == log.get("a2").role_title
    assert fitted.check(starter) is fitted
    assert log.get("a2").occupation_code == "99-9999.00"  # the original log is untouched
    assert fitted.without_unknown_roles(starter) == (fitted, ())


@pytest.mark.parametrize(
    ("stage", "outcome", "words"),
    [
        ("applied", "ghosted", "no answer at the application stage"),
        ("interviewed", "rejected", "rejected after an interview"),
        ("screened", "withdrawn", "withdrawn after a screen"),
        ("final_round", "pending", "still open at the final round"),
        ("offer", "offer", "offer received"),
    ],
)
def test_result_says_how_far_it_got_and_how_it_ended(stage, outcome, words):
    assert make_record("a1", stage_reached=stage, outcome=outcome).result == words
