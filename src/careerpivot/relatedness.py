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
the strongest signals the reverse rank and the destination's mean score.

Ranking runs in two stages, both fit on O*NET 29.2 pairs (is the candidate one of
the source's Primary related occupations?) by ``bench/quality.py``, which prints
the cross-validated, held-out recall:

1. a weighted sum of the features (logistic regression weights in
   ``data/models/relatedness_weights.json``) ranks every pair;
2. a gradient-boosted tree model (``data/models/relatedness_reranker.npz``)
   re-orders each role's top :data:`CANDIDATES` by the same features plus
   features of the first stage's ranking (:func:`score_features`: does the
   candidate rank the source highly too, how many top neighbours they share).
   Trees see interactions a weighted sum cannot (held-out recall@10 about 0.66
   against 0.63).

Features a data set cannot provide (the starter set has no tasks) are left out of
the first stage; the second stage runs only where every feature it needs exists.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from itertools import chain
from pathlib import Path
from typing import Any, Literal

import numpy as np
import scipy.sparse as sp
from scipy.special import expit
from threadpoolctl import threadpool_limits

from careerpivot import textvectors as tv
from careerpivot.boosted_trees import BoostedTrees
from careerpivot.errors import DataValidationError
from careerpivot.model import AnyFloatArray, Dataset, FloatArray, IntArray
from careerpivot.resources import data_dir
from careerpivot.workers import ordered_map

MODELS_DIR = data_dir("models")
WEIGHTS_FILE = MODELS_DIR / "relatedness_weights.json"
RERANKER_FILE = MODELS_DIR / "relatedness_reranker.npz"
#: How many first-stage candidates per role the second stage re-orders.
CANDIDATES = 50  # 100 measured the same held out (0.661 against 0.659), at twice the cost

#: Source rows per block of the weighted sum, candidate pairs per block of the reranker's
#: feature table (4 MB): small blocks keep role x role temporaries out of the import.
FEATURE_BLOCK = 256
PAIR_BLOCK = 10_000
#: Signals that also get reverse-rank and destination-centrality features.
KEY_SIGNALS = ("all_text", "tasks", "titles", "dwa", "knowledge")
TOP_K = (5, 10, 25)
#: Same-group features: name and how many characters of the SOC code name the group.
GROUP_FEATURES = (("same_major_group", 2), ("same_minor_group", 4), ("same_broad_group", 6))


# ----- signals ------------------------------------------------------------------------------
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


def signal_matrices(dataset: Dataset) -> dict[str, FloatArray]:
    """Every signal the data set supports, as role x role similarity (NaN = unknown)."""
    return dict(iter_signals(dataset))


#: Signals read from text alone (titles, descriptions, tasks, work activities): they do
#: not change when ratings, tools or job zones are estimated, so an import computes
#: them once (:func:`text_signals`) for the estimator and the ranker.
TEXT_SIGNALS = (
    "dwa", "iwa", "dwa_text", "tasks", "tasks_uni", "titles", "title_main", "title_char",
    "desc", "all_text",
)  # fmt: skip


#: Every signal, in the order :func:`iter_signals` yields them (the order features are
#: summed in, so it fixes the weighted sum's floating-point rounding).
SIGNAL_ORDER = (
    *TEXT_SIGNALS, "knowledge", "knowledge_im", "skills", "tools", "interests", "job_zone", "size",
)  # fmt: skip


def text_signals(dataset: Dataset) -> dict[str, FloatArray]:
    """The :data:`TEXT_SIGNALS` the data set supports, computed once to share."""
    return dict(iter_signals(dataset, only=TEXT_SIGNALS))


def text_likeness(
    dataset: Dataset, text: Mapping[str, FloatArray] | None = None
) -> FloatArray | None:
    """Role x role likeness of all of a role's text (titles, description, tasks, work
    activities; TF-IDF cosine, the ``all_text`` signal); ``text`` holds the
    :func:`text_signals` if already computed. The default list reads it beside the
    ranker: it never reads O*NET's related lists. None when the data set has too
    little text."""
    if text is not None and "all_text" in text:
        return text["all_text"]
    return dict(iter_signals(dataset, only=("all_text",))).get("all_text")


def iter_signals(
    dataset: Dataset,
    only: Iterable[str] | None = None,
    cached: dict[str, FloatArray] | None = None,
    *,
    consume: bool = False,
) -> Iterator[tuple[str, FloatArray]]:
    """The signals one at a time, so a caller can use each and let it go (memory).

    ``only`` limits them to the named ones (the estimator reads no rating signal);
    ``cached`` holds text signals already computed (:func:`text_signals`); with
    ``consume`` each is removed from it once yielded, so its memory can go."""
    recipes = signal_recipes(dataset)
    wanted = None if only is None else set(only)
    for name in SIGNAL_ORDER:
        if wanted is not None and name not in wanted:
            continue
        if cached is not None and name in TEXT_SIGNALS:
            if name in cached:
                yield name, cached.pop(name) if consume else cached[name]
            continue
        m = recipes[name]()
        if m is not None:
            yield name, m


def signal_recipes(dataset: Dataset) -> dict[str, Callable[[], FloatArray | None]]:
    """For each signal of :data:`SIGNAL_ORDER`, how to make it (None where the data set
    has too little to go on). The recipes share each text's tokens (tokenised once, on
    first use) and may run on several threads at once."""
    occs = dataset.occupations
    codes = [o.code for o in occs]
    chars = tv.CharGrams()
    ex = dataset.extras
    dwas: Mapping[str, list[str]] = ex.get("dwas", {})
    tasks: Mapping[str, list[str]] = ex.get("tasks", {})
    dwa_titles: Mapping[str, str] = ex.get("dwa_titles", {})
    iwa_of: Mapping[str, str] = ex.get("iwa_of_dwa", {})
    titles = [" ".join([o.title, *o.alternate_titles]) for o in occs]
    descs = [o.description for o in occs]
    task_docs = [" ".join(tasks.get(c, [])) for c in codes]
    dwa_docs = [" ".join(dwa_titles.get(d, "") for d in dwas.get(c, [])) for c in codes]
    main_titles = [o.title for o in occs]
    # Each text is tokenised once for every signal that reads it, into word numbers
    # (careerpivot.textvectors gives TfidfVectorizer's numbers); ``everything`` is the
    # four texts joined.
    words = _Tokens(
        {"titles": titles, "desc": descs, "tasks": task_docs, "dwa": dwa_docs, "main": main_titles}
    )

    def everything() -> tv.WordIds:
        return tv.join_words(words["titles"], words["desc"], words["tasks"], words["dwa"])

    def cosine(
        docs: list[str],
        terms: Callable[[], Iterable[list[str]] | sp.csr_matrix],
        sublinear: bool = True,
    ) -> FloatArray | None:
        if sum(1 for d in docs if d.strip()) < 3:
            return None
        return tv.tfidf_cosine(terms(), sublinear_tf=sublinear)

    def counts(
        text: Callable[[], tv.WordIds], bigrams: bool = False, min_df: int = 1
    ) -> Callable[[], sp.csr_matrix]:
        return lambda: tv.word_count_matrix(text(), bigrams=bigrams, min_df=min_df)

    dwa_ids = [" ".join(dwas.get(c, [])) for c in codes]
    iwa_ids = [" ".join(iwa_of.get(d, d) for d in dwas.get(c, [])) for c in codes]
    recipes: dict[str, Callable[[], FloatArray | None]] = {
        "dwa": lambda: cosine(dwa_ids, lambda: [tv.ids(d) for d in dwa_ids]),
        "iwa": lambda: cosine(iwa_ids, lambda: [tv.ids(d) for d in iwa_ids]),
        "dwa_text": lambda: cosine(dwa_docs, counts(lambda: words["dwa"], True, min_df=2)),
        "tasks": lambda: cosine(task_docs, counts(lambda: words["tasks"], True, min_df=2)),
        "tasks_uni": lambda: cosine(task_docs, counts(lambda: words["tasks"])),
        "titles": lambda: cosine(titles, counts(lambda: words["titles"], True)),
        "title_main": lambda: cosine(main_titles, counts(lambda: words["main"]), sublinear=False),
        "title_char": lambda: cosine(titles, lambda: tv.char_count_matrix(titles, chars, 2)),
        "desc": lambda: cosine(descs, counts(lambda: words["desc"])),
        "all_text": lambda: cosine(
            [" ".join(parts) for parts in zip(titles, descs, task_docs, dwa_docs, strict=True)],
            counts(everything, True, min_df=2),
        ),
        "knowledge": lambda: _rated_cosine(dataset, "knowledge", "level"),
        "knowledge_im": lambda: _rated_cosine(dataset, "knowledge", "importance"),
        "skills": lambda: _rated_cosine(dataset, "skill", "level"),
        "tools": lambda: _tool_cosine(dataset),
        "interests": lambda: _row_correlation(dataset.interest_matrix),
        "job_zone": lambda: _closeness(dataset.column("job_zone")),
        "size": lambda: _destination(np.log1p(dataset.column("employment"))),
    }
    if set(recipes) != set(SIGNAL_ORDER):
        raise AssertionError("SIGNAL_ORDER must name every signal recipe")
    return recipes


class _Tokens:
    """Word numbers of named lists of texts (one :class:`~careerpivot.textvectors.Vocabulary`),
    each list tokenised on first use: once, even when two threads ask for it at the same
    time (the second waits for the first)."""

    def __init__(self, texts: Mapping[str, list[str]]) -> None:
        self.texts = texts
        self.vocabulary = tv.Vocabulary()
        self._done: dict[str, tv.WordIds] = {}
        self._locks = {name: threading.Lock() for name in texts}

    def __getitem__(self, name: str) -> tv.WordIds:
        with self._locks[name]:
            if name not in self._done:
                self._done[name] = self.vocabulary.tokenise(self.texts[name])
            return self._done[name]


def _rated_cosine(
    dataset: Dataset, kind: str, values: Literal["importance", "level"]
) -> FloatArray | None:
    cols = np.flatnonzero(np.array([d.kind == kind for d in dataset.descriptors]))
    if not cols.size:
        return None
    return _centred_cosine(dataset.matrix_columns(values, cols), dataset.scorable)


def _tool_cosine(dataset: Dataset) -> FloatArray | None:
    cols = np.flatnonzero(np.array([d.kind == "technology" for d in dataset.descriptors]))
    if not cols.size:
        return None
    used = dataset.listed(cols)
    docs = [[f"t{j}" for j in np.flatnonzero(row)] for row in used]
    if sum(1 for d in docs if d) < 3:
        return None
    return tv.tfidf_cosine(docs, sublinear_tf=True)


def _closeness(values: FloatArray) -> FloatArray | None:
    if np.isfinite(values).sum() < 3:
        return None
    out: FloatArray = -np.abs(values[:, None] - values[None, :])
    return out


def _destination(values: FloatArray) -> FloatArray | None:
    if np.isfinite(values).sum() < 3:
        return None
    return np.broadcast_to(values[None, :], (len(values), len(values))).copy()


def standardise_rows(m: AnyFloatArray, *, overwrite: bool = False) -> FloatArray:
    """Per source row: z-scores over candidates (self excluded); NaN and self become 0.

    Worked in place in two role x role buffers (an import makes 17 of these on O*NET);
    each step is the plain expression's arithmetic, so the numbers are the same bits.
    With ``overwrite`` a float64 ``m`` is itself the first buffer (its values are lost)."""
    own = overwrite and m.dtype == np.float64 and m.flags.writeable and m.flags.c_contiguous
    x: FloatArray = m.view(np.float64) if own else np.array(m, dtype=float)
    x[~np.isfinite(x)] = np.nan
    np.fill_diagonal(x, np.nan)
    valid = np.isfinite(x)
    invalid = ~valid
    count = np.maximum(valid.sum(axis=1, keepdims=True), 1)
    del valid
    t = np.where(invalid, 0.0, x)
    mean = t.sum(axis=1, keepdims=True) / count
    np.subtract(x, mean, out=t)
    np.square(t, out=t)  # what ``** 2`` computes
    t[invalid] = 0.0
    var = t.sum(axis=1, keepdims=True) / count
    del t
    sd = np.sqrt(var)
    np.subtract(x, mean, out=x)
    np.divide(x, np.where(sd > 0, sd, 1.0), out=x)
    x[invalid] = 0.0
    return x


#: Rows :func:`_ranks` sorts at a time (the row order of a block costs 8 bytes a cell).
RANK_BLOCK = 128


def _ranks(z: AnyFloatArray) -> np.ndarray:
    """Each candidate's 0-based place in its source row, highest first (self last); equal
    scores in column order (a stable sort's order).

    Rows are negated a block at a time (sorted ascending: highest first), so no role x
    role copy is made; each block's order comes from :func:`_stable_order`."""
    n_rows, n_cols = z.shape
    ranks = np.empty(z.shape, dtype=np.int16 if n_cols < 2**15 else np.int32)
    flat = ranks.reshape(-1)
    places = np.arange(n_cols, dtype=ranks.dtype)
    for start in range(0, n_rows, RANK_BLOCK):
        x = np.negative(z[start : start + RANK_BLOCK], dtype=float)
        own = np.arange(start, start + len(x))
        on_diagonal = own < n_cols
        x[np.flatnonzero(on_diagonal), own[on_diagonal]] = np.inf
        order = _stable_order(x)
        order += (own * n_cols)[:, None]
        flat[order.ravel()] = np.tile(places, len(x))
    return ranks


#: Bits of a sort key that hold the column (the rest hold the value's top bits).
_COLUMN_BITS = 16
_COLUMN_MASK = np.int64((1 << _COLUMN_BITS) - 1)
_MAGNITUDE = np.int64(0x7FFF_FFFF_FFFF_FFFF)


def _stable_order(x: FloatArray) -> IntArray:
    """``np.argsort(x, axis=1, kind="stable")`` of a C-ordered float64 block (it may be
    changed), a few times faster.

    Each cell becomes one int64 key: the top 48 bits of its value's bits (flipped so
    integers order as the floats do), then its column. Keys differ, so numpy's
    vectorised sort of plain integers orders them, equal values by column as a stable
    sort. Where two different values share their top 48 bits (a difference in the last
    16 bits of the mantissa), they sort next to each other: such rows, and blocks with
    NaN or too many columns, are sorted by the stable sort itself."""
    if x.shape[1] > 1 << _COLUMN_BITS or np.isnan(x).any():
        stable: IntArray = np.argsort(x, axis=1, kind="stable")
        return stable
    x += 0.0  # -0.0 becomes 0.0: they tie, as in the stable sort
    bits = x.view(np.int64)
    full = bits >> 63  # -1 for negative values: their magnitude bits are flipped
    full &= _MAGNITUDE
    full ^= bits
    key = full >> _COLUMN_BITS
    key <<= _COLUMN_BITS
    key |= np.arange(x.shape[1], dtype=np.int64)
    key.sort(axis=1)
    order: IntArray = key & _COLUMN_MASK
    key >>= _COLUMN_BITS
    shared = key[:, 1:] == key[:, :-1]
    if shared.any():
        # neighbours with the same top bits: ties, unless their values differ
        value = np.take_along_axis(full, order, axis=1)
        shared &= value[:, 1:] != value[:, :-1]
        redo = np.flatnonzero(shared.any(axis=1))
        if redo.size:
            order[redo] = np.argsort(x[redo], axis=1, kind="stable")
    return order


def _rank_score(ranks: np.ndarray) -> FloatArray:
    out: FloatArray = 1.0 / np.sqrt(1.0 + ranks.astype(float))
    return out


@dataclass(frozen=True)
class SignalView:
    """A signal reduced to what its features read: row z-scores and row ranks.

    z-scores are kept as float16 (three significant digits) so the views of all 17
    signals take about 70 MB; the shipped models were fit on these same values.
    """

    z: np.ndarray
    ranks: np.ndarray

    @classmethod
    def of(cls, signal: AnyFloatArray, *, overwrite: bool = False) -> SignalView:
        """The view of a role x role signal; with ``overwrite`` the signal's own memory is
        worked in (it is lost: for a signal nothing else reads)."""
        z = standardise_rows(signal, overwrite=overwrite)
        return cls(z.astype(np.float16), _ranks(z))


def signal_views(
    dataset: Dataset,
    cached: dict[str, FloatArray] | None = None,
    made: dict[str, SignalView] | None = None,
) -> dict[str, SignalView]:
    """Every signal of ``dataset`` as a :class:`SignalView` (4 MB a signal at 1,000 roles).

    ``cached`` text signals are consumed (emptied) as their views are made; ``made``
    holds views already made (:func:`digest_text`): they are moved over (it is emptied)."""
    made = {} if made is None else made
    recipes = signal_recipes(dataset)

    def view_of(name: str) -> tuple[str, SignalView | None]:  # on a worker thread
        if cached is not None and name in TEXT_SIGNALS:
            m = cached.pop(name, None)  # one name per thread: each is popped once
        else:
            m = recipes[name]()
        return name, None if m is None else SignalView.of(m, overwrite=True)

    only = [name for name in SIGNAL_ORDER if name not in made]
    views = {name: view for name, view in ordered_map(view_of, only) if view is not None}
    views.update(made)
    made.clear()
    return {name: views[name] for name in SIGNAL_ORDER if name in views}


@dataclass
class TextDigest:
    """What an import keeps of the text signals (8 MB each on O*NET) once each is made:
    its :class:`SignalView` for the ranker, its share of the estimator's kernel, and the
    all-text likeness as saved (float16). Holding these instead of the ten signals
    halves what the import holds while it estimates."""

    views: dict[str, SignalView]
    #: The kernel weights the text part was summed with (text signals only).
    weights: dict[str, float]
    #: ``sum(weights[s] * nan_to_num(signal s))`` in :data:`SIGNAL_ORDER`; None once taken.
    weighted: FloatArray | None
    likeness: np.ndarray | None

    def take_weighted(self, weights: Mapping[str, float]) -> FloatArray:
        """The weighted text part, handed over once (the digest lets go of it); ``weights``
        must give the text signals the weights it was summed with."""
        mine = {name: w for name, w in weights.items() if name in TEXT_SIGNALS and w}
        if mine != self.weights:
            raise ValueError(f"the text part was summed with {self.weights}, not {mine}")
        if self.weighted is None:
            raise RuntimeError("the weighted text part was already taken")
        out, self.weighted = self.weighted, None
        return out


def digest_text(dataset: Dataset, weights: Mapping[str, float]) -> TextDigest:
    """Each text signal made once and let go at once: see :class:`TextDigest`.

    ``weights`` are the estimator's kernel weights (only those of text signals are read);
    the sum is the one :func:`careerpivot.estimation.kernel` would make, term for term."""
    n = len(dataset.occupations)
    mine = {name: float(w) for name, w in weights.items() if name in TEXT_SIGNALS and w}
    recipes = signal_recipes(dataset)

    def digest(name: str) -> tuple[str, FloatArray | None, SignalView | None, np.ndarray | None]:
        """One signal made and reduced: its weighted term, its view and (all_text) its
        likeness; the signal itself is let go here."""
        m = recipes[name]()
        if m is None:
            return name, None, None, None
        term = None
        w = mine.get(name, 0.0)
        if w:
            term = np.nan_to_num(m)
            term *= w  # ``w * nan_to_num(m)``, in place
        like = np.asarray(m, dtype=np.float16) if name == "all_text" else None
        return name, term, SignalView.of(m, overwrite=True), like

    weighted = np.zeros((n, n))
    views: dict[str, SignalView] = {}
    likeness = None
    # One signal at a time, on this thread: the text signals are mostly Python work
    # (tokens, counting) holding the GIL; on two threads they took 20% more CPU for no
    # less wall time (measured on O*NET 29.2).
    for name, term, view, like in map(digest, TEXT_SIGNALS):
        if term is not None:
            weighted += term
        if like is not None:
            likeness = like
        if view is not None:
            views[name] = view
        del term
    return TextDigest(views, mine, weighted, likeness)


Pairs = tuple[np.ndarray, np.ndarray]


@dataclass(frozen=True)
class PairValues:
    """What :func:`pair_features` reads of a :class:`SignalView` at fixed pairs: kept in
    place of the view once the reranker's candidate pairs are known (0.3 MB a signal at
    50 candidates a role, against 4 MB), so the import can let the views go."""

    z: np.ndarray
    ranks: np.ndarray
    reverse: np.ndarray | None  # ranks[cols, rows], for the key signals
    centrality: np.ndarray | None  # the candidate's mean z, for the key signals

    @classmethod
    def of(cls, name: str, view: SignalView, at: Pairs) -> PairValues:
        rows, cols = at
        key = name in KEY_SIGNALS
        return cls(
            view.z[rows, cols],
            view.ranks[rows, cols],
            view.ranks[cols, rows] if key else None,
            view.z.mean(axis=0, dtype=float)[cols] if key else None,
        )

    def part(self, where: slice) -> PairValues:
        """The values at a slice of the pairs."""
        return PairValues(
            self.z[where],
            self.ranks[where],
            None if self.reverse is None else self.reverse[where],
            None if self.centrality is None else self.centrality[where],
        )


def pair_features(
    dataset: Dataset,
    views: Mapping[str, SignalView | PairValues] | None = None,
    at: Pairs | None = None,
) -> Iterator[tuple[str, FloatArray]]:
    """Yield ``(feature name, values)`` one at a time (to keep memory low).

    Values are role x role matrices, or with ``at=(rows, cols)`` the values at those
    pairs only (the same numbers, without building the matrices). :class:`PairValues`
    in ``views`` must have been read at the same ``at``.
    """
    n = len(dataset.occupations)
    full = at is None
    rows, cols = (np.arange(n)[:, None], np.arange(n)[None, :]) if at is None else at

    def as_float(x: np.ndarray) -> FloatArray:
        out: FloatArray = np.asarray(x, dtype=float)
        return out

    def of_candidate(v: np.ndarray) -> FloatArray:  # depends on the candidate only
        return as_float(np.broadcast_to(v[None, :], (n, n)) if full else v[cols])

    made: Iterable[tuple[str, SignalView | PairValues]] = (
        ((name, SignalView.of(m)) for name, m in iter_signals(dataset))
        if views is None
        else views.items()
    )
    for name, view in made:
        read = isinstance(view, PairValues)
        ranks = view.ranks if read else view.ranks[rows, cols]
        yield name, as_float(view.z if read else view.z[rows, cols])
        yield f"{name}_rr", _rank_score(ranks)
        for k in TOP_K:
            yield f"{name}_top{k}", as_float(ranks < k)
        if name in KEY_SIGNALS:
            if isinstance(view, PairValues):
                if view.reverse is None or view.centrality is None:
                    raise ValueError(f"{name}: pair values read without the key-signal parts")
                yield f"{name}_rr_reverse", _rank_score(view.reverse)
                yield f"{name}_centrality", as_float(view.centrality)
            else:
                yield f"{name}_rr_reverse", _rank_score(view.ranks[cols, rows])
                yield f"{name}_centrality", of_candidate(view.z.mean(axis=0, dtype=float))
    zones = dataset.column("job_zone")
    if np.isfinite(zones).sum() >= 3:
        with np.errstate(invalid="ignore"):
            d = np.abs(zones[cols] - zones[rows])
        yield "zone_same", as_float(d == 0)
        yield "zone_one_apart", as_float(d == 1)
        yield "zone_two_apart", as_float(d == 2)
        yield "zone_further", as_float(d >= 3)
        yield "zone_unknown", of_candidate(np.isnan(zones))
    codes = np.array([o.code for o in dataset.occupations])
    for name, width in GROUP_FEATURES:
        g = np.array([c[:width] for c in codes])
        yield name, as_float(g[rows] == g[cols])


class WeightedSum:
    """``sum(weights[f] * feature f)`` over :func:`pair_features` at every pair, a block of
    source rows at a time: the same terms added in the same order, so the same bits.

    Each rank feature is read from a table of its weighted values by rank (one look-up a
    cell instead of a cast, square root, division and product), a candidate's feature
    is weighted once for every row, and a block's cells are slices of the views, not
    fancy-indexed copies: the weighted sum took a tenth of an O*NET import."""

    def __init__(
        self,
        dataset: Dataset,
        views: Mapping[str, SignalView],
        weights: Mapping[str, float],
    ) -> None:
        self.views = views
        self.weights = weights
        n = len(dataset.occupations)
        places = np.arange(n)
        #: per feature name: its weighted value by rank (rank features only)
        self.tables: dict[str, FloatArray] = {}
        #: per feature name: its weighted value by candidate (candidate features only)
        self.by_candidate: dict[str, FloatArray] = {}
        for name, view in views.items():
            self._table(f"{name}_rr", _rank_score(places))
            for k in TOP_K:
                self._table(f"{name}_top{k}", np.asarray(places < k, dtype=float))
            if name in KEY_SIGNALS:
                self._table(f"{name}_rr_reverse", _rank_score(places))
                w = weights.get(f"{name}_centrality", 0.0)
                if w:
                    mean = view.z.mean(axis=0, dtype=float)
                    self.by_candidate[f"{name}_centrality"] = w * mean[None, :]
        zones = dataset.column("job_zone")
        self.zones = zones if np.isfinite(zones).sum() >= 3 else None
        if self.zones is not None:
            w = weights.get("zone_unknown", 0.0)
            if w:
                self.by_candidate["zone_unknown"] = w * np.isnan(zones)[None, :].astype(float)
        codes = [o.code for o in dataset.occupations]
        self.groups = [
            (name, np.unique(np.array([c[:width] for c in codes]), return_inverse=True)[1])
            for name, width in GROUP_FEATURES
        ]

    def _table(self, name: str, values: FloatArray) -> None:
        w = self.weights.get(name, 0.0)
        if w:
            self.tables[name] = w * values

    def add_rows(self, out: FloatArray, start: int, stop: int) -> list[str]:
        """Add the weighted features of source rows ``start:stop`` to ``out`` (those rows of
        the role x role sum); the names of the features met, in :func:`pair_features` order."""
        rows = out[start:stop]
        names: list[str] = []
        weights, tables = self.weights, self.tables

        def add(name: str, make: Callable[[], AnyFloatArray]) -> None:
            names.append(name)
            w = weights.get(name, 0.0)
            if w:
                np.add(rows, make(), out=rows)

        for name, view in self.views.items():
            ranks = view.ranks[start:stop]
            add(name, lambda: weights[name] * view.z[start:stop].astype(float))  # noqa: B023
            add(f"{name}_rr", lambda: tables[f"{name}_rr"].take(ranks))  # noqa: B023
            for k in TOP_K:
                add(f"{name}_top{k}", lambda: tables[f"{name}_top{k}"].take(ranks))  # noqa: B023
            if name in KEY_SIGNALS:
                reverse = view.ranks.T[start:stop]
                add(f"{name}_rr_reverse", lambda: tables[f"{name}_rr_reverse"].take(reverse))  # noqa: B023
                add(f"{name}_centrality", lambda: self.by_candidate[f"{name}_centrality"])  # noqa: B023
        if self.zones is not None:
            zones = self.zones
            with np.errstate(invalid="ignore"):
                d = np.abs(zones[None, :] - zones[start:stop, None])
            add("zone_same", lambda: weights["zone_same"] * np.asarray(d == 0, dtype=float))
            add(
                "zone_one_apart",
                lambda: weights["zone_one_apart"] * np.asarray(d == 1, dtype=float),
            )
            add(
                "zone_two_apart",
                lambda: weights["zone_two_apart"] * np.asarray(d == 2, dtype=float),
            )
            add("zone_further", lambda: weights["zone_further"] * np.asarray(d >= 3, dtype=float))
            add("zone_unknown", lambda: self.by_candidate["zone_unknown"])
        for name, g in self.groups:
            same = g[start:stop, None] == g[None, :]
            add(name, lambda: weights[name] * np.asarray(same, dtype=float))  # noqa: B023
        return names


#: The names :func:`score_features` yields, in order.
SCORE_FEATURES = (
    "s_z",
    "s_rr",
    "s_z_reverse",
    "s_rr_reverse",
    "s_shared10",
    "s_two_hop10",
    "s_shared25",
)


def score_features(score: FloatArray) -> Iterator[tuple[str, FloatArray]]:
    """Second-stage features of a first-stage score matrix, one role x role matrix at a time.

    Related lists tend to be reciprocal and to cluster, so besides the score itself
    (standardised, rank-transformed) they say how highly the candidate ranks the
    source, how many of their top 10 and top 25 they share, and how many of the
    source's top 10 list the candidate in their own top 10.
    """
    z = standardise_rows(score)
    ranks = _ranks(z)
    yield "s_z", z
    yield "s_rr", _rank_score(ranks)
    yield "s_z_reverse", z.T
    del z
    yield "s_rr_reverse", _rank_score(ranks.T)
    top10 = np.asarray(ranks < 10, dtype=np.float32)
    top25 = np.asarray(ranks < 25, dtype=np.float32)
    del ranks
    yield "s_shared10", (top10 @ top10.T / 10.0).astype(float)
    yield "s_two_hop10", (top10 @ top10 / 10.0).astype(float)
    yield "s_shared25", (top25 @ top25.T / 25.0).astype(float)


def at_pairs(
    features: Iterable[tuple[str, FloatArray]], at: Pairs
) -> Iterator[tuple[str, FloatArray]]:
    """Full role x role feature matrices, read at ``at=(rows, cols)`` only."""
    for name, m in features:
        yield name, m[at]


def candidate_pairs(score: FloatArray, per_row: int) -> Pairs:
    """(rows, cols) of each row's ``per_row`` highest-scoring other roles.

    Rows are partitioned a block at a time (each row on its own, as over the whole
    matrix), so no role x role temporaries are made at the import's busiest moment."""
    n_rows, n_cols = score.shape
    k = min(per_row, n_cols - 1)
    cols = np.empty((n_rows, max(k, 0)), dtype=np.intp)
    for start in range(0, n_rows, RANK_BLOCK):
        block = score[start : start + RANK_BLOCK]
        x = np.where(np.isfinite(block), block, -np.inf)
        own = np.arange(start, start + len(block))
        on_diagonal = own < n_cols
        x[np.flatnonzero(on_diagonal), own[on_diagonal]] = -np.inf
        cols[start : start + len(block)] = np.argpartition(-x, k - 1, axis=1)[:, :k]
    rows = np.repeat(np.arange(n_rows), k)
    return rows, cols.ravel()


def feature_table(
    features: Iterable[tuple[str, AnyFloatArray]], order: Sequence[str]
) -> np.ndarray:
    """A (pairs x features) float32 table of the named features, columns in ``order``.

    ``features`` yields ``(name, values at the pairs)``; names not in ``order`` are
    skipped. A name in ``order`` that never comes is an error naming it.
    """
    pos = {name: j for j, name in enumerate(order)}
    table: np.ndarray | None = None
    seen: set[str] = set()
    for name, values in features:
        j = pos.get(name)
        if j is None:
            continue
        if table is None:
            # column-major: each feature is written, and read by the trees, in one run
            table = np.empty((len(values), len(order)), dtype=np.float32, order="F")
        table[:, j] = values
        seen.add(name)
    missing = [name for name in order if name not in seen]
    if table is None or missing:
        raise DataValidationError(f"this data set lacks features the reranker reads: {missing}")
    return table


def load_weights(path: Path = WEIGHTS_FILE) -> dict[str, float]:
    """The shipped first-stage feature weights (see ``data/models/provenance.json``)."""
    data = json.loads(path.read_text(encoding="utf-8"))
    return {str(k): float(v) for k, v in data["weights"].items()}


@dataclass(frozen=True)
class Reranker:
    """The second stage: a fitted classifier, the features it reads (in order), its pool size."""

    model: Any
    features: tuple[str, ...]
    candidates: int = CANDIDATES

    def probability(self, table: np.ndarray, chunk: int = 20_000) -> FloatArray:
        """P(candidate is a Primary related occupation) for each row of a :func:`feature_table`.

        Predicts ``chunk`` rows at a time: the classifier copies its input to float64.
        One OpenMP thread: the trees' threads spin-wait between the small predictions, and
        on a busy machine that tripled the import's relatedness step (5 s -> 14 s).
        """
        out = np.empty(len(table))
        with threadpool_limits(limits=1, user_api="openmp"):
            for start in range(0, len(table), chunk):
                part = table[start : start + chunk]
                out[start : start + chunk] = self.model.predict_proba(part)[:, 1]
        return out


def shipped_reranker_features(meta: Path = WEIGHTS_FILE) -> tuple[str, ...]:
    """The features the shipped second stage reads (cheap: no model is loaded)."""
    info = json.loads(meta.read_text(encoding="utf-8"))["reranker"]
    return tuple(str(f) for f in info["features"])


def load_reranker(path: Path = RERANKER_FILE, meta: Path = WEIGHTS_FILE) -> Reranker:
    """The shipped second stage: its trees as plain arrays (no pickle), see
    :mod:`careerpivot.boosted_trees`."""
    info = json.loads(meta.read_text(encoding="utf-8"))["reranker"]
    model = BoostedTrees.load(path)
    features = tuple(info["features"])
    if model.n_features_in_ != len(features):
        raise DataValidationError(
            f"the reranker reads {model.n_features_in_} features, its list names {len(features)}",
            file=str(path),
        )
    return Reranker(model, features, int(info["candidates"]))


def ranking_key(linear: FloatArray, probability: FloatArray | None) -> FloatArray:
    """One matrix whose row order is the final ranking.

    Reranked candidates score ``1 + p`` (so they come first, in the reranker's
    order); the rest keep the logistic of their weighted sum, in (0, 1).
    """
    key: FloatArray = expit(linear)
    if probability is not None:
        key = np.where(np.isfinite(probability), 1.0 + probability, key)
    np.fill_diagonal(key, -np.inf)
    return key


class RelatednessModel:
    """Ranks every role for every other: the weighted sum, then the reranker on the top.

    ``reranker="shipped"`` loads the shipped second stage; ``None`` keeps the first
    stage alone. The second stage is skipped when the data set lacks features it needs
    (``stages_`` says which ran).

    >>> from careerpivot.datasets.starter import load_starter
    >>> ds = load_starter()
    >>> model = RelatednessModel().fit(ds)
    >>> "tasks" in model.used_, model.stages_  # the starter set has no task statements
    (False, ('weighted sum',))
    >>> ds.occupations[model.ranked(ds.occupation_index["29-1141.00"])[0]].title
    'Licensed Practical and Licensed Vocational Nurses'
    """

    def __init__(
        self,
        weights: Mapping[str, float] | None = None,
        reranker: Reranker | Literal["shipped"] | None = "shipped",
    ) -> None:
        self.weights = weights
        self.reranker = reranker

    def fit(
        self,
        dataset: Dataset,
        text: dict[str, FloatArray] | None = None,
        made: dict[str, SignalView] | None = None,
    ) -> RelatednessModel:
        """Compute the features the data set supports, the weighted sum, then the reranking.

        ``text`` holds the data set's :func:`text_signals` if already computed, ``made``
        signal views already made (:attr:`TextDigest.views`); both are emptied as they
        are used (memory)."""
        weights = dict(load_weights() if self.weights is None else self.weights)
        views = signal_views(dataset, text, made)
        n = len(dataset.occupations)
        linear = np.zeros((n, n))

        summed = WeightedSum(dataset, views, weights)

        def add_block(start: int) -> list[str]:
            """Sum one block of source rows' weighted features into ``linear`` (blocks run
            on worker threads, each on its own rows); the names of the features met."""
            return summed.add_rows(linear, start, min(n, start + FEATURE_BLOCK))

        # a block of source rows at a time: each cell sums the same terms in the same
        # order as over whole matrices, without role x role temporaries per feature
        met = list(ordered_map(add_block, range(0, n, FEATURE_BLOCK)))
        available = met[0] if met else []
        used = [name for name in available if weights.get(name, 0.0)]
        np.fill_diagonal(linear, -np.inf)
        self.linear_score_ = linear
        self.used_ = used
        self.dataset_ = dataset
        self.probability_: FloatArray | None = None
        self.stages_: tuple[str, ...] = ("weighted sum",)
        reranker = self._usable_reranker({*available, *SCORE_FEATURES})
        if reranker is not None:
            at = candidate_pairs(linear, reranker.candidates)
            values = {name: PairValues.of(name, view, at) for name, view in views.items()}
            views.clear()  # about 70 MB on O*NET, before the score features' matrices
            scores = dict(at_pairs(score_features(linear), at))
            out = np.empty(len(at[0]))
            for start in range(0, len(out), PAIR_BLOCK):
                part = slice(start, start + PAIR_BLOCK)
                features = chain(
                    pair_features(
                        dataset,
                        {name: v.part(part) for name, v in values.items()},
                        (at[0][part], at[1][part]),
                    ),
                    ((name, v[part]) for name, v in scores.items()),
                )
                out[part] = reranker.probability(feature_table(features, reranker.features))
            prob = np.full((n, n), np.nan)
            prob[at] = out
            self.probability_ = prob
            self.stages_ = ("weighted sum", "reranker")
        self.score_ = ranking_key(linear, self.probability_)
        return self

    def _usable_reranker(self, available: set[str]) -> Reranker | None:
        """The second stage, if every feature it reads is available (the shipped one
        is loaded only then)."""
        if self.reranker == "shipped":
            if not set(shipped_reranker_features()) <= available:
                return None
            return load_reranker()
        if self.reranker is None or not set(self.reranker.features) <= available:
            return None
        return self.reranker

    def ranked(self, i: int, k: int | None = None) -> list[int]:
        """Candidate role indices for source row ``i``, most related first."""
        if not hasattr(self, "score_"):
            raise RuntimeError("RelatednessModel is not fitted: call fit(dataset) first")
        order = np.argsort(-self.score_[i], kind="stable")
        order = order[order != i]
        return [int(j) for j in (order if k is None else order[:k])]

    def similarity(self) -> FloatArray:
        """Symmetric similarity in [0, 1].

        With the reranker: the mean of both directions' probability that one is among
        the other's Primary related occupations (0 outside the candidates). Without it:
        a logistic of the mean of both directions' standardised weighted sum.
        """
        if self.probability_ is not None:
            p = np.nan_to_num(self.probability_, nan=0.0)
            out: FloatArray = (p + p.T) / 2.0
        else:
            s = np.where(np.isfinite(self.linear_score_), self.linear_score_, 0.0)
            sym = (s + s.T) / 2.0
            scale = max(float(np.std(sym)), 1e-9)
            out = 1.0 / (1.0 + np.exp(-(sym - float(np.mean(sym))) / scale))
        np.fill_diagonal(out, 1.0)
        return out
