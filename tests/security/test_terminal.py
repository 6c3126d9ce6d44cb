"""Terminal escapes: text from a release file or a person that holds ESC, BEL or an 8-bit
CSI never reaches the terminal as a command (clear the screen, retitle the window, plant a
hidden hyperlink); the command line shows it escaped, JSON keeps it exact."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from careerpivot.datasets.importing import import_onet
from careerpivot.store import Store
from tests.datasets.onet_fixture import files, write_release
from tests.security.hostile import run_cli

DATASET = "onet-66.6"
#: Clear the screen, retitle the window (OSC 0, ended by BEL), an 8-bit CSI, DEL.
TITLE_TAIL = " \x1b[2J\x1b]0;pwned\x07\x9b31m\x7f"
#: A hidden hyperlink (OSC 8) around the word "click".
DESC_TAIL = "\x1b]8;;http://evil.example\x1b\\click\x1b]8;;\x1b\\"
ACTING = ("\x1b", "\x07", "\x9b", "\x7f")


def _acts(text: str) -> list[str]:
    return [repr(c) for c in ACTING if c in text]


def _strings(doc: object) -> list[str]:
    if isinstance(doc, str):
        return [doc]
    if isinstance(doc, dict):
        doc = list(doc.values())
    return [s for v in doc for s in _strings(v)] if isinstance(doc, list) else []


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A data folder with a release whose titles and descriptions hold terminal escapes."""
    root = tmp_path_factory.mktemp("escapes")
    occ = files()["Occupation Data.txt"].splitlines()
    lines = [occ[0]]
    for line in occ[1:]:
        code, title, desc = line.split("\t")
        lines.append(f"{code}\t{title}{TITLE_TAIL}\t{desc}{DESC_TAIL}")
    release = write_release(
        root / "release",
        {"Occupation Data.txt": "\n".join(lines) + "\n", "Read Me.txt": "O*NET 66.6 Database\n"},
    )
    import_onet(release, data_dir=root / "data")
    return root / "data"


@pytest.fixture
def sandbox(data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    url = f"sqlite:///{tmp_path / 'cp.db'}"
    monkeypatch.setenv("CAREERPIVOT_DATA_DIR", str(data_dir))
    monkeypatch.setenv("CAREERPIVOT_DB_URL", url)
    monkeypatch.delenv("CAREERPIVOT_PASSCODE", raising=False)
    return url


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    return run_cli(capsys, "terminal escape", *argv)


@pytest.mark.parametrize(
    "argv",
    [
        ("roles", "search", "software", "-d", DATASET),
        ("roles", "show", "15-1252.00", "-d", DATASET),
        ("recommend", "--role", "15-1252.00", "-d", DATASET, "-k", "3"),
        ("gap", "--role", "15-1252.00", "--target", "15-1254.00", "-d", DATASET),
        ("route", "--role", "15-1252.00", "--target", "15-1254.00", "-d", DATASET),
    ],
)
def test_escapes_in_release_titles_print_escaped(sandbox: str, capsys, argv: tuple[str, ...]):
    code, out, err = run(capsys, *argv)
    assert code == 0, err
    assert not _acts(out + err), f"{argv}: control characters reached the terminal"
    assert "\\x1b[2J" in out  # shown, escaped: the person sees something odd is in the title


@pytest.mark.parametrize(
    "argv",
    [
        ("roles", "search", "software", "-d", DATASET, "--json"),
        ("roles", "show", "15-1252.00", "-d", DATASET, "--json"),
        ("recommend", "--role", "15-1252.00", "-d", DATASET, "-k", "3", "--json"),
    ],
)
def test_json_keeps_the_text_exact_but_writes_no_control_character(
    sandbox: str, capsys, argv: tuple[str, ...]
):
    code, out, err = run(capsys, *argv)
    assert code == 0, err
    assert not _acts(out), f"{argv}: control characters in the JSON text"
    assert any(TITLE_TAIL in t for t in _strings(json.loads(out)))  # the text, exact


def test_escapes_in_an_argument_print_escaped(sandbox: str, capsys):
    code, out, err = run(capsys, "roles", "search", "\x1b]0;pwned\x07nurse", "-d", DATASET)
    assert code == 0 and not _acts(out + err)


@pytest.mark.parametrize(
    "notes", ["met\x1b[2J", "ok\x07", "tab\tand\nlines\x9b31m", "form\x0cfeed"]
)
def test_session_notes_with_control_characters_are_refused_and_nothing_is_saved(
    sandbox: str, capsys, notes: str
):
    with Store.open(sandbox) as store:
        cid = store.create_client("Ana Díaz").id
    code, out, err = run(capsys, "client", "note", f"#{cid}", notes)
    assert code == 2 and err.startswith("error: ") and "control character" in err
    assert not _acts(out + err)
    with Store.open(sandbox) as store:
        assert not store.load_client(cid).sessions


def test_line_breaks_and_tabs_in_notes_are_kept(sandbox: str, capsys):
    with Store.open(sandbox) as store:
        cid = store.create_client("Ana Díaz").id
    code, _, err = run(capsys, "client", "note", f"#{cid}", "first\tline\r\nsecond line")
    assert code == 0, err
    with Store.open(sandbox) as store:
        assert store.load_client(cid).sessions[0].notes == "first\tline\r\nsecond line"


@pytest.fixture
def client_on_escapes(sandbox: str) -> int:
    from careerpivot.datasets.registry import load_dataset
    from careerpivot.profile import profile_from_role

    ds = load_dataset(DATASET)
    with Store.open(sandbox) as store, store.batch() as w:
        client = w.create_client("Ana Díaz")
        w.save_profile(client.id, profile_from_role(ds, "15-1252.00"), dataset=DATASET)
        w.add_session(client.id, dt.date(2025, 1, 2), "Talked about next steps.")
    return client.id


@pytest.mark.parametrize("fmt", ["md", "csv"])
def test_a_report_on_a_terminal_shows_escapes_and_in_a_pipe_stays_exact(
    client_on_escapes: int, capsys, monkeypatch: pytest.MonkeyPatch, fmt: str
):
    code, piped, err = run(capsys, "report", f"#{client_on_escapes}", "--format", fmt)
    assert code == 0, err
    assert "\x1b" in piped and "\x9b" in piped  # `> report.md` keeps the text
    import sys

    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    code, shown, err = run(capsys, "report", f"#{client_on_escapes}", "--format", fmt)
    assert code == 0, err
    shown = shown.replace("\x1b[?25l", "").replace("\x1b[?25h", "")  # the spinner's own
    assert not _acts(shown) and "\\x1b" in shown and "\\x9b" in shown
