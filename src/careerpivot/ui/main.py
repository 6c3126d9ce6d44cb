"""Navigation: the multipage app (st.Page + st.navigation)."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

VIEWS = Path(__file__).parent / "views"


def run() -> None:
    """Build the navigation and run the selected page."""
    st.set_page_config(page_title="CareerPivot", page_icon="🧭", layout="wide")
    pages = [st.Page(str(VIEWS / "start.py"), title="Start", icon="🧭", default=True)]
    st.navigation(pages).run()
