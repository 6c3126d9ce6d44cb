"""Versioned schema migrations: each step is frozen in time, so an upgrade never loses data.

The table ``careerpivot_schema`` records every applied version. :func:`migrate`
applies the missing steps in one transaction under a lock (``BEGIN IMMEDIATE`` on
SQLite, an advisory lock on PostgreSQL), so several processes opening a new
database at once apply each step exactly once, and a failed step leaves the
database as it was. A database written by a newer CareerPivot is refused.

Steps describe tables as they were at their version (plain SQLAlchemy Core), never
through the ORM classes, which describe only the latest version.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Column,
    Connection,
    Date,
    DateTime,
    Engine,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    false,
    func,
    insert,
    inspect,
    select,
    text,
)

from careerpivot.store.database import BEGIN_OPTION
from careerpivot.store.errors import SchemaTooNewError

#: Key of the PostgreSQL advisory lock held while migrating ("CPMIGRAT" as digits).
PG_LOCK_KEY = 4_350_778_973

Step = Callable[[Connection], None]


def _client_id(table: str) -> list[Column[int] | Index]:
    return [
        Column("client_id", Integer, ForeignKey("clients.id", ondelete="CASCADE"), nullable=False),
        Index(f"ix_{table}_client_id", "client_id"),
    ]


def _v1_initial(conn: Connection) -> None:
    """Clients, profile history, sessions, shortlisted/dismissed roles, plans, settings."""
    md = MetaData()
    ts = DateTime(timezone=True)
    Table(
        "settings",
        md,
        Column("key", String(100), primary_key=True),
        Column("value", Text, nullable=False),
    )
    Table(
        "clients",
        md,
        Column("id", Integer, primary_key=True),
        Column("name", String(200), nullable=False),
        Column("archived", Boolean, nullable=False, server_default=false()),
        Column("created", ts, nullable=False),
    )
    Table(
        "profile_versions",
        md,
        Column("id", Integer, primary_key=True),
        *_client_id("profile_versions"),
        Column("created", ts, nullable=False),
        Column("profile_schema", Integer, nullable=False),
        Column("profile_json", Text, nullable=False),
    )
    Table(
        "sessions",
        md,
        Column("id", Integer, primary_key=True),
        *_client_id("sessions"),
        Column("date", Date, nullable=False),
        Column("notes", Text, nullable=False),
        Column("created", ts, nullable=False),
    )
    Table(
        "role_marks",
        md,
        Column("id", Integer, primary_key=True),
        *_client_id("role_marks"),
        Column("role_code", String(20), nullable=False),
        Column("state", String(12), nullable=False),
        Column("note", Text, nullable=False),
        Column("updated", ts, nullable=False),
        UniqueConstraint("client_id", "role_code", name="uq_role_marks_client_role"),
        CheckConstraint("state IN ('shortlisted', 'dismissed')", name="ck_role_marks_state"),
    )
    Table(
        "plans",
        md,
        Column("id", Integer, primary_key=True),
        *_client_id("plans"),
        Column("target_code", String(20), nullable=False),
        Column("plan_json", Text, nullable=False),
        Column("created", ts, nullable=False),
    )
    md.create_all(conn)


def _v2_contact_and_rejections(conn: Connection) -> None:
    """Optional client contact; the rejection log (one JSON record per application)."""
    conn.execute(text("ALTER TABLE clients ADD COLUMN contact VARCHAR(200)"))
    md = MetaData()
    Table("clients", md, Column("id", Integer, primary_key=True))  # for the foreign key
    Table(
        "rejection_records",
        md,
        Column("id", Integer, primary_key=True),
        *_client_id("rejection_records"),
        Column("schema_version", Integer, nullable=False),
        Column("payload_json", Text, nullable=False),
        Column("created", DateTime(timezone=True), nullable=False),
    )
    md.tables["rejection_records"].create(conn)


def _v3_workspaces_and_answers(conn: Connection) -> None:
    """People's workspaces (kept under a private link); clients' questionnaire answers."""
    md = MetaData()
    ts = DateTime(timezone=True)
    Table("clients", md, Column("id", Integer, primary_key=True))  # for the foreign key
    Table(
        "client_answers",
        md,
        Column("id", Integer, primary_key=True),
        *_client_id("client_answers"),
        Column("instrument", String(40), nullable=False),
        Column("answers_json", Text, nullable=False),
        Column("updated", ts, nullable=False),
        UniqueConstraint("client_id", "instrument", name="uq_client_answers_instrument"),
    )
    Table(
        "workspaces",
        md,
        Column("id", Integer, primary_key=True),
        Column("token_hash", String(64), nullable=False, unique=True),
        Column("created", ts, nullable=False),
        Column("opened", ts, nullable=False),
        Column("schema_version", Integer, nullable=False),
        Column("data_json", Text, nullable=False),
        Index("ix_workspaces_opened", "opened"),
    )
    md.tables["client_answers"].create(conn)
    md.tables["workspaces"].create(conn)


def _v4_profile_dataset(conn: Connection) -> None:
    """Which data set each saved profile was made on (empty for profiles saved before)."""
    conn.execute(text("ALTER TABLE profile_versions ADD COLUMN dataset VARCHAR(100)"))


#: Every step in order; version n is ``MIGRATIONS[n - 1]``. Append only: never edit a step.
MIGRATIONS: tuple[tuple[str, Step], ...] = (
    ("initial schema", _v1_initial),
    ("client contact; rejection log", _v2_contact_and_rejections),
    ("workspaces; client answers", _v3_workspaces_and_answers),
    ("the data set of each saved profile", _v4_profile_dataset),
)
LATEST_VERSION = len(MIGRATIONS)

#: The migration log, as it is in every version (never changed by a step).
_VERSIONS = Table(
    "careerpivot_schema",
    MetaData(),
    Column("version", Integer, primary_key=True, autoincrement=False),
    Column("description", String(200), nullable=False),
    Column("applied", DateTime(timezone=True), nullable=False),
)


def current_version(conn: Connection) -> int:
    """The schema version of a database (0 for an empty one)."""
    if not inspect(conn).has_table(_VERSIONS.name):
        return 0
    return int(conn.execute(select(func.max(_VERSIONS.c.version))).scalar() or 0)


def migrate(engine: Engine, *, target: int = LATEST_VERSION) -> int:
    """Bring the database up to ``target`` (default: latest); returns the version reached.

    Raises :class:`SchemaTooNewError` when the database is newer than this code.
    """
    if not 0 <= target <= LATEST_VERSION:
        raise ValueError(f"target version must be 0..{LATEST_VERSION}, got {target}")
    writer = engine.execution_options(**{BEGIN_OPTION: "IMMEDIATE"})
    with writer.begin() as conn:
        if conn.dialect.name == "postgresql":
            conn.execute(select(func.pg_advisory_xact_lock(PG_LOCK_KEY)))
        _VERSIONS.create(conn, checkfirst=True)
        version = current_version(conn)
        if version > LATEST_VERSION:
            raise SchemaTooNewError(
                f"the database is at schema version {version} but this CareerPivot knows "
                f"versions up to {LATEST_VERSION}; upgrade CareerPivot (nothing was changed)"
            )
        for number in range(version + 1, target + 1):
            description, step = MIGRATIONS[number - 1]
            step(conn)
            conn.execute(
                insert(_VERSIONS).values(
                    version=number, description=description, applied=dt.datetime.now(dt.UTC)
                )
            )
        return max(version, target)
