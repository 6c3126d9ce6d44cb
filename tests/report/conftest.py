"""A client built in code (no database) and the report of it on a fixed date.

Ana's five logged applications are real rejection-log records; the report's rejection
sections come from the same adapter the CLI and the app use, so the golden file shows
what a counselor would hand over.
"""

from __future__ import annotations

import datetime as dt

import pytest

from careerpivot.engine import Engine
from careerpivot.profile import profile_from_role
from careerpivot.rejections.records import validate_record
from careerpivot.report import Report, build_report
from careerpivot.report.rejections import client_rejection_sections
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
APPLICATIONS = (
    ("Data Scientist", "15-2051.00", "Quanta Health", "2025-01-08", "posting", "interviewed",
     "rejected", "Thank you for interviewing. The panel felt your statistics and machine "
     "learning knowledge was not deep enough for this role."),
    ("Junior Data Scientist", "15-2051.00", "Lumen Bank", "2025-01-22", "recruiter",
     "interviewed", "rejected", "The technical interview showed gaps in SQL and statistics; "
     "we need someone who can model data on their own."),
    ("Data Analyst", "15-2051.01", "Northwind Retail", "2025-02-05", "posting", "applied",
     "ghosted", ""),
    ("Data Scientist", "15-2051.00", "Cobalt Logistics", "2025-02-19", "referral",
     "final_round", "rejected", "It was close, but we went with a candidate who had more "
     "hands-on experience."),
    ("Machine Learning Engineer", "15-2051.00", "Fernway Media", "2025-03-03", "posting",
     "interviewed", "rejected", "Your answers in the technical interview were hard to follow "
     "and lacked concrete examples of your own work."),
)  # fmt: skip


def application_payloads() -> list[dict[str, object]]:
    """Ana's applications as the store keeps them (validated records as JSON objects)."""
    keys = ("role_title", "occupation_code", "organisation", "date", "channel")
    keys += ("stage_reached", "outcome", "feedback")
    return [
        validate_record({"id": f"a{n}", **dict(zip(keys, row, strict=True))}).model_dump(
            mode="json"
        )
        for n, row in enumerate(APPLICATIONS, 1)
    ]


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
            RejectionEntry(i, 1, 1, payload, T)
            for i, payload in enumerate(application_payloads(), 1)
        ),
    )


@pytest.fixture(scope="session")
def ana(engine: Engine) -> ClientSnapshot:
    return ana_snapshot(engine)


@pytest.fixture(scope="session")
def report(engine: Engine, ana: ClientSnapshot) -> Report:
    return build_report(
        engine, ana, on=REPORT_DATE, rejections=client_rejection_sections(engine, ana)
    )
