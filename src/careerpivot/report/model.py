"""The report object: plain frozen data that every renderer (Markdown, CSV, PDF) writes out.

Fields hold numbers and text only (no engine objects), so a report can be compared,
written to CSV and read back unchanged. Text that came from people (client name,
notes, role notes, rejection sections) is stored as typed; renderers escape it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class Summary:
    """The assessment in brief: current role, Holland code, strongest ratings."""

    current_role: str = ""  # "Title (code)", or "" when not given
    holland_code: str = ""  # three RIASEC letters, "" when interests were not assessed
    strengths: tuple[str, ...] = ()  # highest-rated skills and knowledge, strongest first
    ratings: int = 0  # how many descriptors the profile rates
    #: ratings the report's data set does not have (the profile was made on another one)
    left_out: int = 0


@dataclass(frozen=True)
class PivotLine:
    """One suggested role with the reasons behind it."""

    rank: int
    code: str
    title: str
    fit: float  # viability, 0-1
    strengths: tuple[str, ...] = ()  # what transfers
    gaps: tuple[str, ...] = ()  # "Name (+1.5)": what is missing, level points
    job_zone: int | None = None
    wage_change: float | None = None  # USD per year vs the current role
    outlook_pct: float | None = None  # projected ten-year employment change, %
    #: BLS publishes one wage figure for this role and the current one, so the change
    #: reads 0 without saying anything about pay.
    same_wage_figure: bool = False


@dataclass(frozen=True)
class GapLine:
    """One row of the gap table: a row of the gap model (:meth:`Engine.gap`), as the
    card, Compare and Plan show it."""

    name: str
    kind: str
    importance: float
    required: float
    current: float
    deficit: float
    priority: float
    status: str = ""  # "gap", "small gap" or "tool to check" (careerpivot.gaps.Status)
    priority_words: str = ""  # "high", "medium" or "low" for rows to close, else ""
    hours: float = 0.0  # to close it; for a tool to check: if it is new
    estimated: bool = False  # the target's rating is estimated, not surveyed


@dataclass(frozen=True)
class StepLine:
    """One step of the upskilling plan."""

    order: int
    name: str
    current: float
    target: float
    hours: float
    learning: str


@dataclass(frozen=True)
class RouteLine:
    """One stepping-stone route: role titles from the start to the target."""

    order: int
    roles: tuple[str, ...]
    hours: float
    within_reach: bool


@dataclass(frozen=True)
class ShortlistLine:
    """A role the client shortlisted, with the counselor's note."""

    code: str
    title: str
    note: str = ""


@dataclass(frozen=True)
class Section:
    """A titled list of points (rejection patterns, actions)."""

    title: str
    items: tuple[str, ...] = ()


@dataclass(frozen=True)
class NoteLine:
    """One session's notes."""

    date: dt.date
    text: str


@dataclass(frozen=True)
class Report:
    """A client report as handed to the client."""

    client: str
    date: dt.date
    dataset: str
    summary: Summary
    pivots: tuple[PivotLine, ...] = ()
    shortlist: tuple[ShortlistLine, ...] = ()
    target_code: str = ""  # the role the gap table and plan aim at, "" when none
    target_title: str = ""
    gaps: tuple[GapLine, ...] = ()  # rows to close (most urgent first), then tools to check
    gap_summary: str = ""  # the comparison in one sentence, as on the card and Compare
    gaps_not_shown: int = 0  # rows to close left out of the table (it shows the first ones)
    gap_estimate_note: str = ""  # how the target's ratings were estimated, when they were
    plan: tuple[StepLine, ...] = ()
    plan_hours: float = 0.0
    plan_preparation: str = ""  # the target's typical preparation, in words
    plan_check: str = ""  # what the plan's length means against it ("" when it fits)
    routes: tuple[RouteLine, ...] = ()
    rejections: tuple[Section, ...] = ()
    applications_logged: int = 0
    notes: tuple[NoteLine, ...] = ()
    footer: str = ""
