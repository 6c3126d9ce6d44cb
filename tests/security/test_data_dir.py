"""A data folder the person chose (``--data-dir``, ``CAREERPIVOT_DATA_DIR``) that already
exists and holds other things keeps its permissions: tightening it to 0700 made every other
user lose access to it (``--data-dir /`` or ``/srv`` as root, ``/tmp``). What CareerPivot
writes inside stays private; a folder that is CareerPivot's own is still tightened.

Only folders under pytest's temporary folder are used, never a real system folder."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from careerpivot.datasets.importing import import_onet
from careerpivot.private import private_dir
from careerpivot.store import Store
from tests.datasets.onet_fixture import write_release
from tests.security.hostile import TRIED, run_cli


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def shared_folder(tmp_path: Path, name: str, perms: int, content: bool = True) -> Path:
    folder = tmp_path / name
    folder.mkdir()
    if content:
        (folder / "someone-elses.txt").write_text("keep me\n", encoding="utf-8")
    folder.chmod(perms)
    return folder


@pytest.mark.parametrize(
    ("perms", "content"),
    [(0o755, True), (0o1777, False), (0o1777, True), (0o775, True)],
)
def test_the_cli_leaves_an_existing_shared_data_folder_as_it_was(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys, perms: int, content: bool
):
    folder = shared_folder(tmp_path, "shared", perms, content)
    monkeypatch.setenv("CAREERPIVOT_DATA_DIR", str(folder))
    monkeypatch.delenv("CAREERPIVOT_DB_URL", raising=False)
    monkeypatch.delenv("CAREERPIVOT_PASSCODE", raising=False)
    code, _, err = run_cli(capsys, "data folder", "client", "add", "Ana Díaz")
    assert code == 0, err
    assert mode(folder) == perms
    assert mode(folder / "careerpivot.db") == 0o600  # the client data itself is private


def test_an_import_leaves_an_existing_shared_data_folder_as_it_was(tmp_path: Path):
    folder = shared_folder(tmp_path, "srv", 0o755)
    TRIED["data folder"] += 1
    import_onet(write_release(tmp_path / "rel"), data_dir=folder)
    assert mode(folder) == 0o755
    assert mode(folder / "datasets") == 0o700
    assert (folder / "someone-elses.txt").read_text(encoding="utf-8") == "keep me\n"


def test_a_database_url_in_a_shared_folder_leaves_the_folder_as_it_was(tmp_path: Path):
    folder = shared_folder(tmp_path, "tmp-like", 0o1777, content=False)
    TRIED["data folder"] += 1
    with Store.open(f"sqlite:///{folder / 'cp.db'}") as store:
        store.create_client("Ana Díaz")
    assert mode(folder) == 0o1777 and mode(folder / "cp.db") == 0o600


def test_our_own_folders_are_still_tightened(tmp_path: Path):
    fresh = tmp_path / "new" / "data"
    private_dir(fresh)
    assert mode(fresh) == 0o700
    own = tmp_path / "own"
    own.mkdir()
    (own / "careerpivot.db").write_bytes(b"")
    (own / "datasets").mkdir()
    own.chmod(0o755)
    private_dir(own)
    assert mode(own) == 0o700
    named = shared_folder(tmp_path, "datasets", 0o755)
    private_dir(named, ours=True)
    assert mode(named) == 0o700
