"""What the store hands out: frozen plain records, detached from any database session.

Times are timezone-aware UTC. Records carry no SQLAlchemy state, so they can be
cached (``st.cache_data``), compared and passed to the report builder.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Literal

from careerpivot.profile import Profile
from careerpivot.routes import LearningPlan

RoleState = Literal["shortlisted", "dismissed"]


@dataclass(frozen=True)
class Client:
    """A client as listed: id, name, optional contact, archived flag, creation time."""

    id: int
    name: str
    created: dt.datetime
    archived: bool = False
    contact: str | None = None


@dataclass(frozen=True)
class ProfileVersion:
    """One saved version of a client's profile, with the data set it was made on (None
    when it was saved before the store recorded that)."""

    id: int
    client_id: int
    created: dt.datetime
    profile: Profile
    dataset: str | None = None


@dataclass(frozen=True)
class SessionEntry:
    """One session's date and notes (plain text, never markup)."""

    id: int
    client_id: int
    date: dt.date
    notes: str
    created: dt.datetime


@dataclass(frozen=True)
class RoleMark:
    """A role the client shortlisted or dismissed, with the counselor's note."""

    id: int
    client_id: int
    role_code: str
    state: RoleState
    note: str
    updated: dt.datetime


@dataclass(frozen=True)
class PlanEntry:
    """A learning plan saved for a target role."""

    id: int
    client_id: int
    target_code: str
    plan: LearningPlan
    created: dt.datetime


@dataclass(frozen=True)
class RejectionEntry:
    """One rejection-log record: a JSON object in the rejection log's schema ``schema_version``."""

    id: int
    client_id: int
    schema_version: int
    payload: dict[str, Any]
    created: dt.datetime


@dataclass(frozen=True)
class ClientSnapshot:
    """Everything stored about one client, read in one consistent transaction.

    ``profile`` is the latest saved version (``None`` before the first save);
    ``sessions`` run oldest first; ``plans`` newest first; ``answers`` holds the
    latest answers to each questionnaire.
    """

    client: Client
    profile: Profile | None = None
    profile_versions: int = 0
    #: The data set the latest profile was made on (None: not recorded, or no profile).
    profile_dataset: str | None = None
    sessions: tuple[SessionEntry, ...] = ()
    roles: tuple[RoleMark, ...] = ()
    plans: tuple[PlanEntry, ...] = ()
    rejections: tuple[RejectionEntry, ...] = field(default=())
    #: Questionnaire name -> the latest answer sheet (JSON as the assessment package writes it).
    answers: dict[str, dict[str, Any]] = field(default_factory=dict)

    @property
    def shortlisted(self) -> list[RoleMark]:
        """Shortlisted roles, in the order they were marked."""
        return [r for r in self.roles if r.state == "shortlisted"]

    @property
    def dismissed(self) -> list[str]:
        """Codes of dismissed roles (kept out of new suggestions)."""
        return [r.role_code for r in self.roles if r.state == "dismissed"]

    @property
    def plan(self) -> PlanEntry | None:
        """The latest saved plan, if any."""
        return self.plans[0] if self.plans else None
