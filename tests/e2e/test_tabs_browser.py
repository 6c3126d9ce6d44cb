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
