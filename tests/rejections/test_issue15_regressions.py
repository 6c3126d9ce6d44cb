"""Regression tests for the rejection-advice cases of issue 15, one test each."""

from __future__ import annotations

from careerpivot.profile import Profile, profile_from_role
from careerpivot.rejections.actions import plan_actions, seniority
from careerpivot.rejections.analysis import analyse_records
from careerpivot.rejections.followup import follow_up_kind, follow_up_message
from careerpivot.rejections.patterns import find_patterns
from careerpivot.rejections.redirect import by_fit, suggest_redirect
from careerpivot.rejections.wording import own_rating
from tests.rejections.conftest import analysed, make_record

DEV = "15-1252.00"
DS = "15-2051.00"


def _texts(plan) -> list[str]:
    return [t for a in plan.actions for t in (a.title, a.why, *a.steps)] + plan.projects


def test_feedback_naming_a_skill_counts_toward_its_gap_whatever_the_category(
    starter, engine, classifier, matcher
):
    """'More hands-on SQL experience' was 'lack of experience' while Skill gaps said 0 of 4."""
    records = [
        make_record("a1", feedback="More hands-on SQL experience would have helped."),
        make_record("a2", feedback="We wanted someone stronger in SQL.", date="2025-01-07"),
        make_record("a3", feedback="The other candidate interviewed better.", date="2025-01-08"),
        make_record("a4", feedback="", date="2025-01-09"),
    ]
    analyses = analyse_records(records, classifier, matcher)
    first = analyses[0]
    assert [s.id for s in first.skills] == ["tech:sql"]
    assert "skill_gap" in first.counts_toward
    (pattern,) = [p for p in find_patterns(analyses) if p.key == "skill_gap"]
    assert set(pattern.evidence) >= {"a1", "a2"}
    prof = profile_from_role(starter, "15-2051.01")
    plan = plan_actions(analyses, prof, engine)
    (action,) = [a for a in plan.actions if a.category == "skill_gap"]
    # Patterns and actions count the same records.
    assert set(action.evidence) == set(pattern.evidence)
    n = len(pattern.evidence)
    assert f"came up in {n} of 4 rejections" in pattern.sentence
    assert action.why.endswith(f"{n} of 4 rejections.")
    # Each record's other categories still count where it was classified.
    for a in analyses:
        for cat in a.counts_toward:
            assert a.record.id in next(x for x in plan.actions if x.category == cat).evidence


def test_no_rating_is_claimed_that_the_person_did_not_give(starter, engine):
    """'You rate it 3.8/7' appeared when the person had rated nothing."""
    prof = profile_from_role(starter, "15-2051.01")  # seeded: the person rated nothing
    assert own_rating(prof, starter, "tech:tableau") is None
    items = [
        analysed(make_record("a1"), "skill_gap", (("tech:tableau", "Tableau"),)),
        analysed(make_record("a2"), "resume_portfolio", (("tech:tableau", "Tableau"),)),
    ]
    plan = plan_actions(items, prof, engine)
    texts = _texts(plan)
    assert not any("you rate" in t.lower() for t in texts)
    assert any("not rated yet: rate it" in t for t in texts)
    redirect = suggest_redirect(items, prof, engine.dataset, by_fit(engine.scorer))
    assert not any("you rate" in t.sentence for t in redirect.triggers)
    # Once the person rates it themselves, the advice quotes their rating.
    mine = prof.with_ratings({"tech:tableau": 2.0})
    assert own_rating(mine, starter, "tech:tableau") == 2.0


def test_an_experienced_developer_is_not_sent_to_an_internship(starter, engine):
    items = [
        analysed(make_record("a1", occupation_code=DS), "experience"),
        analysed(make_record("a2", occupation_code=DS), "experience"),
    ]
    dev = profile_from_role(starter, DEV)
    assert seniority(dev, starter, items) == "experienced"
    plan = plan_actions(items, dev, engine)
    assert not any("internship" in t.lower() for t in _texts(plan))
    assert any("stretch project" in t for t in _texts(plan))
    graduate = Profile(ratings={"2.B.3.e": 2.5, "tech:python": 2.0})
    junior = [
        analysed(
            make_record("b1", occupation_code=DS, role_title="Graduate Data Scientist"),
            "experience",
        )
    ]
    assert seniority(graduate, starter, junior) == "starting out"
    plan = plan_actions(junior, graduate, engine)
    assert any("internship" in t.lower() for t in _texts(plan))


def test_follow_up_notes_fit_the_outcome():
    """The note for an application that got no reply thanked them 'for letting me know'."""
    ghosted = make_record("a1", outcome="ghosted", stage_reached="applied")
    no_reply = follow_up_message(ghosted, name="Sam")
    assert follow_up_kind(ghosted) == "no_reply"
    assert "letting me know" not in no_reply and "have not heard back" in no_reply
    with_fb = make_record("a2", feedback="Needs more SQL.")
    note = follow_up_message(with_fb)
    assert follow_up_kind(with_fb) == "feedback" and "taking the time to tell me why" in note
    without = make_record("a3", feedback="")
    note = follow_up_message(without)
    assert follow_up_kind(without) == "no_feedback" and "any specific feedback" in note
    assert len({no_reply, follow_up_message(with_fb), note}) == 3


def test_other_roles_and_actions_use_the_0_to_7_scale_only(starter, engine):
    """'Other roles' switched to a /5 scale."""
    prof = profile_from_role(starter, "15-2051.01").with_ratings({"tech:sql": 1.0})
    items = [
        analysed(make_record(f"a{i}", occupation_code=DS), cat, (("tech:sql", "SQL"),))
        for i, cat in enumerate(["skill_gap", "skill_gap", "resume_portfolio"])
    ]
    redirect = suggest_redirect(items, prof, engine.dataset, by_fit(engine.scorer))
    assert redirect.roles, "SQL named three times should suggest roles where it matters less"
    reasons = [r for role in redirect.roles for r in role.reasons]
    assert not any("/5" in r for r in reasons)
    assert any("/7" in r for r in reasons)
    plan = plan_actions(items, prof, engine)
    assert not any("/5" in t for t in _texts(plan))
