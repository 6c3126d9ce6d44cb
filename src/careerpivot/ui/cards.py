"""The pivot card: why a role fits, what is missing, the numbers, and what to do with it."""

from __future__ import annotations

import streamlit as st

from careerpivot.engine import Engine
from careerpivot.facts import RoleFacts
from careerpivot.model import Dataset
from careerpivot.presentation import fit_explained
from careerpivot.scoring import Pivot
from careerpivot.ui import nav, state, tables


def pivot_card(
    ds: Dataset,
    p: Pivot,
    *,
    where: str,
    dismissable: bool = True,
    facts: RoleFacts | None = None,
) -> None:
    """One suggested role as a bordered card; ``where`` keeps widget keys unique per spot.

    ``facts`` (from :meth:`careerpivot.engine.Engine.facts`) adds the role's description,
    its top tasks and a note when BLS publishes one figure for a group of roles.
    """
    saved = p.code in state.shortlist()
    with st.container(border=True):
        st.markdown(f"#### {p.rank}. {tables.md(p.title)}")
        step = tables.zone_step(p.job_zone_step)
        st.caption(
            f"{tables.md(p.major_group)} · job zone {p.job_zone_label or p.job_zone or '?'} of 5 "
            f"({step})"
            + (" · ratings estimated" if p.estimate_note else "")
            + (" · on your shortlist" if saved else "")
        )
        if facts is not None:
            _what_the_work_is(facts)
        st.progress(min(max(p.score, 0.0), 1.0), text=f"Fit {p.score:.0%}")
        report = p.gap
        if report is not None:
            st.markdown(tables.md(report.summary))
        st.caption(tables.md(fit_explained(p.score, report)))
        if p.estimate_note:  # the source rates no skills for it: say what the figures rest on
            st.caption(tables.md(f"{p.title}: {p.estimate_note}."))
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
            if facts is not None and facts.figures_note:
                st.caption(tables.md(facts.figures_note))
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


def _what_the_work_is(facts: RoleFacts) -> None:
    if facts.description:
        st.markdown(tables.md(facts.description))
    if facts.tasks:
        with st.expander(f"Top tasks ({len(facts.tasks)})"):
            st.markdown("\n".join(f"- {tables.md(t)}" for t in facts.tasks))
    if facts.description or facts.tasks:
        st.caption(tables.md(f"Description and tasks: {facts.source}"))


def similar_roles(eng: Engine, p: Pivot) -> None:
    """The other roles of the card's occupation group, folded under it until opened, each
    with its own fit and numbers and the same buttons as a card."""
    names = "; ".join(s.title for s in p.similar)
    with st.expander(tables.md(f"Similar: {names}"), icon=":material/unfold_more:"):
        st.caption(
            tables.md(
                f"Roles of the same occupation group as {p.title}, shown one per group in the "
                "list so that it spans more kinds of work. Fit is each role's own."
            )
        )
        for s in p.similar:
            occ = eng.dataset.occupation(s.code)
            numbers = [
                f"Fit {s.score:.0%}",
                f"median wage {tables.usd(occ.median_wage)}",
                f"outlook, 10 years: {tables.pct_change(occ.outlook_pct)}",
                f"openings a year: {tables.count(occ.annual_openings)}",
            ]
            estimated = " (ratings estimated)" if occ.is_estimated else ""
            st.markdown(f"**{tables.md(s.title)}**{estimated}: " + tables.md("; ".join(numbers)))
            if occ.is_estimated:
                st.caption(tables.md(f"{s.title}: {occ.estimate_note}."))
            shared = eng.facts(s.code).figures_note
            if shared:
                st.caption(tables.md(shared))
            with st.container(horizontal=True):
                role_buttons(s.code, where=f"sim_{p.code}")
        st.caption(tables.numbers_source(eng.dataset, short=True))


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
