"""The one place that writes: a :class:`Writer` is one transaction over the database.

Get one from :meth:`careerpivot.store.Store.batch` to save several things at once
(a session's notes, the profile and the shortlist, all or nothing); the store's
single-call methods each use their own. Values are checked before any row is
touched and every method names the client or field it could not use.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from typing import Any

from pydantic import BaseModel
from sqlalchemy import delete, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from careerpivot.profile import PROFILE_SCHEMA_VERSION, Profile
from careerpivot.routes import LearningPlan
from careerpivot.store import codec, convert
from careerpivot.store import workspace as ws
from careerpivot.store.errors import ClientNotFoundError, StoreError
from careerpivot.store.exchange import ClientFile
from careerpivot.store.records import (
    Client,
    PlanEntry,
    ProfileVersion,
    RejectionEntry,
    RoleMark,
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
    WorkspaceRow,
)

#: The note on roles a workspace carried over to a client's record.
FROM_WORKSPACE = "from the person's own workspace"


class Writer:
    """Writes inside one open transaction (committed by whoever opened it)."""

    def __init__(self, session: Session, clock: Callable[[], dt.datetime]) -> None:
        self.session = session
        self.clock = clock

    # ----- clients ---------------------------------------------------------------------------
    def create_client(self, name: str, *, contact: str | None = None) -> Client:
        """Add a client; names need not be unique (ids tell namesakes apart)."""
        row = ClientRow(
            name=codec.check_name(name),
            contact=codec.check_contact(contact),
            archived=False,
            created=self.clock(),
        )
        self.session.add(row)
        self.session.flush()
        return convert.client(row)

    def update_client(
        self, client_id: int, *, name: str | None = None, contact: str | None = None
    ) -> Client:
        """Change a client's name and/or contact (an empty contact removes it)."""
        row = self._client(client_id)
        if name is not None:
            row.name = codec.check_name(name)
        if contact is not None:
            row.contact = codec.check_contact(contact)
        self.session.flush()
        return convert.client(row)

    def set_archived(self, client_id: int, archived: bool = True) -> Client:
        """Archive a client (hidden from the default list, data kept) or bring them back."""
        row = self._client(client_id)
        row.archived = archived
        self.session.flush()
        return convert.client(row)

    def delete_client(self, client_id: int) -> None:
        """Erase a client and, by cascade, everything stored about them."""
        self._client(client_id)
        self.session.execute(delete(ClientRow).where(ClientRow.id == client_id))

    # ----- profile, sessions, roles, plans, rejections ---------------------------------------
    def save_profile(
        self, client_id: int, profile: Profile, *, dataset: str | None = None
    ) -> ProfileVersion:
        """Append a profile version (earlier versions are kept), with the name of the data
        set it was made on, so opening it on another one can say so."""
        self._client(client_id)
        row = ProfileVersionRow(
            client_id=client_id,
            created=self.clock(),
            profile_schema=PROFILE_SCHEMA_VERSION,
            profile_json=codec.profile_to_json(profile),
            dataset=codec.check_dataset(dataset),
        )
        self.session.add(row)
        self.session.flush()
        return ProfileVersion(row.id, client_id, convert.utc(row.created), profile, row.dataset)

    def add_session(self, client_id: int, on: dt.date, notes: str = "") -> SessionEntry:
        """Record a session on a date with its notes (plain text)."""
        self._client(client_id)
        row = SessionRow(
            client_id=client_id, date=on, notes=codec.check_notes(notes), created=self.clock()
        )
        self.session.add(row)
        self.session.flush()
        return convert.session(row)

    def update_session(
        self, session_id: int, *, notes: str | None = None, on: dt.date | None = None
    ) -> SessionEntry:
        """Edit a session's notes or date."""
        row = self.session.get(SessionRow, session_id)
        if row is None:
            raise StoreError(f"no session with id {session_id}")
        if notes is not None:
            row.notes = codec.check_notes(notes)
        if on is not None:
            row.date = on
        self.session.flush()
        return convert.session(row)

    def delete_session(self, session_id: int) -> None:
        """Remove one session and its notes."""
        if self.session.get(SessionRow, session_id) is None:
            raise StoreError(f"no session with id {session_id}")
        self.session.execute(delete(SessionRow).where(SessionRow.id == session_id))

    def mark_role(self, client_id: int, role_code: str, state: str, note: str = "") -> RoleMark:
        """Shortlist or dismiss a role (replaces the role's earlier state and note)."""
        self._client(client_id)
        values: dict[str, Any] = {
            "client_id": client_id,
            "role_code": codec.check_role_code(role_code),
            "state": codec.check_state(state),
            "note": codec.check_notes(note, "note"),
            "updated": self.clock(),
        }
        self._upsert(RoleMarkRow, values, ("client_id", "role_code"), ("state", "note", "updated"))
        row = self.session.scalars(
            select(RoleMarkRow)
            .where(RoleMarkRow.client_id == client_id, RoleMarkRow.role_code == role_code)
            .execution_options(populate_existing=True)
        ).one()
        return convert.role_mark(row)

    def unmark_role(self, client_id: int, role_code: str) -> bool:
        """Forget a role's state; True if there was one."""
        self._client(client_id)
        result = self.session.execute(
            delete(RoleMarkRow).where(
                RoleMarkRow.client_id == client_id, RoleMarkRow.role_code == role_code
            )
        )
        return bool(getattr(result, "rowcount", 0))

    def save_plan(self, client_id: int, plan: LearningPlan) -> PlanEntry:
        """Save a learning plan (the newest is the client's current plan)."""
        self._client(client_id)
        codec.check_role_code(plan.target_code)
        row = PlanRow(
            client_id=client_id,
            target_code=plan.target_code,
            plan_json=codec.plan_to_json(plan),
            created=self.clock(),
        )
        self.session.add(row)
        self.session.flush()
        return PlanEntry(row.id, client_id, plan.target_code, plan, convert.utc(row.created))

    def add_rejection(
        self,
        client_id: int,
        payload: BaseModel | Mapping[str, Any],
        *,
        schema_version: int,
    ) -> RejectionEntry:
        """Log one application record (a pydantic model or a JSON object) in its schema version."""
        self._client(client_id)
        row = RejectionRow(
            client_id=client_id,
            schema_version=codec.check_schema_version(schema_version),
            payload_json=codec.payload_to_json(payload),
            created=self.clock(),
        )
        self.session.add(row)
        self.session.flush()
        return convert.rejection(row)

    def delete_rejection(self, record_id: int) -> None:
        """Remove one rejection-log record."""
        if self.session.get(RejectionRow, record_id) is None:
            raise StoreError(f"no rejection record with id {record_id}")
        self.session.execute(delete(RejectionRow).where(RejectionRow.id == record_id))

    def save_answers(self, client_id: int, instrument: str, answers: Mapping[str, Any]) -> None:
        """Keep a client's answers to one questionnaire (replacing the earlier ones)."""
        self._client(client_id)
        name = instrument.strip()
        if not name or len(name) > ws.INSTRUMENT_MAX:
            raise StoreError(f"instrument: must be 1-{ws.INSTRUMENT_MAX} characters")
        values = {
            "client_id": client_id,
            "instrument": name,
            "answers_json": ws.answers_to_json(dict(answers)),
            "updated": self.clock(),
        }
        self._upsert(
            ClientAnswersRow, values, ("client_id", "instrument"), ("answers_json", "updated")
        )

    # ----- workspaces ------------------------------------------------------------------------
    def save_workspace(self, token: str, data: ws.WorkspaceData) -> None:
        """Keep a workspace's document under its token (creating it, or replacing it)."""
        now = self.clock()
        values = {
            "token_hash": _hash(token),
            "created": now,
            "opened": now,
            "schema_version": ws.WORKSPACE_SCHEMA_VERSION,
            "data_json": ws.to_json(data),
        }
        self._upsert(
            WorkspaceRow, values, ("token_hash",), ("opened", "schema_version", "data_json")
        )

    def open_workspace(self, token: str) -> ws.WorkspaceData | None:
        """The workspace of a token, marked as opened now; ``None`` when there is none."""
        row = self._workspace(token)
        if row is None:
            return None
        data = ws.from_json(row.data_json, row.schema_version)
        row.opened = self.clock()
        self.session.flush()
        return data

    def delete_workspace(self, token: str) -> bool:
        """Erase a workspace; True if there was one."""
        result = self.session.execute(
            delete(WorkspaceRow).where(WorkspaceRow.token_hash == _hash(token))
        )
        return bool(getattr(result, "rowcount", 0))

    def purge_workspaces(self, opened_before: dt.datetime) -> int:
        """Erase every workspace last opened before ``opened_before``; how many were erased."""
        result = self.session.execute(
            delete(WorkspaceRow).where(WorkspaceRow.opened < opened_before)
        )
        return int(getattr(result, "rowcount", 0) or 0)

    def workspace_to_client(
        self,
        token: str,
        name: str,
        *,
        contact: str | None = None,
        plans: tuple[LearningPlan, ...] = (),
    ) -> Client:
        """Make a client of a workspace, carrying everything over, and erase the workspace.

        The profile, answers, shortlisted and dismissed roles, the rejection log and
        ``plans`` (the app works them out from the workspace's target role) all go
        into the new client's record, in this one transaction.
        """
        row = self._workspace(token)
        if row is None:
            raise ws.WorkspaceError(
                "no workspace at that link: it was cleared, purged or already turned into a "
                "client; nothing was created"
            )
        data = ws.from_json(row.data_json, row.schema_version)
        client = self.create_client(name, contact=contact)
        if data.profile is not None:
            self.save_profile(client.id, data.profile, dataset=data.dataset)
        for instrument, sheet in data.answers.items():
            self.save_answers(client.id, instrument, sheet)
        for state, codes in (("shortlisted", data.shortlist), ("dismissed", data.dismissed)):
            for code in codes:
                self.mark_role(client.id, code, state, FROM_WORKSPACE)
        for plan in plans:
            self.save_plan(client.id, plan)
        for record in data.rejections:
            self.add_rejection(client.id, record.payload, schema_version=record.schema_version)
        self.session.delete(row)
        self.session.flush()
        return client

    # ----- import and settings ---------------------------------------------------------------
    def import_client(self, data: ClientFile) -> Client:
        """Add a client from a validated export file, with all their records, as a new client."""
        c = data.client
        row = ClientRow(name=c.name, contact=c.contact, archived=c.archived, created=c.created)
        self.session.add(row)
        self.session.flush()
        cid = row.id
        self.session.add_all(
            [
                ProfileVersionRow(
                    client_id=cid,
                    created=p.created,
                    profile_schema=PROFILE_SCHEMA_VERSION,
                    profile_json=codec.profile_to_json(p.profile),
                    dataset=p.dataset,
                )
                for p in data.profiles
            ]
            + [
                SessionRow(client_id=cid, date=s.date, notes=s.notes, created=s.created)
                for s in data.sessions
            ]
            + [
                RoleMarkRow(
                    client_id=cid,
                    role_code=r.role_code,
                    state=r.state,
                    note=r.note,
                    updated=r.updated,
                )
                for r in data.roles
            ]
            + [
                PlanRow(
                    client_id=cid,
                    target_code=codec.check_role_code(p.plan.target_code),
                    plan_json=codec.plan_to_json(p.plan),
                    created=p.created,
                )
                for p in data.plans
            ]
            + [
                RejectionRow(
                    client_id=cid,
                    schema_version=r.schema_version,
                    payload_json=codec.payload_to_json(r.payload),
                    created=r.created,
                )
                for r in data.rejections
            ]
            + [
                ClientAnswersRow(
                    client_id=cid,
                    instrument=name,
                    answers_json=ws.answers_to_json(sheet),
                    updated=row.created,
                )
                for name, sheet in data.answers.items()
            ]
        )
        self.session.flush()
        return convert.client(row)

    def set_setting(self, key: str, value: str | None) -> None:
        """Set (or with ``None`` remove) an operator setting."""
        row = self.session.get(SettingRow, key)
        if value is None:
            if row is not None:
                self.session.delete(row)
        elif row is None:
            self.session.add(SettingRow(key=key, value=value))
        else:
            row.value = value
        self.session.flush()

    def _workspace(self, token: str) -> WorkspaceRow | None:
        if not ws.valid_token(token):
            return None
        return self.session.scalars(
            select(WorkspaceRow).where(WorkspaceRow.token_hash == ws.token_hash(token))
        ).one_or_none()

    def _upsert(
        self,
        table: type[Any],
        values: dict[str, Any],
        keys: tuple[str, ...],
        update: tuple[str, ...],
    ) -> None:
        """Insert a row, or update ``update`` columns of the row with the same ``keys``."""
        dialect = self.session.get_bind().dialect.name
        insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
        stmt = insert(table).values(**values)
        stmt = stmt.on_conflict_do_update(
            index_elements=list(keys), set_={k: stmt.excluded[k] for k in update}
        )
        self.session.execute(stmt)

    def _client(self, client_id: int) -> ClientRow:
        row = self.session.get(ClientRow, client_id)
        if row is None:
            raise ClientNotFoundError(
                f"no client with id {client_id} (see `careerpivot client list`)"
            )
        return row


def _hash(token: str) -> str:
    """The stored form of a token; a token of the wrong shape is refused."""
    if not ws.valid_token(token):
        raise ws.WorkspaceError("not a workspace link token (32 letters, digits, - or _)")
    return ws.token_hash(token)
