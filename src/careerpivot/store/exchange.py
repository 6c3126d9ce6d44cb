"""One client as one JSON file (versioned schema), so a client can take their data elsewhere.

The file holds everything stored about the client: profile history, sessions and
notes, shortlisted and dismissed roles, plans and rejection-log records. Reading
validates the whole file (pydantic) before anything is written; errors name the
file and the field.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any, Literal, TypeVar

from pydantic import (
    AwareDatetime,
    BaseModel,
    ConfigDict,
    Field,
    field_validator,
)

from careerpivot.jsondoc import format_document, read_document
from careerpivot.private import write_private
from careerpivot.profile import Profile
from careerpivot.routes import LearningPlan
from careerpivot.store import codec
from careerpivot.store.errors import ClientFileError, StoreError
from careerpivot.store.records import ClientSnapshot, ProfileVersion
from careerpivot.store.schema import DATASET_MAX

EXPORT_FORMAT = "careerpivot-client"
EXPORT_SCHEMA_VERSION = 1

T = TypeVar("T")


class _Part(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class ExportedClient(_Part):
    """Who the client is."""

    name: str
    contact: str | None = None
    archived: bool = False
    created: AwareDatetime

    @field_validator("name")
    @classmethod
    def _name(cls, v: str) -> str:
        return _checked(codec.check_name, v)

    @field_validator("contact")
    @classmethod
    def _contact(cls, v: str | None) -> str | None:
        return _checked(codec.check_contact, v)


class ExportedProfile(_Part):
    """One saved profile version, and the data set it was made on (if recorded)."""

    created: AwareDatetime
    profile: Profile
    dataset: str | None = Field(default=None, max_length=DATASET_MAX)


class ExportedSession(_Part):
    """One session and its notes."""

    date: dt.date
    notes: str
    created: AwareDatetime

    @field_validator("notes")
    @classmethod
    def _notes(cls, v: str) -> str:
        return _checked(codec.check_notes, v)


class ExportedRole(_Part):
    """A shortlisted or dismissed role."""

    role_code: str
    state: Literal["shortlisted", "dismissed"]
    note: str = ""
    updated: AwareDatetime

    @field_validator("role_code")
    @classmethod
    def _code(cls, v: str) -> str:
        return _checked(codec.check_role_code, v)

    @field_validator("note")
    @classmethod
    def _note(cls, v: str) -> str:
        return _checked(codec.check_notes, v)


class ExportedPlan(_Part):
    """A saved learning plan."""

    created: AwareDatetime
    plan: LearningPlan

    @field_validator("plan")
    @classmethod
    def _target(cls, v: LearningPlan) -> LearningPlan:
        _checked(codec.check_role_code, v.target_code)
        return v


class ExportedRejection(_Part):
    """One rejection-log record in its own schema version."""

    created: AwareDatetime
    schema_version: int = Field(ge=1)
    payload: dict[str, Any]


class ClientFile(_Part):
    """The export file: ``format``, ``schema_version``, when, and the client's data."""

    format: Literal["careerpivot-client"] = "careerpivot-client"
    schema_version: int = EXPORT_SCHEMA_VERSION
    exported: AwareDatetime
    client: ExportedClient
    profiles: list[ExportedProfile] = Field(default_factory=list)
    sessions: list[ExportedSession] = Field(default_factory=list)
    roles: list[ExportedRole] = Field(default_factory=list)
    plans: list[ExportedPlan] = Field(default_factory=list)
    rejections: list[ExportedRejection] = Field(default_factory=list)
    #: Questionnaire name -> latest answer sheet (absent from files of earlier versions).
    answers: dict[str, dict[str, Any]] = Field(default_factory=dict)

    @field_validator("schema_version")
    @classmethod
    def _version(cls, v: int) -> int:
        if v != EXPORT_SCHEMA_VERSION:
            raise ValueError(
                f"client file schema version {v} is not supported (this version reads "
                f"{EXPORT_SCHEMA_VERSION})"
            )
        return v

    @field_validator("answers")
    @classmethod
    def _instruments(cls, v: dict[str, dict[str, Any]]) -> dict[str, dict[str, Any]]:
        if any(not k.strip() or len(k) > 40 for k in v):
            raise ValueError("questionnaire names must be 1-40 characters")
        return v

    @field_validator("roles")
    @classmethod
    def _one_state_per_role(cls, v: list[ExportedRole]) -> list[ExportedRole]:
        codes = [r.role_code for r in v]
        dupes = sorted({c for c in codes if codes.count(c) > 1})
        if dupes:
            raise ValueError(f"roles listed more than once: {', '.join(dupes)}")
        return v


def _checked(check: Callable[[T], T], value: T) -> T:
    try:
        return check(value)
    except StoreError as exc:
        raise ValueError(str(exc)) from None


def to_client_file(
    snapshot: ClientSnapshot, history: list[ProfileVersion], *, exported: dt.datetime
) -> ClientFile:
    """The export file of a client from what the store read (``history``: oldest first)."""
    c = snapshot.client
    return ClientFile(
        exported=exported,
        client=ExportedClient(
            name=c.name, contact=c.contact, archived=c.archived, created=c.created
        ),
        profiles=[
            ExportedProfile(created=v.created, profile=v.profile, dataset=v.dataset)
            for v in history
        ],
        sessions=[
            ExportedSession(date=s.date, notes=s.notes, created=s.created)
            for s in snapshot.sessions
        ],
        roles=[
            ExportedRole(role_code=r.role_code, state=r.state, note=r.note, updated=r.updated)
            for r in snapshot.roles
        ],
        plans=[ExportedPlan(created=p.created, plan=p.plan) for p in reversed(snapshot.plans)],
        rejections=[
            ExportedRejection(created=r.created, schema_version=r.schema_version, payload=r.payload)
            for r in snapshot.rejections
        ],
        answers=dict(snapshot.answers),
    )


def dump_client_file(data: ClientFile) -> str:
    """The file's JSON text (indented, UTF-8 friendly)."""
    return data.model_dump_json(indent=2) + "\n"


def parse_client_file(text: str, *, source: str = "client file") -> ClientFile:
    """Validate a client file; :class:`ClientFileError` names the source and the field."""
    return format_document(
        text,
        ClientFile,
        fmt=EXPORT_FORMAT,
        source=source,
        error=ClientFileError,
        what="a client file",
        hint="is this a CareerPivot client export?",
    )


def read_client_file(path: Path) -> ClientFile:
    """Read and validate a client file from disk."""
    return parse_client_file(read_document(path, ClientFileError), source=str(path))


def write_client_file(data: ClientFile, path: Path) -> None:
    """Write a client file atomically and private to its owner (0600)."""
    write_private(path, dump_client_file(data))
