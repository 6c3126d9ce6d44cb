"""The client store: open a database, read clients, write through :class:`Writer`.

One :class:`Store` holds a connection pool and nothing else, and opens a database
session per call, so a single instance can be shared between threads (the app keeps
one in ``st.cache_resource``) and processes can each open their own.

>>> import tempfile, datetime as dt
>>> with tempfile.TemporaryDirectory() as folder:
...     with Store.open(f"sqlite:///{folder}/demo.db") as store:
...         ana = store.create_client("Ana Díaz")
...         _ = store.add_session(ana.id, dt.date(2025, 3, 4), "Talked about data roles.")
...         notes = [s.notes for s in store.load_client(ana.id).sessions]
>>> notes
['Talked about data roles.']
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from types import TracebackType
from typing import Any, Self

from pydantic import BaseModel
from sqlalchemy import Engine, func, select
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from careerpivot.profile import Profile
from careerpivot.routes import LearningPlan
from careerpivot.store import convert, exchange, passcode, queries
from careerpivot.store import workspace as ws
from careerpivot.store.database import BEGIN_OPTION, database_url, make_engine, safe_url
from careerpivot.store.errors import (
    AmbiguousClientError,
    ClientNotFoundError,
    ConfirmationRequiredError,
    StoreError,
    StoreUnavailableError,
)
from careerpivot.store.migrations import LATEST_VERSION, current_version, migrate
from careerpivot.store.records import (
    Client,
    ClientSnapshot,
    PlanEntry,
    ProfileVersion,
    RejectionEntry,
    RoleMark,
    SessionEntry,
)
from careerpivot.store.schema import WorkspaceRow
from careerpivot.store.writer import Writer

PASSCODE_KEY = "counselor_passcode"


class Store:
    """Clients and their records in SQLite or PostgreSQL."""

    def __init__(
        self, engine: Engine, *, clock: Callable[[], dt.datetime] = convert.utc_now
    ) -> None:
        self.engine = engine
        self.clock = clock
        self._writes = engine.execution_options(**{BEGIN_OPTION: "IMMEDIATE"})
        self._reads: Engine = engine
        if engine.dialect.name == "postgresql":
            self._reads = engine.execution_options(isolation_level="REPEATABLE READ")

    @classmethod
    def open(
        cls,
        url: str | None = None,
        *,
        upgrade: bool = True,
        clock: Callable[[], dt.datetime] = convert.utc_now,
    ) -> Store:
        """Open the database at ``url`` (default: ``$CAREERPIVOT_DB_URL`` or the user's file).

        With ``upgrade`` (the default) missing schema migrations are applied first;
        without it, a database not at the latest version is refused.
        """
        resolved = database_url(url)
        engine = make_engine(resolved)
        try:
            if upgrade:
                migrate(engine)
            else:
                with engine.connect() as conn:
                    version = current_version(conn)
                if version != LATEST_VERSION:
                    raise StoreError(
                        f"the database is at schema version {version}, this CareerPivot needs "
                        f"{LATEST_VERSION}: open it with upgrade=True to migrate"
                    )
        except OperationalError as exc:
            engine.dispose()
            reason = str(exc.orig).strip().splitlines()[0] if exc.orig else str(exc)
            raise StoreUnavailableError(
                f"cannot open the database {safe_url(resolved)}: {reason}"
            ) from None
        except BaseException:
            engine.dispose()
            raise
        return cls(engine, clock=clock)

    @property
    def url(self) -> str:
        """The database URL, password hidden."""
        return safe_url(self.engine.url)

    def close(self) -> None:
        """Close every pooled connection."""
        self.engine.dispose()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    # ----- writing -----------------------------------------------------------------------------
    @contextmanager
    def batch(self) -> Iterator[Writer]:
        """One transaction for several writes: all are kept, or (on any error) none."""
        with Session(self._writes, expire_on_commit=False) as session, session.begin():
            yield Writer(session, self.clock)

    def create_client(self, name: str, *, contact: str | None = None) -> Client:
        """Add a client."""
        with self.batch() as w:
            return w.create_client(name, contact=contact)

    def update_client(
        self, client_id: int, *, name: str | None = None, contact: str | None = None
    ) -> Client:
        """Change a client's name or contact."""
        with self.batch() as w:
            return w.update_client(client_id, name=name, contact=contact)

    def set_archived(self, client_id: int, archived: bool = True) -> Client:
        """Archive (or un-archive) a client; their data is kept."""
        with self.batch() as w:
            return w.set_archived(client_id, archived)

    def delete_client(self, client_id: int, *, confirm: bool) -> None:
        """Erase a client and everything stored about them; ``confirm=True`` is required.

        On SQLite the write-ahead log is then checkpointed, so with ``secure_delete``
        the erased data is no longer readable in the database files.
        """
        if confirm is not True:
            raise ConfirmationRequiredError(
                f"erasing client {client_id} needs confirmation: nothing was deleted"
            )
        with self.batch() as w:
            w.delete_client(client_id)
        self._checkpoint()

    def save_profile(
        self, client_id: int, profile: Profile, *, dataset: str | None = None
    ) -> ProfileVersion:
        """Append a profile version, made on data set ``dataset``."""
        with self.batch() as w:
            return w.save_profile(client_id, profile, dataset=dataset)

    def add_session(self, client_id: int, on: dt.date, notes: str = "") -> SessionEntry:
        """Record a session and its notes."""
        with self.batch() as w:
            return w.add_session(client_id, on, notes)

    def update_session(
        self, session_id: int, *, notes: str | None = None, on: dt.date | None = None
    ) -> SessionEntry:
        """Edit a session's notes or date."""
        with self.batch() as w:
            return w.update_session(session_id, notes=notes, on=on)

    def mark_role(self, client_id: int, role_code: str, state: str, note: str = "") -> RoleMark:
        """Shortlist or dismiss a role."""
        with self.batch() as w:
            return w.mark_role(client_id, role_code, state, note)

    def unmark_role(self, client_id: int, role_code: str) -> bool:
        """Forget a role's shortlisted/dismissed state."""
        with self.batch() as w:
            return w.unmark_role(client_id, role_code)

    def save_plan(self, client_id: int, plan: LearningPlan) -> PlanEntry:
        """Save a learning plan."""
        with self.batch() as w:
            return w.save_plan(client_id, plan)

    def add_rejection(
        self, client_id: int, payload: BaseModel | Mapping[str, Any], *, schema_version: int
    ) -> RejectionEntry:
        """Log one application record of the rejection log."""
        with self.batch() as w:
            return w.add_rejection(client_id, payload, schema_version=schema_version)

    # ----- reading -----------------------------------------------------------------------------
    @contextmanager
    def _read(self) -> Iterator[Session]:
        with Session(self._reads) as session, session.begin():
            yield session

    def list_clients(self, *, search: str = "", include_archived: bool = False) -> list[Client]:
        """Clients by name, then id; ``search`` matches name or contact (case, accents ignored)."""
        with self._read() as s:
            found = queries.clients(s, include_archived=include_archived)
        key = queries.fold(search)
        if key:
            found = [c for c in found if key in queries.fold(f"{c.name} {c.contact or ''}")]
        return found

    def get_client(self, client_id: int) -> Client:
        """One client by id."""
        with self._read() as s:
            return convert.client(queries.client_row(s, client_id))

    def resolve_client(self, ref: str, *, exact: bool = False) -> Client:
        """A client from ``#ID`` or a full name; never a guess.

        A name matches as typed, else ignoring case and accents (unless ``exact``, which
        erasure uses: then only ``#ID`` or the name exactly as stored). A part of a name,
        or a name several clients share, is an :class:`AmbiguousClientError` listing the
        candidates as ``#ID name``; no match is a :class:`ClientNotFoundError`. Text made
        only of digits is a name, so a client called ``1`` is never mistaken for id 1.
        """
        query = ref.strip()
        if query.startswith("#"):
            digits = query[1:].strip()
            if not (digits.isascii() and digits.isdigit()) or len(digits) > 18:
                raise ClientNotFoundError(f"{query!r} is not a client id like #12")
            return self.get_client(int(digits))
        everyone = self.list_clients(include_archived=True)
        same = [c for c in everyone if c.name == query]
        key = queries.fold(query)
        if not same and not exact:
            same = [c for c in everyone if queries.fold(c.name) == key]
        if len(same) == 1:
            return same[0]
        if same:
            raise AmbiguousClientError(
                f"{query!r} names several clients ({_listed(same)}); give the id as #ID"
            )
        near = [c for c in everyone if key and key in queries.fold(c.name)]
        if exact:
            near = near or [c for c in everyone if queries.fold(c.name) == key]
        hint = " (see `careerpivot client list --all`)"
        digits_hint = f"; for the client with id {query} write #{query}" if query.isdigit() else ""
        if near:
            how = "the exact name or" if exact else "the full name or"
            raise AmbiguousClientError(
                f"{query!r} is not a full client name; it fits {_listed(near)}: "
                f"give {how} #ID{digits_hint}"
            )
        raise ClientNotFoundError(f"no client named {query!r}{digits_hint}{hint}")

    def load_client(self, client_id: int) -> ClientSnapshot:
        """Everything about one client, read in one consistent transaction."""
        with self._read() as s:
            return queries.snapshot(s, client_id)

    def profile_history(self, client_id: int) -> list[ProfileVersion]:
        """Every saved profile version, oldest first."""
        with self._read() as s:
            return queries.profile_history(s, client_id)

    # ----- import and export -------------------------------------------------------------------
    def export_client(
        self, client_id: int, *, exported: dt.datetime | None = None
    ) -> exchange.ClientFile:
        """Everything about a client as an export file (profile history included)."""
        with self._read() as s:
            history = queries.profile_history(s, client_id)
            snap = queries.snapshot(s, client_id)
        return exchange.to_client_file(snap, history, exported=exported or self.clock())

    def import_client(self, data: exchange.ClientFile) -> Client:
        """Add a client from a validated export file, as a new client, in one transaction."""
        with self.batch() as w:
            return w.import_client(data)

    def save_answers(self, client_id: int, instrument: str, answers: Mapping[str, Any]) -> None:
        """Keep a client's answers to one questionnaire (replacing the earlier ones)."""
        with self.batch() as w:
            w.save_answers(client_id, instrument, answers)

    # ----- workspaces (a person's own data, kept under a private link) -------------------------
    def create_workspace(self, data: ws.WorkspaceData | None = None) -> str:
        """Keep ``data`` (default: an empty workspace) under a new random token; returns it."""
        token = ws.new_token()
        self.save_workspace(token, data or ws.WorkspaceData())
        return token

    def open_workspace(self, token: str) -> ws.WorkspaceData | None:
        """The workspace behind a link's token (marked as opened now), or ``None``.

        Raises :class:`~careerpivot.store.workspace.WorkspaceError` when the stored
        document cannot be read (it is left as it is).
        """
        if not ws.valid_token(token):
            return None
        with self.batch() as w:
            return w.open_workspace(token)

    def save_workspace(self, token: str, data: ws.WorkspaceData) -> None:
        """Save a workspace under its token (one statement; creates it if it is gone)."""
        with self.batch() as w:
            w.save_workspace(token, data)

    def delete_workspace(self, token: str) -> bool:
        """Erase a workspace ("Start over"); True if there was one."""
        if not ws.valid_token(token):
            return False
        with self.batch() as w:
            found = w.delete_workspace(token)
        self._checkpoint()
        return found

    def purge_workspaces(self, unopened_for: dt.timedelta) -> int:
        """Erase workspaces nobody opened for ``unopened_for``; returns how many."""
        if unopened_for <= dt.timedelta(0):
            raise StoreError("the time unopened must be positive")
        with self.batch() as w:
            gone = w.purge_workspaces(self.clock() - unopened_for)
        self._checkpoint()
        return gone

    def count_workspaces(self, *, unopened_for: dt.timedelta | None = None) -> int:
        """How many workspaces there are (only those unopened for ``unopened_for``, if given)."""
        stmt = select(func.count(WorkspaceRow.id))
        if unopened_for is not None:
            stmt = stmt.where(WorkspaceRow.opened < self.clock() - unopened_for)
        with self._read() as s:
            return int(s.scalar(stmt) or 0)

    def workspace_to_client(
        self,
        token: str,
        name: str,
        *,
        contact: str | None = None,
        plans: tuple[LearningPlan, ...] = (),
    ) -> Client:
        """Turn a workspace into a client with everything carried over (one transaction);
        the workspace is erased."""
        with self.batch() as w:
            return w.workspace_to_client(token, name, contact=contact, plans=plans)

    def _checkpoint(self) -> None:
        """On SQLite, fold the write-ahead log into the file (erased data leaves no copy)."""
        if self.engine.dialect.name == "sqlite":
            with self.engine.connect() as conn:
                conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")

    # ----- counselor passcode ------------------------------------------------------------------
    def set_passcode(self, new: str | None) -> None:
        """Set the counselor passcode (stored only as a salted hash); ``None`` removes it."""
        encoded = passcode.hash_passcode(new) if new is not None else None
        with self.batch() as w:
            w.set_setting(PASSCODE_KEY, encoded)

    def change_passcode(self, current: str | None, new: str | None) -> None:
        """Set (``new``) or clear (``None``) the passcode; once one is set, ``current`` must
        match it or nothing changes (:class:`StoreError`)."""
        if self.passcode_required() and not (current and self.check_passcode(current)):
            raise StoreError("the current passcode is not right; the passcode was not changed")
        self.set_passcode(new)

    def passcode_required(self) -> bool:
        """True when the operator has set a passcode."""
        return self._setting(PASSCODE_KEY) is not None

    def check_passcode(self, attempt: str) -> bool:
        """True when ``attempt`` matches the passcode (always False when none is set)."""
        encoded = self._setting(PASSCODE_KEY)
        return encoded is not None and passcode.verify_passcode(attempt, encoded)

    def _setting(self, key: str) -> str | None:
        with self._read() as s:
            return queries.setting(s, key)

    # ----- checks --------------------------------------------------------------------------------
    def integrity_check(self) -> list[str]:
        """``["ok"]`` when the database is sound, else the problems found."""
        with self.engine.connect() as conn:
            return queries.integrity_problems(conn) or ["ok"]


def _listed(clients: list[Client], limit: int = 10) -> str:
    """``#3 Ana Díaz, #7 Ana Diaz`` (and how many more)."""
    shown = ", ".join(f"#{c.id} {c.name}" for c in clients[:limit])
    more = len(clients) - limit
    return f"{shown} and {more} more" if more > 0 else shown
