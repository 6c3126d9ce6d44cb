"""Choices made on the pages survive a reload and the private link opened elsewhere.

A reload is, to the server, a new browser session opening the same ``?w=`` link:
each test sets choices, opens a new AppTest with the same link (and the same data
folder), and checks the page shows them again. Saved workspaces from before the
choices were kept still open; a saved choice this version cannot use is named in a
message and the page falls back to its default."""

from __future__ import annotations

from careerpivot.filters import Filters
from careerpivot.store import Store, database_url
from careerpivot.ui import nav, state
from tests.ui.conftest import page, start_from, texts
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
    again.switch_page(page(nav.PIVOTS)).run()
    assert not again.exception, again.exception
    # the good values are back; the bad ones show the defaults
    assert again.select_slider(key="w_piv_step").value == 2
    assert again.number_input(key="w_piv_wage").value == 0
    assert again.selectbox(key="w_piv_sort").value == "realistic"
    assert again.select_slider(key="w_piv_k").value == 10
    assert len(card_titles(again)) == 10
    # a later change saves the usable choices and keeps the unknown page's as they were
    again.selectbox(key="w_piv_sort").set_value("fit").run()
    saved = stored(token).choices
    assert saved["pivots"]["sort"] == "fit" and saved["pivots"]["filters"]["max_job_zone_step"] == 2
    assert saved["a-later-page"] == {"kept": True}
