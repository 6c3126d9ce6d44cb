import json
import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from careerpivot.rejections.log_io import (
    format_log_csv,
    format_log_json,
    import_log,
    parse_log_csv,
    parse_log_json,
    read_log,
    write_log,
)
from careerpivot.rejections.records import (
    CHANNELS,
    STAGES,
    RecordValidationError,
    RejectionLog,
)
from tests.rejections.conftest import make_record

HEADER = (
    "id,role_title,occupation_code,organisation,date,channel,stage_reached,outcome,feedback,notes"
)


def sample_log() -> RejectionLog:
    return RejectionLog(
        records=(
            make_record(
                "a1",
                feedback='Your SQL, sadly, was "basic".\nAlso: Tableau — needs work.',
                notes="asked for feedback; café chat",
            ),
            make_record("a2", occupation_code=None, role_title="Analyst, Data", outcome="ghosted"),
            make_record("a3", stage_reached="offer", outcome="offer", channel="referral"),
        )
    )


@pytest.mark.parametrize("suffix", [".csv", ".json"])
def test_round_trip_through_files(tmp_path, suffix):
    log = sample_log()
    path = tmp_path / f"log{suffix}"
    write_log(log, path)
    assert read_log(path) == log
    assert not list(tmp_path.glob(".*.tmp"))


def test_csv_and_json_texts_round_trip():
    log = sample_log()
    assert parse_log_csv(format_log_csv(log)) == log
    assert parse_log_json(format_log_json(log)) == log
    assert json.loads(format_log_json(log))["schema_version"] == 1


def test_csv_import_accepts_columns_in_any_order_and_optional_ones_missing():
    text = "outcome,stage_reached,channel,date,organisation,role_title,id\nrejected,applied,posting,2025-01-02,Acme,Analyst,x1\n"
    log = parse_log_csv(text)
    assert log.get("x1").feedback == "" and log.get("x1").occupation_code is None


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ("", "line 1: file is empty"),
        ("id,role_title\n", "line 1: header lacks organisation"),
        (HEADER + ",extra\n", "line 1: unexpected columns ['extra']"),
        (
            HEADER
            + "\na1,Analyst,,Acme,2025-01-02,posting,applied,rejected,,\na2,Analyst,,Acme,2025-13-02,posting,applied,rejected,,\n",
            "line 3, record a2, field 'date'",
        ),
        (
            HEADER
            + '\na1,Analyst,,Acme,2025-01-02,posting,applied,rejected,"two\nlines",\na2,Analyst,,Acme,2025-01-02,email,applied,rejected,,\n',
            "line 4, record a2, field 'channel'",
        ),
        (
            HEADER
            + "\na1,Analyst,,Acme,2025-01-02,posting,applied,rejected,,\na1,Analyst,,Acme,2025-01-03,posting,applied,rejected,,\n",
            "line 3, record a1, field 'id': duplicate id (first used on line 2)",
        ),
        (HEADER + "\na1,Analyst,,Acme,2025-01-02,posting,applied\n", "line 2: row has 7 fields"),
    ],
)
def test_bad_csv_names_file_line_record_and_field(text, where):
    with pytest.raises(RecordValidationError) as info:
        parse_log_csv(text, source="mine.csv")
    assert str(info.value).startswith("file mine.csv")
    assert where in str(info.value)


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ("{", "not valid JSON"),
        ("[]", "a rejection log is a JSON object"),
        ('{"schema_version": 9, "records": []}', "field 'schema_version'"),
        ('{"schema_version": 1, "records": {}}', "'records' must be a list"),
        ('{"schema_version": 1, "records": [], "x": 1}', "unexpected keys ['x']"),
        ('{"schema_version": 1, "records": [3]}', "record 1 is a int"),
        (
            '{"schema_version": 1, "records": [{"id": "b7", "role_title": "A"}]}',
            "record b7, field 'organisation'",
        ),
        ('{"schema_version": 1, "records": [{"role_title": "A"}]}', "record #1, field 'id'"),
    ],
)
def test_bad_json_names_the_problem(text, where):
    with pytest.raises(RecordValidationError, match=r"file mine\.json") as info:
        parse_log_json(text, source="mine.json")
    assert where in str(info.value)


def test_duplicate_ids_in_json_are_refused():
    log = RejectionLog(records=(make_record("a1"),))
    doubled = format_log_json(log).replace(
        '"records": [', '"records": [' + make_record("a1").model_dump_json() + ","
    )
    with pytest.raises(RecordValidationError, match="duplicate record id 'a1'"):
        parse_log_json(doubled)


def test_a_bad_import_leaves_the_log_unchanged(tmp_path):
    log = sample_log()
    before = log.model_dump()
    bad = tmp_path / "import.csv"
    bad.write_text(
        HEADER
        + "\nb1,Analyst,,Acme,2025-01-02,posting,applied,rejected,,\nb2,Analyst,,Acme,someday,posting,applied,rejected,,\n"
    )
    with pytest.raises(RecordValidationError, match="line 3"):
        import_log(log, bad)
    assert log.model_dump() == before
    good = tmp_path / "import.json"
    write_log(RejectionLog(records=(make_record("b1"),)), good)
    assert import_log(log, good).ids == ["a1", "a2", "a3", "b1"]
    assert log.ids == ["a1", "a2", "a3"]


def test_missing_or_binary_files_are_named(tmp_path):
    with pytest.raises(RecordValidationError, match="file not found"):
        read_log(tmp_path / "nope.json")
    blob = tmp_path / "blob.csv"
    blob.write_bytes(b"\xff\xfe\x00bad")
    with pytest.raises(RecordValidationError, match="not UTF-8"):
        read_log(blob)


def test_a_failed_write_keeps_the_previous_file(tmp_path, monkeypatch):
    path = tmp_path / "log.json"
    write_log(sample_log(), path)
    before = path.read_text()

    def broken_replace(src, dst):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(OSError, match="disk full"):
        write_log(RejectionLog(), path)
    assert path.read_text() == before
    assert not list(tmp_path.glob(".*.tmp"))


text_cells = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc")) | st.sampled_from("\t\n\r"),
    max_size=60,
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    feedback=text_cells,
    notes=text_cells,
    title=st.text(
        st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=200
    ).filter(str.strip),
    channel=st.sampled_from(CHANNELS),
    stage=st.sampled_from(STAGES),
)
def test_any_valid_record_round_trips_through_csv_and_json(feedback, notes, title, channel, stage):
    record = make_record(
        "h1", feedback=feedback, notes=notes, role_title=title, channel=channel, stage_reached=stage
    )
    log = RejectionLog(records=(record,))
    assert parse_log_csv(format_log_csv(log)) == log
    assert parse_log_json(format_log_json(log)) == log


def test_stored_records_are_read_one_by_one_and_bad_ones_named():
    from careerpivot.rejections.log_io import records_from_payloads

    good = [r.model_dump(mode="json") for r in sample_log().records]
    broken = {**good[1], "id": "b1", "date": "yesterday"}
    again = {**good[0], "feedback": "a different record with a used id"}
    out = records_from_payloads(
        [(1, good[0]), (1, broken), (2, good[1]), (1, good[1]), (1, again), (1, good[2])]
    )
    kinds = [type(x).__name__ for x in out]
    assert kinds == [
        "ApplicationRecord", "RecordValidationError", "RecordValidationError",
        "ApplicationRecord", "RecordValidationError", "ApplicationRecord",
    ]  # fmt: skip
    assert "record b1, field 'date'" in str(out[1])
    assert "record #3: schema version 2 is not supported" in str(out[2])
    assert "record a1: id is already used" in str(out[4])
    assert "record a1: id is already used" not in str(out[5])
    ok = [x for x in out if not isinstance(x, RecordValidationError)]
    assert RejectionLog(records=tuple(ok)).ids == ["a1", "a2", "a3"]


def test_stored_records_round_trip_what_the_log_writes():
    from careerpivot.rejections.log_io import records_from_payloads

    log = sample_log()
    out = records_from_payloads((1, r.model_dump(mode="json")) for r in log.records)
    assert RejectionLog(records=tuple(out)) == log  # type: ignore[arg-type]
