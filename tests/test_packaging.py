"""The wheel ships everything the package reads at run time (CI also installs a built wheel
outside the checkout and runs it; these checks fail fast, before a build)."""

from __future__ import annotations

import fnmatch
import tomllib
from pathlib import Path

from careerpivot.resources import data_dir, graphs_dir, streamlit_entry
from tests.conftest import REPO

SETUPTOOLS = tomllib.loads((REPO / "pyproject.toml").read_text())["tool"]["setuptools"]
NOT_SHIPPED = {"README.md"}  # graphs/README.md is the recipe, for people reading the checkout


def _package_data_covers(package: str, root: Path) -> list[str]:
    globs = SETUPTOOLS["package-data"][package]
    missing = []
    for f in sorted(
        p
        for p in root.rglob("*")
        if p.is_file() and p.suffix != ".py" and "__pycache__" not in p.parts
    ):
        rel = f.relative_to(root).as_posix()
        if rel not in NOT_SHIPPED and not any(fnmatch.fnmatch(rel, g) for g in globs):
            missing.append(rel)
    return missing


def test_every_package_under_src_is_listed() -> None:
    src = REPO / "src"
    found = {
        ".".join(d.relative_to(src).parts)
        for d in src.rglob("*")
        if d.is_dir() and any(d.glob("*.py")) and "__pycache__" not in d.parts
    }
    assert found - set(SETUPTOOLS["packages"]) == set(), "add these to [tool.setuptools] packages"


def test_shipped_folders_map_to_the_top_level_folders() -> None:
    assert SETUPTOOLS["package-dir"]["careerpivot.data"] == "data"
    assert SETUPTOOLS["package-dir"]["careerpivot.graphs"] == "graphs"


def test_every_data_and_graph_file_is_in_package_data() -> None:
    assert _package_data_covers("careerpivot.data", REPO / "data") == []
    assert _package_data_covers("careerpivot.graphs", REPO / "graphs") == []


def test_resources_find_the_shipped_files() -> None:
    assert (data_dir("starter") / "occupations.csv").is_file()
    assert (data_dir("models") / "relatedness_weights.json").is_file()
    assert (data_dir("assessment") / "interest_items.csv").is_file()
    assert (data_dir("feedback") / "corpus.csv").is_file()
    assert graphs_dir("starter.json").is_file()
    assert streamlit_entry().is_file()


def test_no_machine_specific_paths_in_the_package() -> None:
    offenders = [
        str(p.relative_to(REPO))
        for p in (REPO / "src").rglob("*.py")
        if "/work/" in p.read_text() or "parents[" in p.read_text()
    ]
    assert offenders == []
