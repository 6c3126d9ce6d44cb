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
from typing import Literal

import numpy as np

from careerpivot.model import Descriptor, FloatArray

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


def learning_kind(descriptor: Descriptor, target_level: float) -> LearningKind:
    """The kind of learning that usually closes a gap (generic, no providers named).

    >>> from careerpivot.model import Descriptor
    >>> learning_kind(Descriptor("tech:sql", "SQL", "technology"), 3.0)
    'course'
    >>> learning_kind(Descriptor("2.B.1.c", "Persuasion", "skill"), 4.0)
    'mentoring'
    """
    if descriptor.id in _LICENSED and target_level >= 4.0:
        return "formal education"
    if descriptor.kind == "technology":
        return "certification" if target_level >= 4.5 else "course"
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
