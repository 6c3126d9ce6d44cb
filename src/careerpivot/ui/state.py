"""Cross-page state: the data set, the profile, the shortlist, dismissed roles and the target.

These live in ``st.session_state`` under keys no widget owns (widget state is per
page and is dropped when the user moves to another page). Widgets copy their value
here in ``on_change`` callbacks.
"""

from __future__ import annotations

from typing import Any

import streamlit as st

from careerpivot.datasets.starter import STARTER_NAME
from careerpivot.filters import Filters
from careerpivot.model import Dataset
from careerpivot.profile import Profile
from careerpivot.ranking import SORT_KEYS

DATASET = "cp_dataset"
PROFILE = "cp_profile"
SHORTLIST = "cp_shortlist"
DISMISSED = "cp_dismissed"
TARGET = "cp_target"
FILTERS = "cp_filters"
PIVOT_COUNT = "cp_filters_k"  # how many pivots the Pivots page shows
PIVOT_SORT = "cp_filters_sort"  # the Pivots page's order ("realistic", "fit", "pay", ...)
PIVOT_COUNTS = (5, 10, 20, 30)  # the numbers of pivots a person can choose to see
PIVOT_SORTS: tuple[str, ...] = SORT_KEYS  # the orders the Pivots page offers
#: Choices made on other pages (kept in the workspace by :mod:`careerpivot.ui.choices`).
COMPARE_MODE = "cp_choice_compare_mode"  # "you" (you vs a role) or "roles" (role vs role)
COMPARE_SOURCE = "cp_choice_compare_source"  # the "From role" of role vs role
COMPARE_ONLY_GAPS = "cp_choice_compare_only_gaps"  # the gap table shows only what is missing
COMPARE_KINDS = "cp_choice_compare_kinds"  # the kinds of requirement the gap table shows
PLAN_WHAT_IF = "cp_choice_plan_what_if"  # the descriptor of "What if I learn..."
REJECTIONS_FOR = "cp_choice_rejections_for"  # the role the Rejections actions aim at
REJECTION_DRAFT = "cp_choice_rejections_draft"  # the add form's fields, before "Add"
ASSESSMENT_CV_TEXT = "cp_choice_assessment_cv_text"  # the skills and CV text, as typed
#: The tab open on a page (its name in the page's ``*_TABS``; none kept: the first tab).
PIVOTS_TAB = "cp_choice_pivots_tab"
REJECTIONS_TAB = "cp_choice_rejections_tab"
ASSESSMENT_TAB = "cp_choice_assessment_tab"
PIVOTS_TABS = ("suggestions", "map", "shortlist")
REJECTIONS_TABS = ("applications", "patterns", "actions", "roles")
ASSESSMENT_TABS = ("interests", "values", "skills", "text")
NOTICE = "cp_notice"
ANSWERS = "cp_answers"
#: The client a counselor is working with (set on the Clients page); None for the person.
CLIENT_LOADED = "cp_client_loaded"
#: The client whose record the session's profile came from or was saved to (None: built
#: in this session), so one client's profile is never filed under another by mistake.
PROFILE_OWNER = "cp_profile_owner"
PROFILE_OWNER_NAME = "cp_profile_owner_name"
#: Rejection logs kept in the session, per owner (see :mod:`careerpivot.ui.rejection_state`).
REJECTIONS = "cp_rejections"


def _get(key: str, default: Any) -> Any:
    return st.session_state.get(key, default)


def dataset_name() -> str:
    """Name of the data set in use (the starter set until the user picks another)."""
    return str(_get(DATASET, STARTER_NAME))


def set_dataset(name: str) -> None:
    """Switch data set; state that does not fit it is reconciled on the next :func:`fit_to`."""
    st.session_state[DATASET] = name


def profile() -> Profile | None:
    """The person's profile, or None before they start."""
    p = _get(PROFILE, None)
    return p if isinstance(p, Profile) else None


def set_profile(p: Profile | None) -> None:
    """Start (or stop) exploring from a profile; a new profile resets the target and
    belongs to no client until saved to one (:func:`own_profile`)."""
    st.session_state[PROFILE] = p
    st.session_state[TARGET] = None
    st.session_state.pop(PROFILE_OWNER, None)


def update_profile(p: Profile) -> None:
    """Replace the profile with an edited version of it (the target stays)."""
    st.session_state[PROFILE] = p


def saved_answers(name: str) -> Any:
    """Answers kept for a questionnaire (``None`` before the first answer)."""
    return st.session_state.get(f"{ANSWERS}_{name}")


def keep_answers(name: str, answers: Any) -> None:
    """Keep a questionnaire's answers for the rest of the session."""
    st.session_state[f"{ANSWERS}_{name}"] = answers


def shortlist() -> list[str]:
    """Codes of saved roles, in the order saved."""
    return list(_get(SHORTLIST, []))


def toggle_shortlist(code: str) -> None:
    """Save a role to the shortlist, or remove it if already there."""
    codes = shortlist()
    st.session_state[SHORTLIST] = (
        [c for c in codes if c != code] if code in codes else [*codes, code]
    )


def dismissed() -> list[str]:
    """Codes of roles the user asked not to see again."""
    return list(_get(DISMISSED, []))


def dismiss(code: str) -> None:
    """Hide a role from the suggestions (and drop it from the shortlist)."""
    if code not in dismissed():
        st.session_state[DISMISSED] = [*dismissed(), code]
    st.session_state[SHORTLIST] = [c for c in shortlist() if c != code]


def restore(code: str) -> None:
    """Show a dismissed role again."""
    st.session_state[DISMISSED] = [c for c in dismissed() if c != code]


def target() -> str | None:
    """The role being compared with or planned for."""
    t = _get(TARGET, None)
    return str(t) if t else None


def set_target(code: str | None) -> None:
    """Choose the role to compare with and plan for."""
    st.session_state[TARGET] = code


def filters() -> Filters:
    """Current Pivots-page filters (the profile's constraints until changed)."""
    f = _get(FILTERS, None)
    if isinstance(f, Filters):
        return f
    p = profile()
    return Filters() if p is None else p.constraints


def update_filters(**changes: Any) -> None:
    """Change some filters."""
    st.session_state[FILTERS] = filters().but(**changes)


def pivot_count() -> int:
    """How many pivots the Pivots page lists (10 until changed)."""
    k = _get(PIVOT_COUNT, 10)
    return k if isinstance(k, int) and k in PIVOT_COUNTS else 10


def set_pivot_count(k: int) -> None:
    """Show ``k`` pivots."""
    st.session_state[PIVOT_COUNT] = int(k)


def pivot_sort() -> str:
    """The order the Pivots page lists roles in ("realistic" until changed)."""
    order = _get(PIVOT_SORT, "realistic")
    return order if order in PIVOT_SORTS else "realistic"


def set_pivot_sort(order: str) -> None:
    """List pivots in this order (a key of the Pivots page's choices)."""
    st.session_state[PIVOT_SORT] = str(order)


def choice(key: str, default: Any = None) -> Any:
    """A choice made on a page (one of the ``*_MODE``/``*_SOURCE``/... keys), or ``default``."""
    return _get(key, default)


def set_choice(key: str, value: Any) -> None:
    """Keep a choice made on a page (``None`` forgets it)."""
    if value is None:
        st.session_state.pop(key, None)
    else:
        st.session_state[key] = value


def loaded_client() -> int | None:
    """Id of the client a counselor loaded on the Clients page, if any."""
    cid = _get(CLIENT_LOADED, None)
    return int(cid) if isinstance(cid, int) else None


def load_client(client_id: int) -> None:
    """Work with this client: the pages that keep records per client use theirs."""
    st.session_state[CLIENT_LOADED] = client_id


def profile_owner() -> int | None:
    """Id of the client whose record the session's profile is (None: nobody's yet)."""
    cid = _get(PROFILE_OWNER, None)
    return int(cid) if isinstance(cid, int) and profile() is not None else None


def own_profile(client_id: int, name: str = "") -> None:
    """Mark the session's profile as this client's (loaded from or saved to their record)."""
    st.session_state[PROFILE_OWNER] = client_id
    st.session_state[PROFILE_OWNER_NAME] = name


def profile_owner_name() -> str:
    """The name of the client whose profile the pages show ("" when nobody's)."""
    return str(_get(PROFILE_OWNER_NAME, "")) if profile_owner() is not None else ""


def forget_client(client_id: int) -> None:
    """Drop everything the session holds about a client (after erasing or archiving them),
    their profile and saved roles included."""
    if loaded_client() == client_id:
        st.session_state.pop(CLIENT_LOADED, None)
    if profile_owner() == client_id:
        set_profile(None)
        st.session_state[SHORTLIST] = []
        st.session_state[DISMISSED] = []
    logs = _get(REJECTIONS, None)
    if isinstance(logs, dict):
        logs.pop(client_owner(client_id), None)


def client_owner(client_id: int | None) -> str:
    """The key a client's records are kept under in the session ("self" for the person)."""
    return "self" if client_id is None else f"client-{client_id}"


def notice() -> str | None:
    """A one-time message for the next page shown (then forgotten)."""
    msg = st.session_state.pop(NOTICE, None)
    return str(msg) if msg else None


def fit_to(dataset: Dataset) -> None:
    """Drop state the data set does not know (after switching data sets), leaving a notice.

    A profile whose role the data set lacks is dropped (the user starts again);
    otherwise it keeps the ratings the data set knows. Cheap: call it on every run.
    """
    dropped: list[str] = []
    p = profile()
    if p is not None:
        role_ok = p.current_role is None or p.current_role in dataset.occupation_index
        if not role_ok:
            set_profile(None)
            dropped.append("your starting role, so start again from a role in this data set")
        else:
            kept, lost = p.restricted_to(dataset)
            if lost:
                st.session_state[PROFILE] = kept
                dropped.append(
                    f"{len(lost)} of the skills, knowledge areas and tools rated in the "
                    f"profile, so {'it is' if len(lost) == 1 else 'they are'} left out"
                )
    known = dataset.occupation_index
    for key, what in ((SHORTLIST, "saved roles"), (DISMISSED, "dismissed roles")):
        codes = list(_get(key, []))
        keep = [c for c in codes if c in known]
        if len(keep) != len(codes):
            st.session_state[key] = keep
            dropped.append(f"{len(codes) - len(keep)} {what}")
    t = target()
    if t is not None and t not in known:
        set_target(None)
        dropped.append("the chosen target role")
    if dropped:
        st.session_state[NOTICE] = (
            f"Data set {dataset.name!r} does not have " + "; ".join(dropped) + "."
        )
