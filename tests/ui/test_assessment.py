"""Self-assessment page: questionnaires kept as you go, scores into the profile, skills, CV text."""

import json

import pytest

from careerpivot.assessment import load_interest_instrument, load_values_instrument
from careerpivot.levels import anchor_text
from careerpivot.ui import nav, state
from tests.ui.conftest import button, footer, new_app, page, plain, start_from, texts

pytestmark = pytest.mark.skipif(not nav.ASSESSMENT.available, reason="no careerpivot.assessment")


def open_assessment(at=None):
    at = at or new_app()
    at.switch_page(page(nav.ASSESSMENT)).run()
    assert not at.exception, at.exception
    return at


def answer_all(at, name, form, pick):
    """Answer every item of a form through the page's radios, page by page."""
    inst = load_interest_instrument() if name == "interests" else load_values_instrument()
    items = inst.items_on(form)
    for start in range(0, len(items), 10):
        for item in items[start : start + 10]:
            at.radio(key=f"w_{name}_{item.id}").set_value(pick(inst, item.id))
        at.run()
        if start + 10 < len(items):
            button(at, "Next", index=0 if name == "interests" else 1).click().run()
    return at


def likes_investigative(inst, item_id):
    return 5 if inst.scale_of(item_id).scale == "I" else 1


def test_page_renders_with_progress_and_footer():
    at = open_assessment()
    assert at.title[0].value == "Self-assessment"
    assert "0 of 30 answered" in [p.proto.text for p in at.get("progress")]
    assert "estimates" in footer(at)


def test_the_first_few_answers_are_kept_and_give_a_partial_result():
    at = open_assessment()
    items = load_interest_instrument().items_on("short")
    for item in items[:5]:  # R I A S E: Conventional has no answer yet
        at.radio(key=f"w_interests_{item.id}").set_value(4)
    at.run()
    assert any("Keep going" in i.value and "5 of 30" in i.value for i in at.info)
    assert state.PROFILE not in at.session_state or at.session_state[state.PROFILE] is None
    for item in items[5:10]:
        at.radio(key=f"w_interests_{item.id}").set_value(4)
    at.run()
    assert len(at.session_state[f"{state.ANSWERS}_interests"].answers) == 10
    assert "Partial result, based on 10 of 30 answers" in texts(at)
    assert at.session_state[state.PROFILE].interests["R"] == 5.5  # answer 4 of 5
    at.switch_page(page(nav.PIVOTS)).run()
    at.switch_page(page(nav.ASSESSMENT)).run()  # answers survive a visit elsewhere
    assert at.radio(key=f"w_interests_{items[0].id}").value == 4


def test_work_values_with_10_of_24_answers_give_a_result_by_the_same_rule():
    at = open_assessment()
    inst = load_values_instrument()
    for item in inst.items_on("long")[:10]:
        scale = inst.scale_of(item.id).scale
        at.radio(key=f"w_values_{item.id}").set_value(5 if scale == "independence" else 2)
    at.run()
    assert not at.exception
    assert "Partial result, based on 10 of 24 answers" in texts(at)
    assert any("partial result (based on 10 of 24 answers)" in s.value for s in at.success)
    values = at.session_state[state.PROFILE].work_values
    assert values["independence"] == 7.0 and values["support"] == 2.5
    at.switch_page(page(nav.ASSESSMENT)).run()
    assert at.radio(key="w_values_wv06").value == 5  # kept on the way back


def test_a_finished_interest_form_goes_into_the_profile_and_gives_pivots():
    at = answer_all(open_assessment(), "interests", "short", likes_investigative)
    prof = at.session_state[state.PROFILE]
    assert prof.interests["I"] == 7.0 and prof.interests["R"] == 1.0
    assert "**I" in texts(at)  # Holland code shown, Investigative first
    assert any("part of your profile" in plain(s.value) for s in at.success)
    at.switch_page(page(nav.PIVOTS)).run()
    assert not at.exception and not at.error
    assert "#### 1." in texts(at)


def test_work_values_finished_go_into_the_profile():
    def independence(inst, item_id):
        return 5 if inst.scale_of(item_id).scale == "independence" else 3

    at = answer_all(open_assessment(), "values", "long", independence)
    assert at.session_state[state.PROFILE].work_values["independence"] == 7.0


def test_skill_slider_changes_one_rating_of_a_role_seeded_profile():
    at = open_assessment(start_from("software developer"))
    before = at.session_state[state.PROFILE]
    at.slider(key="w_skill_2.B.1.e").set_value(6.5).run()  # Instructing
    after = at.session_state[state.PROFILE]
    assert after.ratings["2.B.1.e"] == 6.5
    assert {k: v for k, v in after.ratings.items() if k != "2.B.1.e"} == {
        k: v for k, v in before.ratings.items() if k != "2.B.1.e"
    }
    assert after.current_role == "15-1252.00"


def test_the_slider_label_reads_the_nearest_anchor_as_every_other_page_does():
    # Reading comprehension's anchors sit at 2, 4 and 6: 3.5 is nearest the level-4
    # example, below it (the old label showed the level-2 example for 3.5).
    at = open_assessment()
    at.slider(key="w_skill_2.A.1.a").set_value(3.5).run()
    shown = texts(at)
    assert "Level 3.5 of 7 (below level 4, which is like: pick out the deadlines" in shown
    assert anchor_text("2.A.1.a", 3.5) == "below level 4, which is like: pick out the " + (
        "deadlines and penalties in a supplier's terms"
    )
    at.slider(key="w_skill_2.A.1.a").set_value(6.0).run()
    assert "Level 6 of 7 (level 6 is like: work through a dense industry standard" in texts(at)
    at.slider(key="w_skill_2.A.1.a").set_value(0.0).run()
    assert "Level 0 of 7 (never done it)" in texts(at)


def test_an_unmoved_slider_names_the_profiles_level_as_the_other_pages_do():
    # A software developer's reading comprehension is 4.6; the half-level slider sits at
    # 4.5, and its label said "Level 4.5" while Pivots and Compare said 4.6.
    at = open_assessment(start_from("software developer"))
    assert at.session_state[state.PROFILE].ratings["2.A.1.a"] == 4.6
    assert at.slider(key="w_skill_2.A.1.a").value == 4.5
    shown = texts(at)
    assert "Level 4.6 of 7 (above level 4, which is like: pick out the deadlines" in shown
    assert "Level 4.5 of 7 (above level 4, which is like: pick out the deadlines" not in shown
    assert "the slider shows it to the nearest half level" in shown


def test_rating_from_scratch_warns_that_a_few_ratings_are_not_enough():
    at = open_assessment()
    at.slider(key="w_skill_2.A.1.a").set_value(5.0).run()
    assert at.session_state[state.PROFILE].ratings == {"2.A.1.a": 5.0}
    assert any("Only 1 of" in plain(w.value) for w in at.warning)


def test_skills_from_cv_text_are_added_only_when_ticked():
    at = open_assessment()
    at.text_area(key="w_cv_text").input("SQL, Tablaeu, worked in teams").run()
    boxes = {c.key: c for c in at.checkbox}
    assert set(boxes) == {"w_cv_tech:sql", "w_cv_tech:tableau"}
    boxes["w_cv_tech:tableau"].uncheck()
    at.run()
    button(at, "Add 1 to my profile").click().run()
    assert set(at.session_state[state.PROFILE].ratings) == {"tech:sql"}


def test_text_with_no_known_skills_says_how_to_write_them():
    at = open_assessment()
    at.text_area(key="w_cv_text").input("lorem ipsum dolor").run()
    assert any("No skills or tools recognised" in plain(i.value) for i in at.info)


def test_a_bad_answers_file_is_refused_with_the_reason():
    at = open_assessment()
    bad = {"schema_version": 1, "instrument": "interests", "form": "short", "answers": {"zz": 3}}
    at.file_uploader(key="w_interests_upload").upload(
        "a.json", json.dumps(bad).encode(), "application/json"
    )
    at.run()
    assert not at.exception
    assert any(
        "unknown item ids" in plain(e.value) and "Download your answers" in plain(e.value)
        for e in at.error
    )


def test_a_saved_answers_file_can_be_carried_on():
    items = load_interest_instrument().items_on("short")[:5]
    sheet = {
        "schema_version": 1,
        "instrument": "interests",
        "form": "short",
        "answers": {i.id: 2 for i in items},
    }
    at = open_assessment()
    at.file_uploader(key="w_interests_upload").upload(
        "a.json", json.dumps(sheet).encode(), "application/json"
    )
    at.run()
    button(at, "Use the 5 answers in a.json").click().run()
    assert at.radio(key=f"w_interests_{items[0].id}").value == 2


def test_assess_doctests_pass():
    import doctest

    from careerpivot.ui import assess

    assert doctest.testmod(assess).failed == 0
