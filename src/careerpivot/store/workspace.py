"""A person's workspace: everything they entered, without an account, as one JSON document.

The app keeps a workspace in the store under a private link (a random token in the
URL; the store holds only its SHA-256) and saves it as the person goes. The same
document is the "Download my data" file, so it carries a ``format`` and a
``schema_version`` and is validated whole before anything is replaced.

Questionnaire answers and rejection-log records are kept as the JSON their own
packages read (a rejection record with its schema version), so the store depends
on neither; the app checks them when it reads a workspace back. The same holds for
``choices``, what a person chose on each page (the Pivots page's filters, order and
count, ...): each page's are plain JSON the app checks value by value, so one value
this version cannot use falls back to its default instead of refusing the whole
workspace. Documents saved before ``choices`` existed read as having none.

>>> data = WorkspaceData(shortlist=["15-2051.00"], target="15-2051.00")
>>> parse_workspace(dump_workspace(data), source="demo.json") == data
True
>>> valid_token(new_token()), valid_token("../etc/passwd")
(True, False)
"""

from __future__ import annotations

import hashlib
import json
import re
import secrets
from collections.abc import Callable
from typing import Any, Literal, TypeVar

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, ValidationError, field_validator

from careerpivot.jsondoc import format_document, validation_message
from careerpivot.profile import Profile
from careerpivot.store import codec
from careerpivot.store.errors import StoreError

WORKSPACE_FORMAT = "careerpivot-workspace"
WORKSPACE_SCHEMA_VERSION = 1
#: Random bytes in a link's token (192 bits: never guessable); 32 URL-safe characters.
TOKEN_BYTES = 24
TOKEN_PATTERN = re.compile(r"[A-Za-z0-9_-]{32}")
#: Largest workspace document kept (a few thousand applications fit easily).
DOCUMENT_MAX = 5_000_000
INSTRUMENT_MAX = 40
DATASET_MAX = 100
#: Most pages whose choices a workspace keeps, and the longest page name.
PAGES_MAX = 20
PAGE_NAME_MAX = 40

T = TypeVar("T")


class WorkspaceError(StoreError, ValueError):
    """A workspace file or stored workspace that cannot be used; names the field."""


class WorkspaceRejection(BaseModel):
    """One rejection-log record in its own schema version."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    schema_version: int = Field(ge=1)
    payload: dict[str, Any]


class WorkspaceData(BaseModel):
    """Everything a person entered: profile, answers, shortlist and dismissed roles,
    the role they plan for, the rejection log, the data set they use and what they
    chose on each page (``choices``: page name -> that page's choices as JSON)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    format: Literal["careerpivot-workspace"] = "careerpivot-workspace"
    schema_version: int = WORKSPACE_SCHEMA_VERSION
    saved: AwareDatetime | None = None
    dataset: str | None = Field(default=None, max_length=DATASET_MAX)
    profile: Profile | None = None
    answers: dict[str, dict[str, Any]] = Field(default_factory=dict)
    shortlist: list[str] = Field(default_factory=list)
    dismissed: list[str] = Field(default_factory=list)
    target: str | None = None
    rejections: list[WorkspaceRejection] = Field(default_factory=list)
    choices: dict[str, Any] = Field(default_factory=dict)

    @field_validator("schema_version")
    @classmethod
    def _version(cls, v: int) -> int:
        if v != WORKSPACE_SCHEMA_VERSION:
            raise ValueError(
                f"workspace schema version {v} is not supported (this CareerPivot reads "
                f"{WORKSPACE_SCHEMA_VERSION})"
            )
        return v

    @field_validator("shortlist", "dismissed")
    @classmethod
    def _codes(cls, v: list[str]) -> list[str]:
        return [_checked(codec.check_role_code, c) for c in v]

    @field_validator("target")
    @classmethod
    def _target(cls, v: str | None) -> str | None:
        return None if v is None else _checked(codec.check_role_code, v)

    @field_validator("answers")
    @classmethod
    def _instruments(cls, v: dict[str, dict[str, Any]]) -> dict[str, dict[str, Any]]:
        bad = [k for k in v if not k or len(k) > INSTRUMENT_MAX]
        if bad:
            raise ValueError(f"questionnaire names must be 1-{INSTRUMENT_MAX} characters")
        return v

    @field_validator("choices")
    @classmethod
    def _pages(cls, v: dict[str, Any]) -> dict[str, Any]:
        if len(v) > PAGES_MAX:
            raise ValueError(f"choices are kept for at most {PAGES_MAX} pages")
        bad = [k for k in v if not k or len(k) > PAGE_NAME_MAX]
        if bad:
            raise ValueError(f"page names must be 1-{PAGE_NAME_MAX} characters")
        return v

    @property
    def is_empty(self) -> bool:
        """True when nothing has been entered yet."""
        return (
            self.profile is None
            and not self.answers
            and not self.shortlist
            and not self.dismissed
            and self.target is None
            and not self.rejections
            and not self.choices
        )

    def summary(self) -> str:
        """What the workspace holds, in words ("a profile, 2 saved roles, ...")."""
        parts = []
        if self.profile is not None:
            parts.append(f"a profile with {len(self.profile.ratings)} ratings")
        answered = sum(len(sheet.get("answers") or {}) for sheet in self.answers.values())
        if answered:
            parts.append(f"{answered} questionnaire answers")
        if self.shortlist:
            parts.append(f"{len(self.shortlist)} saved role(s)")
        if self.dismissed:
            parts.append(f"{len(self.dismissed)} hidden role(s)")
        if self.target:
            parts.append("a plan's target role")
        if self.rejections:
            parts.append(f"{len(self.rejections)} logged application(s)")
        if self.choices:
            parts.append("your choices on the pages (filters, order, ...)")
        return ", ".join(parts) if parts else "nothing yet"


def _checked(check: Callable[[T], T], value: T) -> T:
    try:
        return check(value)
    except StoreError as exc:
        raise ValueError(str(exc)) from None


def new_token() -> str:
    """A fresh random token for a workspace link (``secrets``: never guessable)."""
    return secrets.token_urlsafe(TOKEN_BYTES)


def valid_token(token: str) -> bool:
    """True when ``token`` has the shape of a link token (anything else is never looked up)."""
    return isinstance(token, str) and TOKEN_PATTERN.fullmatch(token) is not None


def token_hash(token: str) -> str:
    """What the store keeps of a token: its SHA-256, hex."""
    return hashlib.sha256(token.encode("ascii")).hexdigest()


def to_json(data: WorkspaceData) -> str:
    """The document as compact JSON for the store (``saved`` left out); size-checked."""
    text = data.model_dump_json(exclude={"saved"})
    if len(text) > DOCUMENT_MAX:
        raise WorkspaceError(
            f"the workspace is larger than {DOCUMENT_MAX:,} characters; nothing was saved"
        )
    return text


def dump_workspace(data: WorkspaceData) -> str:
    """The download file's text (indented JSON)."""
    return data.model_dump_json(indent=2) + "\n"


def parse_workspace(text: str, *, source: str = "workspace file") -> WorkspaceData:
    """Validate a workspace file; :class:`WorkspaceError` names the source and the field."""
    if len(text) > DOCUMENT_MAX:
        raise WorkspaceError(f"{source}: larger than {DOCUMENT_MAX:,} characters")
    return format_document(
        text,
        WorkspaceData,
        fmt=WORKSPACE_FORMAT,
        source=source,
        error=WorkspaceError,
        what="a CareerPivot data file",
        hint="is this a file from “Download my data”?",
    )


def from_json(text: str, schema_version: int) -> WorkspaceData:
    """A stored workspace back as a document (validated again: the schema may have moved)."""
    if schema_version != WORKSPACE_SCHEMA_VERSION:
        raise WorkspaceError(
            f"stored workspace has schema version {schema_version}; this CareerPivot reads "
            f"{WORKSPACE_SCHEMA_VERSION}"
        )
    try:
        return WorkspaceData.model_validate_json(text)
    except ValidationError as exc:
        raise WorkspaceError(f"stored workspace: {validation_message(exc)}") from None


def answers_to_json(answers: dict[str, Any]) -> str:
    """A questionnaire's answer sheet as canonical JSON (for a client's record)."""
    try:
        return json.dumps(answers, sort_keys=True, separators=(",", ":"), allow_nan=False)
    except (TypeError, ValueError) as exc:
        raise StoreError(f"answers: not JSON-serialisable ({exc})") from None
