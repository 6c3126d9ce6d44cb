"""Rejections: log applications and what was said; see the patterns, what to do about them,
and roles where the person is stronger. Every finding comes from :mod:`careerpivot.rejections`.
"""

from __future__ import annotations

import zlib

import streamlit as st
from sqlalchemy.exc import SQLAlchemyError

from careerpivot.engine import Engine
from careerpivot.errors import CareerPivotError
from careerpivot.profile import Profile
from careerpivot.rejections import (
    CATEGORY_NAMES,
    ActionPlan,
    Pattern,
    RecordAnalysis,
    Redirect,
    RedirectRole,
    RejectionLog,
    Review,
    follow_up_message,
    funnel_counts,
)
from careerpivot.rejections.followup import FOLLOW_UP_KINDS, follow_up_kind
from careerpivot.rejections.practice import STAR_HINT
from careerpivot.rejections.records import STAGE_NAMES
from careerpivot.rejections.redirect import fit_reason
from careerpivot.ui import cache, cards, figures, nav, state, tables, widgets
from careerpivot.ui import rejection_form as form
from careerpivot.ui import rejection_state as rs
from careerpivot.ui import rejection_text as rt

AUTO = ""  # the target choice "the role most rejections were for"


def main() -> None:
    """The Rejections page."""
    eng = widgets.current_engine()
    st.title("Rejections")
    st.markdown(
        "Log each application and what you were told. From the rejections, CareerPivot "
        "finds what keeps coming up, suggests what to do about it, and points to roles "
        "where your strengths count for more."
    )
    try:
        kept = rs.kept()
    except (CareerPivotError, SQLAlchemyError) as exc:
        reason = str(getattr(exc, "orig", None) or exc).splitlines()[0]
        st.error(
            f"This client's rejection log could not be read ({tables.md(reason)}). Open the client "
            "again on the Clients page, or check the database there."
        )
        return
    if kept.client_id is not None:
        st.caption(
            f"{tables.md(kept.client_name)}'s rejection log: every change is saved to their record."
        )
    if kept.unread:
        st.warning(
            f"{tables.counted(len(kept.unread), 'stored application')} could not be read, "
            "left as stored in the client's record: " + "; ".join(kept.unread)
        )
    form.show_flash()
    log = kept.log
    tab_log, tab_patterns, tab_actions, tab_roles = widgets.kept_tabs(
        dict(
            zip(
                state.REJECTIONS_TABS,
                [f"Applications ({len(log.records)})", "Patterns", "Actions", "Other roles"],
                strict=True,
            )
        ),
        "w_rej_tab",
        state.REJECTIONS_TAB,
    )
    with tab_log:
        _applications(eng, log)
    if not log.rejections:
        for tab in (tab_patterns, tab_actions, tab_roles):
            with tab:
                st.info(
                    "Nothing to analyse yet. Add the applications that ended in a rejection "
                    "(or no answer), with what they told you, on the Applications tab."
                )
        return
    fitted, moved = log.without_unknown_roles(eng.dataset)
    if moved:
        st.info(
            f"{tables.counted(len(moved), 'application')} name roles data set "
            f"{tables.md(repr(eng.dataset.name))} does not have; they are grouped by their "
            "role title here."
        )
    prof = state.profile()
    review: Review | None = None
    problem = ""
    if prof is not None and not prof.is_empty:
        with tab_actions:
            target = _target_choice(eng, fitted)
        try:
            review = rs.review(
                eng.dataset.name,
                rs.log_key(fitted),
                fitted,
                cache.profile_key(prof),
                prof,
                target or None,
                kept.client_name or prof.name,
            )
        except CareerPivotError as exc:
            problem = f"Cannot work out actions for this profile: {tables.md(str(exc))}."
    if review is not None:
        analyses, patterns = review.analyses, review.patterns
    else:
        analyses, patterns = rs.analyse(eng.dataset.name, rs.log_key(fitted), fitted)
    with tab_patterns:
        _patterns(fitted, analyses, patterns)
    with tab_actions:
        if review is not None:
            _actions(eng, fitted, review.plan)
        else:
            _no_review(problem, "turn these patterns into a learning plan and interview practice")
        _follow_up(fitted, analyses, kept.client_name or (prof.name if prof else ""))
    with tab_roles:
        if review is not None and prof is not None:
            _redirect(eng, fitted, review.redirect, prof)
        else:
            _no_review(problem, "see roles where this matters less")


def _applications(eng: Engine, log: RejectionLog) -> None:
    # The same containers on every run, filled or not: when the first application comes
    # in, what follows keeps its place and the browser does not redraw it.
    with st.container():
        if not log.records:
            st.info(
                "Add your first application: the role, the organisation, how far it got and "
                "what they told you. Or import a log you kept (CSV or JSON) below."
            )
    form.add_form(eng, expanded=not log.records)
    with st.container():
        if log.records:
            st.dataframe(
                rt.records_frame(log),
                hide_index=True,
                column_config={"Role": st.column_config.TextColumn(width="medium", pinned=True)},
            )
            form.edit_form(eng, log)
    form.import_export(log)


def _no_review(problem: str, what: str) -> None:
    if problem:
        st.error(problem)
    else:
        widgets.need_profile(what)


# ----- patterns -------------------------------------------------------------------------------
def _patterns(log: RejectionLog, analyses: list[RecordAnalysis], patterns: list[Pattern]) -> None:
    st.subheader("What each rejection said")
    rejected = sorted(
        (a for a in analyses if a.classification is not None),
        key=lambda a: (a.record.date, a.record.id),
        reverse=True,
    )
    st.markdown("\n".join(f"- {rt.analysis_line(a)}" for a in rejected))
    st.caption(
        "Categories come from a classifier trained on feedback phrases the CareerPivot team "
        f"wrote; feedback it is unsure about counts as {CATEGORY_NAMES['generic'].lower()}."
    )
    st.subheader("Patterns")
    if not patterns:
        st.info(
            "No pattern yet: a pattern needs at least two applications behind it. Keep "
            "logging, with the feedback you get."
        )
    for p in patterns:
        with st.container(border=True):
            st.markdown(rt.plain(p.sentence))  # it quotes the titles people typed
            st.caption("Evidence: " + rt.plain(rt.evidence(log, p.evidence)))
    st.subheader("How far applications got")
    counts = funnel_counts(log.records)
    names = [STAGE_NAMES[s].capitalize() for s in counts]
    st.plotly_chart(
        figures.funnel_figure(names, list(counts.values())),
        config={"displayModeBar": False, "scrollZoom": False},
        key="w_rej_funnel",
        alt="Funnel of how many applications reached each stage; the same numbers are in "
        "the table below it.",
    )
    with st.expander("The funnel as a table"):
        st.dataframe(rt.funnel_frame(counts), hide_index=True)


# ----- actions --------------------------------------------------------------------------------
def _target_choice(eng: Engine, log: RejectionLog) -> str:
    """The role to plan actions for: automatic (the one most rejections were for) or chosen."""
    codes = list(dict.fromkeys(r.occupation_code for r in log.rejections if r.occupation_code))
    if len(codes) < 2:
        return AUTO
    titles = {o.code: o.title for o in eng.dataset.occupations}
    options = [AUTO, *codes]
    kept = state.choice(state.REJECTIONS_FOR)
    return str(
        st.selectbox(
            "Plan the actions for",
            options,
            index=options.index(kept) if kept in options else 0,
            format_func=lambda c: titles[c] if c else "The role most of these rejections were for",
            key="w_rej_target",
            on_change=lambda: state.set_choice(
                state.REJECTIONS_FOR, st.session_state["w_rej_target"] or None
            ),
        )
    )


def _actions(eng: Engine, log: RejectionLog, plan: ActionPlan) -> None:
    st.markdown(
        f"What to do, aimed at **{tables.md(plan.target_title)}**, most frequent feedback first."
    )
    if not plan.actions:
        st.info(
            "No action yet: the feedback so far says nothing specific. Ask for specifics with "
            "the follow-up note below."
        )
    for act in plan.actions:
        with st.container(border=True):
            st.markdown(f"#### {tables.md(act.title)}")
            st.caption(
                f"{tables.md(act.why)} Evidence: " + rt.plain(rt.evidence(log, act.evidence))
            )
            st.markdown("\n".join(f"- {tables.md(step)}" for step in act.steps))
            if act.category == "interview":
                st.caption(f"A STAR story: {STAR_HINT}")
            if act.category == "skill_gap" and plan.learning and plan.learning.steps:
                _learning(plan)


def _learning(plan: ActionPlan) -> None:
    assert plan.learning is not None
    with st.expander(f"The whole learning plan to {tables.md(plan.target_title)}"):
        st.caption(
            "Skills the rejections named move up the list (their priority is multiplied by "
            "one plus the number of rejections naming them). Hours are the team's estimates."
        )
        st.dataframe(rt.boosted_plan_frame(plan.learning, plan.boost), hide_index=True)
        if plan.target_code and st.button(
            "Open this plan on the Plan page", key="w_rej_open_plan", icon=":material/route:"
        ):
            state.set_target(plan.target_code)
            st.switch_page(nav.PLAN.path)


def _follow_up(log: RejectionLog, analyses: list[RecordAnalysis], name: str) -> None:
    st.subheader("Ask for specific feedback")
    rejected = [a for a in analyses if a.classification is not None]
    # Vague feedback first: those are the employers worth asking; newest first within each.
    rejected.sort(key=lambda a: (a.substantive, -a.record.date.toordinal(), a.record.id))
    labels = {a.record.id: a.record.label for a in rejected}
    # Keyed by the choices, so a changed log starts again at the most useful one (the
    # browser would otherwise keep the choice it made among the earlier applications).
    choices = zlib.crc32("\n".join(labels).encode())
    rid = st.selectbox(
        "Note for", list(labels), format_func=labels.__getitem__, key=f"w_rej_note_for_{choices}"
    )
    if rid is None:
        return
    record = log.get(str(rid))
    st.caption(f"Written for: {FOLLOW_UP_KINDS[follow_up_kind(record)]}.")
    st.text_area(
        "Copy this into an email, then fill in the name and make it your own",
        value=follow_up_message(record, name=name),
        height=370,
        key=f"w_rej_note_{rid}",
    )


# ----- redirect -------------------------------------------------------------------------------
def _redirect(eng: Engine, log: RejectionLog, redirect: Redirect, prof: Profile) -> None:
    if not redirect.triggers:
        st.info(
            "No other direction suggested: your rejections do not concentrate on one skill "
            "you lack or on one family of roles. Your Pivots page lists roles your skills fit."
        )
        return
    st.markdown("**Why look at other roles**")
    for t in redirect.triggers:
        st.markdown(f"- {rt.plain(t.sentence)}")
        st.caption("Evidence: " + rt.plain(rt.evidence(log, t.evidence)))
    if not redirect.roles:
        st.info(
            "No nearby role was found where that matters less. Widen the job-zone step on "
            "the Pivots page, or work on the skill (see the Actions tab)."
        )
        return
    st.markdown(
        f"**Roles near {tables.md(widgets.start_label(eng, prof))} where that matters less "
        "and your strengths count**"
    )
    for n, role in enumerate(redirect.roles, 1):
        _role_card(n, role)


def _role_card(n: int, role: RedirectRole) -> None:
    saved = role.code in state.shortlist()
    with st.container(border=True):
        st.markdown(f"#### {n}\\. {tables.md(role.title)}")
        st.caption(role.major_group + (" · on your shortlist" if saved else ""))
        st.progress(min(max(role.viability, 0.0), 1.0), text=f"Fit {role.viability:.0%}")
        shown = [why for why in role.reasons if why != fit_reason(role.viability)]  # the bar
        st.markdown("\n".join(f"- {tables.md(why)}" for why in shown))
        with st.container(horizontal=True):
            cards.role_buttons(role.code, where="rej")


main()
