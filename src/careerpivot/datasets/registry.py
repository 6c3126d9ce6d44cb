"""Find data sets by name: the built-in starter set and imports under the user's data dir."""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from careerpivot.datasets.paths import check_name, inside
from careerpivot.datasets.saved import load_saved
from careerpivot.datasets.starter import STARTER_NAME, load_starter, starter_dir
from careerpivot.errors import DatasetNotFoundError, DataValidationError
from careerpivot.model import Dataset, Provenance


def user_data_dir() -> Path:
    """Where imported data sets live: ``$CAREERPIVOT_DATA_DIR`` or the per-user data dir."""
    env = os.environ.get("CAREERPIVOT_DATA_DIR")
    return Path(env) if env else Path(platformdirs.user_data_dir("careerpivot", appauthor=False))


def datasets_dir(data_dir: Path | None = None) -> Path:
    """The folder holding one sub-folder per imported data set."""
    return (data_dir or user_data_dir()) / "datasets"


@dataclass(frozen=True)
class DatasetInfo:
    """A data set that can be loaded by name."""

    name: str
    path: Path
    provenance: Provenance


def available_datasets(data_dir: Path | None = None) -> list[DatasetInfo]:
    """The starter set first, then every imported set found on disk."""
    infos = []
    start = starter_dir()
    if (start / "provenance.json").exists():
        prov = Provenance.from_dict(json.loads((start / "provenance.json").read_text("utf-8")))
        infos.append(DatasetInfo(STARTER_NAME, start, prov))
    root = datasets_dir(data_dir)
    if root.is_dir():
        for sub in sorted(root.iterdir()):
            meta = sub / "dataset.json"
            if sub.name.startswith(".") or not meta.is_file():
                continue
            try:
                with meta.open(encoding="utf-8") as fh:
                    head = json.load(fh)
                infos.append(DatasetInfo(sub.name, sub, Provenance.from_dict(head["provenance"])))
            except (OSError, ValueError, KeyError):
                continue  # a damaged folder is reported when loaded by name, not listed
    return infos


def dataset_path(name: str, data_dir: Path | None = None) -> Path:
    """Folder of an imported data set (which may not exist yet).

    The name must pass :func:`~careerpivot.datasets.paths.check_name`, and the folder must
    resolve inside the data folder; anything else is a :class:`DataValidationError`.
    """
    root = datasets_dir(data_dir)
    path = root / check_name(name)
    inside(root, path)
    return path


def load_dataset(name: str = STARTER_NAME, data_dir: Path | None = None) -> Dataset:
    """Load a data set by name; raises :class:`DatasetNotFoundError` naming the choices."""
    if name == STARTER_NAME:
        return load_starter()
    try:
        path = dataset_path(name, data_dir)
    except DataValidationError as exc:
        raise DatasetNotFoundError(str(exc)) from None
    if not (path / "dataset.json").exists():
        names = ", ".join(i.name for i in available_datasets(data_dir)) or "none"
        raise DatasetNotFoundError(
            f"no data set named {name!r} (available: {names}). "
            "Import O*NET with `careerpivot data import-onet PATH`."
        )
    return load_saved(path)
