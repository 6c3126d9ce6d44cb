"""The multipage app: page config, navigation (``st.Page`` + ``st.navigation``), footer."""

from __future__ import annotations

import streamlit as st

from careerpivot.errors import CareerPivotError
from careerpivot.ui import (
    cache,
    counselor,
    nav,
    phone,
    state,
    tables,
    unsent,
    widgets,
    workspace,
)


def run() -> None:
    """Restore the person's workspace, run the chosen page, save what changed, show the
    data set footer."""
    st.set_page_config(page_title="CareerPivot", page_icon="🧭", layout="wide")
    workspace.begin()
    pages = [
        st.Page(str(p.path), title=p.title, icon=p.icon, default=p is nav.START)
        for p in nav.available_pages()
    ]
    current = st.navigation(pages, position="top")
    workspace.show_problem()
    on_clients = current.title == nav.CLIENTS.title
    # After a reload while working with a client: the passcode first, then their work.
    asking = not on_clients and nav.CLIENTS.available and counselor.resume_prompt()
    counselor.keep_in_address()
    if asking:
        workspace.finish()
        widgets.footer(cache.engine(state.dataset_name()))
        phone.fixes()
        unsent.keep()
        return
    client = state.profile_owner_name()
    if client and not on_clients:  # a counselor sees whose work this is
        st.caption(
            f":material/person: Showing the profile of client {tables.md(client)} "
            "(saved on the Clients page)."
        )
    try:
        current.run()
    except CareerPivotError as exc:  # a page should catch these itself; never show a traceback
        st.error(f"{exc}. Go back to the Start page and try again.")
    finally:  # also when a page moves to another one (st.switch_page ends the run early)
        workspace.finish()
    widgets.footer(cache.engine(state.dataset_name()))
    phone.fixes()
    unsent.keep()
