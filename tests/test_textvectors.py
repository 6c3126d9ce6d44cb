"""careerpivot.textvectors gives scikit-learn's TfidfVectorizer cosines bit for bit.

The relatedness ranker and the estimator were fit on the vectorizer's numbers; the
faster path must not move a single rank. Every signal recipe is checked against the
vectorizer with the settings it replaced, on the starter set, on random texts (odd
whitespace, short words, stop words, repeats, accents) and on the O*NET release.
"""

from __future__ import annotations

import itertools
import random
import subprocess
import sys
from typing import Any

import numpy as np
import pytest
from sklearn.feature_extraction.text import TfidfVectorizer

from careerpivot import textvectors as tv
from careerpivot.datasets.onet import read_release
from careerpivot.model import Dataset
from careerpivot.relatedness import TEXT_SIGNALS, iter_signals

WORDS: dict[str, Any] = {"stop_words": "english", "sublinear_tf": True}
WORDS12: dict[str, Any] = {**WORDS, "ngram_range": (1, 2), "min_df": 2}
IDS: dict[str, Any] = {"token_pattern": r"\S+", "lowercase": False, "sublinear_tf": True}
CHARS: dict[str, Any] = {
    "analyzer": "char_wb", "ngram_range": (3, 5), "sublinear_tf": True, "min_df": 2
}  # fmt: skip


def vectorizer_cosine(docs: list[str], **settings: Any) -> np.ndarray | None:
    """The reference: what relatedness computed before (one vectorizer per signal)."""
    if sum(1 for d in docs if d.strip()) < 3:
        return None
    m = TfidfVectorizer(**settings).fit_transform(docs)
    out: np.ndarray = (m @ m.T).toarray()
    return out


def reference_signals(dataset: Dataset) -> dict[str, np.ndarray | None]:
    occs = dataset.occupations
    codes = [o.code for o in occs]
    ex = dataset.extras
    dwas, tasks = ex.get("dwas", {}), ex.get("tasks", {})
    dwa_titles, iwa_of = ex.get("dwa_titles", {}), ex.get("iwa_of_dwa", {})
    titles = [" ".join([o.title, *o.alternate_titles]) for o in occs]
    task_docs = [" ".join(tasks.get(c, [])) for c in codes]
    dwa_docs = [" ".join(dwa_titles.get(d, "") for d in dwas.get(c, [])) for c in codes]
    everything = [
        " ".join([titles[i], o.description, task_docs[i], dwa_docs[i]]) for i, o in enumerate(occs)
    ]
    return {
        "dwa": vectorizer_cosine([" ".join(dwas.get(c, [])) for c in codes], **IDS),
        "iwa": vectorizer_cosine(
            [" ".join(iwa_of.get(d, d) for d in dwas.get(c, [])) for c in codes], **IDS
        ),
        "dwa_text": vectorizer_cosine(dwa_docs, **WORDS12),
        "tasks": vectorizer_cosine(task_docs, **WORDS12),
        "tasks_uni": vectorizer_cosine(task_docs, **WORDS),
        "titles": vectorizer_cosine(titles, **WORDS, ngram_range=(1, 2)),
        "title_main": vectorizer_cosine([o.title for o in occs], stop_words="english"),
        "title_char": vectorizer_cosine(titles, **CHARS),
        "desc": vectorizer_cosine([o.description for o in occs], **WORDS),
        "all_text": vectorizer_cosine(everything, **WORDS12),
    }


def assert_same_signals(dataset: Dataset) -> int:
    want = reference_signals(dataset)
    got = dict(iter_signals(dataset, only=TEXT_SIGNALS))
    assert set(got) == {k for k, v in want.items() if v is not None}
    for name, m in got.items():
        assert np.array_equal(m, want[name]), name  # bit for bit
    return len(got)


def test_the_starter_set_signals_are_the_vectorizers(starter):
    assert assert_same_signals(starter) >= 3


def random_text(rng: random.Random) -> str:
    vocab = ["data", "the", "of", "analyse", "Data", "réseau", "x", "ab", "C++", "a-b", "it's",
             "and", "systems", "déjà", "I", "to", "9", "42", "e-mail", "ÉCOLE", "ﬁle"]  # fmt: skip
    seps = [" ", "  ", "\t", "\n", ", ", ". ", " - "]
    n = rng.randint(0, 30)
    return "".join(rng.choice(vocab) + rng.choice(seps) for _ in range(n))


@pytest.mark.parametrize("seed", range(8))
def test_random_texts_give_the_vectorizers_numbers(seed):
    rng = random.Random(seed)
    docs = [random_text(rng) for _ in range(rng.randint(3, 40))]
    words = [tv.words(d) for d in docs]
    vocabulary = tv.Vocabulary()
    vocabulary.tokenise([random_text(rng) for _ in docs])  # words numbered before: no matter
    numbered = vocabulary.tokenise(docs)
    chars = tv.CharGrams()
    cases = [
        (WORDS, lambda: tv.tfidf_cosine(words, sublinear_tf=True)),
        (WORDS, lambda: tv.tfidf_cosine(tv.word_count_matrix(numbered), sublinear_tf=True)),
        (WORDS12, lambda: tv.tfidf_cosine(tv.word_count_matrix(numbered, bigrams=True, min_df=2), sublinear_tf=True)),
        (WORDS12, lambda: tv.tfidf_cosine([tv.with_bigrams(w) for w in words], sublinear_tf=True, min_df=2)),
        ({"stop_words": "english"}, lambda: tv.tfidf_cosine(words)),
        (IDS, lambda: tv.tfidf_cosine([tv.ids(d) for d in docs], sublinear_tf=True)),
        (CHARS, lambda: tv.tfidf_cosine([chars(d) for d in docs], sublinear_tf=True, min_df=2)),
        (CHARS, lambda: tv.tfidf_cosine(tv.char_count_matrix(docs, chars, 2), sublinear_tf=True)),
    ]  # fmt: skip
    for settings, ours in cases:
        try:
            want = TfidfVectorizer(**settings).fit_transform(docs)
        except ValueError as exc:  # nothing left to count: both say so
            with pytest.raises(ValueError, match=str(exc).split(";")[0][:20]):
                ours()
            continue
        assert np.array_equal(ours(), (want @ want.T).toarray()), settings


def test_joined_tokens_are_the_tokens_of_the_joined_text():
    parts = [["Data Scientists", "Web devs"], ["Analyse the data", ""], ["ab-cd x", "of it"]]
    joined = tv.joined(*([tv.words(t) for t in p] for p in parts))
    assert list(joined) == [tv.words(" ".join(t)) for t in zip(*parts, strict=True)]


def as_terms(tokens: tv.WordIds, bigrams: bool = False) -> list[list[str]]:
    """Each document's terms spelt out from :func:`tv.term_keys`."""
    keys, bounds = tv.term_keys(tokens, bigrams=bigrams)
    names = tokens.vocabulary.names(keys)
    return [list(names[a:b]) for a, b in itertools.pairwise(bounds)]


def test_numbered_words_spell_the_words_and_bigrams_of_each_text():
    docs = ["Data Scientists and the data", "", "x", "Analyse the data of it", "web web devs"]
    vocabulary = tv.Vocabulary()
    tokens = vocabulary.tokenise(docs)
    assert as_terms(tokens) == [tv.words(d) for d in docs]
    assert as_terms(tokens, bigrams=True) == [tv.with_bigrams(tv.words(d)) for d in docs]
    other = vocabulary.tokenise(["ab-cd data", "of it", "", "data", "devs x web"])
    both = tv.join_words(tokens, other, tokens)
    want = tv.joined(*(as_terms(t) for t in (tokens, other, tokens)))
    assert as_terms(both, bigrams=True) == [tv.with_bigrams(w) for w in want]
    with pytest.raises(ValueError, match="different vocabularies"):
        tv.join_words(tokens, tv.Vocabulary().tokenise(docs))


@pytest.mark.realdata
def test_onet_signals_are_the_vectorizers(onet_dir):
    ds, _ = read_release(onet_dir)
    assert assert_same_signals(ds) == len(TEXT_SIGNALS)


def test_terms_sort_by_their_words_as_by_their_spelling():
    docs = ["ab abc ab_c a9 ab c", "abc ab zz 42 4 déjà dé ab", "Ab ab ÉCOLE école x_y ab"]
    tokens = tv.Vocabulary().tokenise(docs, stop_words=False)
    keys, _ = tv.term_keys(tokens, bigrams=True)
    keys = np.unique(keys)
    names = tokens.vocabulary.names(keys)
    order = tokens.vocabulary.spelling_order(keys)
    assert list(names[order]) == sorted(names)


def test_the_engine_starts_without_pandas_or_scikit_learn():
    """The command line imports the engine (hence this module): the heavy libraries the
    text signals count with are imported when an import or a fit first needs them."""
    code = "import sys, careerpivot.engine; print([m for m in ('pandas', 'sklearn') if m in sys.modules])"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
