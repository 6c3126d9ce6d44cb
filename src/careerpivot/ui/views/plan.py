"""Plan: ordered learning steps to a target role, stepping-stone routes, and "what if I learn X"."""

from __future__ import annotations

import math

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
        st.info("Choose the target role: the titles found fit about equally well.")
        return
    if state.target() is None:
        state.set_target(target)
    if target == prof.current_role:
        st.info("That is the role you start from. Choose another target role.")
        return
    widgets.note_unrated(prof)
    key = cache.profile_key(prof)
    try:
        plan = cache.plan(eng.dataset.name, key, prof, target)
    except CareerPivotError as exc:
        st.error(f"Cannot plan for this role: {exc}. Choose another target role.")
        return
    _steps(plan)
    _routes(eng, prof, target)
    _what_if(eng, prof, plan)


def _steps(plan: LearningPlan) -> None:
    st.subheader(f"What to learn for {plan.target_title}")
    st.markdown(tables.plan_summary(plan))
    if plan.gap is not None and plan.gap.estimated:
        st.info(
            tables.md(f"{plan.target_title}: {plan.gap.estimate_note}."), icon=":material/info:"
        )
    _tools(plan)
    if not plan.steps:
        return
    st.markdown(
        "\n".join(
            f"{n}. **{tables.md(what)}**: {tables.md(details)}"
            for n, (what, details) in enumerate(tables.plan_lines(plan), 1)
        )
    )
    st.caption(
        "The same gaps as on the card and in Compare, most urgent first (importance to the "
        "role times the gap). Hours are estimates from the team's effort model (more hours "
        "per level at higher levels), for comparing options, not promises. A gap under a "
        "quarter level counts as met. " + tables.md(NUMBERS_HELP)
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
            f"{plan.target_title} uses these and you have not said whether you do. They are "
            "not in the plan's hours; the hours apply only if a tool is new to you."
        )
        st.dataframe(tables.tools_frame(report), hide_index=True)


def _routes(eng: Engine, prof: Profile, target: str) -> None:
    st.subheader("Stepping-stone routes")
    try:
        routes = cache.routes(eng.dataset.name, cache.profile_key(prof), prof, target)
    except CareerPivotError as exc:
        st.info(f"No route to show: {exc}.")
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
        with st.expander(line):
            for step in r.steps:
                learn = ", ".join(f"{name} {a:.1f} → {b:.1f}" for name, a, b in step.learn)
                st.markdown(
                    f"- **{tables.md(step.title)}** (≈{step.hours:,.0f} h): "
                    + (tables.md(learn) if learn else "nothing new to learn")
                )


def _reach(level: float) -> float:
    """A level rounded up to the slider's half steps (so a plan's target is met)."""
    return min(7.0, math.ceil(level * 2) / 2)


def _first_that_helps(eng: Engine, prof: Profile, plan: LearningPlan) -> str | None:
    """The first of the plan's top steps that moves some role up when learned to its target."""
    key = cache.profile_key(prof)
    for step in plan.steps[:5]:
        gain = _reach(step.target) - prof.ratings.get(step.id, 0.0)
        if gain > 0 and cache.what_if(eng.dataset.name, key, prof, step.id, gain):
            return step.id
    return plan.steps[0].id if plan.steps else None


def _what_if(eng: Engine, prof: Profile, plan: LearningPlan) -> None:
    st.subheader("What if I learn…")
    ds = eng.dataset
    options = sorted(
        (d.id for d in ds.descriptors),
        key=lambda i: (ds.descriptor(i).kind != "skill", ds.descriptor(i).name.lower()),
    )
    first = _first_that_helps(eng, prof, plan)
    descriptor = str(
        st.selectbox(
            "Skill, knowledge area or tool",
            options,
            index=options.index(first) if first else 0,
            key="w_plan_whatif",
            format_func=lambda i: (
                f"{ds.descriptor(i).name} ({tables.KIND_LABELS[ds.descriptor(i).kind].lower()})"
            ),
        )
    )
    now = float(prof.ratings.get(descriptor, 0.0))
    needed = {s.id: s.target for s in plan.steps}
    reach = st.slider(
        "Level you would reach (0-7)",
        min_value=0.0,
        max_value=7.0,
        value=_reach(needed.get(descriptor, now + 1.0)),
        step=0.5,
        key=f"w_plan_reach_{descriptor}",
        help=f"You are at {now:.1f} now"
        + (
            f"; {plan.target_title} needs {needed[descriptor]:.1f}."
            if descriptor in needed
            else "."
        ),
    )
    name = ds.descriptor(descriptor).name
    if reach <= now:
        st.info(f"You are already at level {now:.1f} in {name}: choose a higher level.")
        return
    try:
        changes = cache.what_if(ds.name, cache.profile_key(prof), prof, descriptor, reach - now)
    except CareerPivotError as exc:
        st.error(f"Cannot work that out: {exc}.")
        return
    st.markdown(
        tables.md(f"Raising {name} from {now:.1f} to {reach:.1f}: ")
        + (
            f"{len(changes)} role(s) in your top 20 move up."
            if changes
            else "no role in your top 20 moves up. Try a higher level or another skill."
        )
    )
    if changes:
        st.dataframe(tables.whatif_frame(changes), hide_index=True)


main()
