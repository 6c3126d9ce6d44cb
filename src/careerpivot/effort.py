"""The learning-effort model: rough hours to raise one descriptor from one level to another.

Hours for one level point grow with the level reached (the step from 5 to 6 takes
longer than the step from 1 to 2) and scale with the descriptor's difficulty
(a team estimate stored with each descriptor, 1.0 = typical)::

    hours(from -> to) = sum over points l in [from, to) of
                        BASE_HOURS[kind] * difficulty * (1 + GROWTH * l)

Partial points count pro rata. BASE_HOURS are the team's estimates of the guided
practice one level point takes at the bottom of the scale (skills 40 h, knowledge
60 h, tools 25 h); GROWTH = 0.35. They are estimates for comparing options, not
promises: the app labels them as such.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

import numpy as np

from careerpivot.model import Descriptor, FloatArray, Occupation

BASE_HOURS: dict[str, float] = {"skill": 40.0, "knowledge": 60.0, "technology": 25.0}
GROWTH = 0.35

LearningKind = Literal["course", "certification", "project", "mentoring", "formal education"]

# Descriptors mostly learned through practice with feedback from people.
_INTERPERSONAL = {"2.B.1.a", "2.B.1.b", "2.B.1.c", "2.B.1.d", "2.B.1.e", "2.B.1.f", "2.B.5.d"}
# Hands-on technical skills (installing, operating, repairing equipment).
_HANDS_ON = {"2.B.3.c", "2.B.3.d", "2.B.3.g", "2.B.3.h", "2.B.3.j", "2.B.3.k", "2.B.3.l"}
# Knowledge areas that most employers only accept with a formal qualification or licence.
_LICENSED = {"2.C.5.a", "2.C.5.b", "2.C.8.b"}


def hours_between(descriptor: Descriptor, start: float, end: float) -> float:
    """Estimated hours to go from level ``start`` to ``end`` (0 if not an increase).

    >>> from careerpivot.model import Descriptor
    >>> d = Descriptor("2.B.3.e", "Programming", "skill", difficulty=1.0)
    >>> round(hours_between(d, 2, 3))  # 40 h x (1 + 0.35 x 2.5)
    75
    >>> hours_between(d, 3, 3)
    0.0
    """
    if end <= start:
        return 0.0
    base = BASE_HOURS.get(descriptor.kind, 40.0) * descriptor.difficulty
    # Integral of base * (1 + GROWTH * l) dl from start to end (continuous form of the sum).
    return base * ((end - start) + GROWTH * (end * end - start * start) / 2.0)


def base_hours(descriptors: Sequence[Descriptor]) -> FloatArray:
    """Hours per level point at level 0 for each descriptor (kind base x difficulty)."""
    return np.array([BASE_HOURS.get(d.kind, 40.0) * d.difficulty for d in descriptors])


def hours_array(base: FloatArray, start: FloatArray, end: FloatArray) -> FloatArray:
    """Vectorised :func:`hours_between`: ``base`` broadcasts against ``start`` and ``end``."""
    s = np.minimum(start, end)
    out: FloatArray = base * ((end - s) + GROWTH * (end * end - s * s) / 2.0)
    return out


#: Tool families where employers commonly ask for a vendor certification (cloud, CRM, ERP).
CERTIFIED_FAMILIES = frozenset({"cloud", "crm", "erp"})


def learning_kind(descriptor: Descriptor, target_level: float, family: str = "") -> LearningKind:
    """The kind of learning that usually closes a gap (generic, no providers named).

    A tool is learned in a course, or in a project at working level 4.5 and up;
    a certification only in ``family`` ids where employers ask for one
    (:data:`CERTIFIED_FAMILIES`): nobody hires on a "pandas certification".

    >>> from careerpivot.model import Descriptor
    >>> learning_kind(Descriptor("tech:sql", "SQL", "technology"), 3.0)
    'course'
    >>> learning_kind(Descriptor("tech:pandas", "pandas", "technology"), 4.6, "pydata")
    'project'
    >>> learning_kind(Descriptor("tech:aws", "AWS", "technology"), 4.0, "cloud")
    'certification'
    >>> learning_kind(Descriptor("2.B.1.c", "Persuasion", "skill"), 4.0)
    'mentoring'
    """
    if descriptor.id in _LICENSED and target_level >= 4.0:
        return "formal education"
    if descriptor.kind == "technology":
        if family in CERTIFIED_FAMILIES and target_level >= 4.0:
            return "certification"
        return "project" if target_level >= 4.5 else "course"
    if descriptor.id in _INTERPERSONAL:
        return "mentoring"
    if descriptor.id in _HANDS_ON or descriptor.id == "2.B.3.e":
        return "project"
    if descriptor.kind == "knowledge":
        if target_level >= 5.0:
            return "formal education"
        return "certification" if target_level >= 4.0 else "course"
    return "project" if target_level >= 4.0 else "course"


LEARNING_ADVICE: dict[str, str] = {
    "course": "a short course or self-study with exercises",
    "certification": "a structured course leading to an industry certification",
    "project": "a hands-on project or supervised practice that produces work you can show",
    "mentoring": "practice with feedback from a mentor, in volunteer work or at your current job",
    "formal education": "a formal qualification (degree, diploma or licence) is usually expected",
}


def weeks_at(hours: float, hours_per_week: float = 8.0) -> int:
    """Calendar weeks at a given weekly study time (rounded up)."""
    return math.ceil(hours / hours_per_week) if hours > 0 else 0


# ----- hour ranges and the target's typical preparation ---------------------------------------
#: An estimate's range: 25 % under (prior exposure, full-time focus) to 50 % over (pace,
#: setbacks). Team estimates: learning-time studies vary about that much between people.
RANGE_LOW = 0.75
RANGE_HIGH = 1.5
#: Hours in one year of full-time study (60 ECTS credits x 25 h, the European norm).
HOURS_PER_STUDY_YEAR = 1500.0
#: A plan longer than this (two years at 10 h a week) is more than most people finish
#: on the side: the plan says so and points to a programme or stepping stones.
LONG_PLAN_HOURS = 1000.0

#: O*NET Job Zone Reference: name and Specific Vocational Preparation (SVP) range in years
#: (zone 1 up to 3 months, 2: 3 months-1 year, 3: 1-2 years, 4: 2-4 years, 5: over 4 years).
JOB_ZONE_PREPARATION: dict[int, tuple[str, float, float | None]] = {
    1: ("little or no preparation", 0.0, 0.25),
    2: ("some preparation", 0.25, 1.0),
    3: ("medium preparation", 1.0, 2.0),
    4: ("considerable preparation", 2.0, 4.0),
    5: ("extensive preparation", 4.0, None),
}
_ZONE_ROUTE = {
    1: "a few days to a few months of training on the job",
    2: "a few months to a year working with experienced people, or an apprenticeship",
    3: "vocational training, an associate's degree or an apprenticeship",
    4: "a bachelor's degree and several years of related work",
    5: "a graduate degree and extensive experience",
}


@dataclass(frozen=True)
class HoursRange:
    """A plan's hours as a range around the effort model's estimate, with the basis."""

    low: float
    estimate: float
    high: float
    basis: str


def hours_range(estimate: float, steps: int, assumed_zero: int = 0) -> HoursRange:
    """The range around ``estimate`` hours over ``steps`` steps, and how it was worked out.

    >>> r = hours_range(400.0, 5)
    >>> (r.low, r.high)
    (300.0, 600.0)
    """
    one = assumed_zero == 1
    basis = (
        f"{steps} step{'' if steps == 1 else 's'}, each the level points to gain times the "
        "team's hours per point "
        f"(skills {BASE_HOURS['skill']:.0f} h, knowledge {BASE_HOURS['knowledge']:.0f} h, "
        f"tools {BASE_HOURS['technology']:.0f} h at the bottom of the 0-7 scale, "
        f"{GROWTH:.0%} more per level up); the range runs from {1 - RANGE_LOW:.0%} under "
        f"(prior exposure) to {RANGE_HIGH - 1:.0%} over (pace, setbacks)"
    )
    if assumed_zero:
        basis += (
            f"; {assumed_zero} of them start{'s' if one else ''} from level 0 because you "
            f"have not rated {'it' if one else 'them'}: rate {'it' if one else 'them'} and "
            "the estimate sharpens"
        )
    return HoursRange(estimate * RANGE_LOW, estimate, estimate * RANGE_HIGH, basis + ".")


@dataclass(frozen=True)
class Preparation:
    """What a role typically takes to prepare for (O*NET job zone, entry education)."""

    job_zone: int
    label: str  # "considerable preparation"
    years: tuple[float, float | None]  # SVP range in years
    education: str  # typical entry education ("" if unknown)
    route: str  # the usual way in, in words

    @property
    def hours(self) -> tuple[float, float | None]:
        """The SVP range in full-time study hours."""
        lo, hi = self.years
        return lo * HOURS_PER_STUDY_YEAR, None if hi is None else hi * HOURS_PER_STUDY_YEAR

    @property
    def span(self) -> str:
        """The preparation time in words: ``'2 years to 4 years'``."""
        lo, hi = self.years
        if hi is None:
            return f"over {_years(lo)}"
        return f"up to {_years(hi)}" if lo == 0 else f"{_years(lo)} to {_years(hi)}"

    @property
    def sentence(self) -> str:
        """``'Job zone 4 (considerable preparation): 2 years to 4 years of preparation, ...'``."""
        edu = f"; typical entry education: {self.education}" if self.education else ""
        return (
            f"Job zone {self.job_zone} ({self.label}): {self.span} of preparation, usually "
            f"{self.route}{edu}"
        )


def typical_preparation(occupation: Occupation) -> Preparation | None:
    """The target's typical preparation, or ``None`` when its job zone is unknown."""
    zone = occupation.job_zone
    if zone not in JOB_ZONE_PREPARATION or zone is None:
        return None
    label, lo, hi = JOB_ZONE_PREPARATION[zone]
    return Preparation(zone, label, (lo, hi), occupation.education, _ZONE_ROUTE[zone])


@dataclass(frozen=True)
class PlanCheck:
    """A plan's hours weighed against the target's typical preparation."""

    status: Literal["fits", "long", "exceeds"]
    message: str


def check_plan(hours: HoursRange, prep: Preparation | None) -> PlanCheck:
    """``exceeds`` when even the low estimate passes the lower end of the target's typical
    preparation time; ``long`` when the estimate passes :data:`LONG_PLAN_HOURS`.

    >>> prep = Preparation(2, "some preparation", (0.25, 1.0), "", "on the job")
    >>> check_plan(hours_range(600.0, 4), prep).status
    'exceeds'
    >>> check_plan(hours_range(100.0, 2), prep).status
    'fits'
    """
    ways = (
        "a formal programme, which teaches the whole set at once, or a stepping-stone route "
        "(below), which gets you paid experience on the way"
    )
    usual = ""
    if prep is not None:
        edu = f" (typical entry education: {prep.education})" if prep.education else ""
        usual = f" The usual way in is {prep.route}{edu}."
    if prep is not None:
        lo_hours, _ = prep.hours
        if lo_hours > 0 and hours.low > lo_hours:
            return PlanCheck(
                "exceeds",
                f"This plan ({hours.low:,.0f}-{hours.high:,.0f} h) is longer than the typical "
                f"preparation for the role itself ({prep.span}, about {lo_hours:,.0f} h of "
                f"full-time study): learning it all on your own is not the usual way in."
                f"{usual} Consider {ways}.",
            )
    if hours.estimate > LONG_PLAN_HOURS:
        return PlanCheck(
            "long",
            f"About {hours.estimate:,.0f} h (up to {hours.high:,.0f}) is more than most people "
            f"finish alongside a job (over two years at 10 h a week).{usual} Consider {ways}.",
        )
    return PlanCheck("fits", "")


def _years(y: float) -> str:
    if y < 1:
        return f"{round(y * 12)} months"
    return f"{y:g} year" + ("" if y == 1 else "s")
