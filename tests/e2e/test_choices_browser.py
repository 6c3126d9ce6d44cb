"""End-to-end: the Pivots page's filters, order and number of roles survive a browser
reload and the private link opened in a new browser context (real headless Chromium).

Screenshots go to ``test-artifacts/screenshots/`` (``choices-*``).
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.e2e.test_browser import _settle, _shot
from tests.e2e.test_workspace_browser import _new_page, _start, _token

pytestmark = pytest.mark.browser


def _cards(page: Any) -> list[str]:
    """The titles of the role cards, as shown ("1. Title")."""
    return [t.strip() for t in page.locator("h4").all_inner_texts() if ". " in t]


def _order(page: Any) -> Any:
    return page.get_by_test_id("stSelectbox").filter(has_text="Order")


def _open_filters(page: Any) -> None:
    wage = page.get_by_role("spinbutton", name="Lowest median wage (USD/year)")
    if not wage.is_visible():
        page.get_by_text("Filters", exact=True).click()
    from playwright.sync_api import expect

    expect(wage).to_be_visible()


def _check_choices(page: Any, cards: list[str]) -> None:
    from playwright.sync_api import expect

    expect(page.get_by_role("heading", name="Pivots", exact=True)).to_be_visible()
    _settle(page)
    expect(page.get_by_role("combobox", name="Order")).to_have_value("Highest pay first")
    _open_filters(page)
    wage = page.get_by_role("spinbutton", name="Lowest median wage (USD/year)")
    expect(wage).to_have_value("60000")
    count = page.get_by_test_id("stSlider").filter(has_text="How many roles to show")
    expect(count.get_by_role("slider")).to_have_attribute("aria-valuetext", "5")
    assert _cards(page) == cards


def test_pivots_choices_survive_a_reload_and_the_link(browser: Any, app_url: str) -> None:
    from playwright.sync_api import expect

    context, page = _new_page(browser, 1280)
    try:
        _start(page, app_url)
        token = _token(page)
        _order(page).click()
        page.get_by_role("option", name="Highest pay first").click()
        _settle(page)
        _open_filters(page)
        wage = page.get_by_role("spinbutton", name="Lowest median wage (USD/year)")
        wage.fill("60000")
        wage.press("Enter")
        _settle(page)
        count = page.get_by_test_id("stSlider").filter(has_text="How many roles to show")
        thumb = count.get_by_role("slider")
        thumb.focus()
        thumb.press("ArrowLeft")  # 10 -> 5
        _settle(page)
        expect(thumb).to_have_attribute("aria-valuetext", "5")
        cards = _cards(page)
        assert len(cards) == 5, cards
        _shot(page, "choices-1-pivots-chosen")

        page.reload()
        _check_choices(page, cards)
        assert _token(page) == token
        _shot(page, "choices-2-after-reload")
    finally:
        context.close()

    context, page = _new_page(browser, 1280)  # another browser: no cookies, no storage
    try:
        page.goto(f"{app_url}/pivots?w={token}")
        _check_choices(page, cards)
        _shot(page, "choices-3-link-in-new-context")
    finally:
        context.close()
