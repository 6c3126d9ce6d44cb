"""Application records and the rejection log: validated, versioned, immutable.

A :class:`RejectionLog` is a pydantic model holding :class:`ApplicationRecord`
items with unique ids. Every change returns a new log, so a failed import or
edit can never damage the log a caller already holds.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterable, Mapping
from typing import Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    ValidationInfo,
    field_validator,
    model_validator,
)

from careerpivot.errors import DataValidationError, UnknownRoleError
from careerpivot.model import ONET_SOC_PATTERN, Dataset
from careerpivot.textcheck import line_problem

LOG_SCHEMA_VERSION = 1

Channel = Literal["posting", "referral", "recruiter", "other"]
Stage = Literal["applied", "screened", "interviewed", "final_round", "offer"]
Outcome = Literal["rejected", "withdrawn", "ghosted", "offer", "pending"]

CHANNELS: tuple[Channel, ...] = ("posting", "referral", "recruiter", "other")
#: Stages in the order an application passes them.
STAGES: tuple[Stage, ...] = ("applied", "screened", "interviewed", "final_round", "offer")
OUTCOMES: tuple[Outcome, ...] = ("rejected", "withdrawn", "ghosted", "offer", "pending")
#: Outcomes that count as a rejection (the employer said no, or never answered).
REJECTED: tuple[Outcome, ...] = ("rejected", "ghosted")

STAGE_NAMES: dict[Stage, str] = {
    "applied": "applied",
    "screened": "screened",
    "interviewed": "interviewed",
    "final_round": "final round",
    "offer": "offer",
}

#: Outcomes in words, for sentences ("Data Analyst at Acme: no answer").
OUTCOME_NAMES: dict[Outcome, str] = {
    "rejected": "rejected",
    "withdrawn": "withdrawn",
    "ghosted": "no answer",
    "offer": "offer",
    "pending": "still open",
}

#: Where an application stopped, for sentences ("rejected after an interview").
STAGE_PHRASES: dict[Stage, str] = {
    "applied": "at the application stage",
    "screened": "after a screen",
    "interviewed": "after an interview",
    "final_round": "at the final round",
    "offer": "at the offer stage",
}

MAX_TEXT = 5000
_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


class RecordValidationError(DataValidationError):
    """A record that breaks the schema; names the file, line, record id and field."""

    def __init__(
        self,
        message: str,
        *,
        file: str | None = None,
        row: int | None = None,
        record: str | None = None,
        field: str | None = None,
    ) -> None:
        super().__init__(message, file=file, row=row, field=field)
        self.record = record
        where = ", ".join(
            part
            for part in (
                f"file {file}" if file else "",
                f"line {row}" if row is not None else "",
                f"record {record}" if record else "",
                f"field {field!r}" if field else "",
            )
            if part
        )
        self.args = (f"{where}: {message}" if where else message,)


class ApplicationRecord(BaseModel):
    """One job application: where, when, how far it got, how it ended, what was said."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)

    id: str
    role_title: str = Field(min_length=1, max_length=200)
    occupation_code: str | None = None
    organisation: str = Field(min_length=1, max_length=200)
    date: dt.date
    channel: Channel
    stage_reached: Stage
    outcome: Outcome
    feedback: str = Field(default="", max_length=MAX_TEXT)
    notes: str = Field(default="", max_length=MAX_TEXT)

    @field_validator("id")
    @classmethod
    def _id_shape(cls, v: str) -> str:
        if not _ID.match(v):
            raise ValueError(
                f"{v!r} is not a usable id: 1-64 letters, digits, '.', '_' or '-', "
                "starting with a letter or digit"
            )
        return v

    @field_validator("role_title", "organisation", "feedback", "notes")
    @classmethod
    def _printable(cls, v: str, info: ValidationInfo) -> str:
        if info.field_name in ("feedback", "notes"):  # free text: line breaks and tabs kept
            bad = sorted({c for c in v if unicodedata.category(c) == "Cc" and c not in "\t\n\r"})
            if bad:
                shown = ", ".join(repr(c) for c in bad[:3])
                raise ValueError(f"contains control characters ({shown})")
            return v
        problem = line_problem(v)  # a title or organisation: one line, shown as stored
        if problem:
            raise ValueError(problem)
        return v

    @field_validator("occupation_code", mode="before")
    @classmethod
    def _code_shape(cls, v: object) -> object:
        if isinstance(v, str):
            v = v.strip()
            if not v:
                return None
            if not ONET_SOC_PATTERN.match(v):
                raise ValueError(f"{v!r} is not an O*NET-SOC code like 15-2051.01")
        return v

    @field_validator("date", mode="before")
    @classmethod
    def _iso_date(cls, v: object) -> object:
        # pydantic would read "20240105" or 1704412800 as a Unix time; insist on ISO dates.
        if isinstance(v, dt.datetime):
            return v.date()
        if isinstance(v, dt.date):
            return v
        if isinstance(v, str) and _ISO_DATE.match(v.strip()):
            return v.strip()
        raise ValueError(f"{v!r} is not a date in the form YYYY-MM-DD")

    @field_validator("date")
    @classmethod
    def _plausible_date(cls, v: dt.date) -> dt.date:
        if v.year < 1950:
            raise ValueError(f"{v.isoformat()} is before 1950; check the year")
        return v

    @field_validator("outcome")
    @classmethod
    def _outcome_matches_stage(cls, v: Outcome, info: ValidationInfo) -> Outcome:
        stage = info.data.get("stage_reached")
        if v == "offer" and stage is not None and stage != "offer":
            raise ValueError(f"outcome 'offer' needs stage_reached 'offer' (got {stage!r})")
        return v

    @property
    def is_rejection(self) -> bool:
        """True when the employer said no or never answered."""
        return self.outcome in REJECTED

    @property
    def stage_index(self) -> int:
        """Position of the stage reached in :data:`STAGES` (0 = applied)."""
        return STAGES.index(self.stage_reached)

    @property
    def result(self) -> str:
        """How far it got and how it ended, in words: ``'rejected after an interview'``."""
        if self.outcome == "offer":
            return "offer received"
        return f"{OUTCOME_NAMES[self.outcome]} {STAGE_PHRASES[self.stage_reached]}"

    @property
    def label(self) -> str:
        """Short human label: ``'Data Analyst at Acme (2024-03-01)'``."""
        return f"{self.role_title} at {self.organisation} ({self.date.isoformat()})"


def validate_record(
    data: Mapping[str, Any],
    *,
    file: str | None = None,
    row: int | None = None,
    position: int | None = None,
) -> ApplicationRecord:
    """Build a record from plain data; errors name the file, line, record and field.

    >>> validate_record({"id": "a1", "role_title": "Data Analyst", "organisation": "Acme",
    ...     "date": "2024-03-01", "channel": "posting", "stage_reached": "applied",
    ...     "outcome": "rejected"}).stage_index
    0
    >>> try:
    ...     validate_record({"id": "a1", "role_title": "Data Analyst", "organisation": "Acme",
    ...         "date": "2024-03-01", "channel": "fax", "stage_reached": "applied",
    ...         "outcome": "rejected"}, row=3)
    ... except RecordValidationError as err:
    ...     print(err)
    line 3, record a1, field 'channel': 'fax' is not one of posting, referral, recruiter, other
    """
    rid = data.get("id")
    record = str(rid) if rid else (f"#{position}" if position is not None else None)
    try:
        return ApplicationRecord.model_validate(dict(data))
    except ValidationError as exc:
        err = exc.errors()[0]
        field = ".".join(str(x) for x in err["loc"]) or None
        raise RecordValidationError(
            _message(err, data.get(field) if field else None),
            file=file,
            row=row,
            record=record,
            field=field,
        ) from None


def _message(err: Any, value: object) -> str:
    kind = err["type"]
    if kind == "missing":
        return "value is missing"
    if kind == "literal_error":
        options = err["ctx"]["expected"].replace("'", "").replace(" or ", ", ")
        return f"{value!r} is not one of {options}"
    if kind == "extra_forbidden":
        return "unexpected field"
    if kind == "string_too_short":
        return "value is empty"
    msg = str(err["msg"])
    if kind == "value_error":
        return msg.removeprefix("Value error, ")
    return f"{value!r}: {msg[0].lower()}{msg[1:]}" if value is not None else msg


class RejectionLog(BaseModel):
    """All of a person's applications, with unique ids, in the order they were added.

    >>> log = RejectionLog().add(validate_record({"id": "a1", "role_title": "Analyst",
    ...     "organisation": "Acme", "date": "2024-03-01", "channel": "referral",
    ...     "stage_reached": "interviewed", "outcome": "rejected"}))
    >>> len(log.records), log.get("a1").is_rejection
    (1, True)
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    schema_version: int = LOG_SCHEMA_VERSION
    records: tuple[ApplicationRecord, ...] = ()

    @field_validator("schema_version")
    @classmethod
    def _known_version(cls, v: int) -> int:
        if v != LOG_SCHEMA_VERSION:
            raise ValueError(
                f"rejection log schema version {v} is not supported (this version reads "
                f"{LOG_SCHEMA_VERSION})"
            )
        return v

    @model_validator(mode="after")
    def _unique_ids(self) -> RejectionLog:
        seen: set[str] = set()
        for r in self.records:
            if r.id in seen:
                raise ValueError(f"duplicate record id {r.id!r}")
            seen.add(r.id)
        return self

    # ----- reading ------------------------------------------------------------------------
    def get(self, record_id: str) -> ApplicationRecord:
        """The record with this id; raises ``KeyError`` naming it."""
        for r in self.records:
            if r.id == record_id:
                return r
        raise KeyError(f"no record with id {record_id!r}")

    @property
    def ids(self) -> list[str]:
        """Record ids in log order."""
        return [r.id for r in self.records]

    @property
    def rejections(self) -> list[ApplicationRecord]:
        """Records that ended in a rejection (or no answer), oldest first."""
        return sorted((r for r in self.records if r.is_rejection), key=lambda r: r.date)

    def next_id(self, prefix: str = "a") -> str:
        """An unused id like ``a7`` for a new record."""
        taken = set(self.ids)
        n = len(self.records) + 1
        while f"{prefix}{n}" in taken:
            n += 1
        return f"{prefix}{n}"

    # ----- changing (each returns a new log) ----------------------------------------------
    def add(self, record: ApplicationRecord) -> RejectionLog:
        """A new log with ``record`` appended; raises if its id is taken."""
        if record.id in self.ids:
            raise RecordValidationError("id is already used in the log", record=record.id)
        return RejectionLog(records=(*self.records, record))

    def replace(self, record: ApplicationRecord) -> RejectionLog:
        """A new log with the record of the same id replaced."""
        self.get(record.id)
        return RejectionLog(records=tuple(record if r.id == record.id else r for r in self.records))

    def remove(self, record_id: str) -> RejectionLog:
        """A new log without the record ``record_id``."""
        self.get(record_id)
        return RejectionLog(records=tuple(r for r in self.records if r.id != record_id))

    def merged(
        self, incoming: Iterable[ApplicationRecord], *, overwrite: bool = False
    ) -> RejectionLog:
        """A new log with ``incoming`` records added (an import).

        A record whose id is already in the log is skipped when identical; when it
        differs, it replaces the stored one only with ``overwrite``, else the merge
        raises and this log is untouched.
        """
        records = {r.id: r for r in self.records}
        order = list(records)
        for r in incoming:
            old = records.get(r.id)
            if old is None:
                order.append(r.id)
            elif old != r and not overwrite:
                raise RecordValidationError(
                    "a different record with this id is already in the log "
                    "(rename it, or import with overwrite)",
                    record=r.id,
                )
            records[r.id] = r
        return RejectionLog(records=tuple(records[i] for i in order))

    def without_unknown_roles(self, dataset: Dataset) -> tuple[RejectionLog, tuple[str, ...]]:
        """This log with occupation codes ``dataset`` lacks left out, and the ids of the
        records that lost theirs (their role title still groups them).

        For a log kept on one data set and read on another: the records stay, and
        :meth:`check` then passes.
        """
        known = dataset.occupation_index
        changed = tuple(
            r.id for r in self.records if r.occupation_code and r.occupation_code not in known
        )
        if not changed:
            return self, ()
        records = tuple(
            r.model_copy(update={"occupation_code": None}) if r.id in changed else r
            for r in self.records
        )
        return RejectionLog(records=records), changed

    def check(self, dataset: Dataset) -> RejectionLog:
        """Raise :class:`UnknownRoleError` naming the record whose occupation code is unknown."""
        for r in self.records:
            if r.occupation_code and r.occupation_code not in dataset.occupation_index:
                raise UnknownRoleError(
                    r.occupation_code,
                    f"Record {r.id} names it but data set {dataset.name!r} has no such role.",
                )
        return self
