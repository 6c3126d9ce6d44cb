"""Role-to-role relatedness: the engine's default "adjacent roles" ranker.

O*NET builds its related-occupation lists from work activities, knowledge and
titles, then has experts review them. :class:`RelatednessModel` rebuilds that idea
from what a data set carries, never from the related lists themselves. Signals
(each a role x role similarity, :func:`signal_matrices`):

* work: detailed and intermediate work activities (TF-IDF over ids and over their
  titles), task statements (TF-IDF words, and words with bigrams);
* titles: title plus alternate titles (word TF-IDF and character n-grams), the
  main title alone, the description;
* everything together (titles, description, tasks, activities; TF-IDF).
  Latent semantic analysis of the texts was tried and added nothing held out
  (recall@10 0.6249 without it, 0.6246 with), so it is not computed;
* ratings: knowledge levels and importances, skill levels (centred cosines),
  RIASEC interests (correlation), technology skills (TF-IDF over tools);
* job zone (closeness, and same / one apart / two apart / further indicators),
  SOC group (same major, minor, broad group), destination size (log employment).

Each signal enters as features (:func:`pair_features`): its row-standardised
score, a rank transform ``1 / sqrt(1 + rank)``, top-5/10/25 indicators, and for
the strongest signals the reverse rank and the destination's mean score. The
score of a pair is a weighted sum of features; the weights were fit by logistic
regression on O*NET 29.2 pairs (is the candidate one of the source's Primary
related occupations?) and ship in ``data/models/relatedness_weights.json``;
``bench/quality.py`` prints the cross-validated, held-out recall. Features a data
set cannot provide (the starter set has no tasks) are left out.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer

from careerpivot.model import Dataset, FloatArray

WEIGHTS_FILE = Path(__file__).resolve().parents[2] / "data" / "models" / "relatedness_weights.json"

#: Signals that also get reverse-rank and destination-centrality features.
KEY_SIGNALS = ("all_text", "tasks", "titles", "dwa", "knowledge")
TOP_K = (5, 10, 25)


# ----- signals ------------------------------------------------------------------------------
def _tfidf_cosine(docs: list[str], **tfidf: Any) -> FloatArray | None:
    if sum(1 for d in docs if d.strip()) < 3:
        return None
    m = TfidfVectorizer(**tfidf).fit_transform(docs)
    gram: FloatArray = (m @ m.T).toarray()
    return gram


def _centred_cosine(x: FloatArray, ok: np.ndarray) -> FloatArray | None:
    if ok.sum() < 3:
        return None
    c = x - x[ok].mean(axis=0)
    norm = np.linalg.norm(c, axis=1, keepdims=True)
    with np.errstate(invalid="ignore", divide="ignore"):
        z = np.where(norm > 0, c / norm, 0.0)
    out: FloatArray = z @ z.T
    out[~ok, :] = np.nan
    out[:, ~ok] = np.nan
    return out


def _row_correlation(x: FloatArray) -> FloatArray | None:
    """Pearson correlation between rows (profiles); NaN for rows missing or flat."""
    finite = np.asarray(np.isfinite(x).all(axis=1), dtype=bool)
    c = np.where(finite[:, None], x, 0.0)
    c = c - c.mean(axis=1, keepdims=True)
    norm = np.linalg.norm(c, axis=1, keepdims=True)
    ok = finite & (norm[:, 0] > 0)
    if ok.sum() < 3:
        return None
    z = np.where(ok[:, None], c / np.where(norm > 0, norm, 1.0), 0.0)
    out: FloatArray = z @ z.T
    out[~ok, :] = np.nan
    out[:, ~ok] = np.nan
    return out


WORDS: dict[str, Any] = {"stop_words": "english", "sublinear_tf": True}
WORDS12: dict[str, Any] = {**WORDS, "ngram_range": (1, 2), "min_df": 2}
IDS: dict[str, Any] = {"token_pattern": r"\S+", "lowercase": False, "sublinear_tf": True}


def signal_matrices(dataset: Dataset) -> dict[str, FloatArray]:
    """Every signal the data set supports, as role x role similarity (NaN = unknown)."""
    return dict(iter_signals(dataset))


def iter_signals(dataset: Dataset) -> Iterator[tuple[str, FloatArray]]:
    """The signals one at a time, so a caller can use each and let it go (memory)."""
    occs = dataset.occupations
    codes = [o.code for o in occs]
    ex = dataset.extras
    dwas: Mapping[str, list[str]] = ex.get("dwas", {})
    tasks: Mapping[str, list[str]] = ex.get("tasks", {})
    dwa_titles: Mapping[str, str] = ex.get("dwa_titles", {})
    iwa_of: Mapping[str, str] = ex.get("iwa_of_dwa", {})
    titles = [" ".join([o.title, *o.alternate_titles]) for o in occs]
    task_docs = [" ".join(tasks.get(c, [])) for c in codes]
    dwa_docs = [" ".join(dwa_titles.get(d, "") for d in dwas.get(c, [])) for c in codes]
    everything = [
        " ".join([titles[i], o.description, task_docs[i], dwa_docs[i]]) for i, o in enumerate(occs)
    ]
    recipes: dict[str, Callable[[], FloatArray | None]] = {
        "dwa": lambda: _tfidf_cosine([" ".join(dwas.get(c, [])) for c in codes], **IDS),
        "iwa": lambda: _tfidf_cosine(
            [" ".join(iwa_of.get(d, d) for d in dwas.get(c, [])) for c in codes], **IDS
        ),
        "dwa_text": lambda: _tfidf_cosine(dwa_docs, **WORDS12),
        "tasks": lambda: _tfidf_cosine(task_docs, **WORDS12),
        "tasks_uni": lambda: _tfidf_cosine(task_docs, **WORDS),
        "titles": lambda: _tfidf_cosine(titles, **WORDS, ngram_range=(1, 2)),
        "title_main": lambda: _tfidf_cosine([o.title for o in occs], stop_words="english"),
        "title_char": lambda: _tfidf_cosine(
            titles, analyzer="char_wb", ngram_range=(3, 5), sublinear_tf=True, min_df=2
        ),
        "desc": lambda: _tfidf_cosine([o.description for o in occs], **WORDS),
        "all_text": lambda: _tfidf_cosine(everything, **WORDS12),
        "knowledge": lambda: _rated_cosine(dataset, "knowledge", dataset.level_matrix),
        "knowledge_im": lambda: _rated_cosine(dataset, "knowledge", dataset.importance_matrix),
        "skills": lambda: _rated_cosine(dataset, "skill", dataset.level_matrix),
        "tools": lambda: _tool_cosine(dataset),
        "interests": lambda: _row_correlation(dataset.interest_matrix),
        "job_zone": lambda: _closeness(dataset.column("job_zone")),
        "size": lambda: _destination(np.log1p(dataset.column("employment"))),
    }
    for name, make in recipes.items():
        m = make()
        if m is not None:
            yield name, m


def _rated_cosine(dataset: Dataset, kind: str, matrix: FloatArray) -> FloatArray | None:
    cols = np.flatnonzero(np.array([d.kind == kind for d in dataset.descriptors]))
    return _centred_cosine(matrix[:, cols], dataset.scorable) if cols.size else None


def _tool_cosine(dataset: Dataset) -> FloatArray | None:
    cols = np.flatnonzero(np.array([d.kind == "technology" for d in dataset.descriptors]))
    if not cols.size:
        return None
    used = dataset.importance_matrix[:, cols] > 0
    return _tfidf_cosine([" ".join(f"t{j}" for j in np.flatnonzero(row)) for row in used], **IDS)


def _closeness(values: FloatArray) -> FloatArray | None:
    if np.isfinite(values).sum() < 3:
        return None
    out: FloatArray = -np.abs(values[:, None] - values[None, :])
    return out


def _destination(values: FloatArray) -> FloatArray | None:
    if np.isfinite(values).sum() < 3:
        return None
    return np.broadcast_to(values[None, :], (len(values), len(values))).copy()


def standardise_rows(m: FloatArray) -> FloatArray:
    """Per source row: z-scores over candidates (self excluded); NaN and self become 0."""
    x = np.where(np.isfinite(m), m, np.nan).astype(float)
    np.fill_diagonal(x, np.nan)
    valid = np.isfinite(x)
    count = valid.sum(axis=1, keepdims=True)
    mean = np.where(valid, x, 0.0).sum(axis=1, keepdims=True) / np.maximum(count, 1)
    var = np.where(valid, (x - mean) ** 2, 0.0).sum(axis=1, keepdims=True) / np.maximum(count, 1)
    sd = np.sqrt(var)
    z = (x - mean) / np.where(sd > 0, sd, 1.0)
    out: FloatArray = np.where(valid, z, 0.0)
    return out


def _rank_score(z: FloatArray) -> tuple[FloatArray, np.ndarray]:
    x = z.copy()
    np.fill_diagonal(x, -np.inf)
    order = np.argsort(-x, axis=1, kind="stable")
    ranks = np.empty_like(order)
    ranks[np.arange(x.shape[0])[:, None], order] = np.arange(x.shape[1])[None, :]
    return 1.0 / np.sqrt(1.0 + ranks), ranks


def pair_features(
    dataset: Dataset, signals: Mapping[str, FloatArray] | None = None
) -> Iterator[tuple[str, FloatArray]]:
    """Yield ``(feature name, role x role matrix)`` one at a time (to keep memory low)."""
    raw = iter_signals(dataset) if signals is None else iter(signals.items())
    n = len(dataset.occupations)
    for name, m in raw:
        z = standardise_rows(m)
        yield name, z
        rr, ranks = _rank_score(z)
        yield f"{name}_rr", rr
        for k in TOP_K:
            yield f"{name}_top{k}", (ranks < k).astype(float)
        if name in KEY_SIGNALS:
            yield f"{name}_rr_reverse", rr.T.copy()
            yield f"{name}_centrality", np.broadcast_to(z.mean(axis=0)[None, :], (n, n)).copy()
    zones = dataset.column("job_zone")
    if np.isfinite(zones).sum() >= 3:
        d = np.abs(zones[None, :] - zones[:, None])
        yield "zone_same", (d == 0).astype(float)
        yield "zone_one_apart", (d == 1).astype(float)
        yield "zone_two_apart", (d == 2).astype(float)
        yield "zone_further", (d >= 3).astype(float)
        yield "zone_unknown", np.broadcast_to(np.isnan(zones)[None, :], (n, n)).astype(float)
    codes = np.array([o.code for o in dataset.occupations])
    for name, width in (("same_major_group", 2), ("same_minor_group", 4), ("same_broad_group", 6)):
        g = np.array([c[:width] for c in codes])
        yield name, (g[:, None] == g[None, :]).astype(float)


def load_weights(path: Path = WEIGHTS_FILE) -> dict[str, float]:
    """The shipped feature weights (see ``data/models/provenance.json``)."""
    data = json.loads(path.read_text(encoding="utf-8"))
    return {str(k): float(v) for k, v in data["weights"].items()}


class RelatednessModel:
    """Scores every pair of roles by the weighted sum of :func:`pair_features`.

    >>> from careerpivot.datasets.starter import load_starter
    >>> ds = load_starter()
    >>> model = RelatednessModel().fit(ds)
    >>> "tasks" in model.used_  # the starter set has no task statements
    False
    >>> ds.occupations[model.ranked(ds.occupation_index["29-1141.00"])[0]].title
    'Licensed Practical and Licensed Vocational Nurses'
    """

    def __init__(self, weights: Mapping[str, float] | None = None) -> None:
        self.weights = weights

    def fit(self, dataset: Dataset) -> RelatednessModel:
        """Compute the features the data set supports and their weighted sum."""
        weights = dict(load_weights() if self.weights is None else self.weights)
        n = len(dataset.occupations)
        score = np.zeros((n, n))
        used = []
        for name, feature in pair_features(dataset):
            w = weights.get(name, 0.0)
            if w:
                score += w * feature
                used.append(name)
        np.fill_diagonal(score, -np.inf)
        self.score_ = score
        self.used_ = used
        self.dataset_ = dataset
        return self

    def ranked(self, i: int, k: int | None = None) -> list[int]:
        """Candidate role indices for source row ``i``, most related first."""
        if not hasattr(self, "score_"):
            raise RuntimeError("RelatednessModel is not fitted: call fit(dataset) first")
        order = np.argsort(-self.score_[i], kind="stable")
        order = order[order != i]
        return [int(j) for j in (order if k is None else order[:k])]

    def similarity(self) -> FloatArray:
        """Symmetric similarity in [0, 1]: a logistic of the mean of both directions."""
        s = np.where(np.isfinite(self.score_), self.score_, 0.0)
        sym = (s + s.T) / 2.0
        scale = max(float(np.std(sym)), 1e-9)
        out: FloatArray = 1.0 / (1.0 + np.exp(-(sym - float(np.mean(sym))) / scale))
        np.fill_diagonal(out, 1.0)
        return out
