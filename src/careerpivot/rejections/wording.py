"""Words for advice: the person's own ratings (never a seeded one) and importance in words,
so every piece of advice speaks one 0-7 level scale."""

from __future__ import annotations

from careerpivot.model import Dataset
from careerpivot.profile import Profile

#: Importance (O*NET IM, 1-5) in words, so advice speaks one 0-7 level scale only.
IMPORTANCE_WORDS: tuple[tuple[float, str], ...] = (
    (4.5, "essential"),
    (3.5, "very important"),
    (2.5, "important"),
    (1.5, "somewhat important"),
    (0.0, "hardly needed"),
)


def own_rating(profile: Profile, dataset: Dataset, did: str) -> float | None:
    """The person's own rating of ``did``; ``None`` when they have not rated it.

    A rating still equal to the role the profile was seeded from counts as not rated:
    it is the role's typical level, not something the person said.
    """
    value = profile.ratings.get(did)
    if value is None:
        return None
    seed = profile.seeded_from
    if seed and seed in dataset.occupation_index and did in dataset.descriptor_index:
        typical = dataset.level_matrix[
            dataset.occupation_index[seed], dataset.descriptor_index[did]
        ]
        if abs(float(value) - round(float(typical), 2)) < 0.005:
            return None
    return float(value)


def importance_words(importance: float) -> str:
    """O*NET importance (1-5) in words: ``'very important'``.

    >>> importance_words(4.2)
    'very important'
    """
    return next(w for floor, w in IMPORTANCE_WORDS if importance >= floor)
