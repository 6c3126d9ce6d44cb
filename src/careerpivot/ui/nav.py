"""The app's pages in menu order: one list, read by the app, the tests and the README check.

A page is a file under ``ui/views/``. A page built on a core package that may be
absent names it in ``requires``; it joins the menu only when that package can be
imported, so the menu never shows an empty page. A new page is a view file plus one
line in :data:`PAGES`.
"""

from __future__ import annotations

import importlib.util
from dataclasses import dataclass
from pathlib import Path

VIEWS = Path(__file__).resolve().parent / "views"


@dataclass(frozen=True)
class PageSpec:
    """One page: its view file, menu title and icon."""

    file: str
    title: str
    icon: str
    requires: str | None = None  # core package the page is built on, if not always present

    @property
    def path(self) -> Path:
        """Absolute path of the page's script (what ``st.switch_page`` takes)."""
        return VIEWS / self.file

    @property
    def available(self) -> bool:
        """True when the page's file exists and its core package can be imported."""
        if not self.path.is_file():
            return False
        return self.requires is None or importlib.util.find_spec(self.requires) is not None


START = PageSpec("start.py", "Start", ":material/explore:")
ASSESSMENT = PageSpec(
    "assessment.py", "Self-assessment", ":material/checklist:", requires="careerpivot.assessment"
)
PIVOTS = PageSpec("pivots.py", "Pivots", ":material/alt_route:")
COMPARE = PageSpec("compare.py", "Compare", ":material/compare_arrows:")
PLAN = PageSpec("plan.py", "Plan", ":material/route:")
REJECTIONS = PageSpec(
    "rejections.py", "Rejections", ":material/assignment_late:", requires="careerpivot.rejections"
)
CLIENTS = PageSpec("clients.py", "Clients", ":material/groups:", requires="careerpivot.store")

#: Every page in menu order: the person's flow and their rejection log, then the
#: counselor's page.
PAGES: tuple[PageSpec, ...] = (START, ASSESSMENT, PIVOTS, COMPARE, PLAN, REJECTIONS, CLIENTS)


def available_pages() -> list[PageSpec]:
    """Pages to show, in menu order."""
    return [p for p in PAGES if p.available]
