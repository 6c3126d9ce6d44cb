"""Plan: ordered learning steps to a target role, stepping-stone routes, and "what if I learn X"."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from careerpivot.csvsafe import frame_csv
from careerpivot.effort import LEARNING_ADVICE
from careerpivot.engine import Engine
from careerpivot.errors import CareerPivotError
from careerpivot.levels import NUMBERS_HELP
from careerpivot.profile import Profile
from careerpivot.routes import LearningPlan
from careerpivot.ui import cache, figures, state, tables, widgets


def main() -> None:
    """The Plan page."""
    eng = widgets.current_engine()
    st.title("Plan")
    prof = state.profile()
    if prof is None:
        widgets.need_profile("plan a route to a role")
        return

    def chose_target() -> None:
        chosen = widgets.chosen_role("w_plan_target")
        if chosen is not None:
            state.set_target(chosen)

    target = widgets.role_select(
        eng,
        "Target role",
        "w_plan_target",
        widgets.default_target(eng, prof),
        on_change=chose_target,
    )
    if target is None:
        searched = str(st.session_state.get("w_plan_target_find", "")).strip()
        st.info(
            "Choose the target role: the titles found fit about equally well."
            if searched
            else "Choose the target role: search by title above, or pick it from the list."
        )
        return
    state.set_target(target)  # also the best match of a search: a reload plans for it again
    if target == prof.current_role:
        st.info("That is the role you start from. Choose another target role.")
        return
    widgets.note_unrated(prof)
    key = cache.profile_key(prof)
    try:
        with widgets.working("Working out the learning steps..."):
            plan = cache.plan(eng.dataset.name, key, prof, target)
    except CareerPivotError as exc:
        st.error(f"Cannot plan for this role: {tables.md(str(exc))}. Choose another target role.")
        return
    _steps(plan)
    if not plan.steps:  # routes and what-ifs would only offer detours to a role already in reach
        st.subheader("Stepping-stone routes")
        st.info(
            "No stepping stone is needed: you already meet the important skills and knowledge "
            f"of {tables.md(plan.target_title)}, so there is nothing to learn on the way (its "
            "typical preparation is above). Compare shows the role requirement by requirement."
        )
        return
    _routes(eng, prof, target)
    _what_if(eng, prof, plan)


def _steps(plan: LearningPlan) -> None:
    st.subheader(f"What to learn for {tables.md(plan.target_title)}")
    st.markdown(tables.md(tables.plan_summary(plan)))
    if plan.gap is not None and plan.gap.estimated:
        st.info(
            tables.md(f"{plan.target_title}: {plan.gap.estimate_note}."), icon=":material/info:"
        )
    if plan.preparation is not None:
        st.caption(
            tables.md(f"Typical preparation for {plan.target_title}: {plan.preparation.sentence}.")
        )
    check = plan.check
    if check.status != "fits":
        st.warning(tables.md(check.message))
    _tools(plan)
    if not plan.steps:
        return
    n = 0
    for phase, steps in plan.phases:
        st.markdown(f"**{phase[0].upper()}{phase[1:]}**")
        lines = []
        for s in steps:
            n += 1
            what, details = tables.step_line(s)
            lines.append(f"{n}. **{tables.md(what)}**: {tables.md(details)}")
        st.markdown("\n".join(lines))
    covered = [r for r in (plan.gap.rows if plan.gap else []) if r.note.startswith("one tool")]
    if covered:  # on O*NET data a role can list a hundred tools: a count, the list folded
        with st.expander(
            f"Tools left out of the plan ({len(covered)}): one tool per family is enough",
            icon=":material/build:",
        ):
            st.dataframe(
                pd.DataFrame(
                    {
                        "Tool": [r.name for r in covered],
                        "Covered by": [r.note.split(": covered by ", 1)[-1] for r in covered],
                    }
                ),
                hide_index=True,
            )
    st.caption(
        "The same gaps as on the card and in Compare, most urgent first (importance to the "
        f"role times the gap), in phases by when they start at {plan.hours_per_week:.0f} hours "
        f"a week. A gap under a quarter level counts as met. Hours: {plan.hours.basis} "
        + tables.md(NUMBERS_HELP)
    )
    st.download_button(
        "Download the plan (CSV)",
        data=frame_csv(tables.plan_frame(plan)),
        file_name=f"careerpivot-plan-{plan.target_code}.csv",
        mime="text/csv",
        icon=":material/download:",
        on_click="ignore",
    )
    with st.expander("How to learn each kind of step"):
        kinds = sorted({s.learning for s in plan.steps})
        st.markdown(
            "\n".join(f"- **{tables.LEARNING_LABELS[k]}**: {LEARNING_ADVICE[k]}" for k in kinds)
        )


def _tools(plan: LearningPlan) -> None:
    report = plan.gap
    if report is None or not report.tools_to_check:
        return
    with st.expander(f"Tools to check ({len(report.tools_to_check)})", icon=":material/build:"):
        st.caption(
            f"{tables.md(plan.target_title)} uses these and you have not said whether you do. "
            "They are not in the plan's hours; the hours apply only if a tool is new to you. "
            "One tool per family is enough: if none is new to you, learn the first (the most in "
            "demand for the role); the others are alternatives."
        )
        st.dataframe(tables.to_check_frame(plan), hide_index=True)


def _routes(eng: Engine, prof: Profile, target: str) -> None:
    st.subheader("Stepping-stone routes")
    try:
        with widgets.working("Finding stepping-stone routes through the roles in between..."):
            routes = cache.routes(eng.dataset.name, cache.profile_key(prof), prof, target)
    except CareerPivotError as exc:
        st.info(f"No route to show: {tables.md(str(exc))}.")
        return
    if not routes:
        st.info("No route found within the job-zone steps you allow.")
        return
    titles = {o.code: o.title for o in eng.dataset.occupations}
    st.caption(
        "Ways to get there through roles in between, fewest learning hours first. Each "
        "arrow shows the route number and the hours to qualify for the next role. The "
        "direct move costs exactly the plan above; each stop counts its own gaps the same way."
    )
    st.graphviz_chart(
        figures.routes_dot(routes, titles, target),
        alt=f"Diagram of {len(routes)} routes to {titles.get(target, target)}; each route is "
        "also written out below it.",
    )
    for line, r in zip(tables.route_lines(routes, titles), routes, strict=True):
        with st.expander(tables.md(line)):
            for step in r.steps:
                learn = ", ".join(f"{name} {a:.1f} → {b:.1f}" for name, a, b in step.learn)
                st.markdown(
                    f"- **{tables.md(step.title)}** (≈{step.hours:,.0f} h): "
                    + (tables.md(learn) if learn else "nothing new to learn")
                )


def _what_if(eng: Engine, prof: Profile, plan: LearningPlan) -> None:
    st.subheader("What if I learn…")
    with widgets.working("Checking which steps move the role up your list..."):
        options = cache.what_if_options(
            eng.dataset.name, cache.profile_key(prof), prof, plan.target_code
        )
    if not options:
        target = tables.md(plan.target_title)
        if len(plan.steps) == 1:  # "spread over several requirements" would be untrue
            st.info(
                f"The plan's one step, {tables.md(plan.steps[0].name)}, hardly changes "
                f"{target}'s fit or its place in your list on its own: the gap is already small."
            )
        else:
            st.info(
                f"No single step of the plan moves {target} on its own: the gap is spread "
                "over several requirements. Work through the plan's first phase."
            )
        return
    st.caption(
        f"Only steps that move {plan.target_title} are offered; each is learned to the level "
        "the role needs."
    )
    by_id = {o.id: o for o in options}
    kept = state.choice(state.PLAN_WHAT_IF)
    chosen = str(
        st.selectbox(
            "Skill, knowledge area or tool",
            list(by_id),
            index=list(by_id).index(kept) if kept in by_id else 0,
            key="w_plan_whatif",
            on_change=lambda: state.set_choice(
                state.PLAN_WHAT_IF, str(st.session_state["w_plan_whatif"])
            ),
            format_func=lambda i: tables.with_kind(
                by_id[i].name,
                by_id[i].kind,
                f"about {by_id[i].hours_low:,.0f}-{by_id[i].hours_high:,.0f} h",
            ),
        )
    )
    option = by_id[chosen]
    st.markdown(tables.md(option.sentence))
    if option.others:
        st.caption("Other roles in your top 20 by fit that move up with it:")
        st.dataframe(tables.whatif_others_frame(option), hide_index=True)


main()
