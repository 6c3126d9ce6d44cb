"""End-to-end: a person's workspace in real headless Chromium (Playwright).

A reload keeps everything; the private link opened in a new browser context (no
cookies, no storage: another browser, or another computer on the same server)
brings it back; "Download my data" then "Upload my data" in a fresh context
restores it; a counselor turns the workspace into a client. Screenshots at 1280
and 420 px go to ``test-artifacts/screenshots/``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlparse

import pytest

from careerpivot.ui import nav
from tests.e2e.test_browser import TIMEOUT_MS, _go_to, _settle, _shot, _unlock_clients

pytestmark = pytest.mark.browser


def _token(page: Any) -> str:
    found = parse_qs(urlparse(page.url).query).get("w", [""])[0]
    assert len(found) == 32, f"no workspace token in {page.url}"
    return found


def _new_page(browser: Any, width: int) -> tuple[Any, Any]:
    context = browser.new_context(viewport={"width": width, "height": 900}, accept_downloads=True)
    page = context.new_page()
    page.set_default_timeout(TIMEOUT_MS)
    return context, page


def _start(page: Any, app_url: str) -> None:
    from playwright.sync_api import expect

    page.goto(app_url)
    box = page.get_by_role("textbox", name="Job title")
    expect(box).to_be_visible(timeout=120_000)  # a fresh server first loads the data set
    box.fill("software developer")
    box.press("Enter")
    page.get_by_role("button", name="Show my pivots").click()
    expect(page.get_by_role("heading", name="Pivots", exact=True)).to_be_visible()
    _settle(page)


def _open_panel(page: Any) -> None:
    panel = page.get_by_text("Your data: private link, download, upload, start over")
    if not page.get_by_role("button", name="Download my data").is_visible():
        panel.click()


@pytest.mark.parametrize("width", [1280, 420], ids=["laptop", "narrow"])
def test_reload_link_download_upload_and_client(
    browser: Any, app_url: str, width: int, tmp_path: Path
) -> None:
    from playwright.sync_api import expect

    context, page = _new_page(browser, width)
    try:
        _start(page, app_url)
        first = page.locator("h4").first.inner_text().split(". ", 1)[1]
        page.get_by_role("button", name="Save to shortlist").first.click()
        expect(page.get_by_role("tab", name="Shortlist (1)")).to_be_visible()
        _settle(page)
        token = _token(page)

        # Moving between pages keeps the link in the address bar.
        _go_to(page, "Plan")
        expect(page.get_by_role("heading", name="Plan", exact=True)).to_be_visible()
        _settle(page)
        assert _token(page) == token

        # A reload keeps everything.
        page.reload()
        expect(page.get_by_role("heading", name="Plan", exact=True)).to_be_visible()
        _go_to(page, "Pivots")
        expect(page.get_by_role("tab", name="Shortlist (1)")).to_be_visible()
        assert _token(page) == token
        _open_panel(page)
        expect(page.get_by_text(f"?w={token}")).to_be_visible()
        _shot(page, f"{width}px-w1-pivots-your-data")

        # Download my data.
        with page.expect_download() as info:
            page.get_by_role("button", name="Download my data").click()
        saved = tmp_path / "my-data.json"
        info.value.save_as(saved)
        assert '"format": "careerpivot-workspace"' in saved.read_text(encoding="utf-8")
    finally:
        context.close()

    # The link in a new browser context (no cookies or storage carried over).
    context, page = _new_page(browser, width)
    try:
        page.goto(f"{app_url}/pivots?w={token}")
        expect(page.get_by_role("heading", name="Pivots", exact=True)).to_be_visible()
        expect(page.get_by_role("tab", name="Shortlist (1)")).to_be_visible()
        page.get_by_role("tab", name="Shortlist (1)").click()
        expect(page.get_by_text(first).filter(visible=True).first).to_be_visible()
        _shot(page, f"{width}px-w2-link-in-new-context")
    finally:
        context.close()

    # Upload the downloaded file in another fresh context: everything is back.
    context, page = _new_page(browser, width)
    try:
        page.goto(app_url)
        expect(page.get_by_role("heading", name="CareerPivot")).to_be_visible()
        _settle(page)
        _open_panel(page)
        uploader = page.get_by_test_id("stFileUploader").filter(has_text="Upload my data")
        uploader.locator("input[type='file']").set_input_files(str(saved))
        page.get_by_role("button", name="Use this file (replaces what is here now)").click()
        expect(page.get_by_text("Loaded your data file.")).to_be_visible()
        expect(page.get_by_text("You are exploring from")).to_be_visible()
        _settle(page)
        uploaded_token = _token(page)
        assert uploaded_token != token
        _shot(page, f"{width}px-w3-start-after-upload")
        _go_to(page, "Pivots")
        expect(page.get_by_role("tab", name="Shortlist (1)")).to_be_visible()

        if nav.CLIENTS.available:
            _to_client(page, width, uploaded_token, first)
    finally:
        context.close()


def _to_client(page: Any, width: int, token: str, shortlisted: str) -> None:
    """A counselor, in the same browser, sets the passcode and turns the workspace into a client."""
    from playwright.sync_api import expect

    _go_to(page, "Clients")
    expect(page.get_by_role("heading", name="Clients", exact=True)).to_be_visible()
    _unlock_clients(page)
    _shot(page, f"{width}px-w4-clients")
    page.get_by_text("Turn a person's workspace into a client").click()
    page.get_by_role("textbox", name="Their private link").fill(f"http://x/?w={token}")
    name = page.get_by_role("textbox", name="Client name")
    name.fill(f"Workspace Person {width}")
    name.blur()
    page.get_by_role("button", name="Make them a client").click()
    expect(page.get_by_role("heading", name=f"Workspace Person {width}")).to_be_visible()
    expect(page.get_by_text(shortlisted).first).to_be_visible()
    _shot(page, f"{width}px-w5-client-from-workspace")
