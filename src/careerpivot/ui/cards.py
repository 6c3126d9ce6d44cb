"""The pivot card: why a role fits, what is missing, the numbers, and what to do with it."""

from __future__ import annotations

import streamlit as st

from careerpivot.model import Dataset
from careerpivot.scoring import Pivot
from careerpivot.ui import nav, state, tables


def pivot_card(ds: Dataset, p: Pivot, *, where: str, dismissable: bool = True) -> None:
    """One suggested role as a bordered card; ``where`` keeps widget keys unique per spot."""
    saved = p.code in state.shortlist()
    with st.container(border=True):
        st.markdown(f"#### {p.rank}. {p.title}")
        step = tables.zone_step(p.job_zone_step)
        st.caption(
            f"{p.major_group} · job zone {p.job_zone_label or p.job_zone or '?'} of 5 ({step})"
            + (" · on your shortlist" if saved else "")
        )
        st.progress(min(max(p.score, 0.0), 1.0), text=f"Fit {p.score:.0%}")
        report = p.gap
        if report is not None:
            st.markdown(tables.md(report.summary))
        why, missing, numbers = st.columns(3)
        with why:
            st.markdown("**Why it fits**")
            st.markdown(
                _bullets(
                    tables.card_strengths(report)
                    if report
                    else [tables.strength_line(n) for n in p.strengths[:3]],
                    "No important requirement is fully met yet.",
                )
            )
        with missing:
            st.markdown("**What is missing**")
            st.markdown(
                _bullets(
                    tables.card_missing(report)
                    if report
                    else [tables.gap_line(n) for n in p.gaps[:3]],
                    "Nothing important.",
                )
            )
        with numbers:
            st.markdown("**The numbers**")
            st.markdown(_bullets([f"{k}: {v}" for k, v in tables.pivot_numbers(p)], ""))
            st.caption(tables.numbers_source(ds, short=True))
        with st.container(horizontal=True):
            role_buttons(p.code, where=where)
            if dismissable:
                st.button(
                    "Not for me",
                    key=f"w_{where}_dismiss_{p.code}",
                    icon=":material/visibility_off:",
                    help="Hide this role from your suggestions (you can bring it back).",
                    on_click=state.dismiss,
                    args=(p.code,),
                )


def role_buttons(code: str, *, where: str) -> None:
    """Compare, Plan a route and shortlist buttons for one role (Pivots and Rejections pages)."""
    saved = code in state.shortlist()
    if st.button("Compare", key=f"w_{where}_cmp_{code}", icon=":material/compare_arrows:"):
        state.set_target(code)
        st.switch_page(nav.COMPARE.path)
    if st.button("Plan a route", key=f"w_{where}_plan_{code}", icon=":material/route:"):
        state.set_target(code)
        st.switch_page(nav.PLAN.path)
    st.button(
        "Remove from shortlist" if saved else "Save to shortlist",
        key=f"w_{where}_save_{code}",
        icon=":material/bookmark_remove:" if saved else ":material/bookmark_add:",
        on_click=state.toggle_shortlist,
        args=(code,),
    )


def _bullets(lines: list[str], empty: str) -> str:
    return "\n".join(f"- {tables.md(line)}" for line in lines) if lines else empty
