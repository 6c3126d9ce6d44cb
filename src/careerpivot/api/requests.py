"""What API callers send: a person (a role or a profile), filters and the question's details."""

from __future__ import annotations

from typing import Self

from pydantic import BaseModel, ConfigDict, Field, model_validator

from careerpivot.filters import Filters
from careerpivot.profile import Profile
from careerpivot.rejections.records import RejectionLog
from careerpivot.schemas import Detail

_STRICT = ConfigDict(extra="forbid")


class Person(BaseModel):
    """Who is asking: ``role`` (a title or an O*NET-SOC code) or a full ``profile``."""

    model_config = _STRICT

    dataset: str | None = Field(default=None, max_length=100, description="data set name")
    role: str | None = Field(
        default=None, min_length=1, max_length=200, description="current role: title or code"
    )
    profile: Profile | None = None

    @model_validator(mode="after")
    def _one_of(self) -> Self:
        if self.role is None and self.profile is None:
            raise ValueError("give 'role' (a title or code) or 'profile'")
        return self


class RecommendRequest(Person):
    """``POST /v1/recommend``."""

    k: int = Field(default=10, ge=1, le=200, description="how many roles")
    filters: Filters = Field(
        default_factory=Filters,
        description="limits on suggested roles; the fields given replace the profile's "
        "constraints, the others stay",
    )
    detail: Detail = Field(
        default="summary",
        description="'summary': each role's fit, strengths, top gaps and totals; 'full': "
        "also every requirement compared (large: about 500 rows a role on O*NET)",
    )


class GapRequest(Person):
    """``POST /v1/gap``: with only ``role`` it compares role with role."""

    target: str = Field(min_length=1, max_length=200, description="target role: title or code")


class PlanRequest(Person):
    """``POST /v1/plan``: learning steps and ``routes`` stepping-stone routes."""

    target: str = Field(min_length=1, max_length=200, description="target role: title or code")
    routes: int = Field(default=3, ge=0, le=10, description="how many routes")


class WhatIfRequest(Person):
    """``POST /v1/what-if``: raise one descriptor by ``levels`` and see who moves up."""

    descriptor: str = Field(min_length=1, max_length=100, description="descriptor id")
    levels: float = Field(default=1.0, gt=0, le=7, description="levels to add (0-7 scale)")


#: Most feedback texts one request classifies, and their longest: the largest batch.
MAX_TEXTS, MAX_TEXT_CHARS = 100, 5000
#: Most applications one analysis reads, and most characters of feedback and notes in all:
#: reading text is the cost. Feedback of distinct words (each looked up among O*NET's
#: names, spelling slips allowed) takes about 0.15 s per 1000 characters on O*NET data
#: (``bench/hostile_inputs.py``), so 100,000 characters hold a worker about 15 s at most;
#: 500,000 held it over a minute.
MAX_LOG_RECORDS, MAX_LOG_TEXT = 500, 100_000


class ClassifyRequest(BaseModel):
    """``POST /v1/feedback/classify``: one or more feedback texts."""

    model_config = _STRICT

    texts: list[str] = Field(min_length=1, max_length=MAX_TEXTS)

    @model_validator(mode="after")
    def _short(self) -> Self:
        if any(len(t) > MAX_TEXT_CHARS for t in self.texts):
            raise ValueError(f"each text may be at most {MAX_TEXT_CHARS} characters")
        return self


class AnalyseRequest(Person):
    """``POST /v1/rejections/analyse``: a rejection log and the person it belongs to."""

    log: RejectionLog
    target: str | None = Field(default=None, min_length=1, max_length=200)

    @model_validator(mode="after")
    def _bounded(self) -> Self:
        """A log one request can analyse in seconds: a 4 MiB body of long feedback held a
        worker for minutes."""
        records = self.log.records
        if len(records) > MAX_LOG_RECORDS:
            raise ValueError(
                f"the log has {len(records)} applications; at most {MAX_LOG_RECORDS} are "
                "analysed at once (send the most recent)"
            )
        text = sum(len(r.feedback) + len(r.notes) for r in records)
        if text > MAX_LOG_TEXT:
            raise ValueError(
                f"the log's feedback and notes hold {text:,} characters; at most "
                f"{MAX_LOG_TEXT:,} are analysed at once (send fewer applications)"
            )
        return self


class TokenRequest(BaseModel):
    """``POST /v1/counselor/token``: the counselor passcode."""

    model_config = _STRICT

    passcode: str = Field(min_length=1, max_length=500)
