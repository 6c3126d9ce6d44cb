"""Named pipes (FIFOs) where a file is expected: opening one for reading waited for ever
for a writer, so ``profile check``, ``client import`` and an import whose release folder
held a pipe hung. Now a pipe nobody writes to reads as empty (a one-line error), a pipe
with a writer is read, and a zip in a pipe's place is refused unread."""

from __future__ import annotations

import contextlib
import os
import threading
from pathlib import Path

import pytest

from careerpivot.datasets.importing import import_onet
from careerpivot.errors import DataValidationError
from careerpivot.store import Store
from tests.datasets.onet_fixture import write_release
from tests.security.hostile import TRIED, run_cli

pytestmark = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")

WAIT_S = 30


def _unblock(fifo: Path) -> None:
    """Open the pipe for writing and close it, so a reader stuck on it gets end of file."""
    with contextlib.suppress(OSError):  # nobody is reading it
        os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))


def _finishes(fifo: Path, fn) -> object:  # type: ignore[no-untyped-def]
    """``fn()``'s result, or a failure when it is still waiting on ``fifo`` after WAIT_S."""
    box: dict[str, object] = {}

    def call() -> None:
        try:
            box["result"] = fn()
        except BaseException as exc:  # handed to the test below
            box["error"] = exc

    worker = threading.Thread(target=call, daemon=True)
    worker.start()
    worker.join(WAIT_S)
    hung = worker.is_alive()
    if hung:
        _unblock(fifo)
        worker.join(5)
    assert not hung, f"still waiting on the pipe {fifo.name} after {WAIT_S} s"
    if "error" in box:
        raise box["error"]  # type: ignore[misc]
    return box.get("result")


@pytest.fixture
def sandbox(kept_client_store: str) -> str:
    return kept_client_store


@pytest.mark.parametrize(
    "argv",
    [("profile", "check"), ("client", "import"), ("client", "add", "Ana", "--profile")],
)
def test_a_pipe_nobody_writes_to_is_a_one_line_error(
    sandbox: str, capsys, tmp_path: Path, argv: tuple[str, ...]
):
    fifo = tmp_path / "in.json"
    os.mkfifo(fifo)
    code, out, err = _finishes(fifo, lambda: run_cli(capsys, "pipe", *argv, str(fifo)))  # type: ignore[misc]
    assert code == 2 and err.startswith("error: ") and "Traceback" not in out + err
    with Store.open(sandbox) as store:
        assert [c.name for c in store.list_clients()] == ["Kept Client"]  # nothing added


def test_a_pipe_with_a_writer_is_read(sandbox: str, capsys, tmp_path: Path):
    fifo = tmp_path / "me.json"
    os.mkfifo(fifo)

    def write() -> None:
        with open(fifo, "w", encoding="utf-8") as fh:  # waits for the reader
            fh.write('{"schema_version": 1, "ratings": {"2.A.1.a": 3}}')

    writer = threading.Thread(target=write, daemon=True)
    writer.start()
    code, out, err = _finishes(fifo, lambda: run_cli(capsys, "pipe", "profile", "check", str(fifo)))  # type: ignore[misc]
    writer.join(5)
    assert code == 0, err
    assert "valid (1" in out


def test_a_pipe_in_a_release_folder_is_a_clean_error_and_nothing_is_imported(tmp_path: Path):
    release = write_release(tmp_path / "release", {"Read Me.txt": "O*NET 66.6 Database\n"})
    (release / "Skills.txt").unlink()
    os.mkfifo(release / "Skills.txt")
    TRIED["pipe"] += 1
    with pytest.raises(DataValidationError, match=r"Skills\.txt"):
        _finishes(release / "Skills.txt", lambda: import_onet(release, data_dir=tmp_path / "data"))
    assert not (tmp_path / "data" / "datasets" / "onet-66.6").exists()


def test_a_pipe_in_place_of_a_zip_is_refused_unread(tmp_path: Path):
    from careerpivot.datasets.archive import open_zip

    fifo = tmp_path / "db_29_2_text.zip"
    os.mkfifo(fifo)
    TRIED["pipe"] += 1
    with pytest.raises(DataValidationError, match="not a regular file"):
        _finishes(fifo, lambda: open_zip(fifo))
