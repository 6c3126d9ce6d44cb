"""Fixtures for the rejection log: the shipped classifier, a skill matcher, record builders."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from careerpivot.model import Dataset
from careerpivot.rejections.analysis import RecordAnalysis
from careerpivot.rejections.categories import Category
from careerpivot.rejections.classify import Classification, FeedbackClassifier, train_default
from careerpivot.rejections.extract import SkillMatcher, SkillMention
from careerpivot.rejections.records import ApplicationRecord, validate_record
from careerpivot.rejections.review import default_matcher

BASE_DATE = dt.date(2025, 1, 6)


@pytest.fixture(scope="session")
def classifier() -> FeedbackClassifier:
    return train_default()


@pytest.fixture(scope="session")
def matcher(starter: Dataset) -> SkillMatcher:
    return default_matcher(starter)


def make_record(rid: str, **fields: Any) -> ApplicationRecord:
    """A valid record with sensible defaults; ``fields`` override them."""
    data: dict[str, Any] = {
        "id": rid,
        "role_title": "Data Analyst",
        "occupation_code": "15-2051.01",
        "organisation": "Acme",
        "date": BASE_DATE.isoformat(),
        "channel": "posting",
        "stage_reached": "applied",
        "outcome": "rejected",
        "feedback": "",
        "notes": "",
    }
    data.update(fields)
    return validate_record(data)


def verdict(category: Category) -> Classification:
    """A classification fixed by hand (to test patterns apart from the model)."""
    return Classification(category, category, 0.9, {category: 0.9}, (), "model")


def analysed(
    record: ApplicationRecord,
    category: Category | None,
    skills: tuple[tuple[str, str], ...] = (),
) -> RecordAnalysis:
    """A record with a hand-fixed category and named skills ``(id, name)``."""
    mentions = tuple(SkillMention(i, n, "technology", n, 0, len(n), 100.0) for i, n in skills)
    return RecordAnalysis(record, None if category is None else verdict(category), mentions)
