"""The feedback categories a rejection can fall into, and how to name them to a person."""

from __future__ import annotations

from typing import Literal

Category = Literal[
    "skill_gap",
    "interview",
    "resume_portfolio",
    "experience",
    "fit_culture",
    "competition_timing",
    "generic",
]

#: Every category, substantive ones first; ``generic`` means "no usable information".
CATEGORIES: tuple[Category, ...] = (
    "skill_gap",
    "interview",
    "resume_portfolio",
    "experience",
    "fit_culture",
    "competition_timing",
    "generic",
)

#: Categories that say something about the person or the process (all but ``generic``).
SUBSTANTIVE: tuple[Category, ...] = CATEGORIES[:-1]

GENERIC: Category = "generic"

CATEGORY_NAMES: dict[Category, str] = {
    "skill_gap": "Skill gap",
    "interview": "Interview performance",
    "resume_portfolio": "Resume or portfolio",
    "experience": "Lack of experience",
    "fit_culture": "Fit or culture",
    "competition_timing": "Competition or timing",
    "generic": "Generic / no information",
}

#: Plural phrases for sentences ("Skill gaps came up in 3 of 5 rejections").
CATEGORY_PHRASES: dict[Category, str] = {
    "skill_gap": "skill gaps",
    "interview": "interview performance",
    "resume_portfolio": "the resume or portfolio",
    "experience": "lack of experience",
    "fit_culture": "fit or culture",
    "competition_timing": "competition or timing",
    "generic": "no usable feedback",
}


def is_category(value: str) -> bool:
    """True when ``value`` is one of :data:`CATEGORIES`.

    >>> is_category("interview"), is_category("luck")
    (True, False)
    """
    return value in CATEGORIES
