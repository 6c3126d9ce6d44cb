import json
from collections import Counter, defaultdict
from pathlib import Path

import pytest

from careerpivot.errors import DataValidationError
from careerpivot.rejections.categories import CATEGORIES
from careerpivot.rejections.corpus import feedback_dir, load_corpus, load_holdout, read_examples


def test_corpus_is_large_balanced_and_labelled():
    corpus = load_corpus()
    assert len(corpus) >= 300
    counts = Counter(e.label for e in corpus)
    assert set(counts) == set(CATEGORIES)
    assert min(counts.values()) >= 40


def test_a_wording_family_never_spans_two_categories():
    labels = defaultdict(set)
    for e in load_corpus():
        labels[e.family].add(e.label)
    assert all(len(v) == 1 for v in labels.values())
    assert len(labels) >= 100  # many distinct ideas, not a few templates


def test_holdout_is_separate_from_the_corpus():
    corpus = {" ".join(e.text.lower().split()) for e in load_corpus()}
    holdout = load_holdout()
    assert Counter(e.label for e in holdout) == dict.fromkeys(CATEGORIES, 10)
    assert not corpus & {" ".join(e.text.lower().split()) for e in holdout}


def test_every_data_file_has_a_provenance_record():
    folder = feedback_dir()
    record = json.loads((folder / "provenance.json").read_text())["file_records"]
    files = {p.name for p in folder.iterdir() if p.is_file()}
    assert files == set(record)
    for entry in record.values():
        assert entry["what"] and entry["source"] == "CareerPivot team"
        assert entry["licence"] == "CC BY 4.0"


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ("id,label,family,text\n1,luck,x,Hello\n", "line 2, column 'label'"),
        ("id,label,family,text\n1,generic,x,\n", "line 2, column 'text'"),
        ("id,label,family,text\n1,generic,x,Hi\n1,generic,x,Ho\n", "line 3, column 'id'"),
        (
            "id,label,family,text\n1,generic,x,Hi there\n2,generic,x,hi  THERE\n",
            "line 3, column 'text'",
        ),
        ("id,label,text\n1,generic,Hi\n", "line 1"),
        ("id,label,family,text\n", "no labelled phrases"),
    ],
)
def test_bad_corpus_rows_are_named(text, where):
    with pytest.raises(DataValidationError, match=r"corpus\.csv") as info:
        read_examples(Path("corpus.csv"), text=text)
    assert where in str(info.value)
