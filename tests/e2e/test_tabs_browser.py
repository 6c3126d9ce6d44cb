"""End-to-end: a reload in real headless Chromium brings back the person's place: the
page, the tab open on it and the role chosen in Compare and Plan (Playwright).

Screenshots go to ``test-artifacts/screenshots/`` (``place-*``).
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.e2e.test_browser import _go_to, _settle, _shot
from tests.e2e.test_workspace_browser import _new_page, _start, _token

pytestmark = pytest.mark.browser


def _selected_tab(page: Any) -> str:
    return str(page.get_by_role("tab", selected=True).first.inner_text()).strip()


@pytest.mark.parametrize("width", [1280, 420], ids=["laptop", "narrow"])
def test_a_reload_keeps_the_page_the_tab_and_the_chosen_role(
    browser: Any, app_url: str, width: int
) -> None:
    from playwright.sync_api import expect

    context, page = _new_page(browser, width)
    try:
        _start(page, app_url)
        token = _token(page)
        page.get_by_role("button", name="Save to shortlist").first.click()
        _settle(page)
        page.get_by_role("tab", name="Shortlist (1)").click()
        _settle(page)
        assert _selected_tab(page) == "Shortlist (1)"
        page.reload()
        expect(page.get_by_role("heading", name="Pivots", exact=True)).to_be_visible()
        _settle(page)
        assert _selected_tab(page) == "Shortlist (1)"  # before: "Suggestions"
        _shot(page, f"place-{width}px-1-pivots-shortlist-after-reload")

        # Compare a role from the shortlist, then reload: the same comparison.
        saved = page.get_by_role("tabpanel").filter(visible=True)
        saved.get_by_role("button", name="Compare").first.click()
        expect(page.get_by_role("heading", name="Compare", exact=True)).to_be_visible()
        _settle(page)
        heading = page.get_by_role("heading", name="You →").first.inner_text()
        page.reload()
        expect(page.get_by_role("heading", name="Compare", exact=True)).to_be_visible()
        expect(page.get_by_role("heading", name=heading, exact=True)).to_be_visible()
        _settle(page)
        _shot(page, f"place-{width}px-2-compare-after-reload")

        # The Plan for the same role survives a reload too.
        _go_to(page, "Plan")
        _settle(page)
        target = heading.split("→", 1)[1].strip()
        expect(page.get_by_role("heading", name=f"What to learn for {target}")).to_be_visible()
        page.reload()
        expect(page.get_by_role("heading", name=f"What to learn for {target}")).to_be_visible()
        _settle(page)
        assert _token(page) == token
        _shot(page, f"place-{width}px-3-plan-after-reload")

        # Rejections: the Patterns tab stays open across a reload.
        _go_to(page, "Rejections")
        _settle(page)
        page.get_by_role("tab", name="Patterns").click()
        _settle(page)
        page.reload()
        expect(page.get_by_role("heading", name="Rejections", exact=True)).to_be_visible()
        _settle(page)
        assert _selected_tab(page) == "Patterns"
        _shot(page, f"place-{width}px-4-rejections-patterns-after-reload")
    finally:
        context.close()


def test_roles_found_by_search_are_shown_in_their_pickers_and_kept(
    browser: Any, app_url: str
) -> None:
    """Before: after a search the picker showed "Choose one of the roles found" while the
    page compared the best match, and a reload forgot the "From role"."""
    from playwright.sync_api import expect

    context, page = _new_page(browser, 420)
    try:
        page.goto(f"{app_url}/compare")
        expect(page.get_by_role("heading", name="Compare", exact=True)).to_be_visible(
            timeout=120_000
        )
        _settle(page)
        finds = page.get_by_role("textbox", name="Find by title")
        finds.nth(0).fill("registered nurse")
        finds.nth(0).press("Enter")
        _settle(page)
        finds.nth(1).fill("data scientist")
        finds.nth(1).press("Enter")
        _settle(page)
        expect(page.get_by_role("combobox", name="From role")).to_have_value("Registered Nurses")
        expect(page.get_by_role("combobox", name="To role")).to_have_value("Data Scientists")
        heading = "Registered Nurses → Data Scientists"
        expect(page.get_by_role("heading", name=heading)).to_be_visible()
        _shot(page, "place-420px-5-role-vs-role-searched")
        page.reload()
        expect(page.get_by_role("heading", name=heading)).to_be_visible()
        expect(page.get_by_role("combobox", name="From role")).to_have_value("Registered Nurses")
        _shot(page, "place-420px-6-role-vs-role-after-reload")
    finally:
        context.close()
