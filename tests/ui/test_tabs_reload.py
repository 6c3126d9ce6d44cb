"""The tab a person had open on a page comes back after a reload or through their link.

Before, the Pivots, Rejections and Self-assessment tabs always opened on their first
tab after a reload (the shortlist, the patterns or the work-values questions the
person was on were gone from view). A click on a tab is, to the server, a new value
of the tabs' key; a reload is a new session opening the same ``?w=`` link."""

from __future__ import annotations

from typing import Any

from careerpivot.store import Store, database_url
from careerpivot.ui import nav, state
from tests.ui.conftest import button, page, start_from, texts
from tests.ui.test_workspace import reopen, token_of


def open_tab(at: Any, label_start: str) -> str:
    """The label of the open tab of the tab bar whose first tab starts ``label_start``, as
    the browser is told to show it (the tab container's ``default_tab_index``)."""
    found: list[Any] = []

    def walk(node: Any) -> None:
        proto = getattr(node, "proto", None)
        if (
            proto is not None
            and proto.DESCRIPTOR.name == "Block"
            and proto.HasField("tab_container")
        ):
            found.append(node)
        for child in getattr(node, "children", {}).values():
            walk(child)

    walk(at._tree)
    for container in found:
        labels = [t.label for t in container.children.values()]
        if labels and labels[0].startswith(label_start):
            return str(labels[container.proto.tab_container.default_tab_index])
    raise AssertionError(f"no tabs starting {label_start!r}")


def choose_tab(at: Any, key: str, label: str) -> Any:
    """Click a tab: the browser sends the tabs' new value and the page reruns."""
    at.session_state[key] = label
    at.run()
    assert not at.exception, at.exception
    return at


def test_the_open_pivots_tab_comes_back_after_a_reload():
    at = start_from("software developer")
    token = token_of(at)
    assert open_tab(at, "Suggestions") == "Suggestions"
    button(at, "Save to shortlist").click().run()
    choose_tab(at, "w_piv_tab", "Shortlist (1)")
    assert open_tab(at, "Suggestions") == "Shortlist (1)"

    again = reopen(token, nav.PIVOTS)
    assert open_tab(again, "Suggestions") == "Shortlist (1)"
    # Back to the first tab: a reload then opens there too.
    choose_tab(again, "w_piv_tab", "Suggestions")
    assert open_tab(reopen(token, nav.PIVOTS), "Suggestions") == "Suggestions"


def test_the_open_tab_is_open_again_when_the_person_comes_back_to_the_page():
    at = start_from("software developer")
    choose_tab(at, "w_piv_tab", "Map of nearby roles")
    at.switch_page(page(nav.PLAN)).run()
    at.switch_page(page(nav.PIVOTS)).run()
    assert open_tab(at, "Suggestions") == "Map of nearby roles"
    choose_tab(at, "w_piv_tab", "Suggestions")
    at.switch_page(page(nav.PLAN)).run()
    at.switch_page(page(nav.PIVOTS)).run()
    assert open_tab(at, "Suggestions") == "Suggestions"


def test_the_open_tab_follows_its_label_when_a_count_in_it_changes():
    at = start_from("software developer")
    choose_tab(at, "w_piv_tab", "Shortlist (0)")
    button(at, "Save to shortlist").click().run()  # the label becomes "Shortlist (1)"
    assert open_tab(at, "Suggestions") == "Shortlist (1)"


def test_the_open_assessment_and_rejections_tabs_come_back_after_a_reload():
    at = start_from("software developer")
    token = token_of(at)
    at.switch_page(page(nav.ASSESSMENT)).run()
    choose_tab(at, "w_ass_tab", "Work values")
    at.switch_page(page(nav.REJECTIONS)).run()
    assert open_tab(at, "Applications") == "Applications (0)"
    choose_tab(at, "w_rej_tab", "Patterns")

    again = reopen(token, nav.REJECTIONS)
    assert open_tab(again, "Applications") == "Patterns"
    again.switch_page(page(nav.ASSESSMENT)).run()
    assert open_tab(again, "Interests") == "Work values"


def test_a_saved_tab_this_version_does_not_have_is_named_and_the_first_tab_opens():
    at = start_from("software developer")
    token = token_of(at)
    with Store.open(database_url()) as store:
        data = store.open_workspace(token)
        store.save_workspace(
            token, data.model_copy(update={"choices": {"pivots": {"tab": "timeline"}}})
        )
    again = reopen(token)
    assert "the tab open on the Pivots page ('timeline' is not one of suggestions" in texts(again)
    again.switch_page(page(nav.PIVOTS)).run()
    assert open_tab(again, "Suggestions") == "Suggestions"
    assert state.PIVOTS_TAB not in again.session_state


# ----- roles found by a search are the roles kept ---------------------------------------------
def test_a_plan_target_found_by_search_comes_back_after_a_reload():
    """Before: the Plan showed the searched role, but a reload went back to the old target."""
    at = start_from("software developer")
    token = token_of(at)
    at.switch_page(page(nav.PLAN)).run()
    before = at.selectbox(key="w_plan_target").value
    at.text_input(key="w_plan_target_find").input("registered nurse").run()
    found = at.selectbox(key="w_plan_target").value
    assert found == "29-1141.00" != before
    assert at.session_state["w_plan_target"] == found  # told to the browser, not only used

    again = reopen(token, nav.PLAN)
    assert again.selectbox(key="w_plan_target").value == found
    assert f"What to learn for {again.selectbox(key='w_plan_target').format_func(found)}" in [
        h.value for h in again.subheader
    ]


def test_roles_compared_role_vs_role_found_by_search_come_back_after_a_reload():
    """Before: the "From role" found by a search was forgotten on a reload."""
    at = start_from("software developer")
    token = token_of(at)
    at.switch_page(page(nav.COMPARE)).run()
    at.segmented_control(key="w_cmp_mode").set_value("Role vs role").run()
    at.text_input(key="w_cmp_source_find").input("registered nurse").run()
    at.text_input(key="w_cmp_target_find").input("data scientist").run()
    shown = (at.selectbox(key="w_cmp_source").value, at.selectbox(key="w_cmp_target").value)
    assert shown == ("29-1141.00", "15-2051.00")

    again = reopen(token, nav.COMPARE)
    assert again.selectbox(key="w_cmp_source").value == shown[0]
    assert again.selectbox(key="w_cmp_target").value == shown[1]
