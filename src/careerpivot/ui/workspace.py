"""The person's workspace: what they enter is saved as they go, under a private link.

Every run of the app starts with :func:`begin` and ends with :func:`finish`.
``begin`` restores the workspace named by the link's token (``?w=...`` in the URL)
once per browser session; ``finish`` collects what the session holds (profile,
answers, shortlist, hidden roles, target role, the person's own rejection log and
their choices on the pages: filters, order, ..., see :mod:`careerpivot.ui.choices`)
and saves it to the store when it changed. The first change creates the workspace and
puts its token in the URL, so a reload, or the link opened elsewhere, brings it back.

While a counselor works with a client loaded from the Clients page, the session
holds that client's records, which are saved to the client's record instead; the
workspace is left as it was.
"""

from __future__ import annotations

import datetime as dt
import logging
from typing import Any

import streamlit as st
from sqlalchemy.exc import SQLAlchemyError

from careerpivot.errors import CareerPivotError
from careerpivot.ui import cache, choices, state

log = logging.getLogger(__name__)

PARAM = "w"  # the URL query parameter holding the token
TOKEN = "cp_ws_token"  # the session's workspace token (once it has one)
CHECKED = "cp_ws_checked"  # True once the link of this session was looked at
SAVED = "cp_ws_saved"  # the JSON last saved (saves happen only when it changes)
UNREAD = "cp_ws_unread"  # stored rejection records this version cannot read (kept as they are)
PROBLEM = "cp_ws_problem"  # a message for the next run
DISABLED = "cp_ws_disabled"  # the store could not be used: keep working, say so once
#: Session keys holding what a person entered (replaced when a workspace is applied).
_PERSON_KEYS = (
    "w_",
    state.ANSWERS,
    state.FILTERS,
    state.REJECTIONS,
    "cp_page_",
    "cp_rej_",
    "cp_choice_",
    UNREAD,
)


def _store() -> Any:
    from careerpivot.store import database_url

    return cache.store(database_url())


# ----- the session <-> the workspace document ---------------------------------------------------
def collect() -> Any:
    """The session's workspace document (a :class:`careerpivot.store.WorkspaceData`)."""
    from careerpivot.store import WorkspaceData, WorkspaceRejection

    answers: dict[str, dict[str, Any]] = {}
    for name in ("interests", "values"):
        sheet = state.saved_answers(name)
        if sheet is not None and hasattr(sheet, "model_dump"):
            answers[name] = sheet.model_dump(mode="json")
    rejections = [WorkspaceRejection.model_validate(r) for r in st.session_state.get(UNREAD, [])]
    logs = st.session_state.get(state.REJECTIONS)
    own = logs.get(state.client_owner(None)) if isinstance(logs, dict) else None
    if own is not None:
        from careerpivot.rejections.records import LOG_SCHEMA_VERSION

        rejections += [
            WorkspaceRejection(schema_version=LOG_SCHEMA_VERSION, payload=r.model_dump(mode="json"))
            for r in own.log.records
        ]
    return WorkspaceData(
        dataset=state.dataset_name(),
        profile=state.profile(),
        answers=answers,
        shortlist=state.shortlist(),
        dismissed=state.dismissed(),
        target=state.target(),
        rejections=rejections,
        choices=choices.collect(),
    )


def apply(data: Any) -> list[str]:
    """Put a workspace document into the session; returns what could not be used (kept aside).

    Widget values of the pages are dropped, so every widget is drawn again from the
    restored state.
    """
    problems: list[str] = []
    for key in [k for k in st.session_state if str(k).startswith(_PERSON_KEYS)]:
        del st.session_state[key]
    if data.dataset:
        state.set_dataset(data.dataset)
    st.session_state[state.PROFILE] = data.profile
    st.session_state[state.SHORTLIST] = list(data.shortlist)
    st.session_state[state.DISMISSED] = list(data.dismissed)
    st.session_state[state.TARGET] = data.target
    problems += _apply_answers(data.answers)
    problems += _apply_rejections(data.rejections)
    problems += choices.apply(data.choices, data.profile)
    return problems


def _apply_answers(answers: dict[str, dict[str, Any]]) -> list[str]:
    if not answers:
        return []
    try:
        from careerpivot.assessment import AnswerSheet
    except ImportError:
        return ["questionnaire answers (this installation has no self-assessment)"]
    problems = []
    for name, raw in answers.items():
        try:
            sheet = AnswerSheet.model_validate(raw)
        except ValueError as exc:
            problems.append(f"the {name} answers ({str(exc).splitlines()[0]})")
            continue
        state.keep_answers(name, sheet)
    return problems


def _apply_rejections(records: list[Any]) -> list[str]:
    if not records:
        return []
    try:
        from careerpivot.rejections import ApplicationRecord, RejectionLog, records_from_payloads
        from careerpivot.ui.rejection_state import KeptLog
    except ImportError:
        st.session_state[UNREAD] = [r.model_dump(mode="json") for r in records]
        return [f"{len(records)} logged application(s) (this installation has no rejection log)"]
    results = records_from_payloads(
        ((r.schema_version, r.payload) for r in records), source="your saved data"
    )
    good = [r for r in results if isinstance(r, ApplicationRecord)]
    bad = [
        (rec, str(res))
        for rec, res in zip(records, results, strict=True)
        if not isinstance(res, ApplicationRecord)
    ]
    st.session_state[UNREAD] = [rec.model_dump(mode="json") for rec, _ in bad]
    logs = st.session_state.setdefault(state.REJECTIONS, {})
    logs[state.client_owner(None)] = KeptLog(RejectionLog(records=tuple(good)))
    return [f"an application that could not be read, kept as it is ({why})" for _, why in bad]


# ----- every run ----------------------------------------------------------------------------------
def token() -> str | None:
    """This session's workspace token, once it has one."""
    t = st.session_state.get(TOKEN)
    return str(t) if t else None


def begin() -> None:
    """Restore the workspace of the link once per session; keep the token in the URL."""
    if not st.session_state.get(CHECKED):
        st.session_state[CHECKED] = True
        _restore(str(st.query_params.get(PARAM, "")))
    t = token()
    if t is not None and st.query_params.get(PARAM) != t:
        st.query_params[PARAM] = t  # moving between pages drops it from the address


def _restore(given: str) -> None:
    from careerpivot.store.workspace import valid_token

    if not given:
        return
    if not valid_token(given):
        st.session_state[PROBLEM] = (
            "info",
            "This link does not name a saved workspace (it looks cut short). Check the link; "
            "until then you are starting afresh.",
        )
        st.query_params.pop(PARAM, None)
        return
    try:
        data = _store().open_workspace(given)
    except (CareerPivotError, SQLAlchemyError) as exc:
        # Leave the stored workspace as it is and do not save over it in this session.
        st.session_state[DISABLED] = True
        st.session_state[PROBLEM] = (
            "error",
            f"Your saved work could not be opened ({_reason(exc)}). Nothing was changed; "
            "what you do now is not saved. Try the link again later.",
        )
        return
    if data is None:
        st.session_state[PROBLEM] = (
            "info",
            "Nothing is saved at this link any more (it was cleared with “Start over”, "
            "removed after a long time unopened, or turned into a counselor's client "
            "record). You are starting afresh.",
        )
        st.query_params.pop(PARAM, None)
        return
    missing = missing_dataset(data)
    if missing is not None:
        # Applying it would drop the roles the starter set lacks at the next save.
        st.session_state[DISABLED] = True
        st.session_state[PROBLEM] = (
            "error",
            f"Your saved work uses data set {missing!r}, which is not installed here now. "
            "Nothing was changed, and what you do now is not saved; import that data set "
            "again (`careerpivot data import-onet`), then reopen your link.",
        )
        return
    problems = apply(data)
    st.session_state[TOKEN] = given
    st.session_state[SAVED] = _json(collect())
    if problems:
        st.session_state[PROBLEM] = (
            "warning",
            "Some of your saved data could not be used and was left out: " + "; ".join(problems),
        )


def finish() -> None:
    """Save the session's workspace when it changed (creating it on the first change)."""
    if st.session_state.get(DISABLED) or state.loaded_client() is not None:
        return
    try:
        data = collect()
    except (CareerPivotError, ValueError) as exc:
        log.warning("workspace not collected: %s", exc)
        return
    text = _json(data)
    if text == st.session_state.get(SAVED):
        return
    t = token()
    if t is None and data.is_empty:
        return
    try:
        if t is None:
            t = _store().create_workspace(data)
            st.session_state[TOKEN] = t
            st.query_params[PARAM] = t
        else:
            _store().save_workspace(t, data)
    except (CareerPivotError, SQLAlchemyError) as exc:
        st.error(
            f"Your latest change could not be saved ({_reason(exc)}). It is kept in this "
            "window; use “Download my data” on the Start page to keep a copy."
        )
        return
    st.session_state[SAVED] = text


def show_problem() -> None:
    """Say once what happened to the workspace of the link (restored in part, gone, ...)."""
    kind, message = st.session_state.pop(PROBLEM, (None, None))
    if kind == "error":
        st.error(message)
    elif kind == "warning":
        st.warning(message)
    elif kind == "info":
        st.info(message)
    elif kind == "success":
        st.success(message)


def missing_dataset(data: Any) -> str | None:
    """The data set a workspace was made with, when it is not installed here (else None)."""
    name = getattr(data, "dataset", None)
    if not name or name in {i.name for i in cache.datasets()}:
        return None
    return str(name)


def token_from_link(link: str) -> str | None:
    """The token in a private link (or a bare token); ``None`` when there is none.

    >>> token_from_link("http://127.0.0.1:8501/pivots?w=" + "a" * 32) == "a" * 32
    True
    """
    from urllib.parse import parse_qs, urlparse

    from careerpivot.store.workspace import valid_token

    text = link.strip()
    if valid_token(text):
        return text
    found = parse_qs(urlparse(text).query).get(PARAM, [""])[0]
    return found if valid_token(found) else None


def forget() -> None:
    """Stop keeping this session's work in a workspace (it became a client's record)."""
    for key in (TOKEN, SAVED, UNREAD):
        st.session_state.pop(key, None)
    st.query_params.pop(PARAM, None)


def start_over() -> None:
    """Erase the workspace and everything the session holds; the link is dropped."""
    t = token()
    if t is not None:
        try:
            _store().delete_workspace(t)
        except (CareerPivotError, SQLAlchemyError) as exc:
            st.session_state[PROBLEM] = ("error", f"Could not clear it ({_reason(exc)}).")
            return
    for key in list(st.session_state):
        if str(key).startswith(("w_", "cp_")):
            del st.session_state[key]
    st.session_state[CHECKED] = True
    st.query_params.pop(PARAM, None)
    st.query_params.pop("with", None)  # the client worked with (ui/counselor.py) goes too


def replace_with(data: Any) -> None:
    """Use an uploaded data file: it replaces what the session and the workspace hold."""
    problems = apply(data)
    st.session_state.pop(SAVED, None)  # saved at the end of this run
    if problems:
        st.session_state[PROBLEM] = (
            "warning",
            "Loaded the file, but left out what could not be used: " + "; ".join(problems),
        )
    else:
        st.session_state[PROBLEM] = ("success", "Loaded your data file.")


def download_text() -> str:
    """The "Download my data" file."""
    from careerpivot.store import dump_workspace

    return str(dump_workspace(collect().model_copy(update={"saved": dt.datetime.now(dt.UTC)})))


def _json(data: Any) -> str:
    from careerpivot.store.workspace import to_json

    return str(to_json(data))


def _reason(exc: BaseException) -> str:
    return str(getattr(exc, "orig", None) or exc).strip().splitlines()[0]
