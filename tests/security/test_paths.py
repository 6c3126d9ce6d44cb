"""Path safety: data-set names from an allowlist, every write/rename/delete kept in the data folder."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from careerpivot.datasets.importing import import_onet
from careerpivot.datasets.paths import check_name, clean_leftovers, inside, safe_rmtree
from careerpivot.datasets.registry import dataset_path, load_dataset
from careerpivot.errors import DatasetNotFoundError, DataValidationError
from tests.datasets.onet_fixture import write_release
from tests.security.hostile import BAD_NAMES, snapshot_tree


@pytest.fixture
def victim(tmp_path: Path) -> Path:
    """A folder beside the data folder that no import may touch."""
    v = tmp_path / "victim"
    v.mkdir()
    (v / "precious.txt").write_text("keep me", encoding="utf-8")
    return v


@pytest.mark.parametrize("name", BAD_NAMES)
def test_bad_data_set_names_are_refused(name: str):
    with pytest.raises(DataValidationError, match="not allowed"):
        check_name(name)


@pytest.mark.parametrize("name", ["onet-29.2", "onet_custom", "A1", "x" * 64])
def test_ordinary_names_pass(name: str):
    assert check_name(name) == name


def test_dataset_path_refuses_names_that_leave_the_folder(tmp_path: Path):
    with pytest.raises(DataValidationError):
        dataset_path("../../etc", tmp_path)
    with pytest.raises(DatasetNotFoundError, match="not allowed"):
        load_dataset("../victim", tmp_path)


def test_read_me_version_cannot_delete_a_folder_outside(tmp_path: Path, victim: Path):
    data = tmp_path / "data"
    # The worst finding: this Read Me line made the swap rmtree ``victim/``.
    release = write_release(
        tmp_path / "rel",
        {"Read Me.txt": "O*NET ../../../victim Database\nhostile\n"},
    )
    before = snapshot_tree(tmp_path, exclude=(data, release))
    with pytest.raises(DataValidationError, match="not allowed"):
        import_onet(release, data_dir=data)
    assert (victim / "precious.txt").read_text(encoding="utf-8") == "keep me"
    assert snapshot_tree(tmp_path, exclude=(data, release)) == before


@pytest.mark.parametrize("name", ["../victim", "../../victim", "/tmp/x", ".hidden", "a/../../b"])
def test_name_option_cannot_leave_the_data_folder(tmp_path: Path, victim: Path, name: str):
    release = write_release(tmp_path / "rel")
    with pytest.raises(DataValidationError, match="not allowed"):
        import_onet(release, name=name, data_dir=tmp_path / "data")
    assert (victim / "precious.txt").exists()


def test_a_symlinked_data_set_folder_is_replaced_not_followed(tmp_path: Path, victim: Path):
    data = tmp_path / "data"
    (data / "datasets").mkdir(parents=True)
    (data / "datasets" / "onet-evil").symlink_to(victim, target_is_directory=True)
    release = write_release(tmp_path / "rel")
    with pytest.raises(DataValidationError, match="not inside"):
        import_onet(release, name="onet-evil", data_dir=data)
    assert (victim / "precious.txt").exists()


def test_inside_and_safe_rmtree_refuse_outside_paths(tmp_path: Path, victim: Path):
    root = tmp_path / "root"
    root.mkdir()
    with pytest.raises(DataValidationError):
        inside(root, root / ".." / "victim")
    with pytest.raises(DataValidationError):
        inside(root, root)
    with pytest.raises(DataValidationError):
        safe_rmtree(root, victim)
    assert victim.exists()


def test_leftovers_of_a_killed_import_are_removed_on_the_next_run(tmp_path: Path):
    data = tmp_path / "data"
    release = write_release(tmp_path / "rel")
    import_onet(release, data_dir=data)
    root = data / "datasets"
    # A child that dies mid-import leaves its staging folder (named with its own pid).
    code = (
        "import os, tempfile, sys; from careerpivot.datasets.paths import staging_prefix;"
        f"d = tempfile.mkdtemp(prefix=staging_prefix('onet-99.1'), dir={str(root)!r});"
        "open(os.path.join(d, 'dataset.json'), 'w').write('{half');"
        "os._exit(9)"
    )
    subprocess.run([sys.executable, "-c", code], check=False)
    left = [p for p in root.iterdir() if p.name.startswith(".")]
    assert left, "the killed child should have left a staging folder"
    # A live process's staging folder is kept (another import may be running).
    live = root / f".onet-99.1.{os.getpid()}.abc"
    live.mkdir()
    removed = clean_leftovers(root)
    assert set(removed) == set(left)
    assert live.exists()
    live.rmdir()
    import_onet(release, data_dir=data)
    assert sorted(p.name for p in root.iterdir()) == ["onet-99.1"]
    assert load_dataset("onet-99.1", data).name == "onet-99.1"


def test_an_interrupted_swap_gets_its_data_set_back(tmp_path: Path):
    root = tmp_path / "datasets"
    old = root / ".onet-29.2.old"
    old.mkdir(parents=True)
    (old / "dataset.json").write_text("{}", encoding="utf-8")
    clean_leftovers(root)
    assert (root / "onet-29.2" / "dataset.json").exists() and not old.exists()
