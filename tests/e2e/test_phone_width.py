"""End-to-end at phone width (420 px) in headless Chromium: the menu closes after a
choice, answer labels stay on one line, the gap table keeps its key columns in view."""

from __future__ import annotations

import re
from typing import Any

import pytest

from careerpivot.ui import nav
from careerpivot.ui.tables import GAP_KEY_COLUMNS_PX
from tests.e2e.test_browser import TIMEOUT_MS, _check_page, _settle, _shot

pytestmark = pytest.mark.browser
WIDTH = 420
COLD_START_MS = 120_000  # the first page of a fresh server loads the data set


@pytest.fixture
def phone(browser: Any) -> Any:
    context = browser.new_context(viewport={"width": WIDTH, "height": 900})
    page = context.new_page()
    page.set_default_timeout(TIMEOUT_MS)
    yield page
    context.close()


def test_the_menu_closes_after_a_page_is_chosen(phone: Any, app_url: str) -> None:
    from playwright.sync_api import expect

    phone.goto(app_url)
    expect(phone.get_by_role("heading", name="CareerPivot")).to_be_visible(timeout=COLD_START_MS)
    _settle(phone)
    sidebar = phone.locator("[data-testid='stSidebar']")
    for title in ("Pivots", "Plan", "Start"):
        phone.locator("[data-testid='stExpandSidebarButton']").click()
        expect(sidebar).to_have_attribute("data-collapsed", "false")
        phone.get_by_role("link", name=title, exact=True).click()
        expect(sidebar).to_have_attribute("data-collapsed", "true")  # closed by itself
        expect(phone.get_by_role("heading", name=title.replace("Start", "CareerPivot")).first)
        _settle(phone)
        _check_page(phone)


@pytest.mark.skipif(not nav.ASSESSMENT.available, reason="no careerpivot.assessment")
def test_answer_labels_stay_on_one_line(phone: Any, app_url: str) -> None:
    from playwright.sync_api import expect

    phone.goto(f"{app_url}/assessment")
    expect(phone.get_by_role("heading", name="Self-assessment", exact=True)).to_be_visible()
    expect(phone.get_by_text("Strongly like").first).to_be_visible()
    _settle(phone)
    lines = phone.evaluate(
        """() => [...document.querySelectorAll("[data-testid='stRadio'] [role='radiogroup'] label p")]
            .filter(p => p.offsetParent !== null)
            .map(p => {
                const lh = parseFloat(getComputedStyle(p).lineHeight)
                    || 1.6 * parseFloat(getComputedStyle(p).fontSize);
                return [p.textContent, Math.round(p.getBoundingClientRect().height / lh)];
            })"""
    )
    assert any(text.replace("\xa0", " ") == "Strongly like" for text, _ in lines), lines
    wrapped = [(text, n) for text, n in lines if n > 1]
    assert not wrapped, f"answer labels broken over lines: {wrapped[:5]}"
    _shot(phone, f"{WIDTH}px-p1-assessment-answers")


def _compare_first_pivot(phone: Any, app_url: str, title: str) -> None:
    """Start from a typed job title, show the pivots and open Compare on the first one."""
    from playwright.sync_api import expect

    phone.goto(app_url)
    box = phone.get_by_role("textbox", name="Job title")
    expect(box).to_be_visible(timeout=COLD_START_MS)
    box.fill(title)
    box.press("Enter")
    phone.get_by_role("button", name="Show my pivots").click()
    expect(phone.get_by_role("heading", name="Pivots", exact=True)).to_be_visible()
    phone.get_by_role("button", name="Compare").first.click()
    expect(phone.get_by_role("heading", name="Compare", exact=True)).to_be_visible()
    _settle(phone)


def test_the_gap_table_keeps_you_in_view(phone: Any, app_url: str) -> None:

    _compare_first_pivot(phone, app_url, "software developer")
    phone.get_by_text("Only what is missing").click()  # every requirement, met or not
    _settle(phone)
    table = phone.locator("[data-testid='stDataFrame']").filter(visible=True).first
    table.scroll_into_view_if_needed()
    _settle(phone)
    shown = table.bounding_box()
    # The grid draws on a canvas: what is in view is what fits its width. Requirement,
    # Gap, Needed and You come first and must fit, with nothing cut off to the left.
    assert shown["x"] >= 0 and shown["x"] + shown["width"] <= WIDTH
    assert sum(GAP_KEY_COLUMNS_PX) <= shown["width"], (GAP_KEY_COLUMNS_PX, shown)
    table.screenshot(path=str(_shot_path("p2-compare-gap-table")))
    _shot(phone, f"{WIDTH}px-p3-compare")


def test_a_phone_reads_the_most_urgent_gaps_in_full(phone: Any, app_url: str) -> None:
    """Before: the table cut long names ("Customer and Personal S") and left priority and
    hours out of view; now a list above it names them in full, on a phone only."""
    from playwright.sync_api import expect

    _compare_first_pivot(phone, app_url, "cashier")
    listed = phone.locator(".st-key-cp_cmp_phone_list")
    expect(listed).to_be_visible()
    expect(listed).to_contain_text("Most urgent to close")
    expect(listed).to_contain_text(re.compile(r"priority · about [\d,]+ h"))
    first = listed.locator("li").first
    box_ = first.bounding_box()
    assert box_ is not None and box_["x"] >= 0 and box_["x"] + box_["width"] <= WIDTH
    listed.scroll_into_view_if_needed()
    _check_page(phone)
    listed.screenshot(path=str(_shot_path("p4-compare-urgent-list")))

    phone.set_viewport_size({"width": 1280, "height": 900})  # a laptop: the table alone
    phone.wait_for_timeout(500)
    expect(listed).to_be_hidden()


def _shot_path(name: str) -> Any:
    from tests.e2e.test_browser import SHOTS

    SHOTS.mkdir(parents=True, exist_ok=True)
    return SHOTS / f"{WIDTH}px-{name}.png"
