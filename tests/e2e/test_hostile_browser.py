"""End-to-end with hostile data: every page in real Chromium makes no outside request and
creates no link or image from text that came from a person or a file.

The app runs on an imported data set whose role titles, descriptions and alternate titles
are Markdown links, images and HTML pointing at ``evil.example``, with a client whose
name, contact, notes, shortlist note and rejection log are the same. Every request the
page makes is recorded; anything not to the app's own loopback server is blocked and
fails the test. Screenshots go to ``test-artifacts/screenshots/hostile-*.png``.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import Any

import pytest

from careerpivot.ui import nav
from tests.e2e.server import running_app
from tests.e2e.test_browser import CHROMIUM, CHROMIUM_ARGS, SHOTS, TIMEOUT_MS
from tests.security.hostile import OUTSIDE, TRIED
from tests.security.hostile_data import PASSCODE, load_hostile

pytestmark = pytest.mark.browser

LINKS_FROM_DATA = f"[href*='{OUTSIDE}'], [src*='{OUTSIDE}'], [srcset*='{OUTSIDE}'], iframe"


@pytest.fixture(scope="module")
def hostile_app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    if not CHROMIUM.exists():
        pytest.skip(f"Debian chromium not installed at {CHROMIUM} (apt-get install -y chromium)")
    tmp = tmp_path_factory.mktemp("hostile-app")
    data = tmp / "data"
    load_hostile(tmp, data, f"sqlite:///{data / 'careerpivot.db'}")
    env = {**os.environ, "CAREERPIVOT_DATA_DIR": str(data)}
    env.pop("CAREERPIVOT_DB_URL", None)
    with running_app(env, tmp / "streamlit.log", config_only=True) as url:
        yield url


def _settle(page: Any) -> None:
    idle = "() => !document.querySelector(\"[data-testid^='stStatusWidgetRunning']\")"
    page.wait_for_timeout(500)
    for _ in range(20):
        page.wait_for_function(idle, timeout=TIMEOUT_MS)
        page.wait_for_timeout(300)
        if page.evaluate(idle):
            return
    raise AssertionError("the app kept rerunning for 20 checks")


def _go_to(page: Any, title: str) -> None:
    page.get_by_role("link", name=title, exact=True).click()
    _settle(page)


def _pick(page: Any, label: str, option_text: str) -> None:
    """Choose an option of a Streamlit select box by a part of its text."""
    page.get_by_role("combobox", name=label).click()
    page.get_by_role("option").filter(has_text=option_text).first.click()
    _settle(page)


def test_every_page_with_hostile_data(hostile_app: str) -> None:
    from playwright.sync_api import expect, sync_playwright

    outside: list[str] = []
    checked: list[str] = []

    def route(r: Any) -> None:
        if r.request.url.startswith((hostile_app, "data:", "blob:")):
            r.continue_()
        else:
            outside.append(r.request.url)
            r.abort()

    def check(page: Any, name: str, *, expect_hostile: bool = True) -> None:
        _settle(page)
        TRIED["browser pages"] += 1
        assert page.locator("[data-testid='stException']").count() == 0, f"{name}: traceback"
        made = page.locator(LINKS_FROM_DATA)
        found = [made.nth(i).evaluate("e => e.outerHTML")[:200] for i in range(made.count())]
        assert not found, f"{name}: elements made from data: {found[:3]}"
        if expect_hostile:  # the hostile text is there, shown as text
            assert OUTSIDE in page.inner_text("[data-testid='stMain']"), f"{name}: not reached"
        SHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SHOTS / f"hostile-{name}.png"), full_page=True)
        checked.append(name)

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 1000})
        page.set_default_timeout(TIMEOUT_MS)
        page.route("**/*", route)
        expect.set_options(timeout=TIMEOUT_MS)
        try:
            page.goto(hostile_app)
            _settle(page)
            _pick(page, "Data set", "66.6")
            box = page.get_by_role("textbox", name="Job title")
            box.fill("click")
            box.press("Enter")
            check(page, "start")
            _go_to(page, "Clients")
            code = page.get_by_label("Counselor passcode")
            code.fill(PASSCODE)
            code.press("Enter")
            _settle(page)
            _pick(page, "Client", OUTSIDE)
            check(page, "clients")
            page.get_by_role("button", name="Work with this client's profile").click()
            expect(page.get_by_role("heading", name="Pivots", exact=True)).to_be_visible()
            check(page, "pivots")
            page.get_by_role("tab", name="Map of nearby roles").click()
            check(page, "pivots-map")
            page.get_by_role("tab", name="Suggestions").click()
            page.get_by_role("button", name="Compare").first.click()
            expect(page.get_by_role("heading", name="Compare", exact=True)).to_be_visible()
            check(page, "compare")
            _go_to(page, "Plan")
            check(page, "plan")
            _go_to(page, nav.ASSESSMENT.title)
            check(page, "assessment", expect_hostile=False)
            if nav.REJECTIONS.available:
                _go_to(page, "Clients")
                page.get_by_role("button", name="Open the rejection log").click()
                expect(page.get_by_role("heading", name="Rejections", exact=True)).to_be_visible()
                check(page, "rejections")
                for tab in ("Patterns", "Actions", "Other roles"):
                    page.get_by_role("tab", name=tab).click()
                    check(page, f"rejections-{tab.lower().replace(' ', '-')}", expect_hostile=False)
        finally:
            page.close()
            browser.close()
    assert len(checked) >= 7
    assert not outside, f"the app fetched from outside its own server: {outside[:5]}"
