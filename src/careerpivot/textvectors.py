"""TF-IDF cosine similarity of documents, as scikit-learn's ``TfidfVectorizer`` computes it.

The relatedness ranker and the rating estimator read ten text signals over the same
four texts of each role (titles, description, tasks, work activities). Fitting one
``TfidfVectorizer`` per signal tokenises each text up to four times and counts about
five million terms in Python dictionaries: about half of an O*NET import. Here each
text is tokenised once (words) or each distinct word cut into character n-grams once,
and terms are counted with ``pandas.factorize`` and ``numpy.unique``.

The result is the vectorizer's, bit for bit: the same terms (its tokeniser, English
stop words and n-gram rules), numbered in its order (first seen, then pruned by
document frequency, then sorted), the same count matrix fed to scikit-learn's own
``TfidfTransformer``. ``tests/test_textvectors.py`` checks equality with the
vectorizer on the starter set, random texts and the O*NET release.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable, Iterator, Sequence
from functools import cache
from itertools import chain, pairwise

import numpy as np
import scipy.sparse as sp

from careerpivot.model import FloatArray

#: scikit-learn's default token pattern (words of two or more word characters).
WORD_PATTERN = re.compile(r"(?u)\b\w\w+\b")
#: Whitespace-separated tokens (ids), as ``token_pattern=r"\S+"`` reads them.
ID_PATTERN = re.compile(r"\S+")

Terms = list[str]


@cache
def _stop_words() -> frozenset[str]:
    """scikit-learn's English stop words, imported on first use: scikit-learn takes seconds
    to import, and the engine (hence ``careerpivot roles search``) must not wait for it."""
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    return frozenset(ENGLISH_STOP_WORDS)


def words(doc: str, *, stop_words: bool = True) -> Terms:
    """Lower-cased word tokens, English stop words removed (the vectorizer's word analyzer
    with ``stop_words="english"``, unigrams)."""
    tokens: Terms = WORD_PATTERN.findall(doc.lower())
    if stop_words:
        stop = _stop_words()
        tokens = [t for t in tokens if t not in stop]
    return list(map(sys.intern, tokens))  # one string per distinct word (memory)


def ids(doc: str) -> Terms:
    """Whitespace-separated tokens, case kept (``token_pattern=r"\\S+", lowercase=False``)."""
    out: Terms = ID_PATTERN.findall(doc)
    return out


def with_bigrams(tokens: Terms) -> Terms:
    """Unigrams then bigrams, in the vectorizer's order (``ngram_range=(1, 2)``)."""
    return tokens + [f"{a} {b}" for a, b in pairwise(tokens)]


class CharGrams:
    """Character 3- to 5-grams inside word boundaries (``analyzer="char_wb"``), each
    distinct word cut once."""

    def __init__(self, lo: int = 3, hi: int = 5) -> None:
        self.lo, self.hi = lo, hi
        self._cache: dict[str, Terms] = {}

    def __call__(self, doc: str) -> Terms:
        out: Terms = []
        cache = self._cache
        for w in doc.lower().split():
            grams = cache.get(w)
            if grams is None:
                grams = cache[w] = self.word(w)
            out += grams
        return out

    def word(self, word: str) -> Terms:
        """The n-grams of one word (lower-cased, no whitespace), padded with a space."""
        w = f" {word} "
        grams: Terms = []
        for n in range(self.lo, self.hi + 1):
            grams += [w[i : i + n] for i in range(max(1, len(w) - n + 1))]
            if len(w) <= n:  # a short word counts once, at its shortest n
                break
        return grams


def _first_seen(items: Iterable[str]) -> tuple[list[str], dict[str, int]]:
    """Distinct items in order of first appearance, and each one's place in that order."""
    distinct = list(dict.fromkeys(items))
    return distinct, {t: i for i, t in enumerate(distinct)}


#: Documents counted per sort in :func:`_counts` (a few hundred thousand terms at most).
COUNT_BATCH = 64


def _counts(docs: Iterable[Terms]) -> tuple[sp.csr_matrix, list[str]]:
    """Documents x terms counts, terms numbered by first appearance, rows sorted.

    ``docs`` may be a generator: each document's terms are let go once counted.
    Documents are counted :data:`COUNT_BATCH` at a time, each batch by one sort of its
    (document, term) keys: the rows a sort of all keys gives, without its temporaries
    (12 MB per million terms, several times over)."""
    index: dict[str, int] = {}
    rows: list[np.ndarray] = []
    cols: list[np.ndarray] = []
    counts: list[np.ndarray] = []
    batch: list[np.ndarray] = []
    n = 0

    def count() -> None:
        size = max(len(index), 1)
        lengths = np.fromiter(map(len, batch), dtype=np.int64, count=len(batch))
        local = np.repeat(np.arange(len(batch), dtype=np.int64), lengths)
        key, times = np.unique(local * size + np.concatenate(batch), return_counts=True)
        r, c = np.divmod(key, size)
        rows.append(r + (n - len(batch)))
        cols.append(c)
        counts.append(times)
        batch.clear()

    for doc in docs:
        fresh = [t for t in dict.fromkeys(doc) if t not in index]
        index.update(zip(fresh, range(len(index), len(index) + len(fresh)), strict=True))
        batch.append(np.fromiter(map(index.__getitem__, doc), dtype=np.int64, count=len(doc)))
        n += 1
        if len(batch) == COUNT_BATCH:
            count()
    if batch:
        count()
    if not index:
        raise ValueError("empty vocabulary; perhaps the documents only contain stop words")
    size = len(index)
    indptr = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(np.bincount(np.concatenate(rows), minlength=n), out=indptr[1:])
    data = np.concatenate(counts).astype(np.float64)
    x = sp.csr_matrix((data, np.concatenate(cols), indptr), shape=(n, size))
    return x, list(index)


def _counts_by_word(docs: Sequence[str], grams: CharGrams) -> tuple[sp.csr_matrix, list[str]]:
    """:func:`_counts` of ``grams(doc)`` for each doc, computed word by word.

    A term first appears inside the first occurrence of the first word that holds it,
    so numbering the grams of the distinct words (in order of first appearance) numbers
    them as the whole stream would; counts are document x word times word x gram.
    """
    by_doc, vocab = _counts(d.lower().split() for d in docs)
    cut = [grams.word(w) for w in vocab]
    terms, index = _first_seen(chain.from_iterable(cut))
    if not terms:
        raise ValueError("empty vocabulary; perhaps the documents only contain stop words")
    lengths = np.fromiter(map(len, cut), dtype=np.int64, count=len(cut))
    total = int(lengths.sum())
    codes = np.fromiter(map(index.__getitem__, chain.from_iterable(cut)), np.int64, total)
    of_word = sp.csr_matrix(
        (np.ones(total), (np.repeat(np.arange(len(cut)), lengths), codes)),
        shape=(len(cut), len(terms)),
    )
    x = sp.csr_matrix(by_doc @ of_word)
    x.sort_indices()
    return x, terms


def _as_vectorizer_lays_out(x: sp.csr_matrix, terms: list[str], min_df: int) -> sp.csr_matrix:
    """CountVectorizer's matrix from counts with terms numbered by first appearance: terms
    in fewer than ``min_df`` documents dropped (its ``_limit_features`` with max_df=1.0),
    then columns numbered in sorted term order (its ``_sort_features``). Within a row the
    entries keep their order, which fixes the order of floating-point sums downstream."""
    n, size = x.shape
    x = sp.csr_matrix(
        (x.data, x.indices.astype(np.int32), x.indptr.astype(np.int32)), shape=(n, size)
    )
    df = np.bincount(x.indices, minlength=size)
    kept = np.flatnonzero((df <= n) & (df >= min_df))
    if not kept.size:
        raise ValueError("After pruning, no terms remain. Try a lower min_df or a higher max_df.")
    x = x[:, kept]
    order = np.argsort(np.asarray(terms, dtype=object)[kept], kind="stable")
    position = np.empty(len(kept), dtype=x.indices.dtype)
    position[order] = np.arange(len(kept), dtype=x.indices.dtype)
    x.indices = position.take(x.indices, mode="clip")
    return x


def count_matrix(docs: Iterable[Terms], min_df: int = 1) -> sp.csr_matrix:
    """Documents x terms counts, laid out as ``CountVectorizer.fit_transform`` lays them out
    for the same terms (see :func:`_as_vectorizer_lays_out`)."""
    return _as_vectorizer_lays_out(*_counts(docs), min_df)


def char_count_matrix(docs: Sequence[str], grams: CharGrams, min_df: int = 1) -> sp.csr_matrix:
    """:func:`count_matrix` of the character n-grams of ``docs`` (``analyzer="char_wb"``)."""
    return _as_vectorizer_lays_out(*_counts_by_word(docs, grams), min_df)


def tfidf_cosine(
    docs: Iterable[Terms] | sp.csr_matrix, *, sublinear_tf: bool = False, min_df: int = 1
) -> FloatArray:
    """Role x role cosine of the TF-IDF vectors (smooth idf, l2 rows) of tokenised ``docs``
    (or of counts :func:`count_matrix` or :func:`char_count_matrix` made)."""
    from sklearn.feature_extraction.text import TfidfTransformer

    x = docs if isinstance(docs, sp.csr_matrix) else count_matrix(docs, min_df)
    tfidf = TfidfTransformer(sublinear_tf=sublinear_tf).fit(x)
    m = tfidf.transform(x, copy=False)
    gram: FloatArray = (m @ m.T).toarray()
    return gram


def joined(*parts: Iterable[Terms]) -> Iterator[Terms]:
    """Per document, the token lists of several texts one after the other (the tokens of
    the texts joined by spaces)."""
    return (list(chain.from_iterable(p)) for p in zip(*parts, strict=True))
