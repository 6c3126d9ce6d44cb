"""Redirect: when rejections concentrate on a role family or on a skill the person lacks,
suggest adjacent roles where that skill matters least and the person's strengths most.

Candidates are the ``pool`` most viable roles for the profile (the engine's
adjacent roles), minus the roles already applied to and, for a family trigger,
minus that family (a SOC major group; a cluster of titles cannot be excluded). A
role is kept only if every problem skill matters less there than in the roles
that turned the person down (with none on record: less than fully important).
Each is ranked by::

    score = 0.6 * viability + 0.2 * relief + 0.2 * strength weight

A weight is a role's importance mapped to 0-1 (``importance_weights``).
``relief`` is how much less the problem skills weigh here than in the rejected
roles, saturating at two importance points (so a role where the skill is merely
minor is not beaten by a less viable one where it is absent); ``strength
weight`` averages the weights of the person's top-rated descriptors.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Literal

import numpy as np

from careerpivot.filters import Filters
from careerpivot.model import IMPORTANCE_RANGE, SOC_MAJOR_GROUPS, Dataset, FloatArray
from careerpivot.profile import Profile
from careerpivot.rejections.analysis import RecordAnalysis
from careerpivot.rejections.patterns import family_concentration
from careerpivot.rejections.wording import importance_words, own_rating
from careerpivot.scoring import PivotScorer, Scores, importance_weights

MIN_MENTIONS = 2
LACKS_BELOW = 4.0  # with no rejected role to compare, a rating under this counts as lacking
N_STRENGTHS = 5
WEIGHTS = (0.6, 0.2, 0.2)  # viability (adjacency first), relief, strengths
RELIEF_SPAN = 0.5  # weight drop (two importance points) that counts as full relief

#: Every role's fit scores for a profile under filters, and the order to take them in
#: (highest first): :meth:`careerpivot.engine.Engine.pivot_scores` or :func:`by_fit`.
RedirectScores = Callable[[Profile, Filters], tuple[Scores, FloatArray]]


def fit_reason(viability: float) -> str:
    """The reason naming a role's fit, in the word every page uses ("viability" was the
    scorer's word, shown to people beside the same number called "Fit")."""
    return f"fit {viability:.0%} for your profile, as on the Pivots page"


def by_fit(scorer: PivotScorer) -> RedirectScores:
    """Candidates in order of fit alone (no relatedness to the current role)."""

    def scores(profile: Profile, filters: Filters) -> tuple[Scores, FloatArray]:
        s = scorer.score(profile, filters)
        return s, s.total

    return scores


@dataclass(frozen=True)
class RedirectTrigger:
    """Why a redirect is offered: a skill the person lacks, or a role family."""

    kind: Literal["skill", "family"]
    key: str  # descriptor id or family name
    label: str
    sentence: str
    evidence: tuple[str, ...]


@dataclass(frozen=True)
class RedirectRole:
    """One adjacent role to consider instead, with the numbers and reasons behind it."""

    code: str
    title: str
    major_group: str
    score: float  # redirect score, 0-1
    viability: float  # the engine's pivot score, 0-1
    problem_importance: dict[str, float]  # problem skill id -> importance here (1-5, 0 unrated)
    strengths_used: list[tuple[str, float]]  # (strength name, level needed here, 0-7)
    reasons: tuple[str, ...]


@dataclass(frozen=True)
class Redirect:
    """The triggers found and the roles suggested, best first."""

    triggers: list[RedirectTrigger]
    roles: list[RedirectRole]


def redirect_triggers(
    analyses: Sequence[RecordAnalysis],
    profile: Profile,
    dataset: Dataset,
    *,
    min_mentions: int = MIN_MENTIONS,
) -> list[RedirectTrigger]:
    """Skills named in at least ``min_mentions`` rejections that the person lacks, and a
    role family holding most rejections."""
    ds = dataset
    rejected = [a for a in analyses if a.classification is not None]
    triggers: list[RedirectTrigger] = []
    named: dict[str, list[RecordAnalysis]] = {}
    for a in rejected:
        for s in a.skills:
            named.setdefault(s.id, []).append(a)
    for did, items in sorted(named.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        if len(items) < min_mentions:
            continue
        have = profile.ratings.get(did, 0.0)
        need = _required_in(ds, did, [a.record.occupation_code for a in items])
        if have >= (need if need is not None else LACKS_BELOW):
            continue
        name = ds.descriptor(did).name
        wanted = f", the roles ask about {need:.1f}/7" if need is not None else ""
        mine = own_rating(profile, ds, did)
        you = (
            f"which you rate {mine:.1f}/7"
            if mine is not None
            else f"not rated yet: rate it (counted at {have:.1f}/7 from your last role)"
            if have > 0
            else "not rated yet: rate it (counted at 0)"
        )
        triggers.append(
            RedirectTrigger(
                "skill",
                did,
                name,
                f"{len(items)} rejections name {name}, {you}{wanted}.",
                tuple(a.record.id for a in items),
            )
        )
    found = family_concentration(analyses)
    if found is not None:
        family, items = found
        triggers.append(
            RedirectTrigger(
                "family",
                family,
                family,
                f"{len(items)} of {len(rejected)} rejections were for {family} roles.",
                tuple(a.record.id for a in items),
            )
        )
    return triggers


def suggest_redirect(
    analyses: Sequence[RecordAnalysis],
    profile: Profile,
    dataset: Dataset,
    scores: RedirectScores,
    *,
    k: int = 5,
    pool: int = 25,
    min_mentions: int = MIN_MENTIONS,
) -> Redirect:
    """Adjacent roles away from the problem skills and family (empty when nothing triggers).

    ``scores`` gives every role's fit and the order to take candidates in: the engine's
    :meth:`~careerpivot.engine.Engine.pivot_scores` (the default list's most realistic
    next steps), or :func:`by_fit` over a scorer (the best fits)."""
    triggers = redirect_triggers(analyses, profile, dataset, min_mentions=min_mentions)
    if not triggers:
        return Redirect([], [])
    ds = dataset
    codes = {a.record.id: a.record.occupation_code for a in analyses}
    problems = [t.key for t in triggers if t.kind == "skill"]
    # How much each problem skill matters in the roles whose rejections named it.
    reference = {
        t.key: _required_importance(ds, t.key, [codes[i] for i in t.evidence])
        for t in triggers
        if t.kind == "skill"
    }
    family = next((t.key for t in triggers if t.kind == "family"), None)
    soc_family = family if family in SOC_MAJOR_GROUPS.values() else None  # title clusters: no
    applied = sorted({c for c in codes.values() if c and c in ds.occupation_index})
    limits = profile.constraints.but(exclude=(*profile.constraints.exclude, *applied))
    if soc_family:  # away from the family the rejections cluster in
        limits = limits.but(families=[c for c, n in SOC_MAJOR_GROUPS.items() if n != soc_family])
    fit, order_by = scores(profile, limits)
    idx = np.flatnonzero(fit.eligible & np.isfinite(fit.total))
    idx = idx[np.argsort(-order_by[idx], kind="stable")][:pool]
    strengths = _strengths(profile, problems, ds)
    roles: list[RedirectRole] = []
    for i in idx:
        role = _rank_role(int(i), ds, float(fit.total[i]), reference, strengths, soc_family)
        if role is not None:
            roles.append(role)
    roles.sort(key=lambda r: (-r.score, r.title))
    return Redirect(triggers, roles[:k])


def _rank_role(
    i: int,
    ds: Dataset,
    viability: float,
    reference: dict[str, float | None],
    strengths: list[tuple[int, str]],
    family: str | None,
) -> RedirectRole | None:
    imp = ds.importance_matrix[i]
    w = importance_weights(np.asarray(imp))
    reasons: list[str] = []
    problem_imp: dict[str, float] = {}
    for p, ref in reference.items():
        j = ds.descriptor_index[p]
        here = float(imp[j])
        if here >= (ref if ref is not None else IMPORTANCE_RANGE[1]):
            return None  # it matters as much here as where the person was turned down
        problem_imp[p] = here
        name = ds.descriptors[j].name
        level = float(ds.level_matrix[i, j])
        reasons.append(
            f"{name} matters less: {importance_words(here)} here (level {level:.1f}/7)"
            + (
                f", {importance_words(ref)} in the roles that turned you down"
                if ref is not None
                else ""
            )
            if here > 0
            else f"{name} is not among this role's requirements"
        )
    drops = [
        (_weight(ref) - w[ds.descriptor_index[p]]) / RELIEF_SPAN for p, ref in reference.items()
    ]
    relief = float(np.mean(np.clip(drops, 0.0, 1.0))) if drops else 1.0
    used = [(name, float(ds.level_matrix[i, j])) for j, name in strengths if imp[j] >= 3.0]
    strength_w = float(np.mean([w[j] for j, _ in strengths])) if strengths else 0.0
    if used:
        reasons.append(
            "uses your strengths: " + ", ".join(f"{n} (needed at {v:.1f}/7)" for n, v in used[:3])
        )
    reasons.append(fit_reason(viability))
    if family is not None:
        reasons.append(f"outside {family}, where most rejections were")
    a, b, c = WEIGHTS
    score = a * viability + b * relief + c * strength_w
    occ = ds.occupations[i]
    return RedirectRole(
        occ.code, occ.title, occ.major_group, score, viability, problem_imp, used, tuple(reasons)
    )


def _weight(importance: float | None) -> float:
    """Importance as a 0-1 weight; an unknown reference counts as fully important."""
    return 1.0 if importance is None else float(np.clip((importance - 1.0) / 4.0, 0.0, 1.0))


def _strengths(profile: Profile, problems: list[str], ds: Dataset) -> list[tuple[int, str]]:
    """Column index and name of the person's top-rated descriptors (problem skills excluded)."""
    rated = sorted(
        ((v, d) for d, v in profile.ratings.items() if d not in problems and v > 0),
        key=lambda t: (-t[0], t[1]),
    )[:N_STRENGTHS]
    return [(ds.descriptor_index[d], ds.descriptor(d).name) for _, d in rated]


def _required_in(ds: Dataset, did: str, codes: Sequence[str | None]) -> float | None:
    """Highest level the given roles require of ``did``; ``None`` if none of them rates it."""
    j = ds.descriptor_index[did]
    levels = [
        float(ds.level_matrix[ds.occupation_index[c], j])
        for c in codes
        if c and c in ds.occupation_index
    ]
    levels = [v for v in levels if v > 0]
    return max(levels) if levels else None


def _required_importance(ds: Dataset, did: str, codes: Sequence[str | None]) -> float | None:
    """Mean importance of ``did`` in the given roles; ``None`` if none of them rates it."""
    j = ds.descriptor_index[did]
    imps = [
        float(ds.importance_matrix[ds.occupation_index[c], j])
        for c in codes
        if c and c in ds.occupation_index
    ]
    imps = [v for v in imps if v > 0]
    return float(np.mean(imps)) if imps else None
