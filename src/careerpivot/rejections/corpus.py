"""The labelled feedback corpus (``data/feedback/``): loading and validation.

Each row is one feedback phrase written by the team, its category, and its
*family*: phrases that are rewordings of one idea share a family, so an honest
evaluation can hold whole families out (see ``bench/classifier.py``).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from careerpivot.datasets.tables import Column, choice, read_rows
from careerpivot.errors import DataValidationError
from careerpivot.rejections.categories import CATEGORIES, Category
from careerpivot.resources import data_dir

CORPUS_FILE = "corpus.csv"
HOLDOUT_FILE = "holdout.csv"

CORPUS_COLUMNS = [
    Column("id"),
    Column("label", choice(*CATEGORIES)),
    Column("family"),
    Column("text"),
]


@dataclass(frozen=True)
class FeedbackExample:
    """One labelled phrase of the corpus."""

    id: str
    text: str
    label: Category
    family: str


def feedback_dir() -> Path:
    """Where the corpus lives: ``$CAREERPIVOT_FEEDBACK_DIR`` or the shipped ``data/feedback``."""
    env = os.environ.get("CAREERPIVOT_FEEDBACK_DIR")
    if env:
        return Path(env)
    return data_dir("feedback")


def load_corpus(path: Path | None = None) -> list[FeedbackExample]:
    """Read and validate the training corpus; errors name the file, line and column."""
    return read_examples(path or feedback_dir() / CORPUS_FILE)


def load_holdout(path: Path | None = None) -> list[FeedbackExample]:
    """Read the held-out phrases (written before the model was tuned; never trained on)."""
    return read_examples(path or feedback_dir() / HOLDOUT_FILE)


def read_examples(path: Path, *, text: str | None = None) -> list[FeedbackExample]:
    """Read a labelled CSV (``id,label,family,text``); ids and texts must be unique.

    >>> rows = read_examples(Path("x.csv"), text="id,label,family,text\\n"
    ...     "1,interview,iv-star,Your answers lacked structure.\\n")
    >>> rows[0].label
    'interview'
    """
    examples: list[FeedbackExample] = []
    ids: dict[str, int] = {}
    texts: dict[str, int] = {}
    for line, row in read_rows(path, CORPUS_COLUMNS, text=text):
        if row["id"] in ids:
            raise DataValidationError(
                f"duplicate id (first on line {ids[row['id']]})",
                file=path.name,
                row=line,
                field="id",
            )
        key = " ".join(row["text"].lower().split())
        if key in texts:
            raise DataValidationError(
                f"duplicate text (first on line {texts[key]})",
                file=path.name,
                row=line,
                field="text",
            )
        ids[row["id"]] = line
        texts[key] = line
        examples.append(FeedbackExample(row["id"], row["text"], row["label"], row["family"]))
    if not examples:
        raise DataValidationError("no labelled phrases", file=path.name)
    return examples
