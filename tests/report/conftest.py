"""A client built in code (no database) and the report of it on a fixed date."""

from __future__ import annotations

import datetime as dt

import pytest

from careerpivot.engine import Engine
from careerpivot.profile import profile_from_role
from careerpivot.report import Report, Section, build_report
from careerpivot.store.records import (
    Client,
    ClientSnapshot,
    RejectionEntry,
    RoleMark,
    SessionEntry,
)

T = dt.datetime(2025, 3, 1, 10, 0, tzinfo=dt.UTC)
REPORT_DATE = dt.date(2025, 3, 14)
NOTES = (
    "First meeting. Five rejections since January, mostly after technical interviews.\n"
    "Wants to stay close to software; curious about data science.",
    "Reviewed the gap table together.\n"
    "# She wrote *this* herself: <b>not HTML</b> | [a link](http://example.org) $x$\n"
    "1. not a list\n\n"
    "Next: one pandas course, then a portfolio project.",
)
REJECTIONS = (
    Section(
        "Pattern: rejected after technical interviews (3 of 5)",
        ("Feedback named SQL and statistics twice", "Practise live data exercises"),
    ),
    Section("Action", ("Ask for feedback after every interview",)),
)


def ana_snapshot(engine: Engine) -> ClientSnapshot:
    """Ana, a software developer exploring data roles, after two sessions."""
    profile = profile_from_role(engine.dataset, "15-1252.00", name="Ana").with_interests(
        {"R": 2.0, "I": 6.0, "A": 3.5, "S": 3.0, "E": 4.0, "C": 5.0}
    )
    return ClientSnapshot(
        client=Client(1, "Ana Díaz", T, contact="ana@example.org"),
        profile=profile,
        profile_versions=2,
        sessions=(
            SessionEntry(1, 1, dt.date(2025, 2, 14), NOTES[0], T),
            SessionEntry(2, 1, dt.date(2025, 3, 1), NOTES[1], T),
            SessionEntry(3, 1, dt.date(2025, 3, 7), "   ", T),  # empty notes are left out
        ),
        roles=(
            RoleMark(1, 1, "15-2051.00", "shortlisted", "Enjoys statistics; salary matters", T),
            RoleMark(2, 1, "15-1251.00", "dismissed", "Too close to her old job", T),
        ),
        rejections=tuple(
            RejectionEntry(i, 1, 1, {"company": f"Company {i}", "stage": "interview"}, T)
            for i in range(1, 6)
        ),
    )


@pytest.fixture(scope="session")
def ana(engine: Engine) -> ClientSnapshot:
    return ana_snapshot(engine)


@pytest.fixture(scope="session")
def report(engine: Engine, ana: ClientSnapshot) -> Report:
    return build_report(engine, ana, on=REPORT_DATE, rejections=REJECTIONS)
