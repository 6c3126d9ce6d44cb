"""The counselor's passcode and the client they work with, on every page.

"Work with this client's profile" (Clients page) makes every page show that client's
work. The address names the client on every page (``?with=ID``), so a reload, the
back button or the link opened in a new tab carries on with them once the counselor
passcode is entered again; without the passcode the id shows nothing.
"""

from __future__ import annotations

import math
from typing import Any

import streamlit as st

from careerpivot.errors import CareerPivotError
from careerpivot.ui import cache, nav, state

#: The URL query parameter naming the client the pages work with.
WITH = "with"
UNLOCKED = "cp_counselor_unlocked"  # True once the passcode was entered in this session
PENDING = "cp_client_with_pending"  # the client the address named when the session began
READ = "cp_client_with_read"  # True once this session looked at the address


def _store() -> Any:
    from careerpivot.store import database_url

    return cache.store(database_url())


def unlocked(store: Any) -> bool:
    """True once the counselor passcode was entered in this session; else ask for it."""
    if st.session_state.get(UNLOCKED):
        return True
    from careerpivot.store.lockout import lockout_for

    code = st.text_input("Counselor passcode", type="password", key="w_passcode")
    if st.button("Unlock", type="primary") or code:
        # Wrong passcodes meet a growing delay, shared by every browser session.
        result = lockout_for(store.url).attempt(store.check_passcode, code)
        if result.ok:
            st.session_state[UNLOCKED] = True
            st.rerun()
        if result.failures and result.wait_s:
            st.error(
                "That passcode is not right, or came too soon after a wrong one. Try again "
                f"in {math.ceil(result.wait_s)} s. Ask whoever set up CareerPivot here for it."
            )
        else:
            st.error("That passcode is not right. Ask whoever set up CareerPivot here for it.")
    return False


def work_with(snap: Any) -> None:
    """Work with this client: their saved profile (if any), roles, answers and rejection log.

    Without a saved profile, a profile another client's record put in the session is
    dropped (it is not this client's); one built in this session is kept to be saved.
    """
    before = state.loaded_client()
    if snap.profile is None and before is not None and before != snap.client.id:
        state.set_profile(None)
        st.session_state[state.SHORTLIST] = []
        st.session_state[state.DISMISSED] = []
    if snap.profile is not None:
        made_on = snap.profile_dataset
        if (
            made_on
            and made_on != state.dataset_name()
            and made_on in {i.name for i in cache.datasets()}
        ):
            state.set_dataset(made_on)  # the profile's ratings and roles are that set's
            st.session_state[state.NOTICE] = (
                f"Switched to data set {made_on!r}, the one {snap.client.name}'s profile was "
                "made on."
            )
        state.set_profile(snap.profile)
        state.own_profile(snap.client.id, snap.client.name)
        st.session_state[state.SHORTLIST] = [r.role_code for r in snap.shortlisted]
        st.session_state[state.DISMISSED] = list(snap.dismissed)
    if snap.answers and nav.ASSESSMENT.available:
        from careerpivot.assessment import AnswerSheet

        for name, sheet in snap.answers.items():
            try:
                state.keep_answers(name, AnswerSheet.model_validate(sheet))
            except ValueError:
                continue  # left in the record as it is
            for key in [k for k in st.session_state if str(k).startswith(f"w_{name}_")]:
                del st.session_state[key]
    state.load_client(snap.client.id)


def pending() -> int | None:
    """The client the address named when this session began (a reload, or the link opened
    in a new tab), until the session works with them or goes on without; else ``None``."""
    if not st.session_state.get(READ):  # once per session: later, the session decides
        st.session_state[READ] = True
        named = str(st.query_params.get(WITH, ""))
        if named.isdigit():
            st.session_state[PENDING] = int(named)
    cid = st.session_state.get(PENDING)
    if state.loaded_client() is not None or not isinstance(cid, int):
        return None
    return cid


def keep_in_address() -> None:
    """Name the client the pages work with in the address (none: drop it)."""
    cid = state.loaded_client()
    if cid is not None:
        if st.query_params.get(WITH) != str(cid):
            st.query_params[WITH] = str(cid)
    elif pending() is None:
        st.query_params.pop(WITH, None)


def decline() -> None:
    """Go on without the client the address names (this session's own work shows)."""
    st.session_state.pop(PENDING, None)
    st.query_params.pop(WITH, None)


def resume(store: Any) -> None:
    """Once unlocked: work with the client the address names again (if still on record)."""
    cid = pending()
    if cid is None:
        return
    try:
        snap = store.load_client(cid)
    except CareerPivotError:
        decline()
        st.session_state[state.NOTICE] = (
            "The client this page was working with is no longer in the records (erased, or "
            "the address was changed). Choose a client on the Clients page."
        )
        return
    st.session_state.pop(PENDING, None)
    work_with(snap)


def resume_prompt() -> bool:
    """On a page other than Clients, after a reload: ask for the passcode to carry on with
    the client the address names. True while the prompt stands in for the page."""
    if pending() is None:
        return False
    from sqlalchemy.exc import SQLAlchemyError

    try:
        store = _store()
        locked = store.passcode_required()
    except (CareerPivotError, SQLAlchemyError):
        decline()
        return False
    if not locked:  # no passcode was ever set: the address names no one here
        decline()
        return False
    if not st.session_state.get(UNLOCKED):
        st.info(
            ":material/lock: This page was working with a client's records. Enter the "
            "counselor passcode to carry on with them, or choose “Not now” to go on "
            "without them."
        )
        if not unlocked(store):
            st.button("Not now", on_click=decline, key="w_with_decline")
            return True
    resume(store)
    return False
