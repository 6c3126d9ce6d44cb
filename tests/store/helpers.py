"""Records built in code for the store tests (and picklable for worker processes)."""

from __future__ import annotations

from careerpivot.profile import Profile
from careerpivot.routes import LearningPlan, LearningStep


def profile(level: float = 4.0, **extra: float) -> Profile:
    """A small profile: Programming and Mathematics at ``level``, plus any extra ratings."""
    return Profile(
        name="test",
        ratings={"2.B.3.e": level, "2.A.1.e": level, **extra},
        interests={"R": 2.0, "I": 6.0, "A": 3.0, "S": 4.0, "E": 3.5, "C": 5.0},
        current_role="15-1252.00",
    )


def plan(target: str = "15-2051.00", hours: float = 120.0) -> LearningPlan:
    """A two-step learning plan to ``target``."""
    return LearningPlan(
        target,
        "Data Scientists",
        [
            LearningStep(
                "tech:pandas", "pandas", "technology", 0.0, 4.6, 5.0, 23.0, hours, "course", "x"
            ),
            LearningStep(
                "2.A.1.e",
                "Mathematics",
                "skill",
                3.8,
                5.3,
                4.5,
                6.8,
                80.0,
                "project",
                "y",
                boosted=True,
            ),
        ],
    )
