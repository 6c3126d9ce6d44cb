"""Compare: you vs a role, or role vs role; radar, sorted gap table, what transfers, CSV."""

from __future__ import annotations

import streamlit as st

from careerpivot.engine import Engine
from careerpivot.errors import CareerPivotError
from careerpivot.gaps import EMPTY_CELL, GapReport
from careerpivot.levels import NUMBERS_HELP
from careerpivot.presentation import fit_explained
from careerpivot.profile import Profile
from careerpivot.ui import cache, figures, nav, phone, state, tables, widgets

YOU = "You vs a role"
ROLES = "Role vs role"
KINDS = {"Skills": "skill", "Knowledge": "knowledge", "Tools": "technology"}
MODES = {"you": YOU, "roles": ROLES}  # as kept in the workspace


def main() -> None:
    """The Compare page."""
    eng = widgets.current_engine()
    st.title("Compare")
    prof = state.profile()
    kept = MODES.get(state.choice(state.COMPARE_MODE))
    mode = st.segmented_control(
        "What to compare",
        [YOU, ROLES],
        default=kept or (YOU if prof is not None else ROLES),
        required=True,
        key="w_cmp_mode",
        on_change=lambda: state.set_choice(
            state.COMPARE_MODE, {v: k for k, v in MODES.items()}.get(st.session_state["w_cmp_mode"])
        ),
    )
    if mode == YOU and prof is None:
        widgets.need_profile("compare yourself with a role")
        return

    def chose_target() -> None:
        chosen = widgets.chosen_role("w_cmp_target")
        if chosen is not None:
            state.set_target(chosen)

    default = widgets.default_target(eng, prof)
    source: str | None = None  # the "From role" of role vs role
    try:
        if mode == YOU:
            assert prof is not None
            target = widgets.role_select(
                eng, "Role to compare with", "w_cmp_target", default, on_change=chose_target
            )
            if target is None:
                st.info("Choose the role to compare with.")
                return
            report = cache.person_gap(eng.dataset.name, cache.profile_key(prof), prof, target)
            source_label = "You"
        else:
            first, second = st.columns(2)
            with first:
                start = state.choice(state.COMPARE_SOURCE)  # else your own role
                if start not in eng.dataset.occupation_index:
                    start = prof.current_role if prof is not None else None
                source = widgets.role_select(
                    eng,
                    "From role",
                    "w_cmp_source",
                    start,
                    on_change=lambda: state.set_choice(
                        state.COMPARE_SOURCE, widgets.chosen_role("w_cmp_source")
                    ),
                )
            with second:
                target = widgets.role_select(
                    eng, "To role", "w_cmp_target", default, on_change=chose_target
                )
            if source is None or target is None:
                st.info(
                    "Choose both roles to compare: search each by title, or pick it from the "
                    "list. The comparison shows what someone in the first role would need for "
                    "the second."
                )
                return
            if source == target:
                st.info("Both sides are the same role. Choose a different role for one of them.")
                return
            report = cache.role_gap(eng.dataset.name, source, target)
            source_label = report.source
    except CareerPivotError as exc:
        st.error(f"Cannot compare these: {tables.md(str(exc))}. Choose another role.")
        return
    keep_shown(target, source if mode == ROLES else None)
    if mode == YOU and prof is not None:
        widgets.note_unrated(prof)
    _summary(eng, prof if mode == YOU else None, report, source_label)
    _radar(report, source_label)
    _gap_table(report, "You" if mode == YOU else "From role")
    _actions(report, mode == YOU)


def keep_shown(target: str, source: str | None) -> None:
    """Keep the roles the page compares, however they were chosen (picked, or the best
    match of a search), so a reload shows the same comparison."""
    state.set_target(target)
    if source is not None:
        state.set_choice(state.COMPARE_SOURCE, source)


def _summary(eng: Engine, prof: Profile | None, report: GapReport, source_label: str) -> None:
    st.subheader(f"{tables.md(source_label)} → {tables.md(report.target_title)}")
    c = report.counts
    sk = [r for r in report.requirements if r.kind != "technology"]
    with st.container(horizontal=True, gap="medium"):
        st.metric(
            "Skills and knowledge met",
            f"{sum(r.status == 'transfers' for r in sk)} of {len(sk)}",
            help="Skills and knowledge areas the role rates important (3 of 5 or more) that "
            "are met, or within a quarter level. Tools are counted apart.",
            width="content",
        )
        st.metric("Still to close", f"{len(report.to_close)}", width="content")
        st.metric(
            "Hours to close (est.)",
            f"{report.total_hours:,.0f}",
            help="The team's effort model, summed over what is still to close; the Plan "
            "page lists the same steps with the same hours.",
            width="content",
        )
        if c["tool to check"]:
            st.metric("Tools to check", f"{c['tool to check']}", width="content")
        fit_note = ""
        if prof is not None:
            try:
                fit = cache.explain(
                    eng.dataset.name, cache.profile_key(prof), prof, report.target_code
                )
                value = f"{fit.score:.0%}"
                fit_note = fit_explained(fit.score, report)
            except CareerPivotError:
                value = "not known"
            st.metric("Fit", value, help="The same fit as on the Pivots page.", width="content")
    st.markdown(tables.md(report.summary))
    if fit_note:
        st.caption(tables.md(fit_note))
    st.caption(tables.md(NUMBERS_HELP))
    if report.estimated:
        st.info(
            tables.md(f"{report.target_title}: {report.estimate_note}."), icon=":material/info:"
        )
    st.markdown(f"**What transfers:** {tables.md(tables.names(report.transfers))}")
    if report.unused:
        who = "You have" if prof is not None else f"{source_label} uses"
        st.markdown(
            f"**{tables.md(who)}, but {tables.md(report.target_title)} hardly uses:** "
            + tables.md(tables.names(report.unused, 6))
        )


def _radar(report: GapReport, source_label: str) -> None:
    rows = figures.radar_rows(report)
    if not rows:
        return
    fig = figures.radar_figure(
        [r.name for r in rows],
        [
            (source_label, [r.current for r in rows]),
            (report.target_title, [r.required for r in rows]),
        ],
    )
    st.plotly_chart(
        fig,
        config={"displayModeBar": False},
        alt=f"Radar of levels 0-7: {source_label} against {report.target_title} on "
        f"{len(rows)} requirements (also in the table).",
    )
    st.caption(
        f"The biggest gaps and the requirements {tables.md(report.target_title)} rates most "
        "important, on O\\*NET's 0-7 level scale. Every number is in the table below."
    )


def _gap_table(report: GapReport, current_label: str) -> None:
    st.subheader("Requirement by requirement")
    only_gaps = st.toggle(
        "Only what is missing",
        value=bool(state.choice(state.COMPARE_ONLY_GAPS, True)),
        key="w_cmp_only_gaps",
        on_change=lambda: state.set_choice(
            state.COMPARE_ONLY_GAPS, bool(st.session_state["w_cmp_only_gaps"])
        ),
    )
    kept = state.choice(state.COMPARE_KINDS)
    shown = st.pills(
        "Kinds",
        list(KINDS),
        selection_mode="multi",
        default=list(KINDS) if kept is None else [k for k, v in KINDS.items() if v in kept],
        key="w_cmp_kinds",
        on_change=lambda: state.set_choice(
            state.COMPARE_KINDS, [KINDS[k] for k in st.session_state["w_cmp_kinds"] or []]
        ),
    )
    kinds = [KINDS[k] for k in shown] or list(KINDS.values())
    frame = tables.gap_frame(report, only_gaps=only_gaps, kinds=kinds, current_label=current_label)
    _phone_list(report, kinds, current_label)
    if frame.empty:
        st.info("Nothing missing here: every requirement of these kinds is met.")
    else:
        st.caption(
            "Most urgent first: importance to the role times the gap (high, medium, low "
            "priority). Levels are on O\\*NET's 0-7 scale; a gap under a quarter level counts "
            "as met."
        )
        # Requirement, gap, needed and yours first, in narrow columns: on a phone (about
        # 390 px of table) all four stay in view; the rest scrolls.
        st.dataframe(
            tables.key_columns_first(frame, current_label),
            hide_index=True,
            placeholder=EMPTY_CELL,  # not "None": each column's help says what it means
            column_config={
                "Requirement": st.column_config.TextColumn(
                    width=tables.GAP_REQUIREMENT_PX, pinned=True
                ),
                **{
                    c: st.column_config.NumberColumn(
                        h.label,
                        help=h.help,
                        width=h.width,
                        format="%d" if c.startswith("Hours") else "%.1f",
                    )
                    for c, h in tables.gap_headers(current_label).items()
                    if c in frame.columns
                },
            },
        )
    tools = tables.tools_frame(report)
    if only_gaps and not tools.empty and "technology" in [KINDS[k] for k in shown]:
        with st.expander(f"Tools to check ({len(tools)})", icon=":material/build:"):
            st.caption(
                f"{tables.md(report.target_title)} uses these and you have not said whether you "
                "do. "
                "They are not counted as gaps; the hours apply only if a tool is new to you. "
                "Most relevant first: *typical of roles like this* means the rated roles that "
                "list it are much like this one; O\\*NET's lists come from job postings and also "
                "carry tools of other kinds of roles."
            )
            st.dataframe(tools, hide_index=True)


#: Shown only below Streamlit's phone breakpoint: the table's key columns fit a phone, its
#: priority and hours do not, and long requirement names are cut.
PHONE_ONLY = f"""<style>
.st-key-cp_cmp_phone_list {{ display: none; }}
@media (max-width: {phone.MOBILE_BREAKPOINT - 0.02}px) {{
  .st-key-cp_cmp_phone_list {{ display: flex; }}
}}
</style>"""


def _phone_list(report: GapReport, kinds: list[str], current_label: str) -> None:
    """On a phone, above the table: the most urgent gaps in full words and numbers."""
    lines = tables.gap_lines(report, kinds=kinds, current_label=current_label)
    if not lines:
        return
    st.html(PHONE_ONLY)
    with st.container(key="cp_cmp_phone_list"):
        more = len(tables.gap_rows(report, only_gaps=True, kinds=kinds)) - len(lines)
        st.markdown("**Most urgent to close**")
        st.markdown("\n".join(lines))
        st.caption(
            "The table below has every number"
            + (f" and {tables.counted(more, 'more requirement')} to close" if more > 0 else "")
            + "; slide it sideways for status, priority and hours."
        )


def _actions(report: GapReport, person: bool) -> None:
    with st.container(horizontal=True):
        st.download_button(
            "Download the comparison (CSV)",
            data=tables.gap_csv(report),
            file_name=f"careerpivot-compare-{report.target_code}.csv",
            mime="text/csv",
            icon=":material/download:",
            on_click="ignore",
        )
        if person and st.button(
            f"Plan a route to {tables.md(report.target_title)}",
            type="primary",
            icon=":material/route:",
        ):
            state.set_target(report.target_code)
            st.switch_page(nav.PLAN.path)
        saved = report.target_code in state.shortlist()
        st.button(
            "Remove from shortlist" if saved else "Save to shortlist",
            icon=":material/bookmark_remove:" if saved else ":material/bookmark_add:",
            on_click=state.toggle_shortlist,
            args=(report.target_code,),
        )


main()
