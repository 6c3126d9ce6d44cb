"""Start: find your current or last role by title (or upload a profile) and get pivots."""

from __future__ import annotations

import zlib

import streamlit as st

from careerpivot.engine import TITLE_QUERY_MAX, Engine
from careerpivot.errors import CareerPivotError
from careerpivot.profile import parse_profile
from careerpivot.ui import cache, my_data, nav, state, widgets
from careerpivot.ui.rejection_text import plain
from careerpivot.ui.tables import md


def main() -> None:
    """The Start page."""
    eng = widgets.current_engine()
    st.title("CareerPivot")
    st.markdown(
        "Find the roles your skills already fit, see exactly what stands between you and "
        "each one, and plan the shortest route there."
    )
    prof = state.profile()
    if prof is not None:
        with st.container(border=True):
            st.markdown(f"You are exploring from **{md(widgets.start_label(eng, prof))}**.")
            st.page_link(str(nav.PIVOTS.path), label="See your pivots", icon=":material/alt_route:")

    st.subheader("Your current or last job")
    _find_role(eng)
    if nav.ASSESSMENT.available:
        st.page_link(
            str(nav.ASSESSMENT.path),
            label="Or answer the questionnaires instead",
            help="Interests, work values and skills; answer as many as you like.",
            icon=":material/checklist:",
        )

    st.subheader("Or start from a profile file")
    _upload(eng)
    my_data.panel("start")

    if len(cache.datasets()) > 1:
        st.subheader("Data set")
        widgets.dataset_picker()
    else:
        with st.expander("Data set"):
            widgets.dataset_picker()


def _find_role(eng: Engine) -> None:
    query = st.text_input(
        "Job title",
        placeholder="e.g. software developer, registered nurse, bookkeeper",
        key="w_start_query",
        max_chars=TITLE_QUERY_MAX,
        help="Spelling mistakes and other names for the same job are fine.",
    )
    if not query.strip():
        st.caption("Type a title and press Enter.")
        return
    result = cache.search(eng.dataset.name, query.strip())
    if not result:
        st.info(
            f"No role in data set {md(repr(eng.dataset.name))} matches “{md(query.strip())}”. "
            "Try a "
            "shorter or more common title (for example “nurse” rather than “night-shift "
            "ICU nurse”), or check the spelling."
        )
        return
    shown = result.choices if result.ambiguous else result.matches
    labels = {h.code: _label(h.title, h.matched) for h in shown}
    if result.loose:
        st.caption(
            f"No close match for “{plain(query.strip())}”. Did you mean "
            + ("one of these?" if len(shown) > 1 else "this?")
            + " If not, try another title."
        )
    elif result.ambiguous:
        st.caption(
            f"“{plain(query.strip())}” fits {len(shown)} roles about equally well. "
            "Choose the one you mean."
            if len(shown) > 1
            else f"“{plain(query.strip())}” is only a loose match for the role below: choose "
            "it if it is what you mean, or try another title."
        )
    code = st.radio(
        "Which of these is it?",
        list(labels),
        index=None if result.ambiguous else 0,  # close matches: the person chooses
        format_func=lambda c: md(labels[c]),
        captions=[md(h.description) for h in shown],
        key=f"w_start_pick_{zlib.crc32(query.strip().lower().encode()):08x}",
    )
    if st.button(
        "Show my pivots", type="primary", icon=":material/alt_route:", disabled=code is None
    ):
        state.set_profile(eng.profile_for(str(code)))
        st.switch_page(nav.PIVOTS.path)


def _label(title: str, matched: str) -> str:
    """A search hit, naming the other title it was found by when that says something new."""
    if matched.lower().rstrip("s") in title.lower():
        return title
    return f"{title} (also called “{matched}”)"


def _upload(eng: Engine) -> None:
    st.caption(
        "A profile file is the JSON that `careerpivot profile init --role TITLE` writes; "
        "edit its ratings (levels 0-7) to describe yourself."
    )
    upload = st.file_uploader("Profile file (JSON)", type=["json"], key="w_start_upload")
    if upload is None:
        return
    try:
        text = upload.getvalue().decode("utf-8")
        prof, dropped = parse_profile(text, source=upload.name).restricted_to(eng.dataset)
        prof.check(eng.dataset)
    except UnicodeDecodeError:
        st.error(f"{md(upload.name)} is not a text file. Upload the JSON file of a profile.")
        return
    except CareerPivotError as exc:
        st.error(
            f"This file cannot be used: {md(str(exc))}. Fix the named field, or write a fresh file "
            "with `careerpivot profile init --role TITLE`."
        )
        return
    if prof.is_empty:
        st.info(
            f"{md(upload.name)} has no ratings, interests or work values, so there is nothing to "
            "match. Add some ratings, or type your job title above instead."
        )
        return
    if dropped:
        st.warning(
            f"{len(dropped)} ratings in {md(upload.name)} name skills this data set does not "
            "have; they were left out."
        )
    st.success(f"Read {md(upload.name)}: {len(prof.ratings)} ratings.")
    if st.button("Show pivots for this profile", type="primary", icon=":material/alt_route:"):
        state.set_profile(prof)
        st.switch_page(nav.PIVOTS.path)


main()
