"""What goes into a report: summary, pivots (dismissed left out), target, plan, routes, notes."""

from __future__ import annotations

import dataclasses
import datetime as dt

from careerpivot.filters import Filters
from careerpivot.presentation import ESTIMATES_NOTICE
from careerpivot.report import build_report
from careerpivot.store.records import Client, ClientSnapshot, PlanEntry, RoleMark
from tests.report.conftest import NOTES, REPORT_DATE, T
from tests.store.helpers import plan as stored_plan


def test_summary_and_pivots(report, engine):
    assert report.client == "Ana Díaz" and report.date == REPORT_DATE
    s = report.summary
    assert s.current_role == "Software Developers (15-1252.00)"
    assert s.holland_code == "ICE"
    assert len(s.strengths) == 5 and "Programming" in s.strengths
    expected = engine.recommend(
        engine.profile_for("15-1252.00").with_interests(
            {"R": 2.0, "I": 6.0, "A": 3.5, "S": 3.0, "E": 4.0, "C": 5.0}
        ),
        5,
        filters=Filters(exclude=["15-1251.00"]),
    )
    assert [p.code for p in report.pivots] == [p.code for p in expected]
    assert "15-1251.00" not in [p.code for p in report.pivots]  # dismissed
    top = report.pivots[0]
    assert top.strengths and 0 < top.fit <= 1


def test_target_is_the_shortlisted_role_and_plan_and_routes_follow(report, engine):
    assert (report.target_code, report.target_title) == ("15-2051.00", "Data Scientists")
    priorities = [g.priority for g in report.gaps]
    assert priorities == sorted(priorities, reverse=True) and all(
        g.deficit > 0 for g in report.gaps
    )
    assert [s.order for s in report.plan] == list(range(1, len(report.plan) + 1))
    assert abs(report.plan_hours - sum(s.hours for s in report.plan)) < 1e-9
    assert report.routes and all(r.roles[-1] == "Data Scientists" for r in report.routes)
    assert [r.hours for r in report.routes if r.within_reach] == sorted(
        r.hours for r in report.routes if r.within_reach
    )


def test_notes_shortlist_rejections_and_footer(report):
    assert [n.text for n in report.notes] == list(NOTES)  # the blank session is left out
    assert [(r.code, r.note) for r in report.shortlist] == [
        ("15-2051.00", "Enjoys statistics; salary matters")
    ]
    assert report.applications_logged == 5
    assert [s.title for s in report.rejections][:2] == ["Applications", "Patterns"]
    assert ESTIMATES_NOTICE in report.footer


def test_a_saved_plan_sets_the_target_and_the_plan_agrees_with_the_gap_table(engine, ana):
    # A saved plan made from another data set or an older profile was shown as saved, so
    # one report listed 23 steps and 3,686 h under a gap table of 20 gaps and 2,477 h.
    saved = stored_plan("15-2051.00", hours=7.0)
    snap = dataclasses.replace(ana, plans=(PlanEntry(9, 1, "15-2051.00", saved, T),))
    built = build_report(engine, snap, on=REPORT_DATE)
    fresh = engine.plan(ana.profile, "15-2051.00")
    gap = engine.gap(ana.profile, "15-2051.00")
    assert built.target_code == "15-2051.00"
    assert [s.name for s in built.plan] == [s.name for s in fresh.steps]
    assert built.plan_hours == fresh.total_hours == gap.total_hours
    said = f"The plan saved on 01 Mar 2025 (2 steps, about {saved.total_hours:,.0f} hours)"
    assert said in built.plan_check
    assert "worked out again" in built.plan_check
    # a saved plan that still matches is not remarked on
    snap = dataclasses.replace(ana, plans=(PlanEntry(9, 1, "15-2051.00", fresh, T),))
    assert "worked out again" not in build_report(engine, snap, on=REPORT_DATE).plan_check

    other = stored_plan("29-1141.00", hours=7.0)  # registered nurses
    snap = dataclasses.replace(ana, plans=(PlanEntry(9, 1, "29-1141.00", other, T),))
    built = build_report(engine, snap, on=REPORT_DATE)
    assert built.target_code == "29-1141.00"


def test_without_a_profile_the_report_still_carries_notes(engine, ana):
    snap = dataclasses.replace(ana, profile=None)
    built = build_report(engine, snap, on=REPORT_DATE)
    assert built.pivots == () and built.target_code == "" and built.summary.ratings == 0
    assert len(built.notes) == 2


def test_without_shortlist_or_plan_the_top_pivot_is_the_target(engine, ana):
    snap = dataclasses.replace(ana, roles=())
    built = build_report(engine, snap, on=REPORT_DATE)
    assert built.target_code == built.pivots[0].code


def test_same_inputs_same_report(engine, ana, report):
    assert build_report(engine, ana, on=REPORT_DATE, rejections=report.rejections) == report
    assert build_report(engine, ana, on=dt.date(2030, 1, 1)).date == dt.date(2030, 1, 1)


def test_unknown_shortlisted_code_is_named_not_fatal(engine):
    snap = ClientSnapshot(
        client=Client(5, "Kim", T), roles=(RoleMark(1, 5, "99-9999.00", "shortlisted", "", T),)
    )
    built = build_report(engine, snap, on=REPORT_DATE)
    assert built.shortlist[0].title == "99-9999.00 (not in data set starter)"


def test_ratings_the_data_set_lacks_are_counted_and_said(engine, ana):
    # A profile made on O*NET, reported on the starter set (the command line's default, the
    # app's default in a new session), silently lost its O*NET-only ratings: the figures
    # differed from the ones the counselor and client had seen, with nothing to say why.
    from careerpivot.report import render

    profile = ana.profile.model_copy(
        update={"ratings": {**ana.profile.ratings, "tech:43232104": 4.0, "tech:4323": 2.0}}
    )
    built = build_report(engine, dataclasses.replace(ana, profile=profile), on=REPORT_DATE)
    assert built.summary.left_out == 2
    md = render(built, "md").data.decode("utf-8")
    assert "2 of the client's ratings (or their current role) are not in data set starter" in md
    assert build_report(engine, ana, on=REPORT_DATE).summary.left_out == 0
    assert "are left out" not in render(
        build_report(engine, ana, on=REPORT_DATE), "md"
    ).data.decode("utf-8")
    render(built, "pdf")  # draws without error


def test_a_current_role_the_data_set_lacks_is_named_not_fatal(engine, ana):
    # "unknown role '29-1141.03'" was all a counselor got for a client whose profile was made
    # on O*NET (Critical Care Nurses is not in the starter set).
    profile = ana.profile.model_copy(update={"current_role": "29-1141.03"})
    built = build_report(engine, dataclasses.replace(ana, profile=profile), on=REPORT_DATE)
    assert built.summary.current_role == "29-1141.03 (not in data set starter)"
    assert built.summary.left_out == 1 and built.pivots


def test_a_wage_bls_publishes_for_both_roles_is_said_not_shown_as_no_change(
    engine, ana, monkeypatch
):
    """Where BLS publishes one wage figure for a pivot and the current role, the wage
    change cell says so instead of "+$0" (which reads as "the same pay")."""
    from careerpivot.report.words import SAME_WAGE_FIGURE, pivot_rows, wage_change

    plain = build_report(engine, ana, on=REPORT_DATE)
    first = plain.pivots[0].code
    # as if BLS published one row for the first pivot and the client's current role
    monkeypatch.setitem(engine.scorer.shared_, first, (ana.profile.current_role,))
    built = build_report(engine, ana, on=REPORT_DATE)
    assert [p.same_wage_figure for p in built.pivots] == [True] + [False] * (len(built.pivots) - 1)
    cells = [row[5] for row in pivot_rows(built)]
    assert cells[0] == SAME_WAGE_FIGURE
    assert cells[1:] == [wage_change(p.wage_change) for p in built.pivots[1:]]
    assert not any(p.same_wage_figure for p in plain.pivots)
