"""The tables, as typed SQLAlchemy 2 ORM classes (the latest schema version).

Tables are created and changed only by :mod:`careerpivot.store.migrations`; these
classes describe the result and a test checks the two agree. Child rows reference
their client with ``ON DELETE CASCADE``, so erasing a client erases everything of theirs.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, ClassVar

from sqlalchemy import (
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

NAME_MAX = 200
CODE_MAX = 20
TOKEN_HASH_LEN = 64  # hex SHA-256 of a workspace link's token
INSTRUMENT_MAX = 40
DATASET_MAX = 100  # a data set's name
ROLE_STATES = ("shortlisted", "dismissed")


class Base(DeclarativeBase):
    """Declarative base: every datetime column stores a timezone-aware UTC time."""

    type_annotation_map: ClassVar[dict[Any, Any]] = {
        dt.datetime: DateTime(timezone=True),
        dt.date: Date(),
    }


def _client_fk() -> Mapped[int]:
    return mapped_column(
        Integer, ForeignKey("clients.id", ondelete="CASCADE"), nullable=False, index=True
    )


class SchemaVersionRow(Base):
    """One row per applied migration."""

    __tablename__ = "careerpivot_schema"

    version: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    description: Mapped[str] = mapped_column(String(200))
    applied: Mapped[dt.datetime]


class SettingRow(Base):
    """Operator settings (the counselor passcode hash)."""

    __tablename__ = "settings"

    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class ClientRow(Base):
    """A counselor's client."""

    __tablename__ = "clients"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(NAME_MAX))
    archived: Mapped[bool] = mapped_column(default=False)
    created: Mapped[dt.datetime]
    contact: Mapped[str | None] = mapped_column(String(NAME_MAX))


class ProfileVersionRow(Base):
    """A saved profile; every save appends a row, so history is kept."""

    __tablename__ = "profile_versions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    client_id: Mapped[int] = _client_fk()
    created: Mapped[dt.datetime]
    profile_schema: Mapped[int] = mapped_column(Integer)
    profile_json: Mapped[str] = mapped_column(Text)
    #: The data set the profile was made on (None: saved before this was recorded).
    dataset: Mapped[str | None] = mapped_column(String(DATASET_MAX))


class SessionRow(Base):
    """One counseling session with its notes (plain text)."""

    __tablename__ = "sessions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    client_id: Mapped[int] = _client_fk()
    date: Mapped[dt.date]
    notes: Mapped[str] = mapped_column(Text)
    created: Mapped[dt.datetime]


class RoleMarkRow(Base):
    """A role the client shortlisted or dismissed (one state per client and role)."""

    __tablename__ = "role_marks"
    __table_args__ = (
        UniqueConstraint("client_id", "role_code", name="uq_role_marks_client_role"),
        CheckConstraint("state IN ('shortlisted', 'dismissed')", name="ck_role_marks_state"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    client_id: Mapped[int] = _client_fk()
    role_code: Mapped[str] = mapped_column(String(CODE_MAX))
    state: Mapped[str] = mapped_column(String(12))
    note: Mapped[str] = mapped_column(Text)
    updated: Mapped[dt.datetime]


class PlanRow(Base):
    """A learning plan saved for a target role (a ``LearningPlan`` as JSON)."""

    __tablename__ = "plans"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    client_id: Mapped[int] = _client_fk()
    target_code: Mapped[str] = mapped_column(String(CODE_MAX))
    plan_json: Mapped[str] = mapped_column(Text)
    created: Mapped[dt.datetime]


class RejectionRow(Base):
    """One application in the rejection log: a validated JSON object with its schema version."""

    __tablename__ = "rejection_records"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    client_id: Mapped[int] = _client_fk()
    schema_version: Mapped[int] = mapped_column(Integer)
    payload_json: Mapped[str] = mapped_column(Text)
    created: Mapped[dt.datetime]


class ClientAnswersRow(Base):
    """A client's answers to one questionnaire (an answer sheet as JSON; the latest only)."""

    __tablename__ = "client_answers"
    __table_args__ = (
        UniqueConstraint("client_id", "instrument", name="uq_client_answers_instrument"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    client_id: Mapped[int] = _client_fk()
    instrument: Mapped[str] = mapped_column(String(INSTRUMENT_MAX))
    answers_json: Mapped[str] = mapped_column(Text)
    updated: Mapped[dt.datetime]


class WorkspaceRow(Base):
    """A person's workspace (no account): everything they entered, as one JSON document.

    Found by the SHA-256 of the random token in its private link, so the database
    never holds a usable link. ``opened`` is when it was last opened or saved.
    """

    __tablename__ = "workspaces"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    token_hash: Mapped[str] = mapped_column(String(TOKEN_HASH_LEN), unique=True)
    created: Mapped[dt.datetime]
    opened: Mapped[dt.datetime] = mapped_column(index=True)
    schema_version: Mapped[int] = mapped_column(Integer)
    data_json: Mapped[str] = mapped_column(Text)
