"""Pivots: ranked adjacent roles with filters, reasons and numbers; a map; the shortlist."""

from __future__ import annotations

import streamlit as st

from careerpivot.engine import Engine
from careerpivot.errors import CareerPivotError
from careerpivot.levels import NUMBERS_HELP
from careerpivot.model import SOC_MAJOR_GROUPS
from careerpivot.profile import Profile
from careerpivot.scoring import Pivot
from careerpivot.ui import cache, figures, my_data, state, tables, widgets
from careerpivot.ui.cards import pivot_card, similar_roles
from careerpivot.ui.tables import md

OUTLOOK_FLOORS: dict[float | None, str] = {
    None: "Any outlook",
    -5.0: "Shrinking by at most 5%",
    0.0: "Not shrinking (0% or more)",
    3.0: "Growing 3% or more",
    7.0: "Growing 7% or more",
}
SORT_LABELS = {
    "realistic": "Realistic next steps",
    "fit": "Best fit first",
    "openings": "Most openings first",
    "pay": "Highest pay first",
    "outlook": "Best outlook first",
}
STEP_LABELS = {
    0: "Same job zone",
    1: "1 zone up",
    2: "2 zones up",
    3: "3 zones up",
    4: "4 zones up",
}


def main() -> None:
    """The Pivots page."""
    eng = widgets.current_engine()
    st.title("Pivots")
    prof = state.profile()
    if prof is None:
        widgets.need_profile("see roles your skills fit")
        my_data.panel("pivots")
        return
    st.markdown(
        f"Realistic next steps from **{md(widgets.start_label(eng, prof))}**: roles related to "
        "your current role (by the work, titles and tasks, with a nudge to stay in your "
        "occupation family), weighed with your own fit, how many openings they have (counted "
        "less for roles below your job zone) and the step in job zone, at most one role per "
        "occupation group in the first ten. "
        "Fit (0-100%) weighs skills and knowledge, how alike the work is, tools, interests, "
        "work values and the step in job zone; wages and outlook are shown beside it."
    )
    st.caption(tables.md(NUMBERS_HELP))
    widgets.note_unscored_start(eng, prof)
    for note in eng.scoring_notes(prof):
        st.info(note, icon=":material/info:")
    _filters()
    try:
        with widgets.working("Scoring every role against your profile..."):
            pivots = widgets.current_pivots(eng, prof)
    except CareerPivotError as exc:
        st.error(f"Cannot rank roles for this profile: {md(str(exc))}.")
        return
    saved = state.shortlist()
    tab_list, tab_map, tab_saved = widgets.kept_tabs(
        dict(
            zip(
                state.PIVOTS_TABS,
                ["Suggestions", "Map of nearby roles", f"Shortlist ({len(saved)})"],
                strict=True,
            )
        ),
        "w_piv_tab",
        state.PIVOTS_TAB,
    )
    with tab_list:
        _suggestions(eng, pivots)
    with tab_map:
        _map(eng, prof, pivots)
    with tab_saved:
        _shortlist(eng, prof, saved)
    my_data.panel("pivots")


def _filters() -> None:
    f = state.filters()

    def copy(field: str, key: str) -> None:
        value = st.session_state[key]
        if field == "min_wage":
            value = value or None  # 0 means no floor
        state.update_filters(**{field: value})

    with st.expander("Filters", icon=":material/tune:"):
        left, right = st.columns(2)
        with left:
            st.select_slider(
                "Largest step up in job zone",
                options=list(STEP_LABELS),
                value=f.max_job_zone_step,
                format_func=STEP_LABELS.__getitem__,
                key="w_piv_step",
                on_change=copy,
                args=("max_job_zone_step", "w_piv_step"),
                help="Job zones 1-5 measure the preparation a role needs (5 = most).",
            )
            st.number_input(
                "Lowest median wage (USD/year)",
                min_value=0,
                max_value=250_000,
                step=5_000,
                value=int(f.min_wage or 0),
                key="w_piv_wage",
                on_change=copy,
                args=("min_wage", "w_piv_wage"),
                help="0 means no floor.",
            )
        with right:
            st.selectbox(
                "Outlook (projected change in jobs over 10 years)",
                list(OUTLOOK_FLOORS),
                index=list(OUTLOOK_FLOORS).index(f.min_outlook)
                if f.min_outlook in OUTLOOK_FLOORS
                else 0,
                format_func=OUTLOOK_FLOORS.__getitem__,
                key="w_piv_outlook",
                on_change=copy,
                args=("min_outlook", "w_piv_outlook"),
            )
            st.multiselect(
                "Only these role families",
                list(SOC_MAJOR_GROUPS),
                default=list(f.families),
                format_func=SOC_MAJOR_GROUPS.__getitem__,
                key="w_piv_families",
                on_change=copy,
                args=("families", "w_piv_families"),
                placeholder="All families",
            )
        st.select_slider(
            "How many roles to show",
            options=list(state.PIVOT_COUNTS),
            value=state.pivot_count(),
            key="w_piv_k",
            on_change=lambda: state.set_pivot_count(st.session_state["w_piv_k"]),
        )


def _suggestions(eng: Engine, pivots: list[Pivot]) -> None:
    if not pivots:
        st.info(
            "No roles pass these filters. Allow a bigger step in job zone, lower the "
            "minimum wage or outlook, or clear the role families (under Filters)."
        )
    else:
        order = state.pivot_sort()
        st.selectbox(
            "Order",
            options=list(SORT_LABELS),
            index=list(SORT_LABELS).index(order) if order in SORT_LABELS else 0,
            format_func=SORT_LABELS.__getitem__,
            key="w_piv_sort",
            on_change=lambda: state.set_pivot_sort(st.session_state["w_piv_sort"]),
            help="Re-sorting orders the 60 most realistic roles by the chosen figure.",
        )
        st.caption(tables.numbers_source(eng.dataset))
    for p in pivots:
        pivot_card(eng.dataset, p, where="list", facts=eng.facts(p.code))
        if p.similar:
            similar_roles(eng, p)
    hidden = state.dismissed()
    if hidden:
        with st.expander(f"Roles you hid ({len(hidden)})"):
            for code in hidden:
                st.button(
                    f"Show {md(widgets.role_title(eng, code))} again",
                    key=f"w_restore_{code}",
                    icon=":material/visibility:",
                    on_click=state.restore,
                    args=(code,),
                )


def _map(eng: Engine, prof: Profile, pivots: list[Pivot]) -> None:
    try:
        centre = eng.route_start(prof)
        sub, pos = cache.role_map(eng.dataset.name, centre)
    except CareerPivotError as exc:
        st.info(f"No map for this profile: {md(str(exc))}.")
        return
    status = {p.code: "suggested" for p in pivots}
    status.update({c: "saved" for c in state.shortlist()})
    status[centre] = "current"
    titles = {c: str(sub.nodes[c].get("title", c)) for c in sub.nodes}
    st.caption(
        f"Each line joins {md(titles[centre])} to one of the roles most like it; the closer a "
        "role sits, the more alike the work. Click a role to open it."
    )

    def picked() -> None:
        code = figures.selected_code(st.session_state["w_map"]["selection"])
        if code in titles:
            st.session_state["w_map_role"] = code

    st.plotly_chart(
        figures.map_figure(sub, pos, status, eng.dataset.job_zone_label),
        key="w_map",
        on_select=picked,
        selection_mode="points",
        config={"displayModeBar": False, "scrollZoom": False},
        alt=f"Map of {len(titles) - 1} roles close to {titles[centre]}; the same roles are "
        "listed in the table below it.",
    )
    others = sorted((c for c in titles if c != centre), key=titles.__getitem__)
    code = st.selectbox(
        "Open a role",
        others,
        index=None,
        key="w_map_role",
        format_func=titles.__getitem__,
        placeholder="Click a role on the map, or choose it here",
    )
    if code is not None:
        try:
            pivot_card(
                eng.dataset,
                cache.explain(eng.dataset.name, cache.profile_key(prof), prof, str(code)),
                where="map",
                facts=eng.facts(str(code)),
            )
        except CareerPivotError as exc:
            st.info(f"{md(titles[str(code)])} cannot be compared: {md(str(exc))}.")
    related = eng.dataset.extras.get("related")
    with st.expander("The map as a table"):
        st.dataframe(
            tables.neighbours_frame(
                eng, centre, None if related is None else related.get(centre, [])
            ),
            hide_index=True,
            column_config={
                "O*NET lists it": st.column_config.TextColumn(
                    "O*NET lists it",
                    help="O\\*NET's own, expert-reviewed list of related occupations for "
                    "this role. Shown as evidence beside the similarity; the ranker "
                    "behind the map never reads it.",
                ),
                "Similarity (%)": st.column_config.ProgressColumn(
                    "Similarity",
                    format="%d%%",
                    min_value=0,
                    max_value=100,
                    help="Starter set: how alike the two roles' requirements and interests "
                    "are. O\\*NET imports: the relatedness ranker's estimated chance that "
                    "O\\*NET lists the two as closely related (mean of both directions).",
                ),
            },
        )


def _shortlist(eng: Engine, prof: Profile, saved: list[str]) -> None:
    if not saved:
        st.info("Nothing saved yet. Use “Save to shortlist” on a suggestion to keep it here.")
        return
    for code in saved:
        try:
            p = cache.explain(eng.dataset.name, cache.profile_key(prof), prof, code)
        except CareerPivotError as exc:
            st.warning(f"{md(widgets.role_title(eng, code))}: {md(str(exc))}.")
            continue
        pivot_card(eng.dataset, p, where="saved", dismissable=False, facts=eng.facts(p.code))


main()
