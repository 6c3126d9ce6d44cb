"""Worked example of the rejection log: five rejections of a data-analyst candidate.

The candidate's profile is seeded from 15-2051.01 Business Intelligence Analysts
(the starter set's home of "Data Analyst") with SQL rated low (1.5/7) and no
current role (a career changer). Prints every record's category and named skills,
the patterns across the five, the actions, the redirect and the follow-up note.

    .venv/bin/python bench/rejection_example.py
"""

from __future__ import annotations

from careerpivot.engine import Engine
from careerpivot.profile import Profile, profile_from_role
from careerpivot.rejections import RejectionLog, format_review, review_log, validate_record

SEED_ROLE = "15-2051.01"

APPLICATIONS = [
    {
        "id": "a1",
        "role_title": "Data Analyst",
        "occupation_code": SEED_ROLE,
        "organisation": "Northwind Retail",
        "date": "2025-01-14",
        "channel": "posting",
        "stage_reached": "screened",
        "outcome": "rejected",
        "feedback": "Thanks for your time. The hiring manager felt your SQL wasn't strong "
        "enough for the reporting work; the take-home had problems with joins.",
    },
    {
        "id": "a2",
        "role_title": "Reporting Analyst",
        "occupation_code": SEED_ROLE,
        "organisation": "Harbor Health",
        "date": "2025-02-03",
        "channel": "posting",
        "stage_reached": "applied",
        "outcome": "rejected",
        "feedback": "",
        "notes": "Automated email two weeks after applying.",
    },
    {
        "id": "a3",
        "role_title": "BI Analyst",
        "occupation_code": SEED_ROLE,
        "organisation": "Lumen Bank",
        "date": "2025-02-21",
        "channel": "recruiter",
        "stage_reached": "interviewed",
        "outcome": "rejected",
        "feedback": "We need someone who can write complex SQL queries on their own and "
        "build Tableau dashboards from day one.",
    },
    {
        "id": "a4",
        "role_title": "Data Analyst",
        "occupation_code": SEED_ROLE,
        "organisation": "Cobalt Logistics",
        "date": "2025-03-10",
        "channel": "referral",
        "stage_reached": "final_round",
        "outcome": "rejected",
        "feedback": "It was close, but we went with a candidate who had more hands-on SQL "
        "experience.",
    },
    {
        "id": "a5",
        "role_title": "Analytics Analyst",
        "occupation_code": SEED_ROLE,
        "organisation": "Fernway Media",
        "date": "2025-03-28",
        "channel": "posting",
        "stage_reached": "interviewed",
        "outcome": "rejected",
        "feedback": "Your answers in the interview were hard to follow and lacked concrete "
        "examples of your own contribution.",
    },
]


def candidate(engine: Engine) -> Profile:
    """Ratings seeded from the BI analyst role, SQL lowered to 1.5, no current role."""
    seeded = profile_from_role(engine.dataset, SEED_ROLE, name="Sam").with_ratings(
        {"tech:sql": 1.5}
    )
    return Profile.model_validate({**seeded.model_dump(), "current_role": None})


def main() -> None:
    engine = Engine.load()
    log = RejectionLog(records=tuple(validate_record(a) for a in APPLICATIONS))
    review = review_log(log, candidate(engine), engine, name="Sam")
    print(format_review(review))


if __name__ == "__main__":
    main()
