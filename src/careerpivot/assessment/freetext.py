"""Free text to candidate skills, tools and roles; nothing enters a profile until confirmed.

Skills, knowledge areas and tools are found by :class:`careerpivot.skillmatch.SkillMatcher`
(the one text matcher, shared with rejection feedback; re-exported here).
:func:`match_titles` finds roles for a typed job title through the shared role search
(:class:`careerpivot.search.TitleIndex`). :func:`apply_confirmed` puts the matches the
person ticked into a profile at the level they chose, or a default level
(:func:`default_level`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np

from careerpivot.assessment.diagnostics import AssessmentError
from careerpivot.assessment.skills import SkillUpdate, check_ratings, rating_warnings
from careerpivot.model import Dataset
from careerpivot.profile import Profile
from careerpivot.search import MIN_SCORE, TitleIndex
from careerpivot.skillmatch import Lexicon, SkillCandidate, SkillMatcher

__all__ = [
    "ConfirmedMatch",
    "Lexicon",
    "SkillCandidate",
    "SkillMatcher",
    "TitleCandidate",
    "apply_confirmed",
    "default_level",
    "match_titles",
]


# ----- titles -------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class TitleCandidate:
    """A role whose title or alternate title resembles what was typed."""

    code: str
    title: str
    matched: str  # the title that matched
    confidence: float  # 0-1


def match_titles(
    text: str, index: TitleIndex, *, limit: int = 5, min_score: float = MIN_SCORE
) -> list[TitleCandidate]:
    """Roles for a typed job title, best first: the shared role search
    (:meth:`careerpivot.search.TitleIndex.find`), its 0-100 score as a 0-1 confidence.

    >>> from careerpivot.datasets.starter import load_starter
    >>> idx = TitleIndex(load_starter())
    >>> [match_titles(t, idx)[0].code for t in ("registerd nurse", "secondary school teacher")]
    ['29-1141.00', '25-2031.00']
    """
    return [
        TitleCandidate(m.code, m.title, m.matched, round(m.score / 100.0, 3))
        for m in index.find(text, limit=limit, min_score=min_score)
    ]


# ----- confirming ---------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class ConfirmedMatch:
    """A candidate the person ticked, with the level they chose (None: the default)."""

    descriptor_id: str
    level: float | None = None


#: Default levels where no role in the data set relies on a descriptor.
FALLBACK_LEVEL = {"skill": 4.0, "knowledge": 4.0, "technology": 3.0}


def default_level(dataset: Dataset, descriptor_id: str) -> float:
    """The level a confirmed mention gets unless the person picks one.

    The median level required by the roles that rely on it (importance 3 or
    more), to the nearest 0.5: a mention on a CV shows the skill was used at work,
    not how well, and the typical working level is the neutral guess. Without
    such roles: 4 ("does it unaided in everyday work") for skills and knowledge,
    3 for tools.

    >>> from careerpivot.datasets.starter import load_starter
    >>> default_level(load_starter(), "tech:sql")
    3.0
    """
    kind = dataset.descriptor(descriptor_id).kind  # raises UnknownDescriptorError
    j = dataset.descriptor_index[descriptor_id]
    relied = dataset.importance_matrix[:, j] >= 3.0
    if relied.any():
        return float(np.round(np.median(dataset.level_matrix[relied, j]) * 2.0) / 2.0)
    return FALLBACK_LEVEL[kind]


def apply_confirmed(
    profile: Profile, confirmed: Iterable[ConfirmedMatch], dataset: Dataset
) -> SkillUpdate:
    """Add the confirmed matches to a profile.

    A chosen level is set as given. Without one, a descriptor the profile already
    rates keeps its rating (a mention never lowers or overrides what the person
    said), and a new one gets :func:`default_level`.
    """
    chosen: dict[str, float] = {}
    kept: list[str] = []
    for c in confirmed:
        if c.level is not None:
            chosen[c.descriptor_id] = float(c.level)
        elif c.descriptor_id in profile.ratings:
            kept.append(c.descriptor_id)
        else:
            chosen[c.descriptor_id] = default_level(dataset, c.descriptor_id)
    check_ratings(chosen, dataset)
    clash = sorted(set(chosen) & set(kept))
    if clash:
        raise AssessmentError(f"descriptors confirmed twice with different levels: {clash}")
    updated = profile.with_ratings(chosen) if chosen else profile
    return SkillUpdate(
        profile=updated,
        changed={d: (profile.ratings.get(d), v) for d, v in chosen.items()},
        unchanged=tuple(kept),
        warnings=rating_warnings(updated.ratings, dataset),
    )
