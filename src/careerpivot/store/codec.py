"""Checking and (de)serialising what goes into the store: names, notes, codes, JSON columns.

Every value is checked before a transaction starts, so bad input raises a
:class:`StoreError` naming the field and the database is never touched.
"""

from __future__ import annotations

import dataclasses
import json
import unicodedata
from collections.abc import Mapping
from typing import Any

from pydantic import BaseModel, TypeAdapter

from careerpivot.model import ONET_SOC_PATTERN
from careerpivot.profile import PROFILE_SCHEMA_VERSION, Profile
from careerpivot.routes import LearningPlan
from careerpivot.store.errors import StoreError
from careerpivot.store.records import RoleState
from careerpivot.store.schema import CODE_MAX, DATASET_MAX, NAME_MAX, ROLE_STATES
from careerpivot.textcheck import line_problem

NOTES_MAX = 100_000
PAYLOAD_MAX = 1_000_000

_PLAN = TypeAdapter(LearningPlan)


def check_name(name: str, field: str = "name") -> str:
    """A client's name, trimmed: 1-200 characters, no control or text-direction characters.

    >>> check_name("  Ana Díaz ")
    'Ana Díaz'
    """
    cleaned = " ".join(name.split())
    if not cleaned:
        raise StoreError(f"{field}: must not be empty")
    problem = line_problem(cleaned)
    if problem:
        raise StoreError(f"{field}: {problem}")
    if len(cleaned) > NAME_MAX:
        raise StoreError(f"{field}: longer than {NAME_MAX} characters ({len(cleaned)})")
    return cleaned


def check_contact(contact: str | None) -> str | None:
    """An optional contact line (e-mail or phone); empty means none."""
    if contact is None or not contact.strip():
        return None
    return check_name(contact, "contact")


def check_notes(notes: str, field: str = "notes") -> str:
    """Session notes or a role note: plain text up to 100,000 characters, kept as typed;
    line breaks and tabs are fine, other control characters (NUL, ESC, which a terminal
    showing a report would act on, ...) are refused, as in rejection feedback."""
    if "\x00" in notes:
        raise StoreError(f"{field}: contains a NUL character")
    bad = sorted({c for c in notes if unicodedata.category(c) == "Cc" and c not in "\t\n\r"})
    if bad:
        shown = ", ".join(repr(c) for c in bad[:3])
        raise StoreError(f"{field}: contains control characters ({shown})")
    if len(notes) > NOTES_MAX:
        raise StoreError(f"{field}: longer than {NOTES_MAX} characters ({len(notes)})")
    return notes


def check_dataset(name: str | None) -> str | None:
    """The name of the data set a profile was made on (up to 100 characters; None: unknown)."""
    if name is None:
        return None
    if not name.strip() or len(name) > DATASET_MAX:
        raise StoreError(f"dataset: {name[:40]!r} is not a data set name (1-{DATASET_MAX} chars)")
    return name


def check_role_code(code: str) -> str:
    """An O*NET-SOC code such as ``15-1252.00``."""
    if len(code) > CODE_MAX or not ONET_SOC_PATTERN.match(code):
        raise StoreError(f"role_code: {code!r} is not an O*NET-SOC code like 15-1252.00")
    return code


def check_state(state: str) -> RoleState:
    """``shortlisted`` or ``dismissed``."""
    if state == "shortlisted":
        return "shortlisted"
    if state == "dismissed":
        return "dismissed"
    raise StoreError(f"state: {state!r} is not one of {', '.join(ROLE_STATES)}")


# ----- JSON columns ---------------------------------------------------------------------------
def profile_to_json(profile: Profile) -> str:
    """The profile's own JSON form."""
    return profile.model_dump_json()


def profile_from_json(text: str, schema: int = PROFILE_SCHEMA_VERSION) -> Profile:
    """Read a stored profile (validated again: the profile schema may have moved on)."""
    if schema != PROFILE_SCHEMA_VERSION:
        raise StoreError(
            f"stored profile has schema version {schema}; this CareerPivot reads "
            f"{PROFILE_SCHEMA_VERSION}"
        )
    return Profile.model_validate_json(text)


def plan_to_json(plan: LearningPlan) -> str:
    """A learning plan as JSON: its steps (the gap model behind them is recomputed on
    demand, not stored)."""
    return _PLAN.dump_json(dataclasses.replace(plan, gap=None)).decode("utf-8")


def plan_from_json(text: str) -> LearningPlan:
    """Inverse of :func:`plan_to_json`, validated field by field."""
    return _PLAN.validate_json(text)


def payload_to_json(payload: BaseModel | Mapping[str, Any]) -> str:
    """A rejection-log record as canonical JSON text (a JSON object, finite numbers).

    >>> payload_to_json({"b": 1, "a": "x"})
    '{"a":"x","b":1}'
    """
    if isinstance(payload, BaseModel):
        data: Any = payload.model_dump(mode="json")
    else:
        data = dict(payload)
    if not isinstance(data, dict):
        raise StoreError("payload: a rejection record must be a JSON object")
    try:
        text = json.dumps(data, sort_keys=True, separators=(",", ":"), allow_nan=False)
    except (TypeError, ValueError) as exc:
        raise StoreError(f"payload: not JSON-serialisable ({exc})") from None
    if len(text) > PAYLOAD_MAX:
        raise StoreError(f"payload: larger than {PAYLOAD_MAX} characters")
    return text


def payload_from_json(text: str) -> dict[str, Any]:
    """A stored rejection record back as a dict."""
    data = json.loads(text)
    if not isinstance(data, dict):
        raise StoreError("stored rejection record is not a JSON object")
    return data


def check_schema_version(version: int) -> int:
    """A positive schema version of a rejection record."""
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise StoreError(f"schema_version: must be a positive integer, got {version!r}")
    return version
