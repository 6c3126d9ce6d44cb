"""A counselor with two clients in headless Chromium: whose profile is on screen.

Walked by hand on O*NET: after saving Maria's profile to her record and adding Tom, Tom's
record offered to save "the profile built in this session" (Maria's) as his, and the
Pivots page showed Maria's roles with nothing to say whose they were.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.e2e.test_browser import TIMEOUT_MS, _go_to, _settle, _shot, _unlock_clients
from tests.e2e.test_clients_browser import _add

pytestmark = pytest.mark.browser


def test_one_clients_profile_stays_with_that_client(browser: Any, app_url: str) -> None:
    from playwright.sync_api import expect

    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.set_default_timeout(TIMEOUT_MS)
    try:
        page.goto(f"{app_url}/clients")
        _unlock_clients(page)
        _add(page, "Maria Lopez")
        _go_to(page, "Start")
        box = page.get_by_role("textbox", name="Job title")
        box.fill("registered nurse")
        box.press("Enter")
        _settle(page)
        page.get_by_role("button", name="Show my pivots").click()
        expect(page.get_by_role("heading", name="Pivots", exact=True)).to_be_visible()
        _go_to(page, "Clients")  # still unlocked in this session
        _settle(page)
        expect(page.get_by_role("heading", name="Maria Lopez")).to_be_visible()
        page.get_by_role("button", name="Save the current profile, shortlist and plan").click()
        _settle(page)
        expect(page.get_by_text("Saved the profile")).to_be_visible()

        _add(page, "Tom Baker")
        expect(page.get_by_role("heading", name="Tom Baker")).to_be_visible()
        save = page.get_by_role("button", name="Save the current profile, shortlist and plan")
        expect(save).to_be_disabled()
        expect(
            page.get_by_text("The other pages show Maria Lopez's profile, not Tom")
        ).to_be_visible()
        _shot(page, "1280px-counselor-second-client")

        _go_to(page, "Pivots")
        expect(page.get_by_text("Showing the profile of client Maria Lopez")).to_be_visible()
        _shot(page, "1280px-counselor-pivots-banner")
    finally:
        page.close()


def test_role_vs_role_opens_empty_not_on_a_role_against_itself(browser: Any, app_url: str) -> None:
    from playwright.sync_api import expect

    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.set_default_timeout(TIMEOUT_MS)
    try:
        page.goto(f"{app_url}/compare")
        expect(page.get_by_role("heading", name="Compare", exact=True)).to_be_visible()
        _settle(page)
        expect(page.get_by_text("Choose both roles to compare")).to_be_visible()
        main = page.locator("[data-testid='stMain']")
        expect(main).not_to_contain_text("→")
        expect(main).not_to_contain_text("hardly uses")
        _shot(page, "1280px-compare-role-vs-role-empty")
    finally:
        page.close()
