"""Shared fixtures: the starter data set, hand-made tiny data, paths to the official releases."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest

from careerpivot.datasets.starter import load_starter
from careerpivot.engine import Engine
from careerpivot.model import Dataset
from careerpivot.scoring import PivotScorer
from careerpivot.testing import shared_dir, tiny_dataset

REPO = Path(__file__).resolve().parents[1]
SHARED = shared_dir()
ONET_DIR = SHARED / "onet" / "db_29_2_text"
BLS_DIR = SHARED / "bls"


@pytest.fixture(autouse=True)
def _main_module_put_back() -> Iterator[None]:
    """AppTest makes its script ``sys.modules["__main__"]`` and leaves it there; processes
    a later test spawns would then run the app while starting (multiprocessing re-imports
    ``__main__``). Every test leaves it as it found it."""
    main = sys.modules.get("__main__")
    yield
    if main is not None:
        sys.modules["__main__"] = main


@pytest.fixture(scope="session")
def starter() -> Dataset:
    return load_starter()


@pytest.fixture(scope="session")
def engine(starter: Dataset) -> Engine:
    return Engine.load()


@pytest.fixture(scope="session")
def scorer(starter: Dataset) -> PivotScorer:
    return PivotScorer().fit(starter)


@pytest.fixture
def tiny() -> Dataset:
    return tiny_dataset()


@pytest.fixture
def rng() -> np.random.Generator:
    return np.random.default_rng(42)


@pytest.fixture(scope="session")
def onet_dir() -> Path:
    """The O*NET 29.2 text release; tests using it carry the ``realdata`` marker."""
    if not (ONET_DIR / "Occupation Data.txt").exists():
        pytest.skip(
            f"O*NET 29.2 release not found at {ONET_DIR} (only on the team's machines and CI)"
        )
    return ONET_DIR


@pytest.fixture(scope="session")
def bls_dir() -> Path:
    """The BLS OEWS and projections workbooks; tests using it carry ``realdata``."""
    if not (BLS_DIR / "oews_national_M2024_dl.xlsx").exists():
        pytest.skip(f"BLS workbooks not found at {BLS_DIR} (only on the team's machines and CI)")
    return BLS_DIR


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]):  # type: ignore[no-untyped-def]
    """In CI (``CAREERPIVOT_CI=1``) a skipped ``realdata``, ``browser`` or ``postgres`` test fails."""
    outcome = yield
    report = outcome.get_result()
    required = [m for m in ("realdata", "browser", "postgres") if item.get_closest_marker(m)]
    expected_failure = hasattr(report, "wasxfail")  # an xfail ran; it did not skip
    if os.environ.get("CAREERPIVOT_CI") and report.skipped and required and not expected_failure:
        reason = report.longrepr[-1] if isinstance(report.longrepr, tuple) else report.longrepr
        report.outcome = "failed"
        report.longrepr = f"CI must run this {required[0]} test, but it skipped: {reason}"
