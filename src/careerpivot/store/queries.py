"""Read queries over an open database session, returning plain records."""

from __future__ import annotations

import json
import unicodedata
from typing import Any

from sqlalchemy import Connection, func, select, text
from sqlalchemy.orm import Session

from careerpivot.store import convert
from careerpivot.store.errors import ClientNotFoundError
from careerpivot.store.records import (
    Client,
    ClientSnapshot,
    ProfileVersion,
    RejectionEntry,
    SessionEntry,
)
from careerpivot.store.schema import (
    ClientAnswersRow,
    ClientRow,
    PlanRow,
    ProfileVersionRow,
    RejectionRow,
    RoleMarkRow,
    SessionRow,
    SettingRow,
)

CHILD_TABLES = (
    "profile_versions",
    "sessions",
    "role_marks",
    "plans",
    "rejection_records",
    "client_answers",
)


def client_row(s: Session, client_id: int) -> ClientRow:
    """The client's row; :class:`ClientNotFoundError` if there is none."""
    row = s.get(ClientRow, client_id)
    if row is None:
        raise ClientNotFoundError(f"no client with id {client_id} (see `careerpivot client list`)")
    return row


def clients(s: Session, *, include_archived: bool) -> list[Client]:
    """Clients by name, then id."""
    stmt = select(ClientRow).order_by(ClientRow.name, ClientRow.id)
    if not include_archived:
        stmt = stmt.where(ClientRow.archived.is_(False))
    return [convert.client(r) for r in s.scalars(stmt)]


def snapshot(s: Session, client_id: int) -> ClientSnapshot:
    """Everything about one client (latest profile, sessions, roles, plans, rejection log)."""
    row = client_row(s, client_id)
    latest = s.scalars(
        select(ProfileVersionRow)
        .where(ProfileVersionRow.client_id == client_id)
        .order_by(ProfileVersionRow.id.desc())
        .limit(1)
    ).first()
    count = s.scalar(
        select(func.count(ProfileVersionRow.id)).where(ProfileVersionRow.client_id == client_id)
    )
    roles = s.scalars(
        select(RoleMarkRow)
        .where(RoleMarkRow.client_id == client_id)
        .order_by(RoleMarkRow.updated, RoleMarkRow.id)
    )
    plans = s.scalars(
        select(PlanRow).where(PlanRow.client_id == client_id).order_by(PlanRow.id.desc())
    )
    return ClientSnapshot(
        client=convert.client(row),
        profile=convert.profile_version(latest).profile if latest is not None else None,
        profile_versions=int(count or 0),
        profile_dataset=latest.dataset if latest is not None else None,
        sessions=sessions(s, client_id),
        roles=tuple(convert.role_mark(r) for r in roles),
        plans=tuple(convert.plan(r) for r in plans),
        rejections=rejections(s, client_id),
        answers=answers(s, client_id),
    )


def answers(s: Session, client_id: int) -> dict[str, dict[str, Any]]:
    """A client's latest answers to each questionnaire (unreadable ones left out)."""
    rows = s.scalars(
        select(ClientAnswersRow)
        .where(ClientAnswersRow.client_id == client_id)
        .order_by(ClientAnswersRow.instrument)
    )
    out: dict[str, dict[str, Any]] = {}
    for row in rows:
        try:
            sheet = json.loads(row.answers_json)
        except ValueError:
            continue
        if isinstance(sheet, dict):
            out[row.instrument] = sheet
    return out


def profile_history(s: Session, client_id: int) -> list[ProfileVersion]:
    """Every saved profile version, oldest first."""
    client_row(s, client_id)
    rows = s.scalars(
        select(ProfileVersionRow)
        .where(ProfileVersionRow.client_id == client_id)
        .order_by(ProfileVersionRow.id)
    )
    return [convert.profile_version(r) for r in rows]


def sessions(s: Session, client_id: int) -> tuple[SessionEntry, ...]:
    """A client's sessions by date (then entry order)."""
    rows = s.scalars(
        select(SessionRow)
        .where(SessionRow.client_id == client_id)
        .order_by(SessionRow.date, SessionRow.id)
    )
    return tuple(convert.session(r) for r in rows)


def rejections(s: Session, client_id: int) -> tuple[RejectionEntry, ...]:
    """A client's rejection-log records in the order logged."""
    rows = s.scalars(
        select(RejectionRow).where(RejectionRow.client_id == client_id).order_by(RejectionRow.id)
    )
    return tuple(convert.rejection(r) for r in rows)


def setting(s: Session, key: str) -> str | None:
    """An operator setting, ``None`` when unset."""
    row = s.get(SettingRow, key)
    return row.value if row is not None else None


def integrity_problems(conn: Connection) -> list[str]:
    """What is wrong with the database (empty when sound).

    SQLite: ``PRAGMA integrity_check`` and ``foreign_key_check``; PostgreSQL (which
    checks its own pages): child rows whose client is gone.
    """
    if conn.dialect.name == "sqlite":
        problems = [str(r[0]) for r in conn.exec_driver_sql("PRAGMA integrity_check")]
        problems = [p for p in problems if p != "ok"]
        problems += [
            f"foreign key: {tuple(r)}" for r in conn.exec_driver_sql("PRAGMA foreign_key_check")
        ]
        return problems
    problems = []
    for table in CHILD_TABLES:
        orphans = conn.execute(
            text(
                f"SELECT count(*) FROM {table} t "
                "WHERE NOT EXISTS (SELECT 1 FROM clients c WHERE c.id = t.client_id)"
            )
        ).scalar()
        if orphans:
            problems.append(f"{table}: {orphans} rows without a client")
    return problems


def fold(value: str) -> str:
    """Lower-case, accents removed, spaces collapsed: for forgiving name search.

    >>> fold("  José   DÍAZ ")
    'jose diaz'
    """
    decomposed = unicodedata.normalize("NFKD", value.casefold())
    return " ".join("".join(ch for ch in decomposed if not unicodedata.combining(ch)).split())
