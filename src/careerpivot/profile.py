"""A person's self-assessment: skill ratings, interests, work values, role and constraints.

Profiles are JSON documents with a versioned schema (``schema_version``), validated
by pydantic so a bad file names the field that is wrong.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import numpy as np
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from careerpivot.errors import ProfileError, UnknownDescriptorError
from careerpivot.filters import Filters
from careerpivot.jsondoc import json_object, read_document, validation_message
from careerpivot.model import RIASEC, WORK_VALUES, Dataset, FloatArray
from careerpivot.private import write_private

PROFILE_SCHEMA_VERSION = 1

Level = Annotated[float, Field(ge=0.0, le=7.0)]
Score = Annotated[float, Field(ge=1.0, le=7.0)]


class Profile(BaseModel):
    """A person's self-assessment on any subset of descriptors (levels 0-7)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    schema_version: int = PROFILE_SCHEMA_VERSION
    name: str = ""
    ratings: dict[str, Level] = Field(default_factory=dict)
    interests: dict[str, Score] | None = None
    work_values: dict[str, Score] | None = None
    current_role: str | None = None
    job_zone: int | None = Field(default=None, ge=1, le=5)
    #: The person's standing filters (files from before families/exclude read as they were).
    constraints: Filters = Field(default_factory=Filters)
    seeded_from: str | None = None  # role code the ratings were started from

    @field_validator("schema_version")
    @classmethod
    def _known_version(cls, v: int) -> int:
        if v != PROFILE_SCHEMA_VERSION:
            raise ValueError(
                f"profile schema version {v} is not supported (this version reads "
                f"{PROFILE_SCHEMA_VERSION})"
            )
        return v

    @field_validator("interests")
    @classmethod
    def _riasec_keys(cls, v: dict[str, float] | None) -> dict[str, float] | None:
        if v is not None:
            bad = sorted(set(v) - set(RIASEC))
            if bad:
                raise ValueError(f"unknown interest types {bad}; use the letters R I A S E C")
        return v

    @field_validator("work_values")
    @classmethod
    def _value_keys(cls, v: dict[str, float] | None) -> dict[str, float] | None:
        if v is not None:
            bad = sorted(set(v) - set(WORK_VALUES))
            if bad:
                raise ValueError(f"unknown work values {bad}; use {', '.join(WORK_VALUES)}")
        return v

    # ----- adjusting ----------------------------------------------------------------------
    def with_ratings(self, changes: dict[str, float]) -> Profile:
        """A copy with some ratings changed (a level of 0 keeps the key: 'I have none')."""
        return self._copy(ratings={**self.ratings, **changes})

    def without_ratings(self, ids: list[str]) -> Profile:
        """A copy with some ratings removed (back to 'not rated')."""
        return self._copy(ratings={k: v for k, v in self.ratings.items() if k not in ids})

    def with_interests(self, interests: dict[str, float] | None) -> Profile:
        """A copy with a new RIASEC profile."""
        return self._copy(interests=interests)

    def with_work_values(self, values: dict[str, float] | None) -> Profile:
        """A copy with a new work-values profile."""
        return self._copy(work_values=values)

    def _copy(self, **changes: Any) -> Profile:
        # Re-validate: model_copy(update=...) would skip validation.
        return Profile.model_validate({**self.model_dump(), **changes})

    # ----- checking -----------------------------------------------------------------------
    def check(self, dataset: Dataset) -> Profile:
        """Raise a clear error if the profile names ids the data set lacks; return self."""
        for d in self.ratings:
            if d not in dataset.descriptor_index:
                raise UnknownDescriptorError(
                    d, f"The profile rates it but data set {dataset.name!r} has no such descriptor."
                )
        if self.current_role is not None:
            dataset.occupation(self.current_role)
        return self

    def level_vector(self, dataset: Dataset) -> FloatArray:
        """The ratings as levels over all of ``dataset``'s descriptors (0 where not rated)."""
        self.check(dataset)
        vec = np.zeros(len(dataset.descriptors))
        for d, v in self.ratings.items():
            vec[dataset.descriptor_index[d]] = v
        return vec

    def restricted_to(self, dataset: Dataset) -> tuple[Profile, list[str]]:
        """A copy without ratings the data set does not know, and the ids dropped."""
        dropped = [d for d in self.ratings if d not in dataset.descriptor_index]
        return self.without_ratings(dropped), dropped

    @property
    def is_empty(self) -> bool:
        """True when there is nothing to score: no ratings, interests or values."""
        return not self.ratings and not self.interests and not self.work_values

    def effective_job_zone(self, dataset: Dataset) -> int | None:
        """The job zone the person stands at: given, else their current role's.

        Where the data set merges zones 1 and 2 (O*NET 30.3 and later, coded 2), a
        person at zone 1 stands in that merged zone, so it is not a step up for them.
        """
        if self.job_zone is not None:
            return max(self.job_zone, dataset.lowest_job_zone)
        if self.current_role is not None:
            return dataset.occupation(self.current_role).job_zone
        return None


def profile_from_role(dataset: Dataset, code: str, *, name: str = "") -> Profile:
    """'Start from my last job': a profile rating each descriptor at the role's level.

    A role without ratings (O*NET leaves some unrated) borrows them from its
    stand-in (see :func:`stand_in`); ``seeded_from`` says which role that was.

    >>> from careerpivot.datasets.starter import load_starter
    >>> p = profile_from_role(load_starter(), "15-1252.00")
    >>> p.current_role, p.ratings["2.B.3.e"] > 4
    ('15-1252.00', True)
    """
    dataset.occupation(code)  # raises UnknownRoleError
    source = stand_in(dataset, code)
    occ = dataset.occupation(source)
    sel = dataset.requirement_rows(dataset.occupation_index[source])
    descs = dataset.descriptors
    ratings = {
        descs[j].id: round(level, 2)
        for j, level in zip(
            dataset.req_descriptor[sel].tolist(), dataset.req_level[sel].tolist(), strict=True
        )
    }
    interests = dict(zip(RIASEC, occ.interests, strict=True)) if occ.interests else None
    values = dict(zip(WORK_VALUES, occ.work_values, strict=True)) if occ.work_values else None
    return Profile(
        name=name,
        ratings=ratings,
        interests=interests,
        work_values=values,
        current_role=code,
        job_zone=dataset.occupation(code).job_zone or occ.job_zone,
        seeded_from=source,
    )


def stand_in(dataset: Dataset, code: str) -> str:
    """The role whose ratings describe ``code``: itself, or for a role without ratings the
    most related rated role that the importer recorded (``extras["stand_in"]``)."""
    if dataset.scorable[dataset.occupation_index[code]]:
        return code
    other = dataset.extras.get("stand_in", {}).get(code)
    return str(other) if other else code


def parse_profile(text: str, *, source: str = "profile") -> Profile:
    """Parse profile JSON; errors name the source and the offending field."""
    data = json_object(text, source, ProfileError, "a profile")
    try:
        return Profile.model_validate(data)
    except ValidationError as exc:
        raise ProfileError(f"{source}: {validation_message(exc)}") from None


def load_profile(path: Path) -> Profile:
    """Read a profile JSON file."""
    return parse_profile(read_document(path, ProfileError), source=str(path))


def save_profile(profile: Profile, path: Path) -> None:
    """Write a profile as JSON, atomically (a crash never leaves half a file)."""
    write_private(path, profile.model_dump_json(indent=2))


__all__ = [
    "PROFILE_SCHEMA_VERSION",
    "Profile",
    "load_profile",
    "parse_profile",
    "profile_from_role",
    "save_profile",
]
