"""Self-assessment: interest profiler, work values, anchored skill ratings, skills from text.

Every answer is kept as it is given (in the session); a questionnaire with enough
answers goes straight into the profile the other pages use.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

import streamlit as st

from careerpivot.assessment import (
    AnswerSheet,
    AssessmentError,
    ConfirmedMatch,
    Instrument,
    InstrumentResult,
    adjust_skills,
    apply_confirmed,
    apply_interests,
    apply_work_values,
    default_level,
    holland_code,
    parse_answer_sheet,
    rating_warnings,
    score_interests,
    score_work_values,
)
from careerpivot.assessment.interests import INTEREST_PROMPT
from careerpivot.assessment.values import VALUE_PROMPT
from careerpivot.engine import Engine
from careerpivot.errors import CareerPivotError
from careerpivot.levels import anchor_phrase, level_number
from careerpivot.model import RIASEC_NAMES, WORK_VALUE_NAMES
from careerpivot.profile import Profile
from careerpivot.ui import assess, nav, phone, state, tables, widgets

Scorer = Callable[[AnswerSheet, Instrument], InstrumentResult]
Apply = Callable[[Profile, InstrumentResult], Profile]


def main() -> None:
    """The Self-assessment page."""
    eng = widgets.current_engine()
    st.title("Self-assessment")
    st.markdown(
        "Answer as much or as little as you like. Each answer is kept as you give it, and "
        "a questionnaire joins your profile as soon as it has enough answers."
    )
    prof = state.profile()
    if prof is not None:
        st.caption(f"Your profile starts from {tables.md(widgets.start_label(eng, prof))}.")
    interests, values, skills, text = widgets.kept_tabs(
        dict(
            zip(
                state.ASSESSMENT_TABS,
                ["Interests", "Work values", "Skills", "Skills from your CV"],
                strict=True,
            )
        ),
        "w_ass_tab",
        state.ASSESSMENT_TAB,
    )
    with interests:
        _questionnaire("interests", INTEREST_PROMPT, RIASEC_NAMES, score_interests, apply_interests)
    with values:
        unused = eng.unused_signals
        if "values" in unused:
            st.info(
                unused["values"][0].upper() + unused["values"][1:] + ". "
                "Your answers still go into your profile and count on data sets that have them.",
                icon=":material/info:",
            )
        _questionnaire(
            "values", VALUE_PROMPT, WORK_VALUE_NAMES, score_work_values, apply_work_values
        )
    with skills:
        _skills(eng)
    with text:
        _free_text(eng)
    prof = state.profile()
    if prof is not None and not prof.is_empty:
        with st.container(horizontal=True):
            st.page_link(str(nav.PIVOTS.path), label="See your pivots", icon=":material/alt_route:")
            st.download_button(
                "Download your profile (JSON)",
                data=prof.model_dump_json(indent=2),
                file_name="careerpivot-profile.json",
                mime="application/json",
                icon=":material/download:",
                on_click="ignore",
                help="Upload it on the Start page another time to carry on from here.",
            )


# ----- rating questionnaires -----------------------------------------------------------------
def _sheet(name: str) -> AnswerSheet:
    kept = state.saved_answers(name)
    if isinstance(kept, AnswerSheet):
        return kept
    if name == "interests":
        return AnswerSheet(instrument="interests", form="short")
    return AnswerSheet(instrument="values", form="long")


def _first_open(items: Sequence[Any], sheet: AnswerSheet) -> int:
    """The place of the first item without an answer (0 when all are answered): where a
    person who comes back, after a reload or through their link, goes on."""
    return next((n for n, i in enumerate(items) if i.id not in sheet.answers), 0)


def _questionnaire(
    name: str, prompt: str, names: Mapping[str, str], score: Scorer, apply: Apply
) -> None:
    inst = assess.instrument(name)
    sheet = _sheet(name)
    items = inst.items_on(sheet.form)
    answered = sum(i.id in sheet.answers for i in items)
    st.progress(answered / len(items), text=f"{answered} of {len(items)} answered")
    page_key = f"cp_page_{name}"
    n_pages = assess.pages(len(items))
    if page_key not in st.session_state:  # a new session (a reload, the link): resume
        st.session_state[page_key] = _first_open(items, sheet) // assess.PAGE_SIZE
    page = min(int(st.session_state[page_key]), n_pages - 1)
    st.markdown(f"**{prompt}**")

    def answer(item_id: str) -> None:
        value = st.session_state[f"w_{name}_{item_id}"]
        current = _sheet(name)
        state.keep_answers(
            name,
            current.without_answers([item_id])
            if value is None
            else current.with_answers({item_id: int(value)}),
        )

    for item in items[page * assess.PAGE_SIZE : (page + 1) * assess.PAGE_SIZE]:
        given = sheet.answers.get(item.id)
        st.radio(
            item.text,
            list(range(1, inst.max_answer + 1)),
            index=None if given is None else given - 1,
            format_func=lambda a: phone.unbroken(inst.responses[a - 1]),
            horizontal=True,
            key=f"w_{name}_{item.id}",
            on_change=answer,
            args=(item.id,),
        )
    with st.container(horizontal=True):
        if st.button("Previous", key=f"w_{name}_prev", disabled=page == 0):
            st.session_state[page_key] = page - 1
            st.rerun()
        st.caption(f"Page {page + 1} of {n_pages}")
        if st.button("Next", key=f"w_{name}_next", disabled=page >= n_pages - 1):
            st.session_state[page_key] = page + 1
            st.rerun()
    if sheet.form == "short" and "long" in inst.forms:
        more = len(inst.items_on("long")) - len(items)
        if st.button(
            f"Answer {more} more statements (long form) for a steadier result",
            key=f"w_{name}_long",
        ):
            state.keep_answers(
                name,
                AnswerSheet(instrument=sheet.instrument, form="long", answers=dict(sheet.answers)),
            )
            st.rerun()
    _results(name, sheet, inst, names, score, apply)
    _save_or_continue(name, sheet, inst)


def _results(
    name: str,
    sheet: AnswerSheet,
    inst: Instrument,
    names: Mapping[str, str],
    score: Scorer,
    apply: Apply,
) -> None:
    st.subheader("Your scores")
    try:
        result = score(sheet, inst)
    except AssessmentError as exc:
        st.error(
            f"These answers cannot be scored: {tables.md(str(exc))}. Clear them and answer again."
        )
        return
    if result.partial:
        st.caption(
            f"Partial result, {result.basis()}: each score is the average of the statements "
            "answered so far, and firms up as you answer more."
        )
    elif result.complete:
        st.caption(f"Result {result.basis()}.")
    st.dataframe(
        assess.scale_frame(result, names),
        hide_index=True,
        column_config={
            "Score (1-7)": st.column_config.ProgressColumn(
                "Score (1-7)", min_value=1, max_value=7, format="%.1f"
            )
        },
    )
    for w in result.warnings:
        if not (result.partial and w.code == "incomplete"):  # said by the caption above
            st.warning(w.message)
    shown = result.usable_scores() if result.usable else result.scores
    if name == "interests" and shown:
        code = holland_code(shown)
        st.markdown(
            f"Strongest interests so far: **{code}** (" + ", ".join(names[t] for t in code) + ")."
        )
    if not result.usable:
        st.info(
            "Keep going: a first result comes once each of the six scales has an answer "
            f"({result.answered} of {result.asked} answered so far)."
        )
        return
    base = state.profile() or Profile()
    updated = apply(base, result)
    if updated != base:
        state.update_profile(updated)
    if result.partial:
        st.success(
            f"This partial result ({result.basis()}) is part of your profile; your pivots use "
            "it, and it is updated with every answer."
        )
    else:
        st.success("These scores are part of your profile; your pivots use them.")


def _save_or_continue(name: str, sheet: AnswerSheet, inst: Instrument) -> None:
    with st.expander("Save your answers or carry on from a saved file"):
        st.download_button(
            "Download your answers (JSON)",
            data=sheet.model_dump_json(indent=2),
            file_name=f"careerpivot-{name}-answers.json",
            mime="application/json",
            key=f"w_{name}_download",
            on_click="ignore",
        )
        upload = st.file_uploader("Answers file (JSON)", type=["json"], key=f"w_{name}_upload")
        if upload is None:
            return
        try:
            loaded = parse_answer_sheet(upload.getvalue().decode("utf-8"), inst, source=upload.name)
        except UnicodeDecodeError:
            st.error(
                f"{tables.md(upload.name)} is not a text file. Upload a file saved from this page."
            )
            return
        except CareerPivotError as exc:
            st.error(
                f"{tables.md(str(exc))}. Upload a file saved with “Download your answers” on "
                "this tab."
            )
            return
        if loaded != sheet:
            st.button(
                f"Use the {len(loaded.answers)} answers in {tables.md(upload.name)}",
                key=f"w_{name}_use",
                on_click=_use_answers,
                args=(name, loaded, inst),
            )


def _use_answers(name: str, sheet: AnswerSheet, inst: Instrument) -> None:
    """Replace a questionnaire's answers (a callback: runs before the radios are drawn)."""
    state.keep_answers(name, sheet)
    for item in inst.items:
        st.session_state.pop(f"w_{name}_{item.id}", None)  # redraw from the new answers


# ----- skills --------------------------------------------------------------------------------
def _skills(eng: Engine) -> None:
    ds = eng.dataset
    prof = state.profile() or Profile()
    if prof.seeded_from:
        st.caption(
            "The sliders start at the levels of the role you started from; move only the "
            "ones where you differ. 0 = never done it, 7 = leads the field."
        )
    else:
        st.caption(
            "Rate what you know (0 = never done it, 7 = leads the field). Tip: starting from "
            "your last job on the Start page fills these in for you."
        )
    kind = st.segmented_control(
        "Show",
        ["skill", "knowledge"],
        default="skill",
        required=True,
        format_func=lambda k: "Skills" if k == "skill" else "Knowledge areas",
        key="w_skills_kind",
    )

    def rate(descriptor_id: str) -> None:
        base = state.profile() or Profile()
        level = float(st.session_state[f"w_skill_{descriptor_id}"])
        try:
            update = adjust_skills(base, {descriptor_id: level}, ds)
        except CareerPivotError as exc:
            st.session_state["cp_skill_error"] = str(exc)
            return
        state.update_profile(update.profile)

    error = st.session_state.pop("cp_skill_error", None)
    if error:
        st.error(f"That rating was not kept: {tables.md(str(error))}.")
    categories: dict[str, list[str]] = {}
    for q in assess.questions(ds.name):
        if q.kind == kind:
            categories.setdefault(ds.descriptor(q.descriptor_id).category or "Other", []).append(
                q.descriptor_id
            )
    by_id = {q.descriptor_id: q for q in assess.questions(ds.name)}
    for n, (category, ids) in enumerate(categories.items()):
        rated = sum(d in prof.ratings for d in ids)
        with st.expander(f"{tables.md(category)} ({rated} of {len(ids)} rated)", expanded=n == 0):
            for d in ids:
                q = by_id[d]
                now = prof.ratings.get(d)
                value = st.slider(
                    tables.md(f"{q.name}: {q.question}"),
                    0.0,
                    7.0,
                    value=round((now or 0.0) * 2) / 2,
                    step=0.5,
                    key=f"w_skill_{d}",
                    on_change=rate,
                    args=(d,),
                )
                # The rule every page uses: the nearest anchor, "below"/"above" it when
                # the level is not close (3.5 read as the level-2 example before). The
                # slider moves in half levels; an unmoved one names the profile's own level
                # (4.4, as the other pages show it), not the slider's 4.5.
                level = now if now is not None and abs(now - value) < 0.25 else value
                anchor = anchor_phrase(q.anchors, level) if level > 0 else "never done it"
                st.caption(
                    f"Level {level_number(level)} of 7"
                    + (f" ({tables.md(anchor)})" if anchor else "")
                    + ("" if now is not None else " · not rated yet")
                    + (" · the slider shows it to the nearest half level" if level != value else "")
                )
    for w in rating_warnings(prof.ratings, ds):
        st.warning(w.message)


def _free_text(eng: Engine) -> None:
    ds = eng.dataset
    st.caption(
        "Paste a list of your skills or a paragraph of your CV. Nothing goes into your "
        "profile until you tick it and press the button."
    )
    if "w_cv_text" not in st.session_state:  # kept in the workspace: back after a reload
        kept = state.choice(state.ASSESSMENT_CV_TEXT)
        st.session_state["w_cv_text"] = kept if isinstance(kept, str) else ""
    text = st.text_area(
        "Your skills, tools and experience",
        placeholder="e.g. SQL, Tableau, stakeholder management, ran a team of 5",
        key="w_cv_text",
        max_chars=assess.CV_TEXT_MAX,
    )
    state.set_choice(state.ASSESSMENT_CV_TEXT, text or None)
    if not text.strip():
        return
    found = assess.matcher(ds.name).match(text)
    if not found:
        st.info(
            "No skills or tools recognised. Try naming them plainly, one per line "
            "(“Excel”, “customer service”, “forklift”)."
        )
        return
    prof = state.profile() or Profile()
    st.markdown("**Found in what you wrote** (untick what is wrong):")
    ticked: list[str] = []
    for c in found:
        level = prof.ratings.get(c.descriptor_id)
        where = (
            f"already rated {level:.1f}"
            if level is not None
            else f"would be added at level {default_level(ds, c.descriptor_id):.1f}"
        )
        label = tables.md(f"{tables.with_kind(c.name, c.kind)}, from “{c.matched}”; {where}")
        if st.checkbox(label, value=c.confidence >= 0.8, key=f"w_cv_{c.descriptor_id}"):
            ticked.append(c.descriptor_id)
    st.caption(
        "New ones get the level most roles that rely on them need; adjust skills and "
        "knowledge on the Skills tab."
    )
    st.button(
        f"Add {len(ticked)} to my profile",
        type="primary",
        disabled=not ticked,
        key="w_cv_add",
        on_click=_add_confirmed,
        args=(eng, ticked),
    )
    done = st.session_state.pop("cp_cv_result", None)
    if done:
        kind, message = done
        (st.success if kind == "ok" else st.error)(tables.md(message))


def _add_confirmed(eng: Engine, ticked: list[str]) -> None:
    """Put the ticked matches into the profile (a callback, so the sliders redraw)."""
    ds = eng.dataset
    prof = state.profile() or Profile()
    try:
        update = apply_confirmed(prof, [ConfirmedMatch(d) for d in ticked], ds)
    except CareerPivotError as exc:
        st.session_state["cp_cv_result"] = ("error", f"Nothing was added: {exc}.")
        return
    state.update_profile(update.profile)
    for d in update.changed:
        st.session_state.pop(f"w_skill_{d}", None)
    added = [ds.descriptor(d).name for d in update.changed]
    st.session_state["cp_cv_result"] = (
        "ok",
        f"Added {', '.join(added)}." if added else "All of these were already rated.",
    )


main()
