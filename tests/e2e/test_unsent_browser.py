"""Text typed but not yet sent comes back after a reload (ui/unsent.py, in Chromium).

Before: feedback pasted into the rejection form and a CV paragraph on Self-assessment
were lost on a reload unless the person had first left the box (the CV text even then).
"""

from __future__ import annotations

import re
from typing import Any

import pytest

from tests.e2e.test_browser import TIMEOUT_MS, _settle, _shot

pytestmark = pytest.mark.browser

FEEDBACK = "We went with someone with more SQL and Tableau. <b>Keep</b> *trying*"


def _reload(page: Any) -> None:
    page.reload()
    _settle(page)
    page.wait_for_timeout(500)  # the kept text goes back in once the boxes are drawn
    _settle(page)


def _open_add_form(page: Any) -> Any:
    from playwright.sync_api import expect

    expect(page.get_by_text("Add an application")).to_be_visible(timeout=120_000)
    _settle(page)
    box = page.get_by_role("textbox", name="What they told you")
    if not box.count() or not box.is_visible():
        page.get_by_text("Add an application").click()
        _settle(page)
    return box


def test_rejection_feedback_typed_but_not_added_survives_a_reload(
    browser: Any, app_url: str
) -> None:
    from playwright.sync_api import expect

    context = browser.new_context(viewport={"width": 420, "height": 900})
    page = context.new_page()
    page.set_default_timeout(TIMEOUT_MS)
    try:
        page.goto(f"{app_url}/rejections")
        expect(page.get_by_role("heading", name="Rejections", exact=True)).to_be_visible(
            timeout=120_000
        )
        _settle(page)
        _open_add_form(page).fill(FEEDBACK)
        page.get_by_role("textbox", name="Your own notes").fill("Practise joins")
        _reload(page)  # straight away: the boxes were never left
        expect(_open_add_form(page)).to_have_value(FEEDBACK)
        expect(page.get_by_role("textbox", name="Your own notes")).to_have_value("Practise joins")
        _shot(page, "420px-rejections-unsent-feedback-back")

        # Back in the box, it is sent and saved as typed: the private link has it too.
        elsewhere = browser.new_context(viewport={"width": 420, "height": 900}).new_page()
        elsewhere.set_default_timeout(TIMEOUT_MS)
        expect(page).to_have_url(re.compile(r"\?w="))
        elsewhere.goto(page.url)
        _settle(elsewhere)
        expect(_open_add_form(elsewhere)).to_have_value(FEEDBACK)
        elsewhere.context.close()

        title = page.get_by_role("textbox", name="Role title")
        title.fill("Data Analyst")
        title.press("Enter")
        _settle(page)
        org = page.get_by_role("textbox", name="Organisation")
        org.fill("Northwind Retail")
        org.press("Enter")
        _settle(page)
        page.get_by_role("button", name="Add application").click()
        _settle(page)
        expect(page.get_by_text("Added")).to_be_visible()
        _reload(page)  # added: nothing comes back into the empty form
        expect(_open_add_form(page)).to_have_value("")
        expect(page.get_by_role("textbox", name="Your own notes")).to_have_value("")
    finally:
        context.close()


def test_cv_text_typed_on_self_assessment_survives_a_reload(browser: Any, app_url: str) -> None:
    from playwright.sync_api import expect

    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.set_default_timeout(TIMEOUT_MS)
    try:
        page.goto(f"{app_url}/assessment")
        expect(page.get_by_role("heading", name="Self-assessment", exact=True)).to_be_visible(
            timeout=120_000
        )
        page.get_by_role("tab", name="Skills from your CV").click()
        _settle(page)
        box = page.get_by_role("textbox", name="Your skills, tools and experience")
        box.fill("SQL, Tableau, ran a team of 5")
        _reload(page)
        box = page.get_by_role("textbox", name="Your skills, tools and experience")
        expect(box).to_have_value("SQL, Tableau, ran a team of 5")
        expect(page.get_by_text("Found in what you wrote")).to_be_visible()
        _shot(page, "1280px-assessment-cv-text-back")
    finally:
        page.close()
