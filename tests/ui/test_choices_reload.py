"""Choices made on the pages survive a reload and the private link opened elsewhere.

A reload is, to the server, a new browser session opening the same ``?w=`` link:
each test sets choices, opens a new AppTest with the same link (and the same data
folder), and checks the page shows them again. Saved workspaces from before the
choices were kept still open; a saved choice this version cannot use is named in a
message and the page falls back to its default."""

from __future__ import annotations

import pytest

from careerpivot.filters import Filters
from careerpivot.store import Store, database_url
from careerpivot.ui import nav, state
from tests.ui.conftest import button, page, start_from, texts
from tests.ui.test_pivots import card_titles
from tests.ui.test_workspace import reopen, stored, token_of


def _pivot_choices(at):
    return {
        "step": at.select_slider(key="w_piv_step").value,
        "wage": at.number_input(key="w_piv_wage").value,
        "outlook": at.selectbox(key="w_piv_outlook").value,
        "families": at.multiselect(key="w_piv_families").value,
        "count": at.select_slider(key="w_piv_k").value,
        "sort": at.selectbox(key="w_piv_sort").value,
    }


def test_pivots_filters_order_and_count_come_back_after_a_reload():
    at = start_from("software developer")
    token = token_of(at)
    at.select_slider(key="w_piv_step").set_value(2).run()
    at.number_input(key="w_piv_wage").set_value(50_000).run()
    at.selectbox(key="w_piv_outlook").set_value(0.0).run()
    at.multiselect(key="w_piv_families").set_value(["15", "13"]).run()
    at.select_slider(key="w_piv_k").set_value(5).run()
    at.selectbox(key="w_piv_sort").set_value("pay").run()
    assert not at.exception, at.exception
    chosen = _pivot_choices(at)
    assert chosen == {
        "step": 2,
        "wage": 50_000,
        "outlook": 0.0,
        "families": ["15", "13"],
        "count": 5,
        "sort": "pay",
    }
    shown = card_titles(at)
    assert len(shown) == 5

    again = reopen(token, nav.PIVOTS)
    assert _pivot_choices(again) == chosen
    assert card_titles(again) == shown  # the same roles, in the same order
    assert again.session_state[state.FILTERS] == Filters(
        max_job_zone_step=2, min_wage=50_000, min_outlook=0.0, families=("15", "13")
    )
    assert "could not be used" not in texts(again)


def test_the_choices_come_back_through_the_link_on_another_page_too():
    """The link opened on Start (another browser): Pivots later shows the chosen order."""
    at = start_from("software developer")
    token = token_of(at)
    at.selectbox(key="w_piv_sort").set_value("openings").run()
    at.select_slider(key="w_piv_k").set_value(20).run()
    shown = card_titles(at)
    again = reopen(token)  # lands on Start
    again.switch_page(page(nav.PIVOTS)).run()
    assert again.selectbox(key="w_piv_sort").value == "openings"
    assert card_titles(again) == shown and len(shown) == 20


def test_a_workspace_saved_before_choices_were_kept_still_opens():
    at = start_from("software developer")
    token = token_of(at)
    with Store.open(database_url()) as store:
        # What an older CareerPivot wrote: the same document without "choices".
        old = stored(token).model_dump_json(exclude={"saved", "choices"})
        assert '"choices"' not in old
        from careerpivot.store.workspace import from_json

        store.save_workspace(token, from_json(old, 1))
    again = reopen(token, nav.PIVOTS)
    assert "could not" not in texts(again)
    assert again.session_state[state.PROFILE] == at.session_state[state.PROFILE]
    assert again.selectbox(key="w_piv_sort").value == "realistic"
    assert again.select_slider(key="w_piv_k").value == 10


def test_a_saved_choice_that_cannot_be_used_is_named_and_falls_back_to_the_default():
    at = start_from("software developer")
    token = token_of(at)
    with Store.open(database_url()) as store:
        data = store.open_workspace(token)
        bad = data.model_copy(
            update={
                "choices": {
                    "pivots": {
                        "sort": "cheapest",
                        "count": "many",
                        "filters": {"max_job_zone_step": 2, "min_wage": -5, "colour": "red"},
                    },
                    "compare": {"mode": "sideways", "only_gaps": False, "colour": 1},
                    "plan": "not an object",
                    "rejections": {"draft": {"title": "Data Analyst", "channel": "pigeon"}},
                    "a-later-page": {"kept": True},
                }
            }
        )
        store.save_workspace(token, bad)
    again = reopen(token)
    message = texts(again)  # said once, on the page the link opens
    assert "Some of your saved data could not be used" in message
    assert "the order of the Pivots page ('cheapest' is not one of" in message
    assert "the number of roles the Pivots page shows ('many'" in message
    assert "filter 'min_wage'" in message and "filter 'colour'" in message
    assert "what the Compare page compares ('sideways' is not 'you' or 'roles'" in message
    assert "a choice on the Compare page this version does not know ('colour')" in message
    assert "your choices on the Plan page (not a JSON object)" in message
    if nav.REJECTIONS.available:
        assert "you were adding on the Rejections page: field(s) 'channel' left empty" in message
    again.switch_page(page(nav.PIVOTS)).run()
    assert not again.exception, again.exception
    # the good values are back; the bad ones show the defaults
    assert again.select_slider(key="w_piv_step").value == 2
    assert again.number_input(key="w_piv_wage").value == 0
    assert again.selectbox(key="w_piv_sort").value == "realistic"
    assert again.select_slider(key="w_piv_k").value == 10
    assert len(card_titles(again)) == 10
    if nav.REJECTIONS.available:  # the usable part of the draft is back
        again.switch_page(page(nav.REJECTIONS)).run()
        assert again.text_input(key="w_rej_new_title").value == "Data Analyst"
        assert again.selectbox(key="w_rej_new_channel").value == "posting"
        again.switch_page(page(nav.COMPARE)).run()
        assert again.segmented_control(key="w_cmp_mode").value == "You vs a role"
        assert again.toggle(key="w_cmp_only_gaps").value is False
        again.switch_page(page(nav.PIVOTS)).run()
    # a later change saves the usable choices and keeps the unknown page's as they were
    again.selectbox(key="w_piv_sort").set_value("fit").run()
    saved = stored(token).choices
    assert saved["pivots"]["sort"] == "fit" and saved["pivots"]["filters"]["max_job_zone_step"] == 2
    assert saved["a-later-page"] == {"kept": True}


def test_compare_mode_roles_and_table_choices_come_back_after_a_reload():
    at = start_from("software developer")
    token = token_of(at)
    at.switch_page(page(nav.COMPARE)).run()
    at.segmented_control(key="w_cmp_mode").set_value("Role vs role").run()
    at.selectbox(key="w_cmp_source").set_value("15-2051.00").run()  # Data Scientists
    at.selectbox(key="w_cmp_target").set_value("11-3021.00").run()
    at.toggle(key="w_cmp_only_gaps").set_value(False).run()
    at.pills(key="w_cmp_kinds").set_value(["Knowledge"]).run()
    assert not at.exception, at.exception
    heading = [h.value for h in at.subheader]
    table = at.dataframe[0].value

    again = reopen(token, nav.COMPARE)
    assert again.segmented_control(key="w_cmp_mode").value == "Role vs role"
    assert again.selectbox(key="w_cmp_source").value == "15-2051.00"
    assert again.selectbox(key="w_cmp_target").value == "11-3021.00"
    assert again.toggle(key="w_cmp_only_gaps").value is False
    assert again.pills(key="w_cmp_kinds").value == ["Knowledge"]
    assert [h.value for h in again.subheader] == heading
    assert again.dataframe[0].value.equals(table)


def test_the_plan_pages_what_if_choice_comes_back_after_a_reload():
    at = start_from("software developer")
    token = token_of(at)
    at.session_state[state.TARGET] = "15-2051.00"
    at.switch_page(page(nav.PLAN)).run()
    box = at.selectbox(key="w_plan_whatif")
    ids = list(box.options)
    assert len(ids) >= 2, "the test needs a choice besides the first"
    box.select_index(len(ids) - 1).run()
    chosen = at.selectbox(key="w_plan_whatif").value
    shown = [m.value for m in at.markdown]

    again = reopen(token, nav.PLAN)
    assert again.selectbox(key="w_plan_target").value == "15-2051.00"
    assert again.selectbox(key="w_plan_whatif").value == chosen
    assert [m.value for m in again.markdown] == shown


@pytest.mark.skipif(not nav.REJECTIONS.available, reason="no careerpivot.rejections")
def test_an_application_typed_but_not_added_yet_survives_a_reload():
    at = start_from("data analyst")
    token = token_of(at)
    at.switch_page(page(nav.REJECTIONS)).run()
    at.text_input(key="w_rej_new_title").input("Junior Data Analyst").run()
    at.text_input(key="w_rej_new_org").input("Northwind Retail").run()
    at.selectbox(key="w_rej_new_outcome").set_value("ghosted").run()
    at.text_area(key="w_rej_new_feedback").input("They wanted more SQL.").run()
    assert not at.exception, at.exception
    assert stored(token).choices["rejections"]["draft"]["feedback"] == "They wanted more SQL."

    again = reopen(token, nav.REJECTIONS)
    assert again.text_input(key="w_rej_new_title").value == "Junior Data Analyst"
    assert again.text_input(key="w_rej_new_org").value == "Northwind Retail"
    assert again.selectbox(key="w_rej_new_outcome").value == "ghosted"
    assert again.text_area(key="w_rej_new_feedback").value == "They wanted more SQL."
    button(again, "Add application").click().run()
    assert "Added" in texts(again)
    assert "draft" not in stored(token).choices.get("rejections", {})  # added: no draft left
    assert len(stored(token).rejections) == 1
    assert again.text_input(key="w_rej_new_title").value == ""


@pytest.mark.skipif(not nav.REJECTIONS.available, reason="no careerpivot.rejections")
def test_the_role_the_rejection_actions_aim_at_comes_back_after_a_reload():
    from careerpivot.rejections import format_log_json
    from tests.ui.test_rejections import history_log, import_file

    at = start_from("data analyst")
    token = token_of(at)
    at.switch_page(page(nav.REJECTIONS)).run()
    log = history_log()
    other = log.records[4].model_copy(update={"occupation_code": "15-2051.00"})
    import_file(at, "h.json", format_log_json(log.replace(other)).encode())
    button(at, "Add them to the log").click().run()
    at.selectbox(key="w_rej_target").set_value("15-2051.00").run()
    assert "aimed at **Data Scientists**" in texts(at)

    again = reopen(token, nav.REJECTIONS)
    assert again.selectbox(key="w_rej_target").value == "15-2051.00"
    assert "aimed at **Data Scientists**" in texts(again)


@pytest.mark.skipif(not nav.ASSESSMENT.available, reason="no careerpivot.assessment")
def test_a_questionnaire_goes_on_at_the_first_unanswered_page_after_a_reload():
    from careerpivot.assessment import load_values_instrument

    at = start_from("software developer")
    token = token_of(at)
    at.switch_page(page(nav.ASSESSMENT)).run()
    items = load_values_instrument().items_on("long")
    for item in items[:10]:  # the whole first page
        at.radio(key=f"w_values_{item.id}").set_value(3)
    at.run()
    assert f"w_values_{items[0].id}" in [r.key for r in at.radio]  # no jump while answering

    again = reopen(token, nav.ASSESSMENT)
    assert "Page 2 of 3" in texts(again)
    assert again.radio(key=f"w_values_{items[10].id}").value is None
    assert f"w_values_{items[0].id}" not in [r.key for r in again.radio]


@pytest.mark.skipif(not nav.ASSESSMENT.available, reason="no careerpivot.assessment")
def test_the_skills_and_cv_text_typed_on_self_assessment_survive_a_reload():
    """Before: a paragraph of CV pasted on Self-assessment was gone after a reload."""
    at = start_from("data analyst")
    token = token_of(at)
    at.switch_page(page(nav.ASSESSMENT)).run()
    at.text_area(key="w_cv_text").input("SQL, Tableau, ran a team of 5").run()
    assert not at.exception, at.exception
    assert stored(token).choices["assessment"]["cv_text"] == "SQL, Tableau, ran a team of 5"

    again = reopen(token, nav.ASSESSMENT)
    assert again.text_area(key="w_cv_text").value == "SQL, Tableau, ran a team of 5"
    assert {c.key for c in again.checkbox} >= {"w_cv_tech:sql", "w_cv_tech:tableau"}
    again.text_area(key="w_cv_text").input("").run()  # emptied: nothing kept
    assert "cv_text" not in stored(token).choices.get("assessment", {})
