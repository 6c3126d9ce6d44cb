"""The Rejections page's editing: add, change and delete applications, import and export.

Every change goes through :func:`careerpivot.rejections.validate_record` and the log's
own methods (which return a new log), then :func:`rejection_state.set_log`; a change
that fails leaves the log as it was and says why on the next run.
"""

from __future__ import annotations

import datetime as dt
import zlib
from typing import Any

import streamlit as st
from sqlalchemy.exc import SQLAlchemyError

from careerpivot.engine import TITLE_QUERY_MAX, Engine
from careerpivot.errors import CareerPivotError, DataValidationError
from careerpivot.rejections import (
    CHANNELS,
    OUTCOMES,
    STAGES,
    ApplicationRecord,
    RejectionLog,
    format_log_csv,
    format_log_json,
    parse_log_csv,
    parse_log_json,
    validate_record,
)
from careerpivot.ui import cache, state, tables
from careerpivot.ui import rejection_state as rs
from careerpivot.ui import rejection_text as rt
from careerpivot.ui.choices import DRAFT_CHOICES, DRAFT_TEXTS

FLASH = "cp_rej_flash"  # (kind, message) to show once, on the next run
UNDO = "cp_rej_undo"  # the log before the last delete
UPLOADS = "cp_rej_uploads"  # bumped after an import, to clear the file uploader
NEW = "w_rej_new"  # key prefix of the "add" form
REFOCUS = "cp_rej_refocus"  # put the cursor back in the add form's first field
#: Set once an application was added in this session: the add form then stays open, so
#: the next search (a rerun) does not fold it away in the middle of typing.
ADDING = "cp_rej_adding"
#: Moves the cursor to the "Role title" field once the emptied form is drawn.
FOCUS_SCRIPT = """
<script>
setTimeout(() => {
  const doc = window.parent ? window.parent.document : document;
  const box = doc.querySelector('input[aria-label="Role title"]');
  if (box) { box.focus(); box.scrollIntoView({block: "center"}); }
}, 400);
</script>
"""
FIELDS = ("title", "occ_key", "org", "date", "channel", "stage", "outcome", "feedback", "notes")
NO_MATCH = ""  # the occupation choice "none of these"
EARLIEST = dt.date(1950, 1, 1)


def flash(kind: str, message: str) -> None:
    """Keep a message for the next run (callbacks run before the page is drawn)."""
    st.session_state[FLASH] = (kind, message)


def show_flash() -> None:
    """Show the message a callback left, with an undo button after a delete.

    The message goes in a container drawn on every run, so the elements below keep
    their place when it comes and goes (else the browser redraws them: open
    expanders close and a file just chosen in the uploader is dropped).
    """
    kind, message = st.session_state.pop(FLASH, (None, None))
    with st.container():
        if kind == "error":
            st.error(rt.plain(message))
        elif kind == "deleted":
            st.success(rt.plain(message))
            st.button("Undo", icon=":material/undo:", key="w_rej_undo", on_click=_undo)
        elif kind == "success":
            st.success(rt.plain(message))


def _change(new: RejectionLog, done: str) -> bool:
    """Keep ``new`` (saving a client's log); on failure say so and keep the old log."""
    try:
        rs.set_log(new)
    except (CareerPivotError, SQLAlchemyError) as exc:
        reason = str(getattr(exc, "orig", None) or exc).splitlines()[0]
        flash("error", f"Nothing was changed: the client's record could not be saved ({reason}).")
        return False
    flash("success", done)
    return True


# ----- the fields of one application ------------------------------------------------------------
def fields(eng: Engine, prefix: str, record: ApplicationRecord | None = None) -> None:
    """The widgets of one application (empty for a new one, else filled from ``record``)."""
    ds = eng.dataset
    title = st.text_input(
        "Role title",
        value=record.role_title if record else "",
        key=f"{prefix}_title",
        max_chars=TITLE_QUERY_MAX,  # the record's limit, and the title search's
        placeholder="As in the job ad, e.g. Data Analyst",
    )
    result = cache.search(ds.name, title.strip()) if title.strip() else None
    hits = list(result) if result is not None else []
    codes = [h.code for h in hits]
    # close matches: the person picks one (never silently the first)
    unsure = result is not None and result.ambiguous and record is None
    current = record.occupation_code if record else None
    if current and current not in codes and current in ds.occupation_index:
        codes.insert(0, current)
    options = [*codes, NO_MATCH]
    names = {o.code: o.title for o in ds.occupations}
    # One choice per title: a new title starts at its best match (the browser would
    # otherwise keep "None of these", chosen while the title was still empty).
    occ_key = f"{prefix}_occ_{zlib.crc32(title.strip().lower().encode()):08x}"
    st.session_state[f"{prefix}_occ_key"] = occ_key
    if unsure and result is not None and result.loose:
        st.caption(
            "No occupation is a close match for this title. Did you mean: "
            + "; ".join(f"**{m.title}** ({m.description})" for m in result.choices)
            + "? If not, choose “None of these”."
        )
    elif unsure and result is not None:
        st.caption(
            "This title fits several occupations about equally well: "
            + "; ".join(f"**{m.title}** ({m.description})" for m in result.choices)
        )
    st.selectbox(
        "Matching occupation",
        options,
        index=options.index(current) if current in options else None if unsure else 0,
        placeholder="Choose the closest occupation",
        key=occ_key,
        format_func=lambda c: (
            names.get(c, c) if c else "None of these" if title.strip() else "Type the title first"
        ),
        disabled=not title.strip(),
        help="The occupation CareerPivot compares this role with: pick the closest one "
        "found for the title (typos and other names are fine), or None of these.",
    )
    st.text_input("Organisation", value=record.organisation if record else "", key=f"{prefix}_org")
    left, right = st.columns(2)
    with left:
        st.date_input(
            "Date applied",
            value=record.date if record else dt.date.today(),
            min_value=EARLIEST,
            format="YYYY-MM-DD",
            key=f"{prefix}_date",
        )
        st.selectbox(
            "Furthest stage reached",
            STAGES,
            index=STAGES.index(record.stage_reached) if record else 0,
            format_func=rt.STAGE_LABELS.__getitem__,
            key=f"{prefix}_stage",
        )
    with right:
        st.selectbox(
            "How you applied",
            CHANNELS,
            index=CHANNELS.index(record.channel) if record else 0,
            format_func=rt.CHANNEL_LABELS.__getitem__,
            key=f"{prefix}_channel",
        )
        st.selectbox(
            "Outcome",
            OUTCOMES,
            index=OUTCOMES.index(record.outcome) if record else 0,
            format_func=rt.OUTCOME_LABELS.__getitem__,
            key=f"{prefix}_outcome",
        )
    st.text_area(
        "What they told you",
        value=record.feedback if record else "",
        key=f"{prefix}_feedback",
        placeholder="Their words, as closely as you can. Leave empty if they said nothing.",
        height=100,
    )
    st.text_area(
        "Your own notes",
        value=record.notes if record else "",
        key=f"{prefix}_notes",
        placeholder="How it went, what you would do differently",
        height=80,
    )


def _typed(prefix: str, record_id: str) -> dict[str, Any]:
    """What the fields hold, as a record's data."""
    get = st.session_state.get
    day = get(f"{prefix}_date")
    return {
        "id": record_id,
        "role_title": str(get(f"{prefix}_title") or ""),
        "occupation_code": get(str(get(f"{prefix}_occ_key"))) or None,
        "organisation": str(get(f"{prefix}_org") or ""),
        "date": day.isoformat() if isinstance(day, dt.date) else str(day or ""),
        "channel": get(f"{prefix}_channel"),
        "stage_reached": get(f"{prefix}_stage"),
        "outcome": get(f"{prefix}_outcome"),
        "feedback": str(get(f"{prefix}_feedback") or ""),
        "notes": str(get(f"{prefix}_notes") or ""),
    }


def _clear(prefix: str) -> None:
    """Empty the fields. Values are set, not just dropped: a dropped value leaves the
    browser showing what was typed, and the next "Add" would send it again."""
    st.session_state.pop(str(st.session_state.get(f"{prefix}_occ_key")), None)
    st.session_state.pop(f"{prefix}_occ_key", None)
    blank: dict[str, Any] = {
        "title": "",
        "org": "",
        "feedback": "",
        "notes": "",
        "date": dt.date.today(),
        "channel": CHANNELS[0],
        "stage": STAGES[0],
        "outcome": OUTCOMES[0],
    }
    for name, value in blank.items():
        st.session_state[f"{prefix}_{name}"] = value


def _dropped(prefix: str) -> None:
    """Forget the fields of an entry that is gone (its widgets are not drawn again)."""
    st.session_state.pop(str(st.session_state.get(f"{prefix}_occ_key")), None)
    for name in FIELDS:
        st.session_state.pop(f"{prefix}_{name}", None)


def _same_entry(a: ApplicationRecord, b: ApplicationRecord) -> bool:
    """True when two records say the same thing (ids aside): a second "Add" of one entry."""
    return a.model_dump(exclude={"id"}) == b.model_dump(exclude={"id"})


def _checked(prefix: str, record_id: str) -> ApplicationRecord | None:
    try:
        return validate_record(_typed(prefix, record_id))
    except DataValidationError as exc:
        flash("error", f"Not saved. {rt.form_error(exc)}")
        return None


# ----- add, change, delete ----------------------------------------------------------------------
def add_form(eng: Engine, *, expanded: bool) -> None:
    """The "add an application" form; after an add it is empty and the cursor is back in
    its first field, ready for the next one."""
    refocus = st.session_state.pop(REFOCUS, False)
    keep_open = expanded or refocus or bool(st.session_state.get(ADDING))
    own = state.loaded_client() is None  # a client's form is theirs: not the person's draft
    draft = state.choice(state.REJECTION_DRAFT) if own else None
    if isinstance(draft, dict) and f"{NEW}_title" not in st.session_state:
        _seed(draft)
        keep_open = True
    with st.expander("Add an application", icon=":material/add:", expanded=keep_open):
        fields(eng, NEW)
        st.button("Add application", type="primary", key="w_rej_add", on_click=_add)
    if own:
        state.set_choice(state.REJECTION_DRAFT, _draft())
    with st.container():  # drawn on every run, so what follows keeps its place
        if refocus:
            st.html(FOCUS_SCRIPT, unsafe_allow_javascript=True)


def _draft() -> dict[str, str] | None:
    """The add form's fields while something is typed in them (kept in the workspace, so a
    reload or a visit to another page loses nothing); None while they are empty."""
    get = st.session_state.get
    texts = {n: str(get(f"{NEW}_{n}") or "")[:most] for n, most in DRAFT_TEXTS.items()}
    if not any(v.strip() for v in texts.values()):
        return None
    draft = {n: v for n, v in texts.items() if v}
    day = get(f"{NEW}_date")
    if isinstance(day, dt.date):
        draft["date"] = day.isoformat()
    for name in DRAFT_CHOICES:
        if get(f"{NEW}_{name}"):
            draft[name] = str(get(f"{NEW}_{name}"))
    return draft


def _seed(draft: dict[str, str]) -> None:
    """Put a kept draft back in the add form's fields (checked when it was read back)."""
    for name in (*DRAFT_TEXTS, *DRAFT_CHOICES):
        if name in draft:
            st.session_state[f"{NEW}_{name}"] = draft[name]
    if "date" in draft:
        st.session_state[f"{NEW}_date"] = dt.date.fromisoformat(draft["date"])


def _add() -> None:
    log = rs.kept().log
    record = _checked(NEW, log.next_id())
    if record is None:
        return
    if any(_same_entry(record, r) for r in log.records):  # a double click, or Add again
        flash("error", f"Not added again: {record.label} is already in your log, as typed.")
        _clear(NEW)
        return
    if _change(log.add(record), f"Added {record.label}."):
        _clear(NEW)
        st.session_state[REFOCUS] = True
        st.session_state[ADDING] = True


def edit_form(eng: Engine, log: RejectionLog) -> None:
    """Pick an application, then change or delete it."""
    with st.expander("Change or delete an application", icon=":material/edit:"):
        by_date = sorted(log.records, key=lambda r: (r.date, r.id), reverse=True)
        labels = {r.id: r.label for r in by_date}
        rid = st.selectbox(
            "Application", list(labels), format_func=labels.__getitem__, key="w_rej_pick"
        )
        if rid is None:
            return
        prefix = f"w_rej_e_{rid}"
        fields(eng, prefix, log.get(str(rid)))
        with st.container(horizontal=True):
            st.button("Save changes", key="w_rej_save", on_click=_save, args=(prefix, rid))
            st.button(
                "Delete this application",
                key="w_rej_delete",
                icon=":material/delete:",
                on_click=_delete,
                args=(rid,),
            )


def _save(prefix: str, record_id: str) -> None:
    log = rs.kept().log
    record = _checked(prefix, record_id)
    if record is not None and record_id in log.ids:
        _change(log.replace(record), f"Saved the changes to {record.label}.")


def _delete(record_id: str) -> None:
    log = rs.kept().log
    if record_id not in log.ids:
        return
    label = log.get(record_id).label
    if _change(log.remove(record_id), ""):
        st.session_state[UNDO] = log
        _dropped(f"w_rej_e_{record_id}")
        flash("deleted", f"Deleted {label}.")


def _undo() -> None:
    before = st.session_state.pop(UNDO, None)
    if isinstance(before, RejectionLog):
        _change(before, "Brought the application back.")


# ----- import and export ------------------------------------------------------------------------
def import_export(log: RejectionLog) -> None:
    """Download the log as CSV or JSON; add applications from such a file."""
    with st.expander("Import or export the log", icon=":material/swap_vert:"):
        if log.records:
            with st.container(horizontal=True):
                st.download_button(
                    "Download as CSV",
                    data=format_log_csv(log),
                    file_name="careerpivot-rejections.csv",
                    mime="text/csv",
                    icon=":material/download:",
                    on_click="ignore",
                )
                st.download_button(
                    "Download as JSON",
                    data=format_log_json(log),
                    file_name="careerpivot-rejections.json",
                    mime="application/json",
                    icon=":material/download:",
                    on_click="ignore",
                )
        upload = st.file_uploader(
            "Add applications from a file (CSV or JSON)",
            type=["csv", "json"],
            key=f"w_rej_upload_{st.session_state.get(UPLOADS, 0)}",
            help="A file this page exported, or a spreadsheet saved as CSV with the columns "
            "id, role_title, organisation, date (YYYY-MM-DD), channel, stage_reached, "
            "outcome, and optionally occupation_code, feedback, notes.",
        )
        if upload is not None:
            _read_upload(log, upload.name, upload.getvalue())


def _read_upload(log: RejectionLog, name: str, content: bytes) -> None:
    try:
        text = content.decode("utf-8")
        parse = parse_log_csv if name.lower().endswith(".csv") else parse_log_json
        incoming = parse(text, source=name)
    except UnicodeDecodeError:
        st.error(
            f"{rt.plain(name)} was not imported: it is not a UTF-8 text file. Your log is "
            "unchanged."
        )
        return
    except DataValidationError as exc:
        st.error(f"{rt.plain(name)} was not imported: {rt.plain(str(exc))}. Your log is unchanged.")
        return
    known = {r.id: r for r in log.records}
    new = [r for r in incoming.records if r.id not in known]
    differ = [r for r in incoming.records if r.id in known and known[r.id] != r]
    st.markdown(
        f"{rt.plain(name)}: {tables.counted(len(incoming.records), 'application')}, {len(new)} new"
        + (f", {len(differ)} with the id of a different one in your log" if differ else "")
        + "."
    )
    overwrite = False
    if differ:
        overwrite = st.checkbox(
            "Replace the applications in my log that have the same id (else they are left out)",
            key="w_rej_overwrite",
        )
    st.button(
        "Add them to the log",
        key="w_rej_import",
        icon=":material/upload:",
        disabled=not new and not (differ and overwrite),
        on_click=_import,
        args=(incoming, name, overwrite),
    )


def _import(incoming: RejectionLog, name: str, overwrite: bool) -> None:
    """Add the file's new applications; ones whose id names a different application in
    the log replace it with ``overwrite``, else they are left out (and counted)."""
    log = rs.kept().log
    known = {r.id: r for r in log.records}
    clash = [r for r in incoming.records if r.id in known and known[r.id] != r]
    taken = incoming.records if overwrite else [r for r in incoming.records if r not in clash]
    try:
        merged = log.merged(taken, overwrite=overwrite)
    except DataValidationError as exc:
        flash("error", f"Nothing was imported from {name}: {exc}. Your log is unchanged.")
        return
    added = len(merged.records) - len(log.records)
    done = f"Imported {name}: {tables.counted(added, 'new application')}"
    if clash:
        done += f", {len(clash)} replaced" if overwrite else f"; {len(clash)} left out (same id)"
    if _change(merged, done + "."):
        st.session_state[UPLOADS] = int(st.session_state.get(UPLOADS, 0)) + 1
