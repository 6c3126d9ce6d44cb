"""Ratings for occupations the source leaves unrated, estimated from similar rated ones.

O*NET 29.2 publishes no skill or knowledge ratings for 137 occupations (Software
Developers, Data Scientists, Financial and Investment Analysts among them). This
module estimates them on the loaded data model, never from file parsing and never
from O*NET's Related Occupations list. It reads only what unrated roles do have:
task statements, detailed and intermediate work activities, titles and alternate
titles, descriptions, technology examples and their categories, interests, job
zone and the SOC code.

Method: kernel ridge regression. Each of those signals is a role x role similarity
(:func:`careerpivot.relatedness.iter_signals`); their weighted sum
(:data:`KERNEL_WEIGHTS`) is the kernel. The estimate of an unrated role is the rated
mean plus a weighted sum of rated roles' (centred) ratings, ``alpha @ (Y - mean)``
with ``alpha = (K + lambda I)^-1 k(role)``: every value is an explicit weighted
combination of rated roles, and the roles with the largest weights are named in
the estimate note. ``bench/pivots.py`` measures it leave-one-out on rated roles
(their ratings and every signal derived from them masked) against the former
single closest-rated-role stand-in; the kernel weights were chosen on one random
half of the rated roles and are reported on the other half.

Job zone and interests, where missing, are estimated the same way (job zone
rounded). Technology examples are added only to roles that list none: those whose
estimated importance reaches 1 (most of the weight of similar roles uses them).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer

from careerpivot.model import (
    IMPORTANCE_RANGE,
    LEVEL_RANGE,
    Dataset,
    FloatArray,
)
from careerpivot.relatedness import TEXT_SIGNALS, TextDigest, iter_signals

#: Weight of each similarity in the kernel. Chosen by coordinate search over
#: {0, 0.5, 1, 2, 4} on a random half of O*NET 29.2's rated roles (seed 0),
#: minimising leave-one-out MAE - 0.5 x median centred r; see bench/pivots.py.
KERNEL_WEIGHTS: dict[str, float] = {
    "iwa": 2.0,
    "dwa_text": 1.0,
    "tasks": 4.0,
    "tasks_uni": 4.0,
    "titles": 4.0,
    "title_char": 4.0,
    "desc": 2.0,
    "all_text": 4.0,
    "tools": 0.5,
    "tool_categories": 1.0,
    "interests": 1.0,
    "same_major_group": 1.0,
    "same_minor_group": 1.0,
    "same_broad_group": 0.5,
    "job_zone": 0.5,
}
#: Ridge penalty (same search; 1-10 measured within 0.002 of each other).
RIDGE = 3.0
#: How many contributing roles an estimate note names.
NAMED = 6
#: A listed technology counts as "somewhat important" (the importer's convention).
TOOL_IMPORTANCE = 2.0
TOOL_LEVEL = 3.0


@dataclass(frozen=True)
class EstimateSummary:
    """What :func:`estimate_unrated` did, for the import summary."""

    estimated: int
    job_zones: int
    interests: int
    tools: int

    def lines(self) -> list[str]:
        if not self.estimated:
            return []
        return [
            f"{self.estimated} occupations without skill and knowledge ratings were given "
            "estimates from similar rated roles (tasks, work activities, titles, tools, "
            f"interests, job zone); {self.job_zones} job zones, {self.interests} interest "
            f"profiles and tools for {self.tools} roles were estimated too. "
            "Every estimated role says so and names the roles it was estimated from."
        ]


def kernel(
    dataset: Dataset,
    weights: Mapping[str, float] | None = None,
    text: dict[str, FloatArray] | None = None,
    digest: TextDigest | None = None,
) -> FloatArray:
    """Role x role similarity from signals unrated roles have (never ratings, never Related).

    ``text`` holds :func:`careerpivot.relatedness.text_signals` if already computed;
    ``digest`` their weighted sum (:func:`careerpivot.relatedness.digest_text` with the
    same weights), which the kernel takes over."""
    weights = KERNEL_WEIGHTS if weights is None else weights
    n = len(dataset)
    wanted = set(weights)
    if digest is not None:
        k = digest.take_weighted(weights)  # the text signals' terms, summed in the same order
        wanted -= set(TEXT_SIGNALS)
    else:
        k = np.zeros((n, n))
    for name, m in iter_signals(dataset, only=wanted, cached=text):
        w = weights.get(name, 0.0)
        if name == "job_zone":
            zones = dataset.column("job_zone")
            m = (zones[:, None] == zones[None, :]).astype(float)  # positive semi-definite
        if w:
            k += w * np.nan_to_num(m)
    for name, width in (("same_major_group", 2), ("same_minor_group", 4), ("same_broad_group", 6)):
        w = weights.get(name, 0.0)
        if w:
            g = np.array([o.code[:width] for o in dataset.occupations])
            k += w * (g[:, None] == g[None, :])
    w = weights.get("tool_categories", 0.0)
    if w:
        k += w * _tool_category_similarity(dataset)
    return k


def _tool_category_similarity(dataset: Dataset) -> FloatArray:
    cols = np.flatnonzero([d.kind == "technology" for d in dataset.descriptors])
    n = len(dataset)
    if not cols.size:
        return np.zeros((n, n))
    cats = [dataset.descriptors[j].category.replace(" ", "_") for j in cols]
    used = dataset.listed(cols)
    docs = [" ".join(cats[j] for j in np.flatnonzero(row) if cats[j]) for row in used]
    if sum(1 for d in docs if d.strip()) < 3:
        return np.zeros((n, n))
    m = TfidfVectorizer(token_pattern=r"\S+", sublinear_tf=True).fit_transform(docs)
    out: FloatArray = (m @ m.T).toarray()
    return out


def dual_weights(
    k: FloatArray, train: np.ndarray, targets: np.ndarray, ridge: float = RIDGE
) -> FloatArray:
    """Kernel ridge weights: row t says how much each ``train`` role adds to ``targets[t]``."""
    kt = k[np.ix_(train, train)] + ridge * np.eye(len(train))
    out: FloatArray = np.linalg.solve(kt, k[np.ix_(train, targets)]).T
    return out


def _rating_targets(dataset: Dataset) -> tuple[np.ndarray, FloatArray, FloatArray]:
    cols = np.flatnonzero([d.kind != "technology" for d in dataset.descriptors])
    return cols, dataset.matrix_columns("importance", cols), dataset.matrix_columns("level", cols)


def estimate_note(sources: list[tuple[str, str, float]]) -> str:
    """One line naming what an estimate rests on."""
    names = "; ".join(t for _, t, _ in sources)
    if not sources:
        return (
            "Estimated as the average of the rated roles (the source publishes no skill or "
            "knowledge ratings for this one, and it shares no tasks, titles or tools with them)"
        )
    return (
        f"Estimated from {len(sources)} similar rated roles (the source publishes no skill or "
        f"knowledge ratings for this one; similar by tasks, titles and tools): {names}"
    )


def estimate_unrated(
    dataset: Dataset,
    text: dict[str, FloatArray] | None = None,
    digest: TextDigest | None = None,
) -> tuple[Dataset, EstimateSummary]:
    """The data set with every unrated role given estimated ratings and an estimate note.

    Rated roles and their values are untouched. A data set whose roles are all rated
    (the starter set) comes back unchanged. ``text`` or ``digest``: the text signals
    already computed, as :func:`kernel` takes them.
    """
    ok = np.asarray(dataset.scorable, dtype=bool)
    todo = np.flatnonzero(~ok)
    train = np.flatnonzero(ok)
    if not todo.size or not train.size:
        return dataset, EstimateSummary(0, 0, 0, 0)
    k = kernel(dataset, text=text, digest=digest)
    alpha = dual_weights(k, train, todo)  # unrated x rated
    cols, imp, lev = _rating_targets(dataset)
    imp_mean, lev_mean = imp[train].mean(axis=0), lev[train].mean(axis=0)
    est_imp = np.clip(imp_mean + alpha @ (imp[train] - imp_mean), *IMPORTANCE_RANGE)
    est_lev = np.clip(lev_mean + alpha @ (lev[train] - lev_mean), *LEVEL_RANGE)

    tool_cols = np.flatnonzero([d.kind == "technology" for d in dataset.descriptors])
    # the rated roles' tool columns (18 MB on O*NET) for the product, then let go
    tool_train = dataset.matrix_columns("importance", tool_cols, train)
    est_tools = alpha @ tool_train if tool_cols.size else np.zeros((len(todo), 0))
    del tool_train
    lists_tools = np.zeros(len(dataset), dtype=bool)
    lists_tools[todo] = (dataset.matrix_columns("importance", tool_cols, todo) > 0).any(axis=1)

    zones = dataset.column("job_zone")
    zone_ok = train[np.isfinite(zones[train])]
    interests = dataset.interest_matrix
    int_ok = train[np.isfinite(interests[train]).all(axis=1)]

    occs = list(dataset.occupations)
    new_o, new_d, new_i, new_l = [], [], [], []
    n_zone = n_int = n_tools = 0
    for t, i in enumerate(map(int, todo)):
        a = alpha[t]
        order = np.argsort(-a, kind="stable")
        positive = a[a > 0].sum()
        named = [
            (dataset.occupations[train[j]].code, dataset.occupations[train[j]].title,
             round(float(a[j] / positive), 3))
            for j in order[:NAMED] if a[j] > 0
        ]  # fmt: skip
        occ = occs[i]
        extra: dict[str, object] = {}
        estimated = ["skills", "knowledge"]
        if occ.job_zone is None and zone_ok.size:
            w = _positive(alpha[t][np.isin(train, zone_ok)])
            extra["job_zone"] = int(np.clip(np.rint(w @ zones[zone_ok]), 1, 5))
            estimated.append("job zone")
            n_zone += 1
        if occ.interests is None and int_ok.size:
            w = _positive(alpha[t][np.isin(train, int_ok)])
            extra["interests"] = tuple(round(float(x), 2) for x in w @ interests[int_ok])
            estimated.append("interests")
            n_int += 1
        if tool_cols.size and not lists_tools[i]:
            add = np.flatnonzero(est_tools[t] >= 1.0)
            for j in add:
                new_o.append(i)
                new_d.append(int(tool_cols[j]))
                new_i.append(TOOL_IMPORTANCE)
                new_l.append(TOOL_LEVEL)
            if add.size:
                estimated.append("tools")
                n_tools += 1
        for c in range(len(cols)):
            new_o.append(i)
            new_d.append(int(cols[c]))
            new_i.append(round(float(est_imp[t, c]), 2))
            new_l.append(round(float(est_lev[t, c]), 2))
        occs[i] = replace(
            occ,
            unscored_reason="",
            estimated=tuple(estimated),
            estimated_from=tuple(named),
            estimate_note=estimate_note(named),
            **extra,  # type: ignore[arg-type]
        )
    out = replace(
        dataset,
        occupations=tuple(occs),
        req_occupation=np.concatenate([dataset.req_occupation, np.asarray(new_o, dtype=np.int64)]),
        req_descriptor=np.concatenate([dataset.req_descriptor, np.asarray(new_d, dtype=np.int64)]),
        req_importance=np.concatenate([dataset.req_importance, np.asarray(new_i, dtype=float)]),
        req_level=np.concatenate([dataset.req_level, np.asarray(new_l, dtype=float)]),
    )
    return out, EstimateSummary(len(todo), n_zone, n_int, n_tools)


def _positive(a: FloatArray) -> FloatArray:
    """Weights for a plain weighted mean: positive part of the dual weights, summing to 1."""
    w = np.maximum(a, 0.0)
    s = w.sum()
    out: FloatArray = w / s if s > 0 else np.full(len(a), 1.0 / max(len(a), 1))
    return out


__all__ = [
    "KERNEL_WEIGHTS",
    "EstimateSummary",
    "dual_weights",
    "estimate_note",
    "estimate_unrated",
    "kernel",
]
