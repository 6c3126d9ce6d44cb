"""The Clients page in headless Chromium: erasing a client, as a counselor sees it.

Streamlit's test harness cannot see what the browser keeps in a picker: after an erase
the client picker went on showing the erased name (with no word that anything happened).
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.e2e.test_browser import TIMEOUT_MS, _settle, _shot, _unlock_clients

pytestmark = pytest.mark.browser


def _add(page: Any, name: str) -> None:
    box = page.get_by_role("textbox", name="Name", exact=True)
    if not box.is_visible():
        page.get_by_text("Add a client").click()
    box.fill(name)
    box.blur()
    page.get_by_role("button", name="Add client").click()
    _settle(page)


def test_erasing_a_client_clears_the_picker_and_says_so(browser: Any, app_url: str) -> None:
    from playwright.sync_api import expect

    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.set_default_timeout(TIMEOUT_MS)
    try:
        page.goto(f"{app_url}/clients")
        _unlock_clients(page)
        _add(page, "Ana Lopez")
        _add(page, "Bob <b>Kim</b>")
        expect(page.get_by_role("heading", name="Bob <b>Kim</b>")).to_be_visible()
        page.get_by_text("Archive or erase this client").click()
        typed = page.get_by_role("textbox", name="type their name")
        typed.fill("Bob <b>Kim</b>")
        typed.press("Enter")
        _settle(page)
        page.get_by_role("button", name="Erase this client for good").click()
        _settle(page)
        expect(page.get_by_text("The client and all their records are erased.")).to_be_visible()
        picker = page.get_by_role("combobox", name="Client")
        expect(picker).to_have_value("")
        expect(picker).to_have_attribute("placeholder", "Choose a client (type to filter)")
        expect(page.locator("[data-testid='stMain']")).not_to_contain_text("Bob")
        _shot(page, "clients-erased")
        picker.click()
        expect(page.get_by_role("option")).to_have_text(["Ana Lopez"])
    finally:
        page.close()


def test_a_reload_reopens_the_open_client_after_the_passcode(browser: Any, app_url: str) -> None:
    """Before: a reload left the counselor at an empty client picker."""
    from playwright.sync_api import expect

    page = browser.new_page(viewport={"width": 420, "height": 900})
    page.set_default_timeout(TIMEOUT_MS)
    try:
        page.goto(f"{app_url}/clients")
        heading = page.get_by_role("heading", name="Clients", exact=True)
        expect(heading).to_be_visible(timeout=120_000)  # a fresh server first loads the data set
        _unlock_clients(page)
        _add(page, "Cara Diaz")
        _add(page, "Dev Patel")
        picker = page.get_by_role("combobox", name="Client")
        picker.click()
        page.get_by_role("option", name="Cara Diaz").click()
        _settle(page)
        expect(page.get_by_role("heading", name="Cara Diaz")).to_be_visible()
        page.reload()
        expect(page.get_by_role("heading", name="Clients", exact=True)).to_be_visible()
        _settle(page)
        expect(page.locator("[data-testid='stMain']")).not_to_contain_text("Cara Diaz")
        _unlock_clients(page)
        expect(page.get_by_role("heading", name="Cara Diaz")).to_be_visible()
        expect(page.get_by_role("combobox", name="Client")).to_have_value("Cara Diaz")
        _shot(page, "420px-clients-reopened-after-reload")
    finally:
        page.close()
