"""Filters: the one shape of the limits a person puts on suggested roles.

A profile keeps its own (``Profile.constraints``); the Pivots page, the CLI's options,
the API's ``filters`` and reports start from those and change what they need with
:meth:`Filters.but`. Scoring takes one ``Filters`` value; roles outside it are not
eligible. Frozen and hashable, so pages can cache on it.

>>> f = Filters(families=("Computer and mathematical",))
>>> f.families, f.max_job_zone_step
(('15',), 1)
>>> f.but(min_wage=50_000).min_wage
50000.0
>>> Filters(max_job_zone_step=2).over(Filters(min_wage=40_000)).model_dump()["min_wage"]
40000.0
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator

from careerpivot.model import SOC_MAJOR_GROUPS

#: How many job zones above the current one suggestions may be, unless a person says.
DEFAULT_MAX_JOB_ZONE_STEP = 1


class Filters(BaseModel):
    """Limits on suggested roles: job-zone step, wage and outlook floors, families, exclusions."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    max_job_zone_step: int = Field(
        default=DEFAULT_MAX_JOB_ZONE_STEP,
        ge=0,
        le=4,
        description="how many job zones above the current one to allow",
    )
    min_wage: float | None = Field(
        default=None,
        ge=0,
        allow_inf_nan=False,
        description="lowest acceptable median annual wage, USD",
    )
    min_outlook: float | None = Field(
        default=None, ge=-100, le=1000, description="lowest projected change, % over ten years"
    )
    families: tuple[str, ...] = Field(
        default=(),
        max_length=30,
        description="only roles in these SOC major groups: codes like '15' or names (empty: all)",
    )
    exclude: tuple[str, ...] = Field(
        default=(), max_length=500, description="role codes never to suggest"
    )

    @field_validator("families")
    @classmethod
    def _family_codes(cls, v: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(dict.fromkeys(family_code(x) for x in v))

    def but(self, **changes: Any) -> Filters:
        """A copy with some fields changed (validated, like the constructor)."""
        return Filters.model_validate({**self.model_dump(), **changes})

    def over(self, base: Filters) -> Filters:
        """``base`` with the fields given explicitly here replacing its own (how the API's
        ``filters`` override the profile's constraints)."""
        return base.but(**self.model_dump(include=self.model_fields_set))


def family_code(text: str) -> str:
    """The SOC major group code of ``text``: a code like "15" (or "15-1252.00"), or a
    word of the group's name; ``ValueError`` names the text when none matches."""
    t = text.strip()
    if t[:2].isdigit() and t[:2] in SOC_MAJOR_GROUPS:
        return t[:2]
    if t:
        for code, name in SOC_MAJOR_GROUPS.items():
            if t.lower() in name.lower():
                return code
    raise ValueError(f"unknown role family {text!r}; use a SOC major group code like 15")


__all__ = ["DEFAULT_MAX_JOB_ZONE_STEP", "Filters", "family_code"]
