"""The session's rejection log, and the cached engine-side objects that analyse it.

The log lives in ``st.session_state`` (a key no widget owns, so it survives page
changes), one per owner: the person using the app, or the client a counselor has
loaded on the Clients page. A client's log is read from their record on first use
and every change is written back at once, in one transaction that adds and
deletes only the records that changed (stored records that cannot be read are
left alone). If the write fails, the session keeps the log as stored.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import streamlit as st

from careerpivot.profile import Profile
from careerpivot.rejections import (
    ApplicationRecord,
    FeedbackClassifier,
    Pattern,
    RecordAnalysis,
    RejectionLog,
    Review,
    SkillMatcher,
    analyse_log,
    default_matcher,
    find_patterns,
    records_from_payloads,
    review_log,
    train_default,
)
from careerpivot.rejections.records import LOG_SCHEMA_VERSION
from careerpivot.ui import cache, state


@dataclass(frozen=True)
class KeptLog:
    """One owner's log as the session holds it."""

    log: RejectionLog = field(default_factory=RejectionLog)
    client_id: int | None = None
    client_name: str = ""
    #: Record id -> (store row id, the record as stored), for a client's log.
    rows: dict[str, tuple[int, ApplicationRecord]] = field(default_factory=dict)
    #: Why stored records could not be read (they stay in the store untouched).
    unread: tuple[str, ...] = ()


# ----- the log in the session -----------------------------------------------------------------
def _logs() -> dict[str, KeptLog]:
    logs = st.session_state.get(state.REJECTIONS)
    if not isinstance(logs, dict):
        logs = {}
        st.session_state[state.REJECTIONS] = logs
    return logs


def kept() -> KeptLog:
    """The log of whoever the app is working for, loading a client's from the store once.

    Raises the store's errors (``CareerPivotError``, ``SQLAlchemyError``) when a
    client's records cannot be read; the page says so and offers no editing.
    """
    cid = state.loaded_client()
    key = state.client_owner(cid)
    logs = _logs()
    if key not in logs:
        logs[key] = KeptLog() if cid is None else _load(cid)
    return logs[key]


def _load(client_id: int) -> KeptLog:
    from careerpivot.store import database_url

    snap = cache.store(database_url()).load_client(client_id)
    results = records_from_payloads((e.schema_version, e.payload) for e in snap.rejections)
    rows: dict[str, tuple[int, ApplicationRecord]] = {}
    unread: list[str] = []
    for entry, result in zip(snap.rejections, results, strict=True):
        if isinstance(result, ApplicationRecord):
            rows[result.id] = (entry.id, result)
        else:
            unread.append(str(result))
    log = RejectionLog(records=tuple(rec for _, rec in rows.values()))
    return KeptLog(log, client_id, snap.client.name, rows, tuple(unread))


def set_log(new: RejectionLog) -> None:
    """Replace the log; a client's changes are written to their record first.

    Raises the store's errors when the write fails; the session then keeps the old log.
    """
    current = kept()
    rows = current.rows
    if current.client_id is not None:
        rows = _save(current, new)
    _logs()[state.client_owner(current.client_id)] = KeptLog(
        new, current.client_id, current.client_name, rows, current.unread
    )


def _save(current: KeptLog, new: RejectionLog) -> dict[str, tuple[int, ApplicationRecord]]:
    """Write the difference between the stored log and ``new`` in one transaction."""
    from careerpivot.store import database_url

    assert current.client_id is not None
    wanted = {r.id: r for r in new.records}
    rows: dict[str, tuple[int, ApplicationRecord]] = {}
    with cache.store(database_url()).batch() as w:
        for rid, (row, stored) in current.rows.items():
            if wanted.get(rid) != stored:
                w.delete_rejection(row)
        for record in new.records:
            old = current.rows.get(record.id)
            if old is not None and old[1] == record:
                rows[record.id] = old
            else:
                entry = w.add_rejection(
                    current.client_id, record, schema_version=LOG_SCHEMA_VERSION
                )
                rows[record.id] = (entry.id, record)
    return rows


# ----- cached analysis --------------------------------------------------------------------------
@st.cache_resource(show_spinner="Training the feedback classifier (once)...")
def classifier() -> FeedbackClassifier:
    """The feedback classifier fitted on the shipped corpus (shared by every session)."""
    return train_default()


@st.cache_resource(show_spinner=False, max_entries=4)
def matcher(dataset: str) -> SkillMatcher:
    """Finds the skills and tools feedback names, for one data set."""
    return default_matcher(cache.engine(dataset).dataset)


def log_key(log: RejectionLog) -> str:
    """The cache key of a log: its JSON."""
    return log.model_dump_json()


@st.cache_data(show_spinner="Reading the feedback...", max_entries=64)
def analyse(
    dataset: str, key: str, _log: RejectionLog
) -> tuple[list[RecordAnalysis], list[Pattern]]:
    """Each record's category and named skills, and the patterns (no profile needed)."""
    analyses = analyse_log(_log, classifier(), matcher(dataset))
    return analyses, find_patterns(analyses)


@st.cache_data(show_spinner="Working out patterns, actions and other roles...", max_entries=64)
def review(
    dataset: str,
    key: str,
    _log: RejectionLog,
    profile_key: str,
    _profile: Profile,
    target: str | None,
    name: str,
) -> Review:
    """The whole review of a log for a profile (see :func:`careerpivot.rejections.review_log`)."""
    return review_log(
        _log,
        _profile,
        cache.engine(dataset),
        classifier=classifier(),
        matcher=matcher(dataset),
        target=target,
        name=name,
    )
