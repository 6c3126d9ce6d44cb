"""Database rows to plain records (and UTC times), shared by the writer and the readers."""

from __future__ import annotations

import datetime as dt

from careerpivot.store import codec
from careerpivot.store.records import (
    Client,
    PlanEntry,
    ProfileVersion,
    RejectionEntry,
    RoleMark,
    SessionEntry,
)
from careerpivot.store.schema import (
    ClientRow,
    PlanRow,
    ProfileVersionRow,
    RejectionRow,
    RoleMarkRow,
    SessionRow,
)


def utc_now() -> dt.datetime:
    """The current time, timezone-aware UTC (the store's default clock)."""
    return dt.datetime.now(dt.UTC)


def utc(value: dt.datetime) -> dt.datetime:
    """A stored time as aware UTC (SQLite hands back naive times, written in UTC)."""
    if value.tzinfo is None:
        return value.replace(tzinfo=dt.UTC)
    return value.astimezone(dt.UTC)


def client(row: ClientRow) -> Client:
    """A client row as a record."""
    return Client(row.id, row.name, utc(row.created), bool(row.archived), row.contact)


def profile_version(row: ProfileVersionRow) -> ProfileVersion:
    """A profile-version row as a record (the profile validated again)."""
    return ProfileVersion(
        row.id,
        row.client_id,
        utc(row.created),
        codec.profile_from_json(row.profile_json, row.profile_schema),
        row.dataset,
    )


def session(row: SessionRow) -> SessionEntry:
    """A session row as a record."""
    return SessionEntry(row.id, row.client_id, row.date, row.notes, utc(row.created))


def role_mark(row: RoleMarkRow) -> RoleMark:
    """A role-mark row as a record."""
    return RoleMark(
        row.id,
        row.client_id,
        row.role_code,
        codec.check_state(row.state),
        row.note,
        utc(row.updated),
    )


def plan(row: PlanRow) -> PlanEntry:
    """A plan row as a record (the plan rebuilt from its JSON)."""
    return PlanEntry(
        row.id,
        row.client_id,
        row.target_code,
        codec.plan_from_json(row.plan_json),
        utc(row.created),
    )


def rejection(row: RejectionRow) -> RejectionEntry:
    """A rejection-log row as a record."""
    return RejectionEntry(
        row.id,
        row.client_id,
        row.schema_version,
        codec.payload_from_json(row.payload_json),
        utc(row.created),
    )
