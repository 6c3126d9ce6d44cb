"""Pivot scoring: rank every role for a profile, vectorised over all roles, with reasons.

Viability combines five components, each in [0, 1]:

* ``skills`` - skill and knowledge fit (:func:`skill_fit`). Per role, with
  importance weights ``w = (importance - 1) / 4`` ("not important" counts nothing)
  and the role's requirement mass ``M = sum(w * max(level, 0.5))``::

      shortfall = sum(w * max(level - person, 0)) / M
      unused    = sum((1 - w) * max(person - level, 0) * person / 7) / M
      fit       = 1 - (min(shortfall, 1) + unused_cost * min(unused, 1)) / (1 + unused_cost)

  ``unused`` measures strengths the role has little use for (it is what keeps a
  software developer's list free of cashier jobs). With the default
  ``unused_cost = 0.5`` a level point short on a requirement of importance 3 or
  more costs at least twice what a level point of surplus does.
* ``shape`` - whether what stands out in the person stands out in the role: the
  correlation of the two level vectors after subtracting each descriptor's mean
  over all roles, over the descriptors the person rated, mapped to [0, 1]. It
  ignores overall level, so two low-skill roles are not alike just for being low. Fit says
  "you could do it"; shape says "it is the same kind of work".
* ``tools`` - share of the role's technology skills (importance-weighted) the person has.
* ``interests`` / ``values`` - Pearson correlation of the person's RIASEC or
  work-values profile with the role's, mapped from [-1, 1] to [0, 1].
* ``level`` - feasibility of the job-zone step: 1 for the same zone or one below,
  minus ``0.2`` per zone up and ``0.15`` per extra zone down.

A component the profile says nothing about (no tool ratings, no interests) is left
out and the other weights are renormalised, so a first list needs no full
questionnaire. Desirability (wage change, outlook, openings) is reported beside
viability, never mixed into it.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

import numpy as np
import scipy.sparse

from careerpivot.errors import NotScorableError
from careerpivot.facts import shared_figures
from careerpivot.filters import Filters
from careerpivot.gaps import GapReport, GapRow, build_first, compare_many
from careerpivot.model import (
    RIASEC,
    WORK_VALUES,
    AnyFloatArray,
    Dataset,
    FloatArray,
    IntArray,
)
from careerpivot.profile import Profile

COMPONENTS = ("skills", "shape", "tools", "interests", "values", "level")
_new_object = object.__new__
_set_dict = object.__setattr__


@dataclass(frozen=True)
class ScoringWeights:
    """Weights of the viability components (renormalised over those available)."""

    skills: float = 0.40
    shape: float = 0.20
    tools: float = 0.10
    interests: float = 0.15
    values: float = 0.05
    level: float = 0.10

    def as_array(self) -> FloatArray:
        """Weights in :data:`COMPONENTS` order."""
        return np.array([getattr(self, c) for c in COMPONENTS], dtype=float)


@dataclass(frozen=True)
class DescriptorNote:
    """One line of an explanation: a strength the role uses or a gap to close."""

    id: str
    name: str
    kind: str
    person_level: float
    required_level: float
    importance: float
    rated: bool = True  # False: the person has not rated it, so the level counts as 0

    @property
    def deficit(self) -> float:
        """How far the person is below the required level (0 if not below)."""
        return max(0.0, self.required_level - self.person_level)


@dataclass(frozen=True)
class SimilarRole:
    """A role of the same SOC broad group as a listed one, shown under it."""

    code: str
    title: str
    score: float  # its own fit (viability), 0-1


@dataclass(frozen=True)
class Pivot:
    """One suggested role with its scores, reasons and the numbers beside them."""

    code: str
    title: str
    rank: int
    score: float  # viability, 0-1
    components: dict[str, float]  # each component, 0-1 (absent ones omitted)
    strengths: list[DescriptorNote] = field(default_factory=list)
    job_zone: int | None = None
    job_zone_step: int | None = None
    job_zone_label: str = ""  # as written for people: "1–2" where zones 1 and 2 are merged
    median_wage: float | None = None
    wage_change: float | None = None  # USD per year vs current role
    #: BLS publishes one wage figure for this role and the current role, so the wage
    #: change is 0 by construction: pages say so instead of showing "+$0".
    same_wage_figure: bool = False
    outlook_pct: float | None = None
    annual_openings: float | None = None
    major_group: str = ""
    gap: GapReport | None = None  # the gap model behind strengths, gaps and tools to check
    #: The realistic-next-steps score that placed it (careerpivot.ranking), if any.
    realistic: float | None = None
    #: 1 / sqrt(1 + place) in the relatedness list of the person's role, if they have one.
    relatedness: float | None = None
    #: Other roles of its SOC broad group, shown as "similar: ..." under it.
    similar: list[SimilarRole] = field(default_factory=list)
    #: Set when the role's ratings are estimated: what they rest on (see estimation).
    estimate_note: str = ""
    #: How many gaps and tools to check :attr:`gaps` and :attr:`tools_to_check` name.
    n_named: int = 0

    @cached_property
    def gaps(self) -> list[DescriptorNote]:
        """The top gaps to close, highest priority first (from :attr:`gap`; made when
        first read: an API answer takes the rows themselves)."""
        if self.gap is None:
            return []
        return [_note(r) for r in self.gap.first(self.n_named, "gap", "small gap")]

    @cached_property
    def tools_to_check(self) -> list[DescriptorNote]:
        """The top tools the role uses that the person has not rated, worth naming."""
        return [] if self.gap is None else [_note(r) for r in self.gap.first_named(self.n_named)]


@dataclass
class Scores:
    """Scores of every role for one profile (arrays aligned with ``dataset.occupations``)."""

    total: FloatArray
    components: dict[str, FloatArray]
    eligible: np.ndarray  # bool: passes constraints and filters
    person: FloatArray  # the profile as a level vector (0 where not rated)
    job_zone_step: FloatArray  # NaN where unknown


def require_answers(profile: Profile) -> None:
    """Raise :class:`NotScorableError`, saying what to do, when ``profile`` holds nothing
    to score (the fit list and the realistic list both refuse an empty profile)."""
    if profile.is_empty:
        raise NotScorableError(
            "the profile is empty: rate some skills, start from a past role, "
            "or answer the interest questions first"
        )


class PivotScorer:
    """Ranks roles for a profile (scikit-learn style: parameters in ``__init__``, ``fit``).

    >>> from careerpivot.datasets.starter import load_starter
    >>> from careerpivot.profile import profile_from_role
    >>> ds = load_starter()
    >>> scorer = PivotScorer().fit(ds)
    >>> top = scorer.recommend(profile_from_role(ds, "15-1252.00"), k=10)
    >>> "15-1254.00" in [p.code for p in top]  # web developers
    True
    """

    def __init__(
        self,
        weights: ScoringWeights | None = None,
        *,
        unused_cost: float = 0.5,
        n_strengths: int = 5,
        n_gaps: int = 5,
    ) -> None:
        self.weights = weights or ScoringWeights()
        self.unused_cost = unused_cost
        self.n_strengths = n_strengths
        self.n_gaps = n_gaps

    # ----- fitting ------------------------------------------------------------------------
    def fit(self, dataset: Dataset) -> PivotScorer:
        """Precompute the role matrices of ``dataset``; returns self."""
        kinds = np.array([d.kind for d in dataset.descriptors])
        self.dataset_ = dataset
        self.rated_cols_ = np.flatnonzero(kinds != "technology")
        self.tool_cols_ = np.flatnonzero(kinds == "technology")
        imp = dataset.importance_matrix
        lev = dataset.level_matrix
        self.level_ = np.ascontiguousarray(lev[:, self.rated_cols_])
        self.weight_ = importance_weights(imp[:, self.rated_cols_])
        self.mean_level_ = (
            self.level_[dataset.scorable].mean(axis=0) if dataset.scorable.any() else 0.0
        )
        self.centred_ = self.level_ - self.mean_level_
        # float32 copies for the per-request arithmetic (half the memory traffic)
        self.level32_ = self.level_.astype(np.float32)
        self.weight32_ = self.weight_.astype(np.float32)
        self.mass_ = requirement_mass(self.level32_, self.weight32_)
        full = self.centred_ - self.centred_.mean(axis=1, keepdims=True)
        norms = np.linalg.norm(full, axis=1, keepdims=True)
        self.shape_unit_ = np.where(norms > 0, full / np.where(norms > 0, norms, 1.0), 0.0)
        self._rated_ids = [dataset.descriptors[j].id for j in self.rated_cols_]
        # Tools are many (thousands on O*NET): a person's few are read when scoring, from
        # tool-major copies (a row gather, where a column gather of the role-major
        # matrices missed the cache on every role), float32 where that loses nothing.
        self.tool_level_t_ = _tool_major(lev, self.tool_cols_)
        self.tool_imp_t_ = _tool_major(imp, self.tool_cols_)
        self.tool_mass_ = np.asarray(
            scipy.sparse.csc_array(imp[:, self.tool_cols_]).sum(axis=1)
        ).ravel()
        self.interests_c_ = _centre_rows(dataset.interest_matrix)
        self.values_c_ = _centre_rows(dataset.values_matrix)
        self.unused_ = unused_components(dataset)
        self.job_zone_ = dataset.column("job_zone")
        self.wage_ = dataset.column("median_wage")
        self.outlook_ = dataset.column("outlook_pct")
        self.scorable_ = dataset.scorable
        self.group_ = np.array([o.code[:2] for o in dataset.occupations])
        self.shared_ = shared_figures(dataset)  # code -> codes with the same BLS figures
        return self

    def _shape(self, p: FloatArray, rated: np.ndarray) -> FloatArray:
        if rated.sum() < 3:
            return np.full(self.level_.shape[0], np.nan)  # too few ratings to have a shape
        x = (p - self.mean_level_)[rated]
        x = x - x.mean()
        xn = float(np.linalg.norm(x))
        if xn == 0:
            return np.full(self.level_.shape[0], 0.5)
        if rated.all():  # the common case: precomputed unit rows, one matrix-vector product
            cos = self.shape_unit_ @ (x / xn)
        else:
            r = self.centred_[:, rated]
            r = r - r.mean(axis=1, keepdims=True)
            denom = np.linalg.norm(r, axis=1) * xn
            with np.errstate(invalid="ignore", divide="ignore"):
                cos = np.where(denom > 0, (r @ x) / denom, 0.0)
        out: FloatArray = np.clip((cos + 1.0) / 2.0, 0.0, 1.0)
        return out

    def _check_fitted(self) -> Dataset:
        if not hasattr(self, "dataset_"):
            raise RuntimeError("PivotScorer is not fitted: call fit(dataset) first")
        return self.dataset_

    # ----- scoring ------------------------------------------------------------------------
    def person_vector(self, profile: Profile) -> FloatArray:
        """The profile as a level vector over all descriptors (0 where not rated)."""
        return profile.level_vector(self._check_fitted())

    def score(
        self,
        profile: Profile,
        filters: Filters | None = None,
    ) -> Scores:
        """Score every role; ``eligible`` marks roles passing the filters (default: the
        profile's own constraints). The person's own roles are never eligible."""
        ds = self._check_fitted()
        person = self.person_vector(profile)
        n = len(ds.occupations)
        comps: dict[str, FloatArray] = {c: np.full(n, np.nan) for c in COMPONENTS}

        p = person[self.rated_cols_]
        if p.any():
            fit = skill_fit(
                p.astype(np.float32), self.level32_, self.weight32_, self.unused_cost, self.mass_
            )
            comps["skills"] = np.where(self.scorable_, fit, np.nan)
            rated = np.array([d in profile.ratings for d in self._rated_ids])
            comps["shape"] = np.where(self.scorable_, self._shape(p, rated), np.nan)

        t = person[self.tool_cols_]
        held = np.flatnonzero(t)  # only the tools the person has can add to the fit
        if held.size:
            # roles x held tools, C order and float64 as the role-major matrices gave them
            need = np.ascontiguousarray(self.tool_level_t_[held].T, dtype=float)
            have = np.minimum(t[held] / np.maximum(need, 1.0), 1.0)
            imp = np.ascontiguousarray(self.tool_imp_t_[held].T, dtype=float)
            tool_fit = (imp * have).sum(axis=1) / np.where(
                self.tool_mass_ > 0, self.tool_mass_, np.nan
            )
            comps["tools"] = tool_fit

        comps["interests"] = _profile_fit(self.interests_c_, profile.interests, RIASEC)
        comps["values"] = _profile_fit(self.values_c_, profile.work_values, WORK_VALUES)

        zone = profile.effective_job_zone(ds)
        step = self.job_zone_ - zone if zone is not None else np.full(n, np.nan)
        if zone is not None:
            up = np.maximum(step, 0.0)
            down = np.maximum(-step - 1.0, 0.0)
            comps["level"] = np.clip(1.0 - 0.2 * up - 0.15 * down, 0.0, 1.0)

        total = _combine(comps, self.weights.as_array())

        eligible = self.scorable_ & ~np.isnan(total)
        f = profile.constraints if filters is None else filters
        if zone is not None:
            eligible &= ~(step > f.max_job_zone_step)
        if f.min_wage is not None:
            eligible &= ~(self.wage_ < f.min_wage)
        if f.min_outlook is not None:
            eligible &= ~(self.outlook_ < f.min_outlook)
        if f.families:
            eligible &= np.isin(self.group_, list(f.families))
        own = [c for c in (profile.current_role, profile.seeded_from) if c]
        for code in [*f.exclude, *own]:
            idx = ds.occupation_index.get(code)
            if idx is not None:
                eligible[idx] = False
        return Scores(total, comps, eligible, person, step)

    def rank(self, profile: Profile, filters: Filters | None = None) -> list[int]:
        """Indices of eligible roles, best first (no explanations; the fast path)."""
        s = self.score(profile, filters)
        idx = np.flatnonzero(s.eligible)
        return [int(i) for i in idx[np.argsort(-s.total[idx], kind="stable")]]

    def recommend(
        self,
        profile: Profile,
        k: int = 20,
        *,
        explain: bool = True,
        filters: Filters | None = None,
    ) -> list[Pivot]:
        """The ``k`` best eligible roles with components, strengths, gaps and desirability."""
        require_answers(profile)
        s = self.score(profile, filters)
        idx = np.flatnonzero(s.eligible)
        order = idx[np.argsort(-s.total[idx], kind="stable")][:k]
        return self.pivots_at([int(i) for i in order], s, profile, explain)

    # ----- explanations -------------------------------------------------------------------
    def explain(self, profile: Profile, code: str) -> Pivot:
        """The full scored explanation for one role, whether or not it is eligible."""
        ds = self._check_fitted()
        i = ds.occupation_index.get(code)
        if i is None:
            ds.occupation(code)
        assert i is not None
        if not self.scorable_[i]:
            raise NotScorableError(
                f"{code} {ds.occupations[i].title} has no skill ratings, so it cannot be compared"
            )
        s = self.score(profile)
        rank = 1 + int((s.total[s.eligible] > s.total[i]).sum())
        return self._pivot(i, rank, s, profile, True)

    def pivot_at(self, i: int, rank: int, s: Scores, profile: Profile, explain: bool) -> Pivot:
        """The :class:`Pivot` of role row ``i`` at list place ``rank`` from scores ``s``."""
        return self._pivot(i, rank, s, profile, explain)

    def pivots_at(
        self,
        rows: list[int],
        s: Scores,
        profile: Profile,
        explain: bool,
        extras: list[dict[str, Any]] | None = None,
    ) -> list[Pivot]:
        """The :class:`Pivot` of each role row in ``rows``, at places 1, 2, ... from scores
        ``s``; their gap models are compared in one pass. ``extras`` gives each pivot's
        further fields (a ranker's realistic score, similar roles)."""
        reports: list[GapReport | None] = [None] * len(rows)
        if explain:
            reports = list(self.gap_reports(s.person, rows, set(profile.ratings)))
            build_first(  # what each card reads (see _notes), built in one pass
                reports,  # type: ignore[arg-type]  # every one is a report here
                {("transfers",): self.n_strengths, ("gap", "small gap"): self.n_gaps},
                named=self.n_gaps,
            )
        more = extras or [{} for _ in rows]
        return [
            self._pivot(i, rank, s, profile, explain, report, **extra)
            for rank, (i, report, extra) in enumerate(zip(rows, reports, more, strict=True), 1)
        ]

    def _pivot(
        self,
        i: int,
        rank: int,
        s: Scores,
        profile: Profile,
        explain: bool,
        report: GapReport | None = None,
        **extra: Any,
    ) -> Pivot:
        ds = self.dataset_
        occ = ds.occupations[i]
        strengths: list[DescriptorNote] = []
        if explain:
            if report is None:
                report = self.gap_report(s.person, i, set(profile.ratings))
            strengths = [_note(r) for r in report.first(self.n_strengths, "transfers")]
        current_wage = None
        here = profile.current_role
        if here:
            current_wage = ds.occupation(here).median_wage
        step = s.job_zone_step[i]
        return Pivot(
            code=occ.code,
            title=occ.title,
            rank=rank,
            score=float(s.total[i]),
            # each component the role has (a NaN is never equal to itself)
            components={c: x for c, v in s.components.items() if (x := float(v[i])) == x},
            strengths=strengths,
            job_zone=occ.job_zone,
            job_zone_step=None if np.isnan(step) else int(step),
            job_zone_label=ds.job_zone_label(occ.job_zone),
            median_wage=occ.median_wage,
            wage_change=(
                occ.median_wage - current_wage
                if occ.median_wage is not None and current_wage is not None
                else None
            ),
            same_wage_figure=bool(here) and here in self.shared_.get(occ.code, ()),
            outlook_pct=occ.outlook_pct,
            annual_openings=occ.annual_openings,
            major_group=occ.major_group,
            gap=report,
            estimate_note=occ.estimate_note,
            n_named=self.n_gaps,
            **extra,
        )

    def gap_report(self, person: FloatArray, i: int, rated: set[str] | None = None) -> GapReport:
        """The gap model (:mod:`careerpivot.gaps`) of a level vector against role row ``i``."""
        return self.gap_reports(person, [i], rated)[0]

    def gap_reports(
        self, person: FloatArray, rows: list[int], rated: set[str] | None = None
    ) -> list[GapReport]:
        """:meth:`gap_report` for each role row in ``rows``, compared in one pass."""
        ds = self.dataset_
        known = None
        if rated is not None:
            known = np.zeros(len(ds.descriptors), dtype=bool)
            index = ds.descriptor_index
            known[[index[d] for d in rated if d in index]] = True
        return compare_many(ds, person, [ds.occupations[i].code for i in rows], rated=known)

    def notes(
        self, person: FloatArray, i: int, rated: set[str] | None = None
    ) -> tuple[list[DescriptorNote], list[DescriptorNote], list[DescriptorNote]]:
        """Top transferable strengths, top gaps and tools to check for role row ``i``.

        All three come from the one gap model, so a descriptor is never both a
        strength and a gap: strengths are requirements met ("transfers"), gaps the
        rows to close in priority order, tools to check the tools the role uses that
        the person never mentioned.
        """
        return self._notes(self.gap_report(person, i, rated))

    def _notes(
        self, report: GapReport
    ) -> tuple[list[DescriptorNote], list[DescriptorNote], list[DescriptorNote]]:
        return (
            [_note(r) for r in report.first(self.n_strengths, "transfers")],
            [_note(r) for r in report.first(self.n_gaps, "gap", "small gap")],
            [_note(r) for r in report.first_named(self.n_gaps)],
        )


def _note(r: GapRow) -> DescriptorNote:
    """A gap row as the note a card shows (as ``DescriptorNote(...)`` makes it, faster)."""
    n: DescriptorNote = _new_object(DescriptorNote)
    _set_dict(
        n,
        "__dict__",
        {
            "id": r.id, "name": r.name, "kind": r.kind, "person_level": r.current,
            "required_level": r.required, "importance": r.importance, "rated": r.rated,
        },
    )  # fmt: skip
    return n


def _tool_major(m: FloatArray, cols: IntArray) -> AnyFloatArray:
    """Columns ``cols`` of a roles x descriptors matrix as contiguous rows (tools x roles),
    float32 when every value survives it exactly (O*NET's are stored as float32)."""
    t = np.ascontiguousarray(m[:, cols].T)
    t32 = t.astype(np.float32)
    return t32 if np.array_equal(t32, t) else t


def importance_weights(importance: FloatArray) -> FloatArray:
    """Importance 1-5 as a weight 0-1; "not important" (1) and unrated (0) weigh nothing."""
    out: FloatArray = np.clip((importance - 1.0) / 4.0, 0.0, 1.0)
    return out


def requirement_mass(level: AnyFloatArray, weight: AnyFloatArray) -> AnyFloatArray:
    """Each role's importance-weighted requirement total, ``sum(w * max(level, 0.5))``."""
    out: AnyFloatArray = np.maximum((weight * np.maximum(level, 0.5)).sum(axis=-1), 1e-9)
    return out


def skill_fit(
    person: AnyFloatArray,
    level: AnyFloatArray,
    weight: AnyFloatArray,
    unused_cost: float = 0.5,
    mass: AnyFloatArray | None = None,
) -> AnyFloatArray:
    """Skill fit of roles (rows of ``level``/``weight``) for one or more persons.

    ``person`` is ``(d,)`` for one person (result ``(n,)``) or ``(m, 1, d)`` for a
    batch (result ``(m, n)``). See the module docstring for the formula; ``mass``
    may be passed precomputed (:func:`requirement_mass`).
    """
    mass = requirement_mass(level, weight) if mass is None else mass
    if person.ndim == 1:  # one person (every request): the row sums as BLAS products
        d = level - person
        above = np.maximum(d, 0.0)  # role above the person; and below: above - d
        shortfall = (weight * above) @ np.ones(d.shape[-1], dtype=d.dtype) / mass
        unused = ((1.0 - weight) * (above - d)) @ (person / 7.0) / mass
    else:
        shortfall = (weight * np.maximum(level - person, 0.0)).sum(axis=-1) / mass
        unused = ((1.0 - weight) * np.maximum(person - level, 0.0) * (person / 7.0)).sum(
            axis=-1
        ) / mass
    out: FloatArray = 1.0 - (np.minimum(shortfall, 1.0) + unused_cost * np.minimum(unused, 1.0)) / (
        1.0 + unused_cost
    )
    return out


def _centre_rows(m: FloatArray) -> FloatArray:
    with np.errstate(invalid="ignore"), warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)  # all-NaN rows: roles without a profile
        centred = m - np.nanmean(m, axis=1, keepdims=True) if m.size else m
    norms = np.linalg.norm(np.nan_to_num(centred), axis=1, keepdims=True)
    with np.errstate(invalid="ignore", divide="ignore"):
        out: FloatArray = centred / norms
    return out


def unused_components(dataset: Dataset) -> dict[str, str]:
    """Component -> why this data set cannot use it, for those its release does not publish.

    A profile's answers for such a component are kept; the component is left out of
    the score and the other weights are renormalised, as for an unanswered one.
    """
    out = {}
    source = dataset.provenance.source.split(",")[0] or dataset.name
    if not dataset.publishes("work_values") or not np.isfinite(dataset.values_matrix).any():
        out["values"] = (
            f"{source} publishes no work values (O*NET retired them in release 30.3), "
            "so work-values answers are kept in the profile but not used to rank roles "
            "on this data set"
        )
    if not np.isfinite(dataset.interest_matrix).any():
        out["interests"] = (
            f"{source} has no interest profiles, so interest answers are not used to rank roles"
        )
    return out


def scoring_notes(scorer: PivotScorer, profile: Profile) -> list[str]:
    """Plain sentences on answers of ``profile`` that this data set cannot use (may be empty)."""
    given = {"values": bool(profile.work_values), "interests": bool(profile.interests)}
    return [
        why[0].upper() + why[1:] + "." for comp, why in scorer.unused_.items() if given.get(comp)
    ]


def _profile_fit(
    role_centred: FloatArray, scores: dict[str, float] | None, keys: tuple[str, ...]
) -> FloatArray:
    """Correlation of a person's 6-score profile with each role's, mapped to [0, 1]."""
    n = role_centred.shape[0]
    if not scores or any(k not in scores for k in keys):
        return np.full(n, np.nan)
    x = np.array([scores[k] for k in keys], dtype=float)
    x = x - x.mean()
    norm = np.linalg.norm(x)
    if norm < 1e-9:  # a flat profile says nothing about preference
        return np.full(n, np.nan)
    r: FloatArray = role_centred @ (x / norm)
    return np.clip((r + 1.0) / 2.0, 0.0, 1.0)


def _combine(comps: dict[str, FloatArray], weights: FloatArray) -> FloatArray:
    stack = np.vstack([comps[c] for c in COMPONENTS])  # components x roles
    present = ~np.isnan(stack)
    wsum = (weights[:, None] * present).sum(axis=0)
    with np.errstate(invalid="ignore", divide="ignore"):
        total: FloatArray = (weights[:, None] * np.nan_to_num(stack)).sum(axis=0) / wsum
    # A role is only scored on skills if any skill data exists; without skills or
    # interests, level alone would rank everything: require skills or interests.
    informative = present[COMPONENTS.index("skills")] | present[COMPONENTS.index("interests")]
    return np.where(informative & (wsum > 0), total, np.nan)
