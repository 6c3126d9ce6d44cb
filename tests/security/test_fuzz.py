"""Hypothesis fuzz: every JSON and CSV input and the CLI's arguments give a clean error or work.

A clean error is a :class:`CareerPivotError` (a one-line message naming the file and
field) or, on the command line, exit 2 with one ``error:`` line. Anything else (a
traceback, a UnicodeError, a RecursionError) fails the test.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from careerpivot.assessment.answers import (
    load_answer_sheet,
    parse_answer_sheet,
    parse_skill_answers,
)
from careerpivot.cli import main
from careerpivot.datasets.tables import Column, number, read_rows
from careerpivot.errors import CareerPivotError
from careerpivot.profile import load_profile, parse_profile
from careerpivot.rejections.log_io import parse_log_csv, parse_log_json, read_log
from careerpivot.report.csv_format import read_csv
from careerpivot.store import Store
from careerpivot.store.exchange import parse_client_file, read_client_file
from tests.security.hostile import FORMULAS, MARKUP, TRIED

FUZZ = settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)

# ----- strategies -----------------------------------------------------------------------------
nasty_text = st.one_of(
    st.text(),
    st.text(alphabet=st.characters(codec=None, categories=None), max_size=30),
    st.sampled_from(
        [*MARKUP, *FORMULAS, "\ud800", "a\udcffb", "\x00", "#1", "1", "[/]", "-" * 3, "..", ""]
    ),
)
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | nasty_text,
    lambda kids: st.lists(kids, max_size=4) | st.dictionaries(nasty_text, kids, max_size=4),
    max_leaves=20,
)


def _deep(n: int) -> str:
    return "[" * n + "]" * n


def _json_texts(valid: dict[str, Any]) -> st.SearchStrategy[str]:
    """Valid documents with one field replaced, random JSON, broken text and deep nesting."""
    keys = sorted(valid)

    def mutate(pair: tuple[str, Any]) -> str:
        key, value = pair
        return json.dumps({**valid, key: value}, allow_nan=True)

    return st.one_of(
        st.tuples(st.sampled_from(keys), json_values).map(mutate),
        json_values.map(lambda v: json.dumps(v)),
        nasty_text,
        st.integers(1, 200_000).map(lambda n: '{"a": ' + _deep(n) + "}"),
        st.sampled_from(['{"a": "\\ud800"}', '{"a": "\\udfff\\ud800"}', "\ufeff{}", "{" * 5]),
    )


def clean(fn: Callable[[], Any], kind: str) -> None:
    """Run ``fn``: it may succeed or raise a CareerPivotError, nothing else."""
    TRIED[kind] += 1
    try:
        fn()
    except CareerPivotError as exc:
        assert str(exc) and "Traceback" not in str(exc)


# Valid examples each fuzz starts from (mutating one field at a time).
PROFILE = {"schema_version": 1, "name": "x", "current_role": "15-1252.00", "ratings": {}}
CLIENT = {
    "format": "careerpivot-client",
    "schema_version": 1,
    "exported": "2025-03-01T10:00:00Z",
    "client": {"name": "Ana", "contact": None, "created": "2025-03-01T10:00:00Z"},
    "profiles": [],
    "sessions": [],
    "roles": [],
    "plans": [],
    "rejections": [],
}
ANSWERS = {"schema_version": 1, "answers": {}}
LOG = {
    "schema_version": 1,
    "records": [
        {
            "id": "a1",
            "role_title": "Analyst",
            "organisation": "Acme",
            "date": "2024-03-01",
            "channel": "posting",
            "stage_reached": "applied",
            "outcome": "rejected",
        }
    ],
}


# ----- JSON inputs ----------------------------------------------------------------------------
@FUZZ
@given(_json_texts(PROFILE))
def test_profile_json(text: str):
    clean(lambda: parse_profile(text), "profile JSON")


@FUZZ
@given(_json_texts(CLIENT))
def test_client_file_json(text: str):
    clean(lambda: parse_client_file(text), "client JSON")


@FUZZ
@given(_json_texts(ANSWERS))
def test_answer_json(text: str):
    clean(lambda: parse_answer_sheet(text), "answers JSON")
    clean(lambda: parse_skill_answers(text), "answers JSON")


@FUZZ
@given(_json_texts(LOG))
def test_rejection_log_json(text: str):
    clean(lambda: parse_log_json(text), "log JSON")


@FUZZ
@given(st.binary(max_size=300) | st.sampled_from([b"\xff\xfe{}", b'{"a": "\xed\xa0\x80"}']))
@example(b"[" * 100_000)
def test_files_of_any_bytes(tmp_path_factory: pytest.TempPathFactory, raw: bytes):
    folder = tmp_path_factory.mktemp("bytes")
    for name, load in [
        ("p.json", load_profile),
        ("c.json", read_client_file),
        ("a.json", load_answer_sheet),
        ("l.json", read_log),
        ("l.csv", read_log),
    ]:
        path = folder / name
        path.write_bytes(raw)
        clean(lambda p=path, f=load: f(p), "file bytes")  # type: ignore[misc]


# ----- CSV inputs -----------------------------------------------------------------------------
csv_cells = st.one_of(
    nasty_text, st.sampled_from(['"', '""', '"a', "a\rb", "a\nb", ",", "x" * 140_000])
)
csv_texts = st.one_of(
    st.lists(st.lists(csv_cells, max_size=9), max_size=5).map(
        lambda rows: "\n".join(",".join(r) for r in rows)
    ),
    nasty_text,
)
LOG_HEADER = "id,role_title,organisation,date,channel,stage_reached,outcome,feedback\n"


@FUZZ
@given(csv_texts)
def test_rejection_log_csv(text: str):
    clean(lambda: parse_log_csv(text), "log CSV")
    clean(lambda: parse_log_csv(LOG_HEADER + text), "log CSV")


@FUZZ
@given(csv_texts)
def test_report_csv(text: str):
    clean(lambda: read_csv(text), "report CSV")
    clean(lambda: read_csv("section,row,field,value\r\n" + text), "report CSV")


@FUZZ
@given(csv_texts)
def test_release_tables(text: str):
    cols = [Column("a", str), Column("b", number(0, 7))]
    for delimiter in (",", "\t"):
        clean(
            lambda d=delimiter: list(  # type: ignore[misc]
                read_rows("t.txt", cols, text="a,b\n" + text.replace(",", d), delimiter=d)
            ),
            "release CSV",
        )


# ----- command-line arguments -----------------------------------------------------------------
COMMANDS = [
    ["roles", "search"],
    ["roles", "show"],
    ["client", "add"],
    ["client", "note", "#1"],
    ["client", "note"],
    ["client", "archive"],
    ["client", "delete", "--yes"],
    ["client", "list", "--search"],
    ["client", "export"],
    ["client", "import"],
    ["profile", "check"],
    ["report", "--format", "csv"],
    ["data", "import-onet", "--name"],
    ["data", "list", "--data-dir"],
    ["recommend", "--role"],
    ["gap", "--role", "nurse", "--target"],
]


@pytest.fixture
def sandbox(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("CAREERPIVOT_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("CAREERPIVOT_DB_URL", f"sqlite:///{tmp_path / 'data' / 'cp.db'}")
    monkeypatch.delenv("CAREERPIVOT_PASSCODE", raising=False)
    monkeypatch.chdir(tmp_path)
    with Store.open() as store:
        store.create_client("Ana Díaz")
    return tmp_path


@settings(
    max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.sampled_from(COMMANDS), st.lists(nasty_text, min_size=1, max_size=2))
def test_cli_arguments(
    sandbox: Path, capsys: pytest.CaptureFixture[str], command: list[str], args: list[str]
):
    TRIED["CLI arguments"] += 1
    argv = [*command, *args]
    if command[-1] == "note" and len(args) == 1:
        argv.append("notes")
    try:
        main(argv)
        code = 0
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else 1
    out = capsys.readouterr()
    assert code in (0, 1, 2), (argv, out)
    assert "Traceback" not in out.out + out.err, argv
    if code == 2:
        errors = [line for line in out.err.splitlines() if line.startswith("error:")]
        usage = "Usage:" in out.err  # click's own usage errors (missing or bad options)
        assert errors or usage, (argv, out.err)
