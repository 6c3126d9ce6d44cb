"""The Compare table's headers read in full at a normal browser width (headless Chromium).

The grid draws on a canvas, so a header cut short ("Importanc", "Needed (0-7") shows
only in a screenshot. The grid's hidden accessible table names the headers shown; each
is measured in the page with the grid's own header font and must fit its fixed-width
column with the cell padding.
"""

from __future__ import annotations

from typing import Any

import pytest

from careerpivot.ui.tables import GAP_REQUIREMENT_PX, gap_headers
from tests.e2e.test_browser import TIMEOUT_MS, _settle, _shot

pytestmark = pytest.mark.browser

#: Glide Data Grid's horizontal cell padding (8 px a side) and a pixel of slack.
PADDING_PX = 17

MEASURE = """(labels) => {
    const grid = [...document.querySelectorAll("[data-testid='stDataFrame'] *")]
        .find(e => getComputedStyle(e).getPropertyValue('--gdg-header-font-style'));
    const s = getComputedStyle(grid);
    const ctx = document.createElement('canvas').getContext('2d');
    ctx.font = s.getPropertyValue('--gdg-header-font-style') + ' '
        + s.getPropertyValue('--gdg-font-family');
    return Object.fromEntries(labels.map(t => [t, ctx.measureText(t).width]));
}"""

HEADERS = """() => [...document.querySelectorAll(
    "[data-testid='stDataFrame'] [role='columnheader'], [data-testid='stDataFrame'] th")]
    .map(e => e.textContent)"""


def headers_cut_short(page: Any, current_label: str = "You") -> dict[str, tuple[float, int]]:
    """Header -> (its text width + padding, its column width) for every fixed-width
    column of the visible gap table whose header does not fit."""
    shown = page.evaluate(HEADERS)
    widths = {"Requirement": GAP_REQUIREMENT_PX}
    widths.update({h.label: h.width for h in gap_headers(current_label).values()})
    fixed = [t for t in shown if t in widths]
    assert len(fixed) >= 4, shown  # requirement, gap, needed and yours at least
    px = page.evaluate(MEASURE, fixed)
    return {t: (px[t] + PADDING_PX, widths[t]) for t in fixed if px[t] + PADDING_PX > widths[t]}


def test_compare_headers_read_in_full(browser: Any, app_url: str) -> None:
    from playwright.sync_api import expect

    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.set_default_timeout(TIMEOUT_MS)
    try:
        page.goto(app_url)
        box = page.get_by_role("textbox", name="Job title")
        expect(box).to_be_visible(timeout=120_000)
        box.fill("software developer")
        box.press("Enter")
        page.get_by_role("button", name="Show my pivots").click()
        expect(page.get_by_role("heading", name="Pivots", exact=True)).to_be_visible()
        page.get_by_role("button", name="Compare").first.click()
        expect(page.get_by_role("heading", name="Compare", exact=True)).to_be_visible()
        _settle(page)
        page.get_by_text("Only what is missing").click()  # every requirement and column
        _settle(page)
        headers = page.evaluate(HEADERS)
        for label in ("Gap", "Needed", "You", "Hours", "Importance"):
            assert label in headers, headers
        assert not headers_cut_short(page)
        table = page.locator("[data-testid='stDataFrame']").filter(visible=True).first
        table.scroll_into_view_if_needed()
        _settle(page)
        table.screenshot(path=str(_table_path("compare-gap-table")))

        page.get_by_text("Role vs role", exact=True).click()  # the source is a role now
        _settle(page)
        expect(page.locator("[data-testid='stDataFrame'] th", has_text="From")).to_have_count(1)
        assert not headers_cut_short(page, "From role")
        _shot(page, "1280px-compare-role-vs-role")
    finally:
        page.close()


def _table_path(name: str) -> Any:
    from tests.e2e.test_browser import SHOTS

    SHOTS.mkdir(parents=True, exist_ok=True)
    return SHOTS / f"1280px-{name}.png"
