"""Saved data sets: a folder with ``dataset.json``, ``requirements.npz`` and ``graph.json``
(and, from an import, the relatedness key, text likeness and dense matrices as ``.npy``).

Imports write a complete folder under a temporary name and swap it into place,
so a failed import never touches the data set that was there before.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Sequence
from dataclasses import fields
from pathlib import Path
from typing import Any

import numpy as np

from careerpivot.datasets.paths import inside, safe_rmtree, staging_prefix
from careerpivot.errors import DataValidationError
from careerpivot.graph import GraphDocument, RoleGraph, load_graph, save_graph
from careerpivot.jsonstream import write_json
from careerpivot.model import Dataset, Descriptor, Occupation, Provenance
from careerpivot.private import private_dir

SAVED_FORMAT = 1


RELATEDNESS_FILE = "relatedness.npy"
#: Role x role text likeness (:func:`careerpivot.relatedness.text_likeness`).
TEXT_LIKENESS_FILE = "text_likeness.npy"
#: The dense role x descriptor matrices, saved beside the requirements they are built from
#: so that processes serving one data set map a single read-only copy (44 MB on O*NET).
MATRIX_FILES = {"importance_matrix": "importance.npy", "level_matrix": "level.npy"}


def save_dataset(
    dataset: Dataset,
    directory: Path,
    graph: RoleGraph | GraphDocument | None = None,
    relatedness: np.ndarray | None = None,
    text_likeness: np.ndarray | None = None,
) -> Path:
    """Write ``dataset`` (its graph, its relatedness ranking key) to ``directory``, atomically.

    ``relatedness`` is the role x role ranking key of :mod:`careerpivot.relatedness`
    (row: source role; higher: more related), kept as float16 (2 MB on O*NET);
    ``text_likeness`` the role x role text likeness the default list reads, likewise."""
    directory = Path(directory)
    root = directory.parent
    private_dir(root.parent)  # the data folder and its datasets folder: owner only
    private_dir(root, ours=True)  # the data sets folder, named by CareerPivot
    inside(root, directory)
    staging = Path(tempfile.mkdtemp(prefix=staging_prefix(directory.name), dir=root))
    try:
        meta: dict[str, Any] = {
            "format": SAVED_FORMAT,
            "name": dataset.name,
            "provenance": dataset.provenance.to_dict(),
            "descriptors": _records(dataset.descriptors),
            "occupations": _records(dataset.occupations),
            "extras": dataset.extras,
        }
        with (staging / "dataset.json").open("w", encoding="utf-8") as out:
            write_json(out, meta, depth=2)  # json.dumps(meta), a record at a time
        np.savez_compressed(
            staging / "requirements.npz",
            occupation=dataset.req_occupation.astype(np.int32),
            descriptor=dataset.req_descriptor.astype(np.int32),
            importance=dataset.req_importance.astype(np.float32),
            level=dataset.req_level.astype(np.float32),
        )
        if graph is not None:
            save_graph(graph, staging / "graph.json")
        if relatedness is not None:
            np.save(staging / RELATEDNESS_FILE, np.asarray(relatedness, dtype=np.float16))
        if text_likeness is not None:
            np.save(staging / TEXT_LIKENESS_FILE, np.asarray(text_likeness, dtype=np.float16))
        shape = (len(dataset.occupations), len(dataset.descriptors))
        at = (dataset.req_occupation, dataset.req_descriptor)
        for file, values in zip(
            MATRIX_FILES.values(), (dataset.req_importance, dataset.req_level), strict=True
        ):
            # as Dataset builds it from the float32 values saved above
            save_dense(staging / file, shape, at, values.astype(np.float32).astype(np.float64))
        _swap(staging, directory)
    except BaseException:
        if staging.exists():
            safe_rmtree(root, staging)
        raise
    return directory


#: Rows of a dense matrix :func:`save_dense` writes at a time.
DENSE_BLOCK = 128


def save_dense(
    path: Path, shape: tuple[int, int], at: tuple[np.ndarray, np.ndarray], values: np.ndarray
) -> None:
    """``np.save`` of the float matrix that is 0 but ``m[at] = values``, written a block of
    rows at a time: the same file without the whole matrix in memory (21 MB on O*NET)."""
    rows, cols = at
    header = {
        "descr": np.lib.format.dtype_to_descr(np.dtype(np.float64)),
        "fortran_order": False,
        "shape": (int(shape[0]), int(shape[1])),
    }
    with path.open("wb") as out:
        np.lib.format.write_array_header_1_0(out, header)
        for start in range(0, shape[0], DENSE_BLOCK):
            stop = min(start + DENSE_BLOCK, shape[0])
            here = (rows >= start) & (rows < stop)  # in order: a repeated cell ends the same
            block = np.zeros((stop - start, shape[1]))
            block[rows[here] - start, cols[here]] = values[here]
            out.write(block.tobytes())


def _records(items: Sequence[Any]) -> list[dict[str, Any]]:
    """Dataclass records as dicts for JSON: what ``asdict`` gives for their flat fields
    (text, numbers, tuples of them), without its deep copy (0.5 s on O*NET)."""
    if not items:
        return []
    names = [f.name for f in fields(items[0])]
    return [{n: getattr(item, n) for n in names} for item in items]


def _swap(staging: Path, directory: Path) -> None:
    """Put ``staging`` in place of ``directory``; every path is checked inside their folder."""
    root = directory.parent
    old = directory.with_name(f".{directory.name}.old")
    if old.exists() or old.is_symlink():
        safe_rmtree(root, old)
    if directory.is_symlink():
        inside(root, directory.parent)
        directory.unlink()
    elif directory.exists():
        inside(root, directory).rename(inside(root, old))
    staging.rename(inside(root, directory))
    if old.exists():
        safe_rmtree(root, old)


def load_saved(directory: Path) -> Dataset:
    """Read a data set folder written by :func:`save_dataset`."""
    meta_path = Path(directory) / "dataset.json"
    try:
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise DataValidationError(
            "not a saved data set (dataset.json missing)", file=str(directory)
        ) from None
    except json.JSONDecodeError as exc:
        raise DataValidationError(
            f"invalid JSON: {exc.msg}", file=str(meta_path), row=exc.lineno
        ) from None
    if meta.get("format") != SAVED_FORMAT:
        raise DataValidationError(
            f"saved format {meta.get('format')!r} is not {SAVED_FORMAT}; import the data set again",
            file=str(meta_path),
        )
    arrays = np.load(Path(directory) / "requirements.npz")
    descriptors = tuple(
        Descriptor(**{**d, "aliases": tuple(d.get("aliases", ()))}) for d in meta["descriptors"]
    )
    occupations = tuple(_occupation(o) for o in meta["occupations"])
    dataset = Dataset(
        name=meta["name"],
        provenance=Provenance.from_dict(meta["provenance"]),
        descriptors=descriptors,
        occupations=occupations,
        req_occupation=arrays["occupation"].astype(np.int64),
        req_descriptor=arrays["descriptor"].astype(np.int64),
        req_importance=arrays["importance"].astype(np.float64),
        req_level=arrays["level"].astype(np.float64),
        extras=meta.get("extras", {}),
    )
    shape = (len(occupations), len(descriptors))
    for attr, file in MATRIX_FILES.items():
        path = Path(directory) / file
        m = shared_array(path) if path.exists() else None
        if m is not None and m.shape == shape and m.dtype == np.float64:
            # what the cached property would compute, read-only, shared between processes
            vars(dataset)[attr] = m
    return dataset


def shared_array(path: Path) -> np.ndarray:
    """A saved array, read-only; memory-mapped where the platform lets a mapped file be
    replaced (POSIX), so processes serving the same data set share its pages."""
    if os.name == "posix":
        return np.asarray(np.load(path, mmap_mode="r", allow_pickle=False))
    out: np.ndarray = np.load(path, allow_pickle=False)
    out.setflags(write=False)
    return out


def _occupation(o: dict[str, Any]) -> Occupation:
    for key in ("interests", "work_values"):
        if o.get(key) is not None:
            o[key] = tuple(o[key])
    o["alternate_titles"] = tuple(o.get("alternate_titles", ()))
    o["estimated"] = tuple(o.get("estimated", ()))
    o["estimated_from"] = tuple(
        (str(c), str(t), float(w)) for c, t, w in o.get("estimated_from", ())
    )
    return Occupation(**o)


def load_relatedness(directory: Path, n: int) -> np.ndarray | None:
    """The saved relatedness ranking key (``n`` x ``n``), or None if absent or not the
    data set's size (an import from before it was saved). Like the text likeness it is
    float16 as saved, read-only and shared between processes: readers take a row as float."""
    return _load_square(Path(directory) / RELATEDNESS_FILE, n)


def load_text_likeness(directory: Path, n: int) -> np.ndarray | None:
    """The saved text likeness (``n`` x ``n``, float16), or None if absent or not the
    data set's size (an import from before it was saved)."""
    return _load_square(Path(directory) / TEXT_LIKENESS_FILE, n)


def _load_square(path: Path, n: int) -> np.ndarray | None:
    if not path.exists():
        return None
    key = shared_array(path)
    if key.shape != (n, n):
        return None
    return key


def load_saved_graph(directory: Path) -> RoleGraph | None:
    """The graph saved beside a data set, or None if there is none."""
    path = Path(directory) / "graph.json"
    return load_graph(path) if path.exists() else None
