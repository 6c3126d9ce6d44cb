"""Clean errors: user text never printed as markup; decoding, nesting and size problems are
one-line errors (exit 2) and nothing saved is lost."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from careerpivot.cli import main
from careerpivot.store import Store
from tests.security.hostile import MARKUP, run_cli


@pytest.fixture
def sandbox(kept_client_store: str) -> str:
    return kept_client_store


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    return run_cli(capsys, "CLI clean error", *argv)


def one_error_line(err: str) -> bool:
    lines = [line for line in err.splitlines() if line.strip()]
    return len(lines) >= 1 and lines[0].startswith("error: ") and "Traceback" not in err


@pytest.mark.parametrize("text", ["[/]", "[bold]x[/bold]", "[link=http://evil.example]x", *MARKUP])
def test_markup_in_arguments_prints_as_typed(sandbox, capsys, text: str):
    code, out, err = run(capsys, "roles", "search", text)
    assert code == 0 and "Traceback" not in out + err
    code, out, err = run(capsys, "client", "add", text)
    assert code == 0 and text.splitlines()[0] in out


def test_client_names_with_markup_list_as_typed(sandbox, capsys):
    run(capsys, "client", "add", "[red]Eve[/red] :smile:")
    code, out, _ = run(capsys, "client", "list")
    assert code == 0 and "[red]Eve[/red] :smile:" in out


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("deep.json", b"[" * 100_000),
        ("deep2.json", b'{"a":' * 100_000),
        ("latin1.json", '{"name": "Jos\u00e9"}'.encode("latin-1")),
        ("bom16.json", '{"name": "x"}'.encode("utf-16")),
        ("surrogate.json", b'{"name": "\\ud800"}'),
        ("raw_surrogate.json", b'{"name": "\xed\xa0\x80"}'),
        ("nul.json", b"\x00\x00"),
        ("empty.json", b""),
        ("dir", None),
    ],
)
@pytest.mark.parametrize(
    "command", [["profile", "check"], ["client", "import"], ["recommend", "--profile"]]
)
def test_bad_files_are_one_line_errors_and_nothing_is_lost(
    sandbox, capsys, tmp_path: Path, name: str, content: bytes | None, command: list[str]
):
    path = tmp_path / name
    if content is None:
        path.mkdir()
    else:
        path.write_bytes(content)
    code, _out, err = run(capsys, *command, str(path))
    assert code == 2 and one_error_line(err), err
    with Store.open(sandbox) as store:
        assert [c.name for c in store.list_clients()] == ["Kept Client"]


#: Text edits that make a good file hostile: a key given twice (only the last would count),
#: numbers JSON has not got, an integer too long for Python to read as a number.
NUMBER_AND_KEY_EDITS = {
    "duplicate key": ('"schema_version": 1', '"schema_version": 1, "schema_version": 1'),
    "NaN": ('"schema_version": 1', '"schema_version": NaN'),
    "Infinity": ('"schema_version": 1', '"schema_version": -Infinity'),
    "overflowing float": ('"schema_version": 1', '"schema_version": 1e999'),
    "5000-digit integer": ('"schema_version": 1', '"schema_version": ' + "9" * 5000),
}


@pytest.mark.parametrize("edit", sorted(NUMBER_AND_KEY_EDITS))
@pytest.mark.parametrize("kind", ["profile", "client"])
def test_duplicate_keys_and_odd_numbers_are_one_line_errors(
    sandbox, capsys, tmp_path: Path, edit: str, kind: str
):
    """A good profile or client file with one such edit is refused naming the problem (a
    5000-digit integer was a traceback; a key given twice was taken silently)."""
    good = tmp_path / f"good-{kind}.json"
    if kind == "profile":
        made = run(capsys, "profile", "init", "--role", "nurse", "--out", str(good))
    else:
        made = run(capsys, "client", "export", "Kept Client", "--out", str(good))
    assert made[0] == 0
    text = json.dumps(json.loads(good.read_text(encoding="utf-8")))  # one spacing to edit
    old, new = NUMBER_AND_KEY_EDITS[edit]
    assert old in text
    bad = tmp_path / f"bad-{kind}.json"
    bad.write_text(text.replace(old, new, 1), encoding="utf-8")
    commands = [["profile", "check"], ["recommend", "--profile"]]
    for command in commands if kind == "profile" else [["client", "import"]]:
        code, _out, err = run(capsys, *command, str(bad))
        assert code == 2 and one_error_line(err), (command, err)
        assert "bad-" in err and "Traceback" not in err
    with Store.open(sandbox) as store:
        assert [c.name for c in store.list_clients()] == ["Kept Client"]


def test_a_client_file_with_a_lone_surrogate_is_refused(sandbox, capsys, tmp_path: Path):
    good = tmp_path / "good.json"
    assert run(capsys, "client", "export", "Kept Client", "--out", str(good))[0] == 0
    data = json.loads(good.read_text(encoding="utf-8"))
    data["client"]["name"] = "Eve \\ud800"
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(data).replace("\\\\ud800", "\\ud800"), encoding="utf-8")
    code, _, err = run(capsys, "client", "import", str(bad))
    assert code == 2 and "surrogate" in err
    with Store.open(sandbox) as store:
        assert len(store.list_clients()) == 1


@pytest.mark.parametrize("arg", ["\udcff\udcfe", "Ana\ud800", "\udc80"])
def test_undecodable_arguments_are_one_line_errors(sandbox, capsys, arg: str):
    code, _, err = run(capsys, "client", "add", arg)
    assert code == 2 and one_error_line(err) and "not valid text" in err
    with Store.open(sandbox) as store:
        assert len(store.list_clients()) == 1


def test_control_characters_in_errors_stay_on_one_line(sandbox, capsys):
    code, _, err = run(capsys, "client", "note", "nobody\n\x1b[31mred", "x")
    assert code == 2 and len(err.strip().splitlines()) <= 2 and "\x1b" not in err


@pytest.mark.parametrize("mark", ["\u202e", "\u202d", "\u2066", "\u2067", "\u202b"])
def test_text_direction_controls_in_names_and_titles_are_refused(sandbox, capsys, mark: str):
    """A name with a direction override shows as other text than is stored ("Trojan
    Source"); such names were kept. The right-to-left marks real names need still pass."""
    code, _, err = run(capsys, "client", "add", f"Eve{mark}evil")
    assert code == 2 and one_error_line(err) and "text-direction" in err
    from careerpivot.rejections.records import RecordValidationError, validate_record

    record = {
        "id": "a1",
        "role_title": f"Analyst{mark}",
        "organisation": "Acme",
        "date": "2024-03-01",
        "channel": "posting",
        "stage_reached": "applied",
        "outcome": "rejected",
    }
    with pytest.raises(RecordValidationError, match="text-direction"):
        validate_record(record, file="log.csv", row=2)
    assert run(capsys, "client", "add", "\u05e9\u05e8\u05d4 \u200fכהן")[0] == 0
    with Store.open(sandbox) as store:
        assert len(store.list_clients()) == 2


def test_an_error_no_command_expected_is_one_line_not_a_traceback(
    sandbox, capsys, monkeypatch: pytest.MonkeyPatch
):
    """A release cut short once raised a bare KeyError deep in the import: a traceback. Any
    such bug now ends in one line naming it (exit 1); CAREERPIVOT_DEBUG=1 shows where."""
    from careerpivot.engine import Engine

    def broken(*_args: object, **_kwargs: object) -> None:
        raise KeyError("2.B.3.e")

    monkeypatch.setattr(Engine, "search", broken)
    code, _out, err = run(capsys, "roles", "search", "nurse")
    assert code == 1 and one_error_line(err) and "KeyError" in err and "CAREERPIVOT_DEBUG" in err
    monkeypatch.setenv("CAREERPIVOT_DEBUG", "1")
    with pytest.raises(KeyError):
        main(["roles", "search", "nurse"])
