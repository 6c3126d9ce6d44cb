"""Start page: find your current or last role by title and get a first list of pivots."""

from __future__ import annotations

import streamlit as st

from careerpivot.engine import Engine
from careerpivot.presentation import dataset_footer


@st.cache_resource(show_spinner="Loading the starter data...")
def _engine() -> Engine:
    return Engine.load()


eng = _engine()
st.title("CareerPivot")
st.write("Type your current or last job title to see roles your skills already fit.")
query = st.text_input("Job title", placeholder="e.g. data analyst")
if query:
    hits = eng.search(query, limit=5)
    if not hits:
        st.info("No role matches that title. Try a shorter or more common title.")
    else:
        choice = st.selectbox(
            "Did you mean", hits, format_func=lambda h: f"{h.title} (matched {h.matched})"
        )
        if choice is not None:
            for p in eng.recommend(eng.profile_for(choice.code), k=10):
                st.markdown(f"**{p.rank}. {p.title}** — fit {p.score:.0%}")
st.caption(dataset_footer(eng.dataset))
