"""Named skills and tools in feedback text: the shared matcher of :mod:`careerpivot.skillmatch`.

Rejection feedback and CV text go through the same :class:`SkillMatcher` and the
same tables (names, aliases, cue phrases, ordinary words), so "you excel at" or
"worked in teams" are read the same way everywhere. :func:`default_matcher` builds
it with the team's lexicon.
"""

from __future__ import annotations

from careerpivot.model import Dataset
from careerpivot.skillmatch import SkillMatcher, SkillMention


def default_matcher(dataset: Dataset) -> SkillMatcher:
    """The shared skill matcher with the team's lexicon, fitted to ``dataset``.

    >>> from careerpivot.datasets.starter import load_starter
    >>> m = default_matcher(load_starter())
    >>> [s.id for s in m.find("Your SQL and stakeholder management need work; you excel at R.")]
    ['tech:sql', '2.B.1.b', 'tech:r']
    """
    from careerpivot.assessment.data import load_lexicon  # the lexicon lives with its data

    return SkillMatcher(load_lexicon()).fit(dataset)


__all__ = ["SkillMatcher", "SkillMention", "default_matcher"]
