"""A counselor working with a client reloads, goes back and forward, opens a new tab.

Before: after "Work with this client's profile", a reload on Pivots (or the address
opened in a new tab) showed an empty Pivots page: the client was gone from every page
but Clients.
"""

from __future__ import annotations

import re
from typing import Any

import pytest

from tests.e2e.test_browser import TIMEOUT_MS, _go_to, _settle, _shot, _unlock_clients
from tests.e2e.test_clients_browser import _add

pytestmark = pytest.mark.browser
SLOW_MS = 120_000  # a reload starts a new session: on a loaded machine it takes a while


def _passcode_again(page: Any) -> None:
    from tests.e2e.test_browser import PASSCODE

    code = page.get_by_role("textbox", name="Counselor passcode")
    code.fill(PASSCODE)
    code.press("Enter")
    _settle(page)


@pytest.mark.parametrize("width", [1280, 420], ids=["laptop", "narrow"])
def test_a_reload_keeps_working_with_the_client(browser: Any, app_url: str, width: int) -> None:
    from playwright.sync_api import expect

    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    page.set_default_timeout(TIMEOUT_MS)
    name = f"Rosa Quinn {width}"
    try:
        page.goto(f"{app_url}/clients")
        expect(page.get_by_role("heading", name="Clients", exact=True)).to_be_visible(
            timeout=120_000
        )
        _unlock_clients(page)
        _add(page, name)
        _go_to(page, "Start")
        box = page.get_by_role("textbox", name="Job title")
        box.fill("bookkeeper")
        box.press("Enter")
        _settle(page)
        page.get_by_role("button", name="Show my pivots").click()
        expect(page.get_by_role("heading", name="Pivots", exact=True)).to_be_visible()
        _go_to(page, "Clients")
        expect(page.get_by_role("heading", name=name)).to_be_visible()
        page.get_by_role("button", name="Save the current profile, shortlist and plan").click()
        _settle(page)
        page.get_by_role("button", name="Work with this client's profile").click()
        _settle(page)
        expect(page.get_by_role("heading", name="Pivots", exact=True)).to_be_visible()
        banner = page.get_by_text(f"Showing the profile of client {name}")
        expect(banner).to_be_visible()
        _go_to(page, "Compare")
        _settle(page)
        expect(page.get_by_role("heading", name="Compare", exact=True)).to_be_visible()
        expect(banner).to_be_visible()
        expect(page).to_have_url(re.compile(r"/compare\?.*with=\d+"))

        page.reload()  # the session starts again: the passcode, then the client
        _settle(page)
        expect(page.get_by_text("This page was working with a client's records")).to_be_visible(
            timeout=SLOW_MS
        )
        expect(page.locator("[data-testid='stMain']")).not_to_contain_text("Rosa")
        _shot(page, f"{width}px-client-reload-asks-passcode")
        _passcode_again(page)
        expect(page.get_by_role("heading", name="Compare", exact=True)).to_be_visible(
            timeout=SLOW_MS
        )
        expect(banner).to_be_visible(timeout=SLOW_MS)
        _shot(page, f"{width}px-client-reload-carries-on")

        page.go_back()  # back to Pivots, same session: still the client
        _settle(page)
        expect(page.get_by_role("heading", name="Pivots", exact=True)).to_be_visible(
            timeout=SLOW_MS
        )
        expect(banner).to_be_visible(timeout=SLOW_MS)
        page.go_forward()
        _settle(page)
        expect(page.get_by_role("heading", name="Compare", exact=True)).to_be_visible(
            timeout=SLOW_MS
        )
        expect(banner).to_be_visible(timeout=SLOW_MS)

        other = context.new_page()  # the address opened in a new tab
        other.set_default_timeout(TIMEOUT_MS)
        other.goto(page.url)
        expect(other.get_by_role("textbox", name="Counselor passcode")).to_be_visible(
            timeout=SLOW_MS
        )
        _settle(other)
        _passcode_again(other)
        expect(other.get_by_text(f"Showing the profile of client {name}")).to_be_visible(
            timeout=SLOW_MS
        )
        other.close()
    finally:
        context.close()
