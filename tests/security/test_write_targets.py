"""Write targets: a folder, a device or a planted symlink where a file is to be written is
refused or replaced, never written through; failures leave no temporary file behind and
name the file asked for in one line."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from careerpivot.errors import CareerPivotError, WriteError
from careerpivot.private import atomic_file, write_private
from careerpivot.store import Store
from tests.security.hostile import run_cli


@pytest.fixture
def sandbox(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("CAREERPIVOT_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("CAREERPIVOT_DB_URL", f"sqlite:///{tmp_path / 'data' / 'cp.db'}")
    monkeypatch.delenv("CAREERPIVOT_PASSCODE", raising=False)
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    with Store.open() as store:
        store.create_client("Kept Client")
    return work


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str]:
    code, out, err = run_cli(capsys, "write target", *argv)
    assert "Traceback" not in out + err, err
    return code, err


WRITERS = [
    ["graph", "build", "--out"],
    ["client", "export", "Kept Client", "--out"],
    ["profile", "init", "--role", "nurse", "--out"],
]


@pytest.mark.parametrize("command", WRITERS)
def test_a_folder_as_the_output_file_is_a_one_line_error(sandbox: Path, capsys, command):
    (sandbox / "folder").mkdir()
    code, err = run(capsys, *command, "folder")
    assert code == 2 and err.startswith("error: ") and "folder" in err
    assert ".tmp" not in err  # names the file asked for, not the temporary one
    assert sorted(p.name for p in sandbox.iterdir()) == ["folder"]  # nothing left behind
    assert list((sandbox / "folder").iterdir()) == []


@pytest.mark.parametrize("command", WRITERS[:2])
def test_a_symlink_at_the_output_is_replaced_and_its_target_kept(sandbox: Path, capsys, command):
    victim = sandbox.parent / "victim.txt"
    victim.write_text("keep me", encoding="utf-8")
    (sandbox / "out.json").symlink_to(victim)
    code, _ = run(capsys, *command, "out.json")
    assert code == 0
    assert victim.read_text(encoding="utf-8") == "keep me"
    assert not (sandbox / "out.json").is_symlink()


def test_a_planted_temporary_file_symlink_is_not_written_through(sandbox: Path, capsys):
    """The graph was written to the fixed name ``OUT.tmp`` first: anyone who could write in
    the folder could plant that name as a symlink and have the graph overwrite its target."""
    victim = sandbox.parent / "victim.txt"
    victim.write_text("keep me", encoding="utf-8")
    (sandbox / "graph.json.tmp").symlink_to(victim)
    code, _ = run(capsys, "graph", "build", "--out", "graph.json")
    assert code == 0 and (sandbox / "graph.json").stat().st_size > 1000
    assert victim.read_text(encoding="utf-8") == "keep me"


def test_a_failed_write_keeps_the_old_file_and_leaves_no_temporary_file(tmp_path: Path):
    target = tmp_path / "kept.json"
    target.write_text("old", encoding="utf-8")
    with pytest.raises(RuntimeError), atomic_file(target) as fh:
        fh.write(b"half")
        raise RuntimeError("disk gone")
    assert target.read_text(encoding="utf-8") == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["kept.json"]


@pytest.mark.parametrize(
    ("where", "words"),
    [
        ("no/such/folder/x.json", "folder does not exist"),
        ("pipe", "not a regular file"),
        ("link-to-pipe", "not a regular file"),
        ("link-to-folder", "it is a folder"),
    ],
)
def test_write_errors_name_the_file_and_the_reason(tmp_path: Path, where: str, words: str):
    """A pipe stands for any special file (the old code, run as root, replaced /dev/null with
    a regular file: never point this test at a real device)."""
    path = tmp_path / where
    if "pipe" in where:
        os.mkfifo(tmp_path / "real-pipe")
    if where == "pipe":
        path = tmp_path / "real-pipe"
    elif where.startswith("link-to-"):
        (tmp_path / "real-folder").mkdir()
        path.symlink_to(tmp_path / ("real-pipe" if "pipe" in where else "real-folder"))
    with pytest.raises(WriteError, match=words) as info:
        write_private(path, "x")
    assert isinstance(info.value, CareerPivotError) and isinstance(info.value, OSError)
    assert str(path) in str(info.value) and ".tmp" not in str(info.value)
    if "pipe" in where:
        assert (tmp_path / "real-pipe").exists() and not (tmp_path / "real-pipe").is_file()


@pytest.mark.parametrize("days", ["100000000", "99999999999999999999"])
def test_purge_with_an_absurd_number_of_days_is_a_one_line_error(sandbox: Path, capsys, days):
    code, err = run(capsys, "workspace", "purge", "--days", days)
    assert code == 2 and ("days" in err.lower())


@pytest.mark.parametrize(
    "command",
    [
        ["report", "Kept Client", "--format", "md", "--out"],
        ["client", "export", "Kept Client", "--out"],
        ["profile", "init", "--role", "nurse", "--out"],
    ],
)
def test_a_missing_folder_is_named_once_in_one_line(sandbox: Path, capsys, command):
    """profile init into a missing folder was a FileNotFoundError traceback naming the
    temporary file; the report said "cannot write" twice."""
    code, err = run(capsys, *command, "missing/out.file")
    assert code == 2 and err.startswith("error: ") and err.count("cannot write") == 1
    assert "folder does not exist" in err and ".tmp" not in err
