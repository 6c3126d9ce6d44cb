"""Anchored skill ratings: a plain-language question per descriptor, with behavioural anchors.

Each skill and knowledge descriptor gets a question ("How well do you write for
work?") and three anchors, examples of what someone at a low, middle and high
level can do, placed on O*NET's level scale LV (0-7): mostly at 2, 4 and 6, where
O*NET places most of its own anchors. The person answers with a level 0-7
directly (0 = never done it); the anchors are guide posts, so no mapping is needed.
The team wrote the questions and anchors (``data/assessment/skill_questions.csv``);
on an O*NET data set the official anchors of ``Level Scale Anchors.txt`` can
replace them (:func:`skill_questions` with ``official=``).

Quick path: start from a past role (:func:`careerpivot.profile.profile_from_role`)
and apply only the answers that differ (:func:`adjust_skills`). A slider showing
a role's 4.37 as 4.5 would otherwise overwrite it when the person left it alone;
answers within ``tolerance`` (half a 0.5 step) of the seeded level are left out.
"""

from __future__ import annotations

import statistics
from collections.abc import Mapping
from dataclasses import dataclass, field

from careerpivot.assessment.answers import SkillAnswers
from careerpivot.assessment.diagnostics import AssessmentError, AssessmentWarning
from careerpivot.errors import UnknownDescriptorError
from careerpivot.model import LEVEL_RANGE, Dataset
from careerpivot.profile import Profile

#: Fewer rated skills and knowledge areas than this and matching is mostly guesswork.
MIN_RATED = 10
#: Ratings with a standard deviation below this are "all about the same".
FLAT_SD = 0.5
#: Share of ratings at or above :data:`TOP_LEVEL` that suggests over-rating.
TOP_SHARE, TOP_LEVEL = 0.8, 6.0
#: Answers this close to the seeded level count as "unchanged".
DEFAULT_TOLERANCE = 0.25

TEAM_SOURCE = "CareerPivot team"
ONET_SOURCE = "O*NET Level Scale Anchors"


@dataclass(frozen=True, slots=True)
class Anchor:
    """An example of what someone at ``level`` (0-7) can do."""

    level: float
    text: str


@dataclass(frozen=True)
class WrittenQuestion:
    """The team's wording for one descriptor: the question and its low, middle and high anchors."""

    descriptor_id: str
    question: str
    anchors: tuple[Anchor, ...]


@dataclass(frozen=True)
class SkillQuestion:
    """What the person is asked about one descriptor, with anchors from low to high."""

    descriptor_id: str
    name: str
    kind: str
    question: str
    anchors: tuple[Anchor, ...]
    anchor_source: str = TEAM_SOURCE


#: Anchors for descriptors that have no written question (e.g. new ones in an import).
GENERIC_ANCHORS = (
    Anchor(2.0, "Can do simple, routine parts of it with guidance"),
    Anchor(4.0, "Does it unaided in everyday work"),
    Anchor(6.0, "Handles hard, unusual cases and guides others in it"),
)


def skill_questions(
    dataset: Dataset,
    team: Mapping[str, WrittenQuestion],
    official: Mapping[str, tuple[Anchor, ...]] | None = None,
) -> list[SkillQuestion]:
    """One question per skill and knowledge descriptor of ``dataset``, in data-set order.

    Wording comes from ``team`` (see :func:`careerpivot.assessment.data.load_skill_questions`);
    anchors from ``official`` where it has the descriptor, else the team's, else
    :data:`GENERIC_ANCHORS`.
    """
    out: list[SkillQuestion] = []
    for d in dataset.descriptors_of_kind("skill", "knowledge"):
        written = team.get(d.id)
        question = written.question if written else _fallback_question(d.name, d.kind)
        anchors, source = (written.anchors, TEAM_SOURCE) if written else (GENERIC_ANCHORS, "")
        if official and d.id in official:
            anchors, source = official[d.id], ONET_SOURCE
        out.append(SkillQuestion(d.id, d.name, d.kind, question, anchors, source))
    return out


def _fallback_question(name: str, kind: str) -> str:
    return (
        f"How well do you know {name}?" if kind == "knowledge" else f"How good are you at {name}?"
    )


@dataclass(frozen=True)
class SkillUpdate:
    """A profile after applying answers: what changed (old, new), what was kept, and warnings."""

    profile: Profile
    changed: dict[str, tuple[float | None, float]] = field(default_factory=dict)
    unchanged: tuple[str, ...] = ()
    warnings: tuple[AssessmentWarning, ...] = ()


def check_ratings(ratings: Mapping[str, float], dataset: Dataset) -> None:
    """Raise for descriptor ids the data set lacks or levels outside 0-7."""
    unknown = [d for d in ratings if d not in dataset.descriptor_index]
    if unknown:
        raise UnknownDescriptorError(
            unknown[0],
            f"Data set {dataset.name!r} does not have {len(unknown)} of the rated ids: {unknown}.",
        )
    lo, hi = LEVEL_RANGE
    bad = {d: v for d, v in ratings.items() if not lo <= v <= hi}
    if bad:
        raise AssessmentError(f"skill levels must be {lo:g}-{hi:g}; got {bad}")


def changed_answers(
    base: Profile, ratings: Mapping[str, float], tolerance: float = DEFAULT_TOLERANCE
) -> dict[str, float]:
    """The answers that differ from ``base`` by more than ``tolerance`` (or that it lacks).

    >>> base = Profile(ratings={"2.A.1.a": 4.37, "2.A.1.c": 3.0})
    >>> changed_answers(base, {"2.A.1.a": 4.5, "2.A.1.c": 5.0, "2.A.1.d": 2.0})
    {'2.A.1.c': 5.0, '2.A.1.d': 2.0}
    """
    return {
        d: float(v)
        for d, v in ratings.items()
        if d not in base.ratings or abs(base.ratings[d] - v) > tolerance
    }


def adjust_skills(
    base: Profile,
    answers: SkillAnswers | Mapping[str, float],
    dataset: Dataset,
    tolerance: float = DEFAULT_TOLERANCE,
) -> SkillUpdate:
    """Apply skill answers to ``base``, changing only those that differ; warn on thin profiles.

    ``base`` is usually ``profile_from_role(dataset, code)`` ("start from my last
    job") or an empty :class:`~careerpivot.profile.Profile` (rate from scratch).

    >>> from careerpivot.datasets.starter import load_starter
    >>> from careerpivot.profile import profile_from_role
    >>> ds = load_starter()
    >>> base = profile_from_role(ds, "15-1252.00")
    >>> update = adjust_skills(base, {"2.B.1.e": 6.0, "2.B.3.e": base.ratings["2.B.3.e"]}, ds)
    >>> list(update.changed), update.profile.ratings["2.B.1.e"]
    (['2.B.1.e'], 6.0)
    """
    ratings = answers.ratings if isinstance(answers, SkillAnswers) else dict(answers)
    check_ratings(ratings, dataset)
    base.check(dataset)
    changes = changed_answers(base, ratings, tolerance)
    profile = base.with_ratings(changes) if changes else base
    return SkillUpdate(
        profile=profile,
        changed={d: (base.ratings.get(d), v) for d, v in changes.items()},
        unchanged=tuple(d for d in ratings if d not in changes),
        warnings=rating_warnings(profile.ratings, dataset),
    )


def rating_warnings(
    ratings: Mapping[str, float], dataset: Dataset
) -> tuple[AssessmentWarning, ...]:
    """Warnings when skill ratings carry little information (few, all alike, or all at the top).

    Only skill and knowledge ratings count; tools are rated separately.

    >>> from careerpivot.testing import tiny_dataset
    >>> [w.code for w in rating_warnings({"2.A.1.a": 4, "2.B.3.e": 4}, tiny_dataset())]
    ['few_ratings', 'flat_ratings']
    """
    kinds = {d.id: d.kind for d in dataset.descriptors}
    levels = [float(v) for d, v in ratings.items() if kinds.get(d) in ("skill", "knowledge")]
    available = len(dataset.descriptors_of_kind("skill", "knowledge"))
    need = min(MIN_RATED, available)
    out: list[AssessmentWarning] = []
    if len(levels) < need:
        out.append(
            AssessmentWarning(
                "few_ratings",
                f"Only {len(levels)} of {available} skills and knowledge areas are rated; "
                f"unrated ones count as none, so rate at least {need} (or start from a past "
                "role) for matches you can rely on.",
            )
        )
    if len(levels) >= 2 and statistics.pstdev(levels) < FLAT_SD:
        out.append(
            AssessmentWarning(
                "flat_ratings",
                f"Your {len(levels)} ratings are all about the same (around "
                f"{statistics.fmean(levels):.1f}); matching works from what stands out, so "
                "mark your stronger and weaker areas.",
            )
        )
    if len(levels) >= 3 and sum(v >= TOP_LEVEL for v in levels) >= TOP_SHARE * len(levels):
        out.append(
            AssessmentWarning(
                "top_heavy",
                f"Most ratings are {TOP_LEVEL:g} or more, the level of people who lead their "
                "field; check them against the anchors, or roles will look closer than they are.",
            )
        )
    return tuple(out)
