"""Fixtures for the assessment tests: the shipped instruments, lexicon and a fitted matcher."""

from __future__ import annotations

import pytest

from careerpivot.assessment import (
    Instrument,
    Lexicon,
    SkillMatcher,
    load_interest_instrument,
    load_lexicon,
    load_values_instrument,
)
from careerpivot.model import Dataset


@pytest.fixture(scope="session")
def interest_bank() -> Instrument:
    return load_interest_instrument()


@pytest.fixture(scope="session")
def values_bank() -> Instrument:
    return load_values_instrument()


@pytest.fixture(scope="session")
def lexicon() -> Lexicon:
    return load_lexicon()


@pytest.fixture(scope="session")
def matcher(starter: Dataset, lexicon: Lexicon) -> SkillMatcher:
    return SkillMatcher(lexicon).fit(starter)
