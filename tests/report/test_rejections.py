"""Rejection-log findings as report sections: applications, patterns with evidence, actions."""

from __future__ import annotations

import dataclasses

from careerpivot.rejections import review_log
from careerpivot.rejections.records import RejectionLog, validate_record
from careerpivot.report.rejections import (
    APPLICATIONS,
    FOLLOW_UP,
    NO_PROFILE,
    NOT_READ,
    PATTERNS,
    REDIRECT,
    client_rejection_sections,
    rejection_sections,
)
from careerpivot.store.records import RejectionEntry
from tests.report.conftest import T, application_payloads


def titles(sections):
    return [s.title for s in sections]


def items(sections, title):
    [found] = [s for s in sections if s.title == title]
    return found.items


def test_anas_log_gives_applications_patterns_actions_and_redirect(report):
    sections = report.rejections
    names = titles(sections)
    assert names[:2] == [APPLICATIONS, PATTERNS]
    assert "Action: Close the skill gaps that rejections name" in names
    assert "Action: Practise interviews with stories from your strengths" in names
    assert names[-2:] == [FOLLOW_UP, REDIRECT]
    apps = items(sections, APPLICATIONS)
    assert [a.split(":")[0] for a in apps] == ["a1", "a2", "a3", "a4", "a5"]
    assert apps[2] == (
        "a3: Data Analyst at Northwind Retail (2025-02-05), no answer at the application "
        "stage; feedback: generic / no information."
    )
    patterns = items(sections, PATTERNS)
    assert all(" Evidence: application" in p for p in patterns)
    assert any(
        p.startswith("3 of 5 unsuccessful applications stopped after an interview")
        for p in patterns
    )
    skills = items(sections, "Action: Close the skill gaps that rejections name")
    assert skills[0].startswith("Why: Skill gaps: 2 of 5 rejections. Evidence: applications a1, a2")
    assert any("named in 2 rejections" in s for s in skills[1:])
    redirect = items(sections, REDIRECT)
    assert redirect[0].startswith("2 rejections name Mathematics")
    assert any("outside Computer and Mathematical" in r for r in redirect)


def test_sections_are_the_review_in_words(engine, ana):
    log = RejectionLog(records=tuple(validate_record(p) for p in application_payloads()))
    review = review_log(log, ana.profile, engine, name="Ana Díaz")
    sections = rejection_sections(review)
    actions = [s for s in sections if s.title.startswith("Action: ") and s.title != FOLLOW_UP]
    assert [s.title for s in actions] == [f"Action: {a.title}" for a in review.plan.actions]
    for section, act in zip(actions, review.plan.actions):
        assert section.items[1:] == act.steps
    assert len(items(sections, PATTERNS)) == len(review.patterns)
    assert sum(
        1 for i in items(sections, REDIRECT) if "fit " in i and "for your profile" in i
    ) == len(review.redirect.roles)
    assert client_rejection_sections(engine, ana) == sections  # the same twice


def test_no_logged_applications_no_sections(engine, ana):
    assert client_rejection_sections(engine, dataclasses.replace(ana, rejections=())) == ()


def test_without_a_profile_only_applications_and_patterns(engine, ana):
    sections = client_rejection_sections(engine, dataclasses.replace(ana, profile=None))
    assert titles(sections) == [APPLICATIONS, PATTERNS, "Actions"]
    assert items(sections, "Actions") == (NO_PROFILE,)
    assert len(items(sections, APPLICATIONS)) == 5


def test_unreadable_stored_records_are_named_and_the_rest_analysed(engine, ana):
    payloads = application_payloads()
    broken = {**payloads[0], "id": "x9", "channel": "fax"}
    entries = (
        *ana.rejections,
        RejectionEntry(6, 1, 1, broken, T),
        RejectionEntry(7, 1, 1, {"company": "Acme", "stage": "interview"}, T),
        RejectionEntry(8, 1, 3, payloads[1], T),
    )
    sections = client_rejection_sections(engine, dataclasses.replace(ana, rejections=entries))
    assert titles(sections)[-1] == NOT_READ
    problems = items(sections, NOT_READ)
    assert "record x9, field 'channel'" in problems[0]
    assert "record #7" in problems[1] and "value is missing" in problems[1]
    assert "schema version 3 is not supported" in problems[2]
    assert problems[-1] == "They are kept unchanged in the store."
    assert len(items(sections, APPLICATIONS)) == 5


def test_only_unreadable_records_give_only_the_problem(engine, ana):
    entries = (RejectionEntry(1, 1, 1, {"company": "Acme"}, T),)
    sections = client_rejection_sections(engine, dataclasses.replace(ana, rejections=entries))
    assert titles(sections) == [NOT_READ]


def test_roles_the_data_set_lacks_are_grouped_by_title_and_said(engine, ana):
    payloads = application_payloads()
    payloads[2] = {**payloads[2], "occupation_code": "99-9999.00"}
    entries = tuple(RejectionEntry(i, 1, 1, p, T) for i, p in enumerate(payloads, 1))
    sections = client_rejection_sections(engine, dataclasses.replace(ana, rejections=entries))
    apps = items(sections, APPLICATIONS)
    assert apps[-1] == (
        "Application a3 names a role data set starter lacks; grouped by role title here."
    )
    assert len(apps) == 6
