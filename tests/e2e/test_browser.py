"""End-to-end: the real app in headless Debian Chromium (Playwright), main flow, screenshots.

Starts ``streamlit run app.py`` on a free port, walks Start -> Pivots -> Compare -> Plan
-> Rejections (add an application, import a log, read each tab, open a suggested role)
at a laptop width and at a narrow (phone) width, and saves a screenshot of every page
under ``test-artifacts/screenshots/``. Skips with a reason when ``/usr/bin/chromium`` is
missing (CI installs it and turns the skip into a failure).
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from careerpivot.ui import nav
from tests.conftest import REPO
from tests.e2e.server import running_app

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
SHOTS = REPO / "test-artifacts" / "screenshots"
TIMEOUT_MS = 30_000

#: A rejection log to import: four data-analyst applications, three naming SQL.
LOG = {
    "schema_version": 1,
    "records": [
        {
            "id": f"r{n}",
            "role_title": title,
            "occupation_code": "15-2051.01",
            "organisation": org,
            "date": date,
            "channel": "posting",
            "stage_reached": stage,
            "outcome": "rejected",
            "feedback": feedback,
            "notes": "",
        }
        for n, (title, org, date, stage, feedback) in enumerate(
            [
                ("Data Analyst", "Northwind Retail", "2025-01-14", "screened",
                 "Your SQL wasn't strong enough for the reporting work."),
                ("BI Analyst", "Lumen Bank", "2025-02-21", "interviewed",
                 "We need someone who can write complex SQL queries and build Tableau "
                 "dashboards from day one."),
                ("Data Analyst", "Cobalt Logistics", "2025-03-10", "final_round",
                 "It was close, but we went with a candidate with more hands-on SQL."),
                ("Reporting Analyst", "Harbor Health", "2025-03-20", "applied", ""),
            ],
            1,
        )
    ],
}  # fmt: skip


@pytest.fixture(scope="module")
def app_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    if not CHROMIUM.exists():
        pytest.skip(f"Debian chromium not installed at {CHROMIUM} (apt-get install -y chromium)")
    tmp = tmp_path_factory.mktemp("app")
    env = {**os.environ, "CAREERPIVOT_DATA_DIR": str(tmp / "data")}  # starter set only
    with running_app(env, tmp / "streamlit.log") as url:
        yield url


@pytest.fixture(scope="module")
def browser(app_url: str) -> Iterator[Any]:
    sync_api = pytest.importorskip("playwright.sync_api", reason="pip install playwright")
    sync_api.expect.set_options(timeout=TIMEOUT_MS)  # a loaded CI machine can take seconds
    with sync_api.sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield b
        b.close()


def _settle(page: Any) -> None:
    """Wait until Streamlit has finished running the script and stays idle for a moment
    (on a loaded machine a rerun can start after the first idle check)."""
    idle = "() => !document.querySelector(\"[data-testid^='stStatusWidgetRunning']\")"
    page.wait_for_timeout(500)
    for _ in range(20):
        page.wait_for_function(idle, timeout=TIMEOUT_MS)
        page.wait_for_timeout(300)
        if page.evaluate(idle):
            return
    raise AssertionError("the app kept rerunning for 20 checks")


def _check_page(page: Any) -> None:
    """No traceback on the page and nothing wider than the window."""
    assert page.locator("[data-testid='stException']").count() == 0, "a traceback is shown"
    widths = page.evaluate(
        """() => {
            const main = document.querySelector("[data-testid='stMain']");
            return {doc: document.documentElement.scrollWidth, win: window.innerWidth,
                    main: main ? main.scrollWidth : 0, mainClient: main ? main.clientWidth : 0};
        }"""
    )
    assert widths["doc"] <= widths["win"] + 1, f"page scrolls sideways: {widths}"
    assert widths["main"] <= widths["mainClient"] + 1, f"page scrolls sideways: {widths}"


def _go_to(page: Any, title: str) -> None:
    """Open a page from the menu (the top bar, or the side panel a narrow window folds it
    into, which closes by itself once a page is chosen)."""
    from playwright.sync_api import expect

    expand = page.locator("[data-testid='stExpandSidebarButton']")
    folded = bool(expand.count()) and expand.is_visible()
    if folded:
        expand.click()
    page.get_by_role("link", name=title, exact=True).click()
    if folded:
        expect(page.locator("[data-testid='stSidebar']")).to_have_attribute(
            "data-collapsed", "true"
        )


def _rejections(page: Any, width: int, tmp: Path) -> None:
    """The Rejections page in the session of the main flow (the profile carries over)."""
    from playwright.sync_api import expect

    _go_to(page, "Rejections")
    expect(page.get_by_role("heading", name="Rejections", exact=True)).to_be_visible()
    expect(page.get_by_text("Add your first application")).to_be_visible()
    _shot(page, f"{width}px-6-rejections-1-empty")

    page.get_by_role("textbox", name="Role title").fill("data scientist")
    page.get_by_role("textbox", name="Role title").press("Enter")
    _settle(page)
    occupation = page.get_by_role("combobox", name="Matching occupation")
    expect(occupation).to_have_value("Data Scientists")  # the best match, chosen for you
    page.get_by_role("textbox", name="Organisation").fill("Quanta Health")
    page.get_by_role("textbox", name="What they told you").fill(
        "Your statistics knowledge was not deep enough for this role."
    )
    page.get_by_role("button", name="Add application").click()
    _settle(page)
    expect(page.get_by_text("Added data scientist at Quanta Health")).to_be_visible()
    # The form is empty again, with the cursor back in its first field, ready for the next.
    title = page.get_by_role("textbox", name="Role title").first
    expect(title).to_have_value("")
    expect(title).to_be_focused()
    expect(page.get_by_role("textbox", name="Organisation").first).to_have_value("")
    expect(page.get_by_role("textbox", name="What they told you").first).to_have_value("")

    log = tmp / f"log-{width}.json"
    log.write_text(json.dumps(LOG), encoding="utf-8")
    page.get_by_text("Import or export the log").click()
    uploader = page.get_by_test_id("stFileUploader").filter(has_text="Add applications from")
    uploader.locator("input[type='file']").set_input_files(str(log))
    page.get_by_role("button", name="Add them to the log").click()
    _settle(page)  # the first analysis also fits the feedback classifier
    expect(page.get_by_role("tab", name="Applications (5)")).to_be_visible()
    _shot(page, f"{width}px-6-rejections-2-applications")

    page.get_by_role("tab", name="Patterns").click()
    expect(page.get_by_text("SQL was named in 3 of 5 rejections").first).to_be_visible()
    expect(page.locator(".js-plotly-plot").first).to_be_visible()
    _shot(page, f"{width}px-6-rejections-3-patterns")
    page.get_by_role("tab", name="Actions").click()
    expect(page.get_by_text("Ask for specific feedback")).to_be_visible()
    _shot(page, f"{width}px-6-rejections-4-actions")
    page.get_by_role("tab", name="Other roles").click()
    expect(page.get_by_text("Why look at other roles")).to_be_visible()
    _shot(page, f"{width}px-6-rejections-5-other-roles")
    first = page.locator("h4").filter(has_text="1. ").first.inner_text().split(". ", 1)[1]
    page.get_by_role("button", name="Compare").first.click()
    expect(page.get_by_role("heading", name="Compare", exact=True)).to_be_visible()
    expect(page.get_by_text(f"You → {first}")).to_be_visible()


PASSCODE = "a good passcode 1"


def _unlock_clients(page: Any) -> None:
    """On the Clients page: set the counselor passcode (first visit) or enter it."""
    _settle(page)
    if page.get_by_text("Set the counselor passcode").count():
        page.get_by_role("textbox", name="New passcode", exact=True).fill(PASSCODE)
        page.get_by_role("textbox", name="The same passcode again").fill(PASSCODE)
        page.get_by_role("button", name="Set the passcode").click()
    else:
        code = page.get_by_role("textbox", name="Counselor passcode")
        code.fill(PASSCODE)
        code.press("Enter")
    _settle(page)


def _shot(page: Any, name: str) -> None:
    """A screenshot of the whole page (the app scrolls inside its main section, so grow the
    window to the content height first)."""
    _settle(page)
    _check_page(page)
    size = page.viewport_size
    height = page.evaluate(
        "() => (document.querySelector(\"[data-testid='stMain']\") || document.body).scrollHeight"
    )
    page.set_viewport_size({"width": size["width"], "height": min(int(height) + 40, 12000)})
    page.wait_for_timeout(700)
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)
    page.set_viewport_size(size)
    page.wait_for_timeout(200)


@pytest.mark.parametrize("width", [1280, 420], ids=["laptop", "narrow"])
def test_main_flow_title_to_plan(browser: Any, app_url: str, width: int, tmp_path: Path) -> None:
    from playwright.sync_api import expect

    page = browser.new_page(viewport={"width": width, "height": 900})
    page.set_default_timeout(TIMEOUT_MS)
    outside: list[str] = []
    page.on(
        "request",
        lambda req: (
            outside.append(req.url) if not req.url.startswith((app_url, "data:", "blob:")) else None
        ),
    )
    try:
        page.goto(app_url)
        expect(page.get_by_role("heading", name="CareerPivot")).to_be_visible()
        box = page.get_by_role("textbox", name="Job title")
        box.fill("sofware developer")
        box.press("Enter")
        expect(page.get_by_text("Which of these is it?")).to_be_visible()
        expect(page.get_by_text("Software Developers").first).to_be_visible()
        _shot(page, f"{width}px-1-start")

        page.get_by_role("button", name="Show my pivots").click()
        expect(page.get_by_role("heading", name="Pivots", exact=True)).to_be_visible()
        expect(page.get_by_text("Why it fits").first).to_be_visible()
        expect(page.get_by_text("estimates").last).to_be_visible()  # footer notice
        _shot(page, f"{width}px-2-pivots")

        page.get_by_role("tab", name="Map of nearby roles").click()
        expect(page.locator(".js-plotly-plot").first).to_be_visible()
        # Clicking a role on the map opens it (plotly selection event -> rerun -> card).
        suggested = page.locator(".js-plotly-plot .scatterlayer .trace").nth(2).locator(".point")
        box = suggested.first.bounding_box()
        page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
        opened = page.locator("[data-testid='stSelectbox']").filter(has_text="Open a role")
        expect(opened).not_to_contain_text("Click a role on the map")
        _shot(page, f"{width}px-3-pivots-map")
        page.get_by_role("tab", name="Suggestions").click()

        first_card_title = page.locator("h4").first.inner_text()
        page.get_by_role("button", name="Compare").first.click()
        expect(page.get_by_role("heading", name="Compare", exact=True)).to_be_visible()
        role = first_card_title.split(". ", 1)[1]
        expect(page.get_by_text(f"You → {role}")).to_be_visible()
        expect(page.locator(".js-plotly-plot").first).to_be_visible()
        _shot(page, f"{width}px-4-compare")

        page.get_by_role("button", name=f"Plan a route to {role}").click()
        expect(page.get_by_role("heading", name="Plan", exact=True)).to_be_visible()
        expect(page.get_by_text(f"What to learn for {role}")).to_be_visible()
        expect(page.locator("[data-testid='stGraphVizChart'] svg").first).to_be_visible()
        _shot(page, f"{width}px-5-plan")

        if nav.REJECTIONS.available:
            _rejections(page, width, tmp_path)

        for n, spec in enumerate((nav.ASSESSMENT, nav.CLIENTS), 7):
            if spec.available:  # pages over optional cores: opened by address (a new session)
                page.goto(f"{app_url}/{Path(spec.file).stem}")
                expect(page.get_by_role("heading", name=spec.title, exact=True)).to_be_visible()
                if spec is nav.CLIENTS:  # add a client through the form, to see a record
                    _unlock_clients(page)
                    expander = page.get_by_text("Add a client")
                    if not page.get_by_role("textbox", name="Name", exact=True).is_visible():
                        expander.click()
                    name = page.get_by_role("textbox", name="Name", exact=True)
                    name.fill(f"Ana {width}")
                    name.blur()  # let the form take the value before the button is pressed
                    page.get_by_role("button", name="Add client").click()
                    expect(page.get_by_role("heading", name=f"Ana {width}")).to_be_visible()
                _shot(page, f"{width}px-{n}-{Path(spec.file).stem}")
    finally:
        page.close()
    assert not outside, f"the app fetched from outside its own server: {outside[:5]}"
