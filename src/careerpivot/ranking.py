"""The default pivot list, "realistic next steps": where people like you actually go.

The score of a destination role combines five things, each chosen because real
moves follow it (``bench/pivots.py`` measures every setting):

* how related the destination is to the person's current or past role, by two
  rankings of that role's row, each as ``1 / sqrt(1 + place)``: the relatedness
  ranker's (:mod:`careerpivot.relatedness`) and plain text likeness (TF-IDF cosine
  of titles, description, tasks and work activities; the ranker's ``all_text``
  signal, which reads nothing of O*NET's related lists). A person with no role
  leaves both out;
* the person's own fit (the viability :class:`careerpivot.scoring.PivotScorer`
  gives from their ratings, interests and values), as a z-score over the roles that
  pass the filters, so whatever they rate or answer moves the list; it stays a
  separate number on each card;
* how many openings the destination has a year (BLS), as a z-score of its log. A
  role's advantage of being a large market shrinks by a quarter per job zone below
  the person's (:attr:`RealisticWeights.openings_down`): the many openings of a
  lower-level role are openings within reach of fewer of the people above it, so a
  mechanical engineer's list is not led by general maintenance and assembly work
  for their size alone. Small markets keep their full cost;
* the job-zone step: a cost per zone up and a smaller one per zone down (moves
  down a zone are common, up a zone rarer);
* staying in the person's SOC minor group (``15-1``): many moves stay in the family.

The settings (:class:`RealisticWeights`) were chosen with ``bench/pivots.py
--choose`` on two references, each split before choosing (seed 11; 70% to choose,
30% held out): observed year-to-year moves between occupation groups (the
development half of the CPS-ASEC network; share of movers caught in the first 10
distinct broad groups) and O*NET's Primary related occupations (recall@10 with the
ranker cross-validated over sources). On the choosing part the previous settings
(no text term, fit 0.2, openings 0.3) caught 0.235 of movers and recalled 0.31 of
Primary (0.54 counting the similar roles named under the first 10 places); these
catch 0.251 and recall 0.37 (0.63). Heavier openings weights catch slightly more
movers and recall less of Primary; these sit on the flat top of both. Held out,
measured once after choosing: 0.247 of movers (previous settings 0.232) and 0.38 of
Primary (0.62 with the similar roles; previous 0.33 and 0.55).

At the next stop some twenty further terms and shapes were tried on the choosing
part of the moves (openings as ranks, capped or convex; BLS transfers; entry
requirements; wage closeness; more similarity signals; diversity costs; group-level
mixtures and ranks; other first stages); none raised it beyond its noise, and nested
cross-validation of the weights gained 0.003, so these settings stood.

The stop after that made the openings term depend on the step down in job zone
(``openings_down`` 0.25, with the openings weight 0.6 instead of 0.5), chosen on the
choosing parts only: real moves caught 0.258 instead of 0.251 (0.287 / 0.284 by
whole broad groups), Primary recall 0.354 / 0.606 with the similar roles (guard
0.55), and a mechanical engineer's Architectural and Engineering Managers, Sales
Engineers and Project Management Specialists rise from places 112, 235, 111 to 87,
205, 64. It does nothing for a same-zone step down (a retail supervisor's list
still opens with Retail Salespersons and Cashiers, which are also where such
supervisors most often go). Held out, measured once after choosing: 0.253 of movers
(last settings 0.247; 0.269 / 0.263 by whole broad groups) and Primary recall 0.365 /
0.600 with the similar roles (0.379 / 0.621). The figures, with the variants
rejected, are in ``bench/pivots.py``'s docstring.

The first :data:`DISTINCT` places hold at most one role per SOC broad group; the
group's other roles most related to the person's role (up to :data:`MAX_SIMILAR`)
are named under it as ``similar``. The list can be re-sorted by fit, openings, pay
or outlook: the :data:`POOL` most realistic roles are re-ordered by that figure, so
a re-sort never brings in far-fetched roles.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

import numpy as np

from careerpivot.filters import Filters
from careerpivot.model import Dataset, FloatArray
from careerpivot.profile import Profile
from careerpivot.scoring import Pivot, PivotScorer, Scores, SimilarRole, require_answers

SortKey = Literal["realistic", "fit", "openings", "pay", "outlook"]
SORT_KEYS: tuple[SortKey, ...] = ("realistic", "fit", "openings", "pay", "outlook")
#: How many places show one role per SOC broad group.
DISTINCT = 10
#: How many of the most realistic roles a re-sort by fit, openings, pay or outlook orders.
POOL = 60
#: At most this many other roles of a broad group listed under its role.
MAX_SIMILAR = 5


@dataclass(frozen=True)
class RealisticWeights:
    """Weights of the realistic-next-steps score (see the module docstring)."""

    relatedness: float = 1.0  # the relatedness ranker's place term
    fit: float = 0.3  # per standard deviation of fit
    openings: float = 0.6  # per standard deviation of log openings
    zone_up: float = 0.1  # per job zone up
    zone_down: float = 0.05  # per job zone down
    same_minor_group: float = 0.3  # bonus for staying in the person's SOC minor group
    text: float = 1.5  # the text-likeness place term
    openings_down: float = 0.25  # share of an openings advantage lost per job zone down


def broad_group(code: str) -> str:
    """The SOC broad group of an O*NET-SOC code (``15-1252.00`` -> ``15-1250``)."""
    return code[:6] + "0"


def relatedness_term(key_row: FloatArray) -> FloatArray:
    """``1 / sqrt(1 + place)`` of each role in one row of the relatedness ranking key."""
    x = np.where(np.isfinite(key_row), key_row, -np.inf)
    order = np.argsort(-x, kind="stable")
    place = np.empty(len(x))
    place[order] = np.arange(len(x))
    out: FloatArray = 1.0 / np.sqrt(1.0 + place)
    return out


def openings_term(dataset: Dataset) -> FloatArray:
    """z-score of log annual openings over roles that have the figure (0 where missing)."""
    x = np.log1p(dataset.column("annual_openings"))
    ok = np.isfinite(x)
    if ok.sum() < 2:
        return np.zeros(len(x))
    sd = float(x[ok].std()) or 1.0
    out: FloatArray = np.where(ok, (x - x[ok].mean()) / sd, 0.0)
    return out


def fit_term(fit: FloatArray, eligible: np.ndarray) -> FloatArray:
    """Fit as a z-score over the eligible roles (0 where unknown)."""
    ok = eligible & np.isfinite(fit)
    if ok.sum() < 2:
        return np.zeros(len(fit))
    sd = float(fit[ok].std()) or 1.0
    out: FloatArray = np.where(np.isfinite(fit), (fit - fit[ok].mean()) / sd, 0.0)
    return out


def minor_group(code: str) -> str:
    """The SOC minor group of an O*NET-SOC code (``15-1252.00`` -> ``15-1``)."""
    return code[:4]


def realistic_score(
    fit: FloatArray,
    related: FloatArray | None,
    openings: FloatArray,
    zone_step: FloatArray,
    weights: RealisticWeights,
    same_group: FloatArray | None = None,
    text: FloatArray | None = None,
) -> FloatArray:
    """The combined score of every role (higher is a more realistic next step);
    ``fit`` is the :func:`fit_term`; ``related`` and ``text`` are
    :func:`relatedness_term` rows of the ranker's key and of text likeness;
    ``same_group`` is 1 where a role shares the person's SOC minor group. An
    openings advantage (a z-score above 0) shrinks by ``openings_down`` per zone down."""
    step = np.nan_to_num(zone_step, nan=0.0)
    down = np.maximum(-step, 0.0)
    reach = np.clip(1.0 - weights.openings_down * down, 0.0, 1.0)
    market = np.where(openings > 0, openings * reach, openings)
    total = weights.fit * fit + weights.openings * market
    if related is not None:
        total = total + weights.relatedness * related
    if text is not None:
        total = total + weights.text * text
    if same_group is not None:
        total = total + weights.same_minor_group * same_group
    total = total - weights.zone_up * np.maximum(step, 0.0)
    total = total - weights.zone_down * np.maximum(-step, 0.0)
    out: FloatArray = total
    return out


@dataclass(frozen=True)
class Placed:
    """One place of the list: a role row and the rows shown under it as similar."""

    row: int
    similar: tuple[int, ...] = ()


def order_rows(
    candidates: np.ndarray,
    score: FloatArray,
    sort_value: FloatArray | None,
    codes: list[str],
    k: int,
    distinct: int = DISTINCT,
    similar_key: FloatArray | None = None,
    groups: np.ndarray | None = None,
) -> list[Placed]:
    """The list's places: ``candidates`` by ``score`` (or re-sorted by ``sort_value``
    within the :data:`POOL` best), one role per broad group in the first ``distinct``.

    Under each of those, up to :data:`MAX_SIMILAR` other candidates of its broad group,
    highest ``similar_key`` first (the relatedness to the person's role; ``score`` when
    None); the places after ``distinct`` are the remaining candidates in order.
    ``groups`` holds every row's broad group if already known (:func:`broad_groups`)."""
    order = candidates[np.argsort(-score[candidates], kind="stable")]
    if sort_value is not None:
        pool = order[:POOL]
        v = np.where(np.isfinite(sort_value[pool]), sort_value[pool], -np.inf)
        order = pool[np.argsort(-v, kind="stable")]
    g = (broad_groups(codes) if groups is None else groups)[order]
    _, first = np.unique(g, return_index=True)
    head_pos = np.sort(first)[: min(distinct, k)]
    raw = score if similar_key is None else similar_key
    key = np.where(np.isfinite(raw), raw, -np.inf)
    named = np.zeros(len(score), dtype=bool)
    named[order[head_pos]] = True
    placed = []
    for pos in head_pos:
        rows = order[g == g[pos]]  # the group, in score order
        rows = rows[~named[rows]]
        rows = rows[np.argsort(-key[rows], kind="stable")][:MAX_SIMILAR]
        named[rows] = True
        placed.append(Placed(int(order[pos]), tuple(int(r) for r in rows)))
    tail = order[~named[order]][: max(k - len(placed), 0)]
    return (placed + [Placed(int(i)) for i in tail])[:k]


def broad_groups(codes: list[str]) -> np.ndarray:
    """Each code's SOC broad group as a small integer (equal groups, equal numbers)."""
    _, ids = np.unique([broad_group(c) for c in codes], return_inverse=True)
    out: np.ndarray = ids.astype(np.int32)
    return out


def sort_values(dataset: Dataset, fit: FloatArray) -> dict[str, Callable[[], FloatArray]]:
    """The figure each re-sort orders by, computed on demand."""
    return {
        "fit": lambda: fit,
        "openings": lambda: dataset.column("annual_openings"),
        "pay": lambda: dataset.column("median_wage"),
        "outlook": lambda: dataset.column("outlook_pct"),
    }


class PivotRanker:
    """The default pivot list over a fitted :class:`PivotScorer` and a relatedness key.

    ``related`` is the relatedness ranker's role x role ranking key (row: source;
    higher: more related), or a callable giving it on first use; None leaves the
    relatedness term out everywhere. ``text`` is the role x role text likeness
    (:func:`careerpivot.relatedness.text_likeness`), likewise; None leaves it out.
    """

    def __init__(
        self,
        scorer: PivotScorer,
        related: FloatArray | Callable[[], FloatArray | None] | None,
        weights: RealisticWeights | None = None,
        text: FloatArray | Callable[[], FloatArray | None] | None = None,
    ) -> None:
        self.scorer = scorer
        self.weights = weights or RealisticWeights()
        self._related = related
        self._text = text
        ds = scorer.dataset_
        self.dataset = ds
        self.codes = [o.code for o in ds.occupations]
        self.openings_ = openings_term(ds)
        self.minor_ = np.array([minor_group(c) for c in self.codes])
        self.groups_ = broad_groups(self.codes)

    @property
    def related(self) -> FloatArray | None:
        """The role x role ranking key (computed on first use if given as a callable)."""
        if callable(self._related):
            self._related = self._related()
        return self._related

    @property
    def text(self) -> FloatArray | None:
        """The role x role text likeness (computed on first use if given as a callable)."""
        if callable(self._text):
            self._text = self._text()
        return self._text

    def anchor(self, profile: Profile) -> int | None:
        """Row of the role the person comes from: current role, else the role seeded from."""
        for code in (profile.current_role, profile.seeded_from):
            if code and code in self.dataset.occupation_index:
                return self.dataset.occupation_index[code]
        return None

    def scores(
        self, profile: Profile, filters: Filters | None = None
    ) -> tuple[Scores, FloatArray, FloatArray | None]:
        """Fit scores, the realistic score and the relatedness term of every role."""
        s = self.scorer.score(profile, filters)
        row = self.anchor(profile)
        related = text = same = None
        if row is not None:
            key = self.related
            if key is not None:
                related = relatedness_term(np.asarray(key[row], dtype=float))
            likeness = self.text if self.weights.text else None
            if likeness is not None:
                # a copy: the matrix may be shared (mapped read-only) or cached
                text_row = np.array(likeness[row], dtype=float)
                text_row[row] = -np.inf
                text = relatedness_term(text_row)
            same = (self.minor_ == self.minor_[row]).astype(float)
        fit = fit_term(s.total, s.eligible)
        total = realistic_score(
            fit, related, self.openings_, s.job_zone_step, self.weights, same, text
        )
        return s, total, related

    def ranked_rows(
        self,
        profile: Profile,
        k: int = 20,
        *,
        sort_by: SortKey = "realistic",
        filters: Filters | None = None,
    ) -> list[Placed]:
        """The list's places as rows (no explanations; the fast path benchmarks use)."""
        s, total, related = self.scores(profile, filters)
        return self._places(s, total, k, sort_by, related)

    def _places(
        self,
        s: Scores,
        total: FloatArray,
        k: int,
        sort_by: SortKey,
        related: FloatArray | None = None,
    ) -> list[Placed]:
        if sort_by not in SORT_KEYS:
            raise ValueError(f"sort_by must be one of {', '.join(SORT_KEYS)}, not {sort_by!r}")
        candidates = np.flatnonzero(s.eligible & np.isfinite(total) & np.isfinite(s.total))
        value = None if sort_by == "realistic" else sort_values(self.dataset, s.total)[sort_by]()
        return order_rows(
            candidates, total, value, self.codes, k, similar_key=related, groups=self.groups_
        )

    def recommend(
        self,
        profile: Profile,
        k: int = 20,
        *,
        sort_by: SortKey = "realistic",
        explain: bool = True,
        filters: Filters | None = None,
    ) -> list[Pivot]:
        """The ``k`` first places with explanations, realistic score and similar roles."""
        require_answers(profile)
        s, total, related = self.scores(profile, filters)
        places = list(self._places(s, total, k, sort_by, related))
        extras = [
            {
                "realistic": float(total[place.row]),
                "relatedness": None if related is None else float(related[place.row]),
                "similar": [
                    SimilarRole(self.codes[j], self.dataset.occupations[j].title,
                                float(s.total[j]))
                    for j in place.similar
                ],
            }
            for place in places
        ]  # fmt: skip
        return self.scorer.pivots_at([p.row for p in places], s, profile, explain, extras)
