"""Feedback classification: TF-IDF (words and character n-grams) + logistic regression.

The model is deliberately transparent. For a text ``x`` and class ``c`` the
decision is a sum of per-feature contributions ``x_f * (W[c, f] - mean_k W[k, f])``
(coefficients centred over classes, which leaves the softmax unchanged), so the
words that pushed a decision can be listed. Character n-grams are credited to
the words they occur in; bigrams to both their words.

Generic feedback must never be forced into a substantive category: an empty
text is generic outright, and a substantive prediction whose probability is
below ``threshold`` falls back to ``generic``.

Feedback asking for experience with a named tool or skill ("more experience with
Relativity") is a skill gap whatever the words around it suggest: the model reads
"more experience" as lack of experience or competition, but what a person can act on
is the tool (:mod:`careerpivot.rejections.named_tools`).
"""

from __future__ import annotations

import copy
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import FeatureUnion
from threadpoolctl import threadpool_limits

from careerpivot.model import FloatArray
from careerpivot.rejections.categories import CATEGORIES, GENERIC, Category, is_category
from careerpivot.rejections.corpus import load_corpus
from careerpivot.rejections.named_tools import named_tool

DEFAULT_C = 100.0  # chosen by inner CV on the whole corpus (bench/classifier.py, section 3)
DEFAULT_THRESHOLD = 0.25  # likewise; below it a substantive guess becomes "generic"

Reason = Literal["model", "below_threshold", "empty", "no_known_words", "named_tool"]
#: Categories a named tool overrides: what "more experience (than the others) with X" reads as.
NAMED_TOOL_OVERRIDES: frozenset[Category] = frozenset({"experience", "competition_timing", GENERIC})
#: Words of two or more letters, keeping inner apostrophes ("wasn't", not "wasn").
_TOKEN_PATTERN = r"(?u)\b\w[\w']*\w\b"
_TOKEN = re.compile(_TOKEN_PATTERN)


def normalise(text: str) -> str:
    """Lower case, with typographic apostrophes (as pasted from e-mail) made plain."""
    return text.lower().replace("\u2019", "'").replace("\u2018", "'")


#: Function words left out of the displayed top terms (they still count in the model).
FUNCTION_WORDS = frozenset(
    {
        "a",
        "an",
        "the",
        "and",
        "or",
        "but",
        "of",
        "to",
        "in",
        "on",
        "at",
        "for",
        "with",
        "from",
        "by",
        "as",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "being",
        "it",
        "its",
        "this",
        "that",
        "these",
        "those",
        "i",
        "me",
        "my",
        "we",
        "us",
        "our",
        "you",
        "your",
        "he",
        "she",
        "they",
        "them",
        "their",
        "has",
        "have",
        "had",
        "do",
        "does",
        "did",
        "will",
        "would",
        "can",
        "could",
        "should",
        "may",
        "might",
        "not",
        "no",
        "so",
        "than",
        "then",
        "there",
        "here",
        "very",
        "just",
        "also",
    }
)


@dataclass(frozen=True)
class Contribution:
    """One word's push towards a category (log-odds units, positive = towards)."""

    term: str
    weight: float


@dataclass(frozen=True)
class Classification:
    """The category of one feedback text, with the model's view and the words behind it."""

    category: Category  # what to act on (after the generic fallback)
    predicted: Category  # the model's most probable category
    confidence: float  # probability of ``predicted``
    probabilities: dict[Category, float]
    top_terms: tuple[Contribution, ...]  # words that pushed towards ``predicted``
    reason: Reason
    named: str | None = None  # the tool or skill asked for, when ``reason`` is "named_tool"

    @property
    def fell_back(self) -> bool:
        """True when a substantive prediction was too unsure and became ``generic``."""
        return self.reason == "below_threshold"

    def describe(self) -> str:
        """One line for display: category, confidence and the words behind it."""
        if self.reason == "empty":
            return "generic: no feedback text"
        if self.reason == "no_known_words":
            return "generic: no words the model knows"
        words = ", ".join(t.term for t in self.top_terms) or "-"
        if self.reason == "named_tool":
            return f"{self.category}: asks for experience with {self.named}, a named tool or skill"
        if self.fell_back:
            return (
                f"generic: looked like {self.predicted} but only {self.confidence:.0%} sure "
                f"(words: {words})"
            )
        return f"{self.category} ({self.confidence:.0%}; words: {words})"


class FeedbackClassifier:
    """Maps feedback text to a :data:`CATEGORIES` id (scikit-learn style).

    >>> clf = FeedbackClassifier().fit(
    ...     ["your SQL was weak", "weak Python skills", "we went with another candidate",
    ...      "another candidate was chosen", "thanks for applying", "thank you, not this time"],
    ...     ["skill_gap", "skill_gap", "competition_timing", "competition_timing",
    ...      "generic", "generic"])
    >>> clf.classify("").category
    'generic'
    """

    def __init__(
        self,
        C: float = DEFAULT_C,
        threshold: float = DEFAULT_THRESHOLD,
        *,
        word_ngrams: tuple[int, int] = (1, 2),
        char_ngrams: tuple[int, int] | None = (2, 5),
        n_terms: int = 5,
    ) -> None:
        self.C = C
        self.threshold = threshold
        self.word_ngrams = word_ngrams
        self.char_ngrams = char_ngrams
        self.n_terms = n_terms

    # ----- fitting ------------------------------------------------------------------------
    def fit(self, texts: Sequence[str], labels: Sequence[str]) -> FeedbackClassifier:
        """Learn from labelled texts; returns self."""
        if len(texts) != len(labels):
            raise ValueError(f"{len(texts)} texts but {len(labels)} labels")
        bad = sorted({lab for lab in labels if not is_category(lab)})
        if bad:
            raise ValueError(f"unknown categories {bad}; use {', '.join(CATEGORIES)}")
        if len(set(labels)) < 2:
            raise ValueError("need at least two categories to learn from")
        parts: list[tuple[str, TfidfVectorizer]] = [
            (
                "word",
                TfidfVectorizer(
                    ngram_range=self.word_ngrams,
                    sublinear_tf=True,
                    preprocessor=normalise,
                    token_pattern=_TOKEN_PATTERN,
                ),
            )
        ]
        if self.char_ngrams is not None:
            parts.append(
                (
                    "char",
                    TfidfVectorizer(
                        analyzer="char_wb",
                        preprocessor=normalise,
                        ngram_range=self.char_ngrams,
                        sublinear_tf=True,
                        min_df=2,
                    ),
                )
            )
        self.features_ = FeatureUnion(parts)
        x = self.features_.fit_transform(list(texts))
        # One BLAS thread: for a model this small, threads only contend (6x slower on 2 cores).
        with threadpool_limits(limits=1, user_api="blas"):
            self.model_ = LogisticRegression(C=self.C, max_iter=5000).fit(x, list(labels))
        self.classes_: list[Category] = [str(c) for c in self.model_.classes_]  # type: ignore[misc]
        coef = np.asarray(self.model_.coef_, dtype=float)
        if coef.shape[0] == 1:  # binary: sklearn keeps one row for the second class
            coef = np.vstack([-coef[0] / 2, coef[0] / 2])
        self.centred_coef_: FloatArray = coef - coef.mean(axis=0, keepdims=True)
        self.feature_names_: list[str] = [str(n) for n in self.features_.get_feature_names_out()]
        return self

    def with_threshold(self, threshold: float) -> FeedbackClassifier:
        """A copy with another generic-fallback threshold, sharing the fitted model."""
        other = copy.copy(self)
        other.threshold = threshold
        return other

    def _check_fitted(self) -> None:
        if not hasattr(self, "model_"):
            raise RuntimeError("FeedbackClassifier is not fitted: call fit(texts, labels) first")

    # ----- predicting ---------------------------------------------------------------------
    def predict_proba(self, texts: Sequence[str]) -> FloatArray:
        """Class probabilities, columns in ``classes_`` order."""
        self._check_fitted()
        out: FloatArray = self.model_.predict_proba(self.features_.transform(list(texts)))
        return out

    def predict(self, texts: Sequence[str]) -> list[Category]:
        """Categories after the empty-text and low-confidence fallbacks to ``generic``."""
        self._check_fitted()
        texts = list(texts)
        if not texts:
            return []
        x = self.features_.transform(texts).tocsr()
        proba = self.model_.predict_proba(x)
        known = np.diff(x.indptr) > 0
        out: list[Category] = []
        for i, t in enumerate(texts):
            if not (known[i] and t.strip()):
                out.append(GENERIC)
                continue
            category, _ = decide(proba[i], self.classes_, self.threshold)
            out.append(with_named_tool(t, category)[0])
        return out

    def classify(self, text: str) -> Classification:
        """Category, probabilities and the words behind the decision for one text."""
        self._check_fitted()
        if not text.strip():
            return Classification(GENERIC, GENERIC, 1.0, {GENERIC: 1.0}, (), "empty")
        x = self.features_.transform([text])
        if x.nnz == 0:
            return Classification(GENERIC, GENERIC, 1.0, {GENERIC: 1.0}, (), "no_known_words")
        proba = self.model_.predict_proba(x)[0]
        category, reason = decide(proba, self.classes_, self.threshold)
        category, named = with_named_tool(text, category)
        if named is not None:
            reason = "named_tool"
        best = int(np.argmax(proba))
        predicted = self.classes_[best]
        confidence = float(proba[best])
        return Classification(
            category=category,
            predicted=predicted,
            confidence=confidence,
            probabilities={c: float(p) for c, p in zip(self.classes_, proba, strict=True)},
            top_terms=tuple(
                t for t in self._explain(text, x.tocoo(), predicted) if t.term not in FUNCTION_WORDS
            )[: self.n_terms],
            reason=reason,
            named=named,
        )

    def explain(
        self, text: str, category: str | None = None, *, only_positive: bool = True
    ) -> list[Contribution]:
        """Words of ``text`` that push towards ``category`` (default: the predicted one).

        Sorted by weight, largest first. With ``only_positive=False`` every word is
        listed, and the weights plus the centred intercept add up to the centred
        decision value of ``category``.
        """
        self._check_fitted()
        return self._explain(
            text, self.features_.transform([text]).tocoo(), category, only_positive
        )

    def _explain(
        self, text: str, x: Any, category: str | None = None, only_positive: bool = True
    ) -> list[Contribution]:
        """:meth:`explain` on ``text``'s features ``x`` (one row, COO), already computed."""
        if category is None:
            category = self.classes_[int(np.argmax(self.model_.predict_proba(x.tocsr())[0]))]
        if category not in self.classes_:
            raise ValueError(f"category {category!r} is not one the model learned")
        row = self.centred_coef_[self.classes_.index(category)]
        # Character n-grams (char_wb) live inside one whitespace token: credit the words in it.
        # A token with no word of two letters ("a", "-") is credited as itself.
        pieces = [(f" {t} ", _TOKEN.findall(t) or [t]) for t in normalise(text).split()]
        grams = {
            gram
            for kind, _, gram in (self.feature_names_[int(j)].partition("__") for j in x.col)
            if kind == "char"
        }
        char_owners = _gram_owners(pieces, grams)
        credit: dict[str, float] = defaultdict(float)
        for j, value in zip(x.col, x.data, strict=True):
            name = self.feature_names_[int(j)]
            contribution = float(value) * float(row[int(j)])
            kind, _, gram = name.partition("__")
            owners = char_owners.get(gram, []) if kind == "char" else gram.split()
            for w in owners:
                credit[w] += contribution / len(owners)
        ranked = sorted(credit.items(), key=lambda kv: (-kv[1], kv[0]))
        return [Contribution(w, v) for w, v in ranked if v > 0 or not only_positive]


def _gram_owners(pieces: Sequence[tuple[str, list[str]]], grams: set[str]) -> dict[str, list[str]]:
    """For each character n-gram in ``grams``, the words of every piece (a padded
    whitespace token and its words) holding it, piece by piece: what scanning every piece
    for every n-gram gives, in one pass over the pieces (that scan took seconds on a text
    of a few thousand distinct words, minutes on a long one)."""
    lengths = sorted({len(g) for g in grams})
    owners: dict[str, list[str]] = defaultdict(list)
    for padded, words in pieces:
        held = {padded[i : i + n] for n in lengths for i in range(len(padded) - n + 1)} & grams
        for gram in held:
            owners[gram].extend(words)
    return owners


def decide(
    proba: FloatArray, classes: Sequence[Category], threshold: float
) -> tuple[Category, Reason]:
    """The category to act on from one row of probabilities: the most probable one,
    unless it is substantive and below ``threshold``, then ``generic``.

    >>> import numpy as np
    >>> decide(np.array([0.3, 0.7]), ["generic", "interview"], 0.5)
    ('interview', 'model')
    >>> decide(np.array([0.3, 0.4, 0.3]), ["generic", "interview", "skill_gap"], 0.5)
    ('generic', 'below_threshold')
    """
    best = int(np.argmax(proba))
    if classes[best] != GENERIC and float(proba[best]) < threshold:
        return GENERIC, "below_threshold"
    return classes[best], "model"


def with_named_tool(text: str, category: Category) -> tuple[Category, str | None]:
    """``skill_gap`` and the tool when the text asks for experience with a named tool or
    skill and the model read it as experience, competition or nothing; else unchanged.

    >>> with_named_tool("We went with someone with more experience with Relativity.",
    ...                 "competition_timing")
    ('skill_gap', 'Relativity')
    >>> with_named_tool("We went with someone with more experience.", "competition_timing")
    ('competition_timing', None)
    """
    if category not in NAMED_TOOL_OVERRIDES:
        return category, None
    named = named_tool(text)
    return ("skill_gap", named) if named is not None else (category, None)


def train_default(path: Path | None = None, **params: float) -> FeedbackClassifier:
    """A classifier fitted on the shipped corpus (or the corpus at ``path``)."""
    examples = load_corpus(path)
    clf = FeedbackClassifier(**params)  # type: ignore[arg-type]
    return clf.fit([e.text for e in examples], [e.label for e in examples])


@lru_cache(maxsize=1)
def default_classifier() -> FeedbackClassifier:
    """The shipped classifier, fitted once per process (fitting takes about a second)."""
    return train_default()
