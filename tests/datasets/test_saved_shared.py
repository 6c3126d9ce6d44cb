"""Saved read-only arrays: API workers serving one data set share them (issue 16).

An import saves the dense role x descriptor matrices and the relatedness key as
``.npy`` files; loading maps them read-only (POSIX) instead of each process building
its own copy. The numbers must be exactly what building them would give, and a data
set saved before these files existed must load as before.
"""

from __future__ import annotations

import os
from dataclasses import replace

import numpy as np
import pytest

from careerpivot.datasets.importing import import_onet
from careerpivot.datasets.saved import (
    MATRIX_FILES,
    RELATEDNESS_FILE,
    TEXT_LIKENESS_FILE,
    load_saved,
)
from careerpivot.engine import Engine
from tests.test_gap_consistency import mini_release


@pytest.fixture(scope="module")
def imported(tmp_path_factory):
    root = tmp_path_factory.mktemp("shared")
    result = import_onet(mini_release(root / "db_99_1_text"), data_dir=root / "data")
    return result.path


def built(ds, attr):
    """The matrix as Dataset computes it from the requirement arrays (no saved file)."""
    return getattr(replace(ds), attr)


def test_saved_matrices_are_what_the_data_set_builds(imported):
    ds = load_saved(imported)
    for attr, file in MATRIX_FILES.items():
        assert (imported / file).exists()
        m = getattr(ds, attr)
        assert np.array_equal(m, built(ds, attr)) and m.dtype == np.float64
        assert not m.flags.writeable
        if os.name == "posix":
            assert isinstance(m.base, np.memmap)  # pages shared through the OS cache


def test_the_relatedness_key_and_text_likeness_are_read_only_with_the_same_rows(imported):
    eng = Engine.load("onet-99.1", imported.parent.parent)
    key = eng.ranker.related
    assert key is not None and not key.flags.writeable
    saved = np.load(imported / RELATEDNESS_FILE).astype(np.float64)
    assert all(np.array_equal(np.asarray(key[i], dtype=float), saved[i]) for i in range(len(key)))
    text = eng.ranker.text
    assert text is not None and not text.flags.writeable
    saved = np.load(imported / TEXT_LIKENESS_FILE).astype(np.float64)
    assert all(np.array_equal(np.asarray(text[i], dtype=float), saved[i]) for i in range(len(text)))


def test_a_data_set_saved_before_the_array_files_loads_the_same(imported, tmp_path):
    eng = Engine.load("onet-99.1", imported.parent.parent)
    profile = eng.profile_for(eng.dataset.occupations[2].code)
    before = [
        (p.code, p.score, p.realistic, p.gap and p.gap.total_hours)
        for p in eng.recommend(profile, 8)
    ]
    for file in [*MATRIX_FILES.values()]:
        (imported / file).rename(tmp_path / file)
    try:
        old = Engine.load("onet-99.1", imported.parent.parent)
        assert not isinstance(old.dataset.importance_matrix.base, np.memmap)  # built, as before
        after = [
            (p.code, p.score, p.realistic, p.gap and p.gap.total_hours)
            for p in old.recommend(profile, 8)
        ]
    finally:
        for file in [*MATRIX_FILES.values()]:
            (tmp_path / file).rename(imported / file)
    assert after == before
