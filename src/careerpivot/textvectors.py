"""TF-IDF cosine similarity of documents, as scikit-learn's ``TfidfVectorizer`` computes it.

The relatedness ranker and the rating estimator read ten text signals over the same
four texts of each role (titles, description, tasks, work activities). Fitting one
``TfidfVectorizer`` per signal tokenises each text up to four times and counts about
five million terms in Python dictionaries: about half of an O*NET import. Here each
text is tokenised once into word numbers (:class:`Vocabulary`), a bigram is a pair
of numbers, and terms are numbered and counted with ``pandas.factorize`` and
``numpy.unique``, without a Python string or dictionary look-up per term.

The result is the vectorizer's, bit for bit: the same terms (its tokeniser, English
stop words and n-gram rules), numbered in its order (first seen, then pruned by
document frequency, then sorted), the same count matrix fed to scikit-learn's own
``TfidfTransformer``. ``tests/test_textvectors.py`` checks equality with the
vectorizer on the starter set, random texts and the O*NET release.
"""

from __future__ import annotations

import re
import sys
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from itertools import chain, pairwise

import numpy as np
import numpy.typing as npt
import scipy.sparse as sp

from careerpivot.model import FloatArray, IntArray

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


def _factorize(values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """``pandas.factorize``: each value's number in order of first appearance, and the
    distinct values. pandas is imported on first use, as scikit-learn is above."""
    import pandas as pd

    codes, distinct = pd.factorize(values)
    return codes, np.asarray(distinct)


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


class Vocabulary:
    """Numbers for words, shared by every text tokenised with it, so that documents of
    several texts can be joined (:func:`join_words`) and their terms compared.

    Tokenising several texts on several threads at once is safe (numbering is locked)."""

    def __init__(self) -> None:
        self.words: list[str] = []
        self._number: dict[str, int] = {}
        self._lock = threading.Lock()

    def tokenise(self, docs: Sequence[str], *, stop_words: bool = True) -> WordIds:
        """Each document's :func:`words` as word numbers (one ``findall`` a document; the
        words are numbered by ``pandas.factorize``, each distinct word looked up once)."""
        found = [WORD_PATTERN.findall(d.lower()) for d in docs]
        lengths = np.fromiter(map(len, found), dtype=np.int64, count=len(found))
        total = int(lengths.sum())
        flat = np.fromiter(chain.from_iterable(found), dtype=object, count=total)
        del found
        local, distinct = _factorize(flat)
        del flat
        with self._lock:
            number = np.fromiter(map(self._number_of, distinct), np.int64, len(distinct))
        numbers = number[local]
        if stop_words:
            stop = _stop_words()
            dropped = np.fromiter((w in stop for w in distinct), dtype=bool, count=len(distinct))
            kept = ~dropped[local]
            of_doc = np.repeat(np.arange(len(docs), dtype=np.int64), lengths)[kept]
            numbers = numbers[kept]
            lengths = np.bincount(of_doc, minlength=len(docs)).astype(np.int64)
        return WordIds(self, numbers.astype(np.int64), _bounds(lengths))

    def _number_of(self, word: str) -> int:
        """The word's number, a new one for a new word (call under the lock)."""
        n = self._number.get(word)
        if n is None:
            n = self._number[word] = len(self.words)
            self.words.append(word)
        return n

    def names(self, keys: IntArray) -> npt.NDArray[np.object_]:
        """The terms of :func:`term_keys` keys: a word, or two words and a space."""
        words = np.asarray(self.words, dtype=object)
        out = np.empty(len(keys), dtype=object)
        single = keys < PAIR
        out[single] = words[keys[single]]
        pair = keys[~single]
        out[~single] = words[pair // PAIR - 1] + " " + words[pair % PAIR]
        return out

    def spelling_order(self, keys: IntArray) -> IntArray:
        """The permutation that sorts the terms of ``keys`` as their spellings sort, found
        from the order of their words alone (only the distinct words are compared as
        strings). A word is word characters only, all above the space, so the term
        "a b" sorts as the pair (a, b): after the word "a", before "a" + any letter."""
        single = keys < PAIR
        first = np.where(single, keys, keys // PAIR - 1)
        second = np.where(single, -1, keys % PAIR)
        used = np.unique(np.concatenate([first, second[~single]]))
        spelt = [self.words[i] for i in used.tolist()]
        rank = np.empty(len(used), dtype=np.int64)
        rank[sorted(range(len(spelt)), key=spelt.__getitem__)] = np.arange(len(used))
        first_rank = rank[np.searchsorted(used, first)]
        second_rank = np.where(single, -1, rank[np.searchsorted(used, np.maximum(second, 0))])
        order: IntArray = np.lexsort((second_rank, first_rank))
        return order


#: A bigram's key is ``(first word's number + 1) * PAIR + second word's number``: above
#: every word's own key (its number), one key per pair while words number under PAIR.
PAIR = 1 << 31


def _bounds(lengths: IntArray) -> IntArray:
    """Where each document starts in a flat array of the documents' items, and the end."""
    out = np.zeros(len(lengths) + 1, dtype=np.int64)
    np.cumsum(lengths, out=out[1:])
    return out


@dataclass(frozen=True)
class WordIds:
    """Documents tokenised by a :class:`Vocabulary`: document ``i`` is the word numbers
    ``ids[bounds[i]:bounds[i + 1]]``, in the order the words appear."""

    vocabulary: Vocabulary
    ids: IntArray
    bounds: IntArray

    def lengths(self) -> IntArray:
        """Words in each document."""
        return np.diff(self.bounds)


def _place(tokens: WordIds, starts: IntArray, out: IntArray) -> None:
    """Copy each document's words into ``out`` from ``starts[i]`` on (vectorised)."""
    shift = np.repeat(starts - tokens.bounds[:-1], tokens.lengths())
    out[np.arange(len(tokens.ids)) + shift] = tokens.ids


def join_words(*parts: WordIds) -> WordIds:
    """Per document, the words of several texts one after the other: the tokens of the
    texts joined by spaces (a document's bigrams then span the texts, as the
    vectorizer's do over a joined text)."""
    vocabulary = parts[0].vocabulary
    if any(p.vocabulary is not vocabulary for p in parts):
        raise ValueError("texts tokenised by different vocabularies cannot be joined")
    bounds = _bounds(np.sum([p.lengths() for p in parts], axis=0, dtype=np.int64))
    out = np.empty(int(bounds[-1]), dtype=np.int64)
    starts = bounds[:-1].copy()
    for p in parts:
        _place(p, starts, out)
        starts += p.lengths()
    return WordIds(vocabulary, out, bounds)


def term_keys(tokens: WordIds, *, bigrams: bool = False) -> tuple[IntArray, IntArray]:
    """Each document's terms as int64 keys in the vectorizer's order, and the documents'
    bounds: its words, then with ``bigrams`` each pair of neighbouring words (its
    ``ngram_range=(1, 2)``). :meth:`Vocabulary.names` turns keys back into terms."""
    if not bigrams:
        return tokens.ids, tokens.bounds
    lengths = tokens.lengths()
    pairs = np.maximum(lengths - 1, 0)
    bounds = _bounds(lengths + pairs)
    out = np.empty(int(bounds[-1]), dtype=np.int64)
    _place(tokens, bounds[:-1], out)
    ends = tokens.bounds[1:][lengths > 0] - 1  # each document's last word starts no pair
    first = np.ones(len(tokens.ids), dtype=bool)
    first[ends] = False
    at = np.flatnonzero(first)
    keys = (tokens.ids[at] + 1) * PAIR + tokens.ids[at + 1]
    out[at + np.repeat(bounds[:-1] + lengths - tokens.bounds[:-1], pairs)] = keys
    return out, bounds


def _counts_of_keys(
    keys: npt.NDArray[np.int64] | npt.NDArray[np.object_], bounds: IntArray
) -> tuple[sp.csr_matrix, np.ndarray]:
    """Documents x terms counts of documents given as one flat array of term keys
    (document ``i`` is ``keys[bounds[i]:bounds[i + 1]]``), terms numbered by first
    appearance; each row's entries in that numbering. Also each number's key."""
    codes, distinct = _factorize(keys)
    if not len(distinct):
        raise ValueError("empty vocabulary; perhaps the documents only contain stop words")
    n, size = len(bounds) - 1, len(distinct)
    of_doc = np.repeat(np.arange(n, dtype=np.int64), np.diff(bounds))
    key, times = np.unique(of_doc * size + codes, return_counts=True)
    del of_doc
    rows, cols = np.divmod(key, size)
    indptr = _bounds(np.bincount(rows, minlength=n).astype(np.int64))
    x = sp.csr_matrix((times.astype(np.float64), cols, indptr), shape=(n, size))
    return x, distinct


def _counts(docs: Iterable[Terms]) -> tuple[sp.csr_matrix, list[str]]:
    """Documents x terms counts, terms numbered by first appearance, rows sorted."""
    lists = list(docs)
    lengths = np.fromiter(map(len, lists), dtype=np.int64, count=len(lists))
    flat = np.fromiter(chain.from_iterable(lists), dtype=object, count=int(lengths.sum()))
    del lists
    x, distinct = _counts_of_keys(flat, _bounds(lengths))
    return x, list(distinct)


def _counts_by_word(docs: Sequence[str], grams: CharGrams) -> tuple[sp.csr_matrix, list[str]]:
    """:func:`_counts` of ``grams(doc)`` for each doc, computed word by word.

    A term first appears inside the first occurrence of the first word that holds it,
    so numbering the grams of the distinct words (in order of first appearance) numbers
    them as the whole stream would; counts are document x word times word x gram.
    """
    by_doc, vocab = _counts(d.lower().split() for d in docs)
    cut = [grams.word(w) for w in vocab]
    lengths = np.fromiter(map(len, cut), dtype=np.int64, count=len(cut))
    total = int(lengths.sum())
    codes, terms = _factorize(np.fromiter(chain.from_iterable(cut), object, total))
    if not len(terms):
        raise ValueError("empty vocabulary; perhaps the documents only contain stop words")
    of_word = sp.csr_matrix(
        (np.ones(total), (np.repeat(np.arange(len(cut)), lengths), codes)),
        shape=(len(cut), len(terms)),
    )
    x = sp.csr_matrix(by_doc @ of_word)
    x.sort_indices()
    return x, list(terms)


#: Given the numbers of the kept terms, the permutation that sorts them by spelling.
TermOrder = Callable[[IntArray], IntArray]


def _as_vectorizer_lays_out(x: sp.csr_matrix, order_of: TermOrder, min_df: int) -> sp.csr_matrix:
    """CountVectorizer's matrix from counts with terms numbered by first appearance: terms
    in fewer than ``min_df`` documents dropped (its ``_limit_features`` with max_df=1.0),
    then columns numbered in sorted term order (its ``_sort_features``). Within a row the
    entries keep their order, which fixes the order of floating-point sums downstream.
    ``order_of`` sorts the kept terms (only those are spelt out or compared)."""
    n, size = x.shape
    x = sp.csr_matrix(
        (x.data, x.indices.astype(np.int32), x.indptr.astype(np.int32)), shape=(n, size)
    )
    df = np.bincount(x.indices, minlength=size)
    kept = np.flatnonzero((df <= n) & (df >= min_df))
    if not kept.size:
        raise ValueError("After pruning, no terms remain. Try a lower min_df or a higher max_df.")
    x = x[:, kept]
    order = order_of(kept)
    position = np.empty(len(kept), dtype=x.indices.dtype)
    position[order] = np.arange(len(kept), dtype=x.indices.dtype)
    x.indices = position.take(x.indices, mode="clip")
    return x


def _by_spelling(terms: Sequence[str]) -> TermOrder:
    """:data:`TermOrder` of a list of terms: Python's sort of the kept ones (the order
    numpy's sort of them as objects gives, several times faster)."""

    def order(kept: IntArray) -> IntArray:
        spelt = list(map(terms.__getitem__, kept.tolist()))
        return np.array(sorted(range(len(spelt)), key=spelt.__getitem__), dtype=np.int64)

    return order


def count_matrix(docs: Iterable[Terms], min_df: int = 1) -> sp.csr_matrix:
    """Documents x terms counts, laid out as ``CountVectorizer.fit_transform`` lays them out
    for the same terms (see :func:`_as_vectorizer_lays_out`)."""
    x, terms = _counts(docs)
    return _as_vectorizer_lays_out(x, _by_spelling(terms), min_df)


def word_count_matrix(tokens: WordIds, *, bigrams: bool = False, min_df: int = 1) -> sp.csr_matrix:
    """:func:`count_matrix` of tokenised documents' words (with ``bigrams``, their words
    then their bigrams): the same matrix, counted over numbers instead of strings."""
    x, keys = _counts_of_keys(*term_keys(tokens, bigrams=bigrams))
    return _as_vectorizer_lays_out(
        x, lambda kept: tokens.vocabulary.spelling_order(keys[kept]), min_df
    )


def char_count_matrix(docs: Sequence[str], grams: CharGrams, min_df: int = 1) -> sp.csr_matrix:
    """:func:`count_matrix` of the character n-grams of ``docs`` (``analyzer="char_wb"``)."""
    x, terms = _counts_by_word(docs, grams)
    return _as_vectorizer_lays_out(x, _by_spelling(terms), min_df)


def tfidf_cosine(
    docs: Iterable[Terms] | sp.csr_matrix, *, sublinear_tf: bool = False, min_df: int = 1
) -> FloatArray:
    """Role x role cosine of the TF-IDF vectors (smooth idf, l2 rows) of tokenised ``docs``
    (or of counts :func:`count_matrix` or :func:`char_count_matrix` made)."""
    from sklearn.feature_extraction.text import TfidfTransformer

    x = docs if isinstance(docs, sp.csr_matrix) else count_matrix(docs, min_df)
    tfidf = TfidfTransformer(sublinear_tf=sublinear_tf).fit(x)
    return symmetric_gram(tfidf.transform(x, copy=False))


def symmetric_gram(m: sp.csr_matrix) -> FloatArray:
    """``(m @ m.T).toarray()``, with the lower half of the blocks copied from the upper.

    Cell (i, k) of the sparse product sums the products of the terms rows i and k
    share, in the order row i stores them; the count matrices here store every row's
    terms in one shared order (first appearance), so cell (k, i) is the same sum, bit
    for bit. Two row blocks skip a quarter of the work (half of the character n-gram
    product, the import's costliest: its smaller pieces also stay in the cache)."""
    n = m.shape[0]
    half = (n + 1) // 2
    if n < 2:
        gram: FloatArray = (m @ m.T).toarray()
        return gram
    out: FloatArray = np.empty((n, n))
    top = (m[:half] @ m.T).toarray()
    out[:half] = top
    out[half:, :half] = top[:, half:].T
    out[half:, half:] = (m[half:] @ m[half:].T).toarray()
    return out


def joined(*parts: Iterable[Terms]) -> Iterator[Terms]:
    """Per document, the token lists of several texts one after the other (the tokens of
    the texts joined by spaces)."""
    return (list(chain.from_iterable(p)) for p in zip(*parts, strict=True))
