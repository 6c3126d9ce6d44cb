"""Privacy on a shared machine: private files and folders, the passcode on the command line,
a growing delay after wrong passcodes, reports written atomically inside their folder."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest
from typer.testing import CliRunner

from careerpivot.cli import app, client_cmd
from careerpivot.datasets.importing import import_onet
from careerpivot.store import Store, StoreError
from careerpivot.store.lockout import Lockout
from tests.datasets.onet_fixture import write_release
from tests.security.hostile import TRIED

runner = CliRunner()
PASS = "correct horse battery"


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "data"
    monkeypatch.setenv("CAREERPIVOT_DATA_DIR", str(folder))
    monkeypatch.delenv("CAREERPIVOT_DB_URL", raising=False)
    monkeypatch.delenv("CAREERPIVOT_PASSCODE", raising=False)
    monkeypatch.setattr(client_cmd, "WRONG_PASSCODE_DELAY_S", 0.0)
    monkeypatch.chdir(tmp_path)
    return folder


def cli(*args: str, input: str | None = None, env: dict[str, str] | None = None):
    return runner.invoke(app, list(args), input=input, env=env)


def test_database_and_data_folder_are_private(data: Path):
    assert cli("client", "add", "Ana Díaz").exit_code == 0
    db = data / "careerpivot.db"
    assert mode(data) == 0o700
    for f in data.iterdir():  # the database and SQLite's WAL and shared-memory files
        if f.name.startswith("careerpivot.db"):
            assert mode(f) == 0o600, f
    assert mode(db) == 0o600


def test_imported_data_sets_are_private(data: Path, tmp_path: Path):
    import_onet(write_release(tmp_path / "rel"), data_dir=data)
    assert mode(data) == 0o700 and mode(data / "datasets") == 0o700


def test_exports_and_reports_are_private_and_atomic(data: Path, tmp_path: Path):
    cli("client", "add", "Ana Díaz", "--role", "15-1252.00")
    out = tmp_path / "ana.json"
    assert cli("client", "export", "#1", "--out", str(out)).exit_code == 0
    assert mode(out) == 0o600
    folder = tmp_path / "reports"
    folder.mkdir()
    for fmt in ("md", "csv", "pdf"):
        res = cli("report", "#1", "--format", fmt, "--out", f"{folder}/")
        assert res.exit_code == 0, res.output
    written = sorted(p.name for p in folder.iterdir())
    assert written == [
        f"report-1-{d}.{x}" for d in [written[0][9:19]] for x in ("csv", "md", "pdf")
    ]
    assert all(mode(p) == 0o600 for p in folder.iterdir())
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")) == []


def test_client_commands_require_the_passcode_once_set(data: Path):
    cli("client", "add", "Ana Díaz")
    assert cli("client", "passcode", input=f"{PASS}\n{PASS}\n").exit_code == 0
    for args in (
        ["client", "list"],
        ["client", "note", "#1", "x"],
        ["client", "export", "#1"],
        ["client", "delete", "#1", "--yes"],
        ["report", "#1"],
    ):
        TRIED["passcode"] += 1
        res = cli(*args)  # no env var, no input: refused
        assert res.exit_code == 2 and "passcode" in res.output, args
        res = cli(*args, env={"CAREERPIVOT_PASSCODE": "wrong guess"})
        assert res.exit_code == 2 and "wrong counselor passcode" in res.output, args
    assert cli("client", "list", env={"CAREERPIVOT_PASSCODE": PASS}).exit_code == 0
    assert "Ana Díaz" in cli("client", "list", input=f"{PASS}\n").output
    with Store.open() as store:
        assert [c.name for c in store.list_clients()] == ["Ana Díaz"]
        assert store.load_client(1).sessions == ()


def test_changing_or_clearing_the_passcode_needs_the_current_one(data: Path):
    cli("client", "passcode", input=f"{PASS}\n{PASS}\n")
    res = cli("client", "passcode", "--clear", input="not it\n")
    assert res.exit_code == 2 and "not right" in res.output
    res = cli("client", "passcode", input="not it\nnew one 123\nnew one 123\n")
    assert res.exit_code == 2
    with Store.open() as store:
        assert store.check_passcode(PASS)
        with pytest.raises(StoreError):
            store.change_passcode(None, None)
    assert cli("client", "passcode", "--clear", input=f"{PASS}\n").exit_code == 0
    with Store.open() as store:
        assert not store.passcode_required()


def test_wrong_passcodes_meet_a_growing_delay():
    now = [0.0]
    gate = Lockout(clock=lambda: now[0])
    right = "right passcode"

    def verify(code: str) -> bool:
        return code == right

    waits = []
    for _ in range(6):
        TRIED["passcode"] += 1
        result = gate.attempt(verify, "guess")
        assert not result.ok
        waits.append(result.wait_s)
        now[0] += result.wait_s
    assert waits == [1, 2, 4, 8, 16, 32]  # seconds
    # 40 fast guesses during a delay are refused unchecked, and so is the right passcode.
    assert not gate.attempt(verify, "guess").ok  # heard (the delay had passed), and wrong
    checked = []
    for _ in range(40):
        gate.attempt(lambda c: checked.append(c) or False, "guess")
    refused = gate.attempt(verify, right)
    assert not refused.ok and refused.wait_s > 0 and checked == []
    now[0] += refused.wait_s
    assert gate.attempt(verify, right).ok
    assert gate.attempt(verify, "guess").wait_s == 1  # the count starts again
