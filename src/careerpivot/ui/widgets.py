"""Page pieces shared by several pages: the engine in use, the footer, role pickers."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager
from typing import Any

import streamlit as st

from careerpivot.datasets.starter import STARTER_NAME
from careerpivot.engine import TITLE_QUERY_MAX, Engine
from careerpivot.errors import CareerPivotError
from careerpivot.presentation import dataset_footer
from careerpivot.profile import Profile
from careerpivot.scoring import Pivot
from careerpivot.ui import cache, nav, state, tables
from careerpivot.ui.rejection_text import plain


def current_engine() -> Engine:
    """The engine of the chosen data set (falling back to the starter set if it fails)."""
    name = state.dataset_name()
    try:
        eng = cache.engine(name)
    except CareerPivotError as exc:
        st.error(
            f"Could not load data set {name!r}: {exc} Showing the starter data set instead; "
            "re-import the data set, then pick it again on the Start page."
        )
        state.set_dataset(STARTER_NAME)
        eng = cache.engine(STARTER_NAME)
    state.fit_to(eng.dataset)
    msg = state.notice()
    if msg:  # may name a client or a data set: plain text
        st.info(tables.md(msg))
    return eng


def working(what: str) -> AbstractContextManager[None]:
    """Progress for work that can take seconds on O*NET data: a spinner saying what is
    being worked out, with the time so far (shown only when it takes over half a second,
    so cached answers do not flicker)."""
    return st.spinner(what, show_time=True)


def footer(eng: Engine) -> None:
    """Data set name, version, provenance and notices, under every page."""
    st.divider()
    st.caption(tables.md(dataset_footer(eng.dataset)))  # plain text: O*NET keeps its *


def kept_tabs(labels: dict[str, str], key: str, choice_key: str) -> list[Any]:
    """``st.tabs`` that open on the tab the person had open, also after a reload.

    ``labels`` maps each tab's stable name (kept in the workspace under ``choice_key``)
    to its label, which may carry a count ("Shortlist (2)"). The tabs track which one is
    open (a click reruns the page); a tab other than the first is kept as a choice.
    """
    names = list(labels)
    default = _tabs_default(labels, key, state.choice(choice_key))
    tabs = st.tabs(list(labels.values()), default=default, key=key, on_change="rerun")
    for name, tab in zip(names, tabs, strict=True):
        if tab.open:
            state.set_choice(choice_key, None if name == names[0] else name)
    return list(tabs)


def _tabs_default(labels: dict[str, str], key: str, kept: Any) -> str | None:
    """The label the tabs open on: the kept tab's, worked out when the tabs are drawn anew
    (first in a session, back from another page, or with new labels), else as it was. The
    tabs' identity includes it: changing it after each click would redraw every tab."""
    shown = tuple(labels.values())
    drawn = st.session_state.get(f"{key}_drawn")
    if key in st.session_state and isinstance(drawn, tuple) and drawn[0] == shown:
        return drawn[1] if isinstance(drawn[1], str) else None
    default = labels.get(kept) if isinstance(kept, str) else None
    st.session_state[f"{key}_drawn"] = (shown, default)
    return default


def need_profile(what: str) -> None:
    """Say that a page needs a starting point, and where to get one."""
    st.info(
        f"To {what}, first tell CareerPivot where you are starting from: type your current "
        "or last job title on the Start page (or upload a profile file there)."
    )
    st.page_link(str(nav.START.path), label="Go to Start", icon=":material/explore:")


def start_label(eng: Engine, profile: Profile) -> str:
    """What the profile starts from, in words."""
    if profile.current_role and profile.current_role in eng.dataset.occupation_index:
        return eng.dataset.occupation(profile.current_role).title
    return profile.name or "your profile"


def role_choices(eng: Engine) -> list[str]:
    """Codes of the roles that can be compared (they carry ratings), sorted by title."""
    ds = eng.dataset
    codes = [o.code for o, ok in zip(ds.occupations, ds.scorable, strict=True) if ok]
    return sorted(codes, key=lambda c: ds.occupation(c).title)


def role_select(
    eng: Engine,
    label: str,
    key: str,
    default: str | None,
    *,
    on_change: Callable[[], None] | None = None,
    help: str | None = None,
) -> str | None:
    """A role picker: a title search box (:meth:`Engine.search`, the search every picker
    uses) above a select box. Without a search the box lists every comparable role,
    starting at ``default`` (none chosen without one); with one it lists the roles found,
    best first, and when the first ones fit about equally well it pre-selects none (None
    until the person chooses)."""
    choices = role_choices(eng)
    titles = {o.code: o.title for o in eng.dataset.occupations}
    query = st.text_input(
        f"Find by title ({label.lower()})",
        key=f"{key}_find",
        max_chars=TITLE_QUERY_MAX,
        placeholder="e.g. UX designer, RN, rideshare driver",
        help="Typos, abbreviations and other names for the same job are fine.",
    ).strip()
    new_search = st.session_state.get(f"{key}_searched") != query
    if new_search:  # a new search: start afresh
        st.session_state[f"{key}_searched"] = query
        st.session_state.pop(key, None)
    # Nothing to start from: choose nothing (a role picked for the person, the first of the
    # alphabet, made Compare set a role against itself).
    options = choices
    index: int | None = choices.index(default) if default in choices else None
    descriptions: dict[str, str] = {}
    ambiguous, loose, n_close = False, False, 0
    if query:
        result = cache.search(eng.dataset.name, query, limit=10)
        comparable = set(choices)
        found = [m for m in result if m.code in comparable]
        if found:
            options = [m.code for m in found]
            descriptions = {m.code: m.description for m in found}
            ambiguous, loose, n_close = result.ambiguous, result.loose, len(result.choices)
            index = 0  # the best match for what was typed
        else:
            st.info(
                f"No comparable role matches “{plain(query)}”; showing every role. Try a shorter "
                "or more common title."
            )
    if loose:
        st.caption(f"No close match for “{plain(query)}”. Did you mean:")
    elif ambiguous:
        st.caption(f"“{plain(query)}” fits several roles about equally well. Choose one:")
        for c in options[:n_close]:
            st.caption(f"**{plain(titles.get(c, c))}**: {plain(descriptions.get(c, ''))}")
    if new_search and query:
        # Said through the session, so the browser shows the role the page uses: the box
        # keeps its identity when its options change, and would go on showing the old one.
        st.session_state[key] = None if ambiguous or index is None else options[index]
    code = st.selectbox(
        label,
        options,
        index=0 if key in st.session_state else (None if ambiguous else index),
        key=key,
        format_func=lambda c: titles.get(c, c),
        on_change=on_change,
        placeholder="Choose one of the roles found",
        help=help or "Search by title above, or type here to filter the list.",
    )
    return None if code is None else str(code)


def chosen_role(key: str) -> str | None:
    """The role a :func:`role_select` holds (None while the person has yet to choose)."""
    value = st.session_state.get(key)
    return None if value is None else str(value)


def role_title(eng: Engine, code: str) -> str:
    """A role's title ("unknown role" if the data set lacks it)."""
    occ_index = eng.dataset.occupation_index
    return eng.dataset.occupation(code).title if code in occ_index else "unknown role"


def dataset_picker() -> None:
    """Choose the data set (the starter set first, then O*NET imports)."""
    infos = cache.datasets()
    names = [i.name for i in infos] or [STARTER_NAME]
    labels = {
        i.name: f"{i.name} — {i.provenance.source} (version {i.provenance.version})"
        + (", estimated ratings" if i.provenance.estimates else "")
        for i in infos
    }
    current = state.dataset_name()

    def changed() -> None:
        state.set_dataset(str(st.session_state["w_dataset"]))

    st.selectbox(
        "Data set",
        names,
        index=names.index(current) if current in names else 0,
        key="w_dataset",
        format_func=lambda n: labels.get(n, n),
        on_change=changed,
        help=(
            "The starter set (team estimates) is built in. Imported O\\*NET data sets "
            "appear here after `careerpivot data import-onet PATH`."
        ),
    )


def current_pivots(eng: Engine, profile: Profile) -> list[Pivot]:
    """The profile's pivots under the current filters, without dismissed roles (cached)."""
    f = state.filters()
    return cache.recommend(
        eng.dataset.name,
        cache.profile_key(profile),
        profile,
        state.pivot_count(),
        f.but(exclude=(*f.exclude, *state.dismissed())),
        sort_by=state.pivot_sort(),
    )


def default_target(eng: Engine, profile: Profile | None) -> str | None:
    """The role to open by default: the chosen target, else the first saved, else the top pivot."""
    t = state.target()
    if t is not None:
        return t
    saved = state.shortlist()
    if saved:
        return saved[0]
    if profile is None or profile.is_empty:
        return None
    try:
        top = current_pivots(eng, profile)
    except CareerPivotError:
        return None
    return top[0].code if top else None


def note_unrated(profile: Profile) -> None:
    """Say so when a profile has no skill ratings (every requirement then shows as missing)."""
    if not profile.ratings:
        st.info(
            "Your profile has no skill ratings yet, so every requirement shows as missing. "
            "Rate your skills on the Self-assessment page, or start from your last job on "
            "the Start page."
        )


def note_unscored_start(eng: Engine, profile: Profile) -> None:
    """Say so when the current role has no surveyed skill ratings in this data set (O*NET
    leaves some roles unrated): its ratings are estimated, borrowed from another role, or
    missing, so the suggestions rest on less than they seem to."""
    code = profile.current_role or profile.seeded_from
    ds = eng.dataset
    if not code or code not in ds.occupation_index:
        return
    occ = ds.occupation(code)
    note = occ.estimate_note
    seeded = profile.seeded_from
    if note:
        st.info(
            f"{occ.title} has no surveyed skill ratings in this data set. {note}. Your "
            "starting ratings are these estimates: adjust them on the Self-assessment page "
            "for sharper matches."
        )
    elif occ.unscored_reason and seeded and seeded != code and seeded in ds.occupation_index:
        st.info(
            f"{occ.unscored_reason} ({occ.title}), so your starting ratings are borrowed "
            f"from {ds.occupation(seeded).title}, its closest rated role. Adjust them on the "
            "Self-assessment page for sharper matches."
        )
    elif occ.unscored_reason:
        st.info(
            f"{occ.unscored_reason} ({occ.title}), so these suggestions rest on its tools, "
            "interests and work values only. For sharper matches, rate your skills on the "
            "Self-assessment page."
        )
