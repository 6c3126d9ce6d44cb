"""Pivots and Compare on a real O*NET 29.2 + BLS import, in headless Chromium, with screenshots.

Two people start from their job title: a financial analyst and a software developer (both
roles O*NET leaves unrated, so their ratings are estimated). For each, the Pivots page
and the Compare page of the first suggestion are saved under
``test-artifacts/screenshots/onet-*.png`` and checked as a person would read them: the
one gap model's summary on the card and in Compare, levels in words, the role's
description and tasks, the estimate notice, and "O*NET" with its asterisk.

``CAREERPIVOT_SCREENS_DATA_DIR`` may name a data folder that already holds the
``onet-29.2`` import (saves the import's minutes when re-running by hand).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from careerpivot.datasets.importing import import_onet
from careerpivot.engine import Engine
from careerpivot.presentation import fit_explained
from tests.e2e.server import running_app
from tests.e2e.test_browser import CHROMIUM, CHROMIUM_ARGS, TIMEOUT_MS, _settle, _shot

pytestmark = [pytest.mark.browser, pytest.mark.realdata]

PEOPLE = {
    "financial-analyst": ("financial analyst", "Financial and Investment Analysts"),
    "software-developer": ("software developer", "Software Developers"),
}


@pytest.fixture(scope="module")
def onet_data(onet_dir: Path, bls_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    given = os.environ.get("CAREERPIVOT_SCREENS_DATA_DIR")
    if given and (Path(given) / "datasets" / "onet-29.2").is_dir():
        return Path(given)
    data = tmp_path_factory.mktemp("onet-screens")
    import_onet(
        onet_dir,
        data_dir=data,
        oews=bls_dir / "oews_national_M2024_dl.xlsx",
        projections=bls_dir / "ep_occupation_2024_34.xlsx",
    )
    return data


@pytest.fixture(scope="module")
def onet_app(onet_data: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    if not CHROMIUM.exists():
        pytest.skip(f"Debian chromium not installed at {CHROMIUM} (apt-get install -y chromium)")
    env = {**os.environ, "CAREERPIVOT_DATA_DIR": str(onet_data)}
    log = tmp_path_factory.mktemp("onet-app") / "streamlit.log"
    with running_app(env, log, wait_s=90) as url:
        yield url


@pytest.fixture(scope="module")
def chromium(onet_app: str) -> Iterator[Any]:
    sync_api = pytest.importorskip("playwright.sync_api", reason="pip install playwright")
    sync_api.expect.set_options(timeout=90_000)  # first O*NET load builds indexes
    with sync_api.sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.mark.parametrize("who", list(PEOPLE))
def test_pivots_and_compare_on_onet(chromium: Any, onet_app: str, onet_data: Path, who: str):
    from playwright.sync_api import expect

    typed, title = PEOPLE[who]
    eng = Engine.load("onet-29.2", onet_data)
    page = chromium.new_page(viewport={"width": 1280, "height": 900})
    page.set_default_timeout(max(TIMEOUT_MS, 90_000))
    try:
        page.goto(onet_app)
        expect(page.get_by_role("heading", name="CareerPivot")).to_be_visible()
        _settle(page)
        page.get_by_role("combobox", name="Data set").click()
        page.get_by_role("option").filter(has_text="onet-29.2").first.click()
        _settle(page)
        box = page.get_by_role("textbox", name="Job title")
        box.fill(typed)
        box.press("Enter")
        _settle(page)
        page.locator("label").filter(has_text=title).first.click()
        page.get_by_role("button", name="Show my pivots").click()
        expect(page.get_by_role("heading", name="Pivots", exact=True)).to_be_visible()
        expect(page.get_by_text("Why it fits").first).to_be_visible()
        _settle(page)
        body = page.locator("[data-testid='stMain']").inner_text()
        # the start role is estimated, and the page says from what
        assert f"{title} has no surveyed skill ratings" in body
        assert "Estimated from" in body
        # the attribution reads "O*NET", asterisk included, never "ONET"
        assert "information from the O*NET Database" in body and "ONET" not in body
        # each card: the gap model's summary, levels in words, description with source
        assert "Meets " in body and " of 7 (" in body
        assert "Description and tasks: O*NET 29.2 (CC BY 4.0)" in body
        assert "Levels run 0-7" in body
        # Fit says what it measures, counted from the same rows as "Meets N of M"
        assert "measures how close you are overall" in body and " met in full, " in body
        _shot(page, f"onet-{who}-1-pivots")

        first = page.locator("h4").first.inner_text().split(". ", 1)[1]
        code = next(o.code for o in eng.dataset.occupations if o.title == first)
        report = eng.gap(eng.profile_for(_code_of(eng, title)), code)
        page.get_by_role("button", name="Compare").first.click()
        expect(page.get_by_role("heading", name="Compare", exact=True)).to_be_visible()
        expect(page.get_by_text(f"You → {first}")).to_be_visible()
        _settle(page)
        body = page.locator("[data-testid='stMain']").inner_text()
        assert report.summary in body  # the same sentence as on the card
        fit = eng.explain(eng.profile_for(_code_of(eng, title)), code)
        assert fit_explained(fit.score, report) in body  # and the same Fit sentence
        assert "ONET" not in body
        _shot(page, f"onet-{who}-2-compare")
    finally:
        page.close()


def _code_of(eng: Engine, title: str) -> str:
    return next(o.code for o in eng.dataset.occupations if o.title == title)
