"""Load the assessment data in ``data/assessment/``: item banks, keys, questions, lexicon, phrases.

The files are the team's (see ``provenance.json`` there). Loading validates them:
every error names the file, line and column, and a scoring key that misses an
item or keys one twice is refused.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from careerpivot.assessment.freetext import Lexicon
from careerpivot.assessment.instrument import FORMS, Form, Instrument, Item, KeyEntry, key_problems
from careerpivot.assessment.interests import INTEREST_RESPONSES
from careerpivot.assessment.skills import Anchor, WrittenQuestion
from careerpivot.assessment.values import VALUE_RESPONSES
from careerpivot.datasets.tables import Column, choice, number, read_rows
from careerpivot.errors import DataValidationError
from careerpivot.model import LEVEL_RANGE, RIASEC, WORK_VALUES
from careerpivot.resources import data_dir
from careerpivot.textnorm import phrase_tokens

INTEREST_ITEMS, INTEREST_KEY = "interest_items.csv", "interest_key.csv"
VALUES_ITEMS, VALUES_KEY = "values_items.csv", "values_key.csv"
SKILL_QUESTIONS = "skill_questions.csv"
CUES, AMBIGUOUS = "freetext_cues.csv", "ambiguous_terms.csv"
PHRASES = "matching_phrases.csv"
#: dev: tuned on; holdout1: unseen until measured once, tuned on after; holdout2: never tuned on.
#: dev2 and holdout3: CV lines written together (split by hash) before the issue-12 changes;
#: dev2 tuned on, holdout3 never.
SPLITS = ("dev", "holdout1", "holdout2", "dev2", "holdout3")
Split = Literal["dev", "holdout1", "holdout2", "dev2", "holdout3"]


def assessment_dir() -> Path:
    """``$CAREERPIVOT_ASSESSMENT_DIR`` or the shipped ``data/assessment``."""
    env = os.environ.get("CAREERPIVOT_ASSESSMENT_DIR")
    if env:
        return Path(env)
    return data_dir("assessment")


def _ids(text: str) -> tuple[str, ...]:
    return tuple(x.strip() for x in text.split(";") if x.strip())


def _direction(text: str) -> int:
    return int(choice("+1", "-1")(text))


# ----- rating instruments -------------------------------------------------------------------
def load_instrument(
    root: Path,
    name: str,
    items_file: str,
    key_file: str,
    scales: tuple[str, ...],
    responses: tuple[str, ...],
    forms: tuple[Form, ...] = FORMS,
) -> Instrument:
    """Read an item file (``id, text[, short_form]``) and its key (``item_id, scale, direction``).

    The key must name every item exactly once; errors name the file and line.
    """
    item_cols = [Column("id"), Column("text")]
    if "short" in forms:
        item_cols.append(Column("short_form", choice("yes", "no")))
    items: list[Item] = []
    seen: set[str] = set()
    for line, row in read_rows(root / items_file, item_cols):
        if row["id"] in seen:
            raise DataValidationError(
                f"duplicate item id {row['id']!r}", file=items_file, row=line, field="id"
            )
        seen.add(row["id"])
        items.append(Item(row["id"], row["text"], row.get("short_form", "yes") == "yes"))
    key: list[KeyEntry] = []
    keyed: set[str] = set()
    key_cols = [
        Column("item_id"),
        Column("scale", choice(*scales)),
        Column("direction", _direction),
    ]
    for line, row in read_rows(root / key_file, key_cols):
        item_id = row["item_id"]
        problem = (
            "is not in " + items_file
            if item_id not in seen
            else "is keyed twice"
            if item_id in keyed
            else ""
        )
        if problem:
            raise DataValidationError(
                f"item {item_id!r} {problem}", file=key_file, row=line, field="item_id"
            )
        keyed.add(item_id)
        key.append(KeyEntry(item_id, row["scale"], row["direction"]))
    problems = key_problems(tuple(items), tuple(key), scales, forms)
    if problems:
        raise DataValidationError("; ".join(problems), file=key_file)
    return Instrument(name, scales, tuple(items), tuple(key), responses, forms)


def load_interest_instrument(root: Path | None = None) -> Instrument:
    """The 60-item interest profiler (30-item short form) and its RIASEC key."""
    return load_instrument(
        root or assessment_dir(),
        "interests",
        INTEREST_ITEMS,
        INTEREST_KEY,
        RIASEC,
        INTEREST_RESPONSES,
    )


def load_values_instrument(root: Path | None = None) -> Instrument:
    """The 24-statement work-values instrument and its key to the six O*NET values."""
    return load_instrument(
        root or assessment_dir(),
        "values",
        VALUES_ITEMS,
        VALUES_KEY,
        WORK_VALUES,
        VALUE_RESPONSES,
        forms=("long",),
    )


# ----- skill questions ----------------------------------------------------------------------
def load_skill_questions(root: Path | None = None) -> dict[str, WrittenQuestion]:
    """The team's question and three anchors for each skill and knowledge descriptor."""
    level = number(*LEVEL_RANGE)
    cols = [Column("descriptor_id"), Column("question")]
    for part in ("low", "mid", "high"):
        cols += [Column(f"{part}_level", level), Column(f"{part}_anchor")]
    out: dict[str, WrittenQuestion] = {}
    for line, row in read_rows((root or assessment_dir()) / SKILL_QUESTIONS, cols):
        d = row["descriptor_id"]
        if d in out:
            raise DataValidationError(
                f"duplicate descriptor {d!r}", file=SKILL_QUESTIONS, row=line, field="descriptor_id"
            )
        if not row["low_level"] < row["mid_level"] < row["high_level"]:
            raise DataValidationError(
                "anchor levels must rise from low to mid to high",
                file=SKILL_QUESTIONS,
                row=line,
                field="mid_level",
            )
        anchors = tuple(
            Anchor(row[f"{p}_level"], row[f"{p}_anchor"]) for p in ("low", "mid", "high")
        )
        out[d] = WrittenQuestion(d, row["question"], anchors)
    return out


# ----- free-text lexicon and test phrases ---------------------------------------------------
def load_lexicon(root: Path | None = None) -> Lexicon:
    """Cue phrases (phrase -> descriptor ids) and the aliases that are ordinary words."""
    base = root or assessment_dir()
    cues: list[tuple[str, tuple[str, ...]]] = []
    for line, row in read_rows(base / CUES, [Column("phrase"), Column("descriptor_ids", _ids)]):
        if not phrase_tokens(row["phrase"]) or not row["descriptor_ids"]:
            raise DataValidationError("phrase or ids are empty", file=CUES, row=line)
        cues.append((row["phrase"], row["descriptor_ids"]))
    terms: set[str] = set()
    for line, row in read_rows(base / AMBIGUOUS, [Column("term"), Column("reason")]):
        tokens = phrase_tokens(row["term"])
        if len(tokens) != 1:
            raise DataValidationError(
                "a term is one word (multi-word aliases are never ambiguous)",
                file=AMBIGUOUS,
                row=line,
                field="term",
            )
        terms.add(tokens[0])
    return Lexicon(tuple(cues), frozenset(terms))


@dataclass(frozen=True)
class MatchingPhrase:
    """A test phrase with the ids a good matcher finds (``acceptable`` ones are not errors).

    ``split`` records how the phrase was used (see :data:`SPLITS`).
    """

    id: str
    kind: Literal["skills", "title"]
    phrase: str
    expected: tuple[str, ...]
    acceptable: tuple[str, ...]
    split: Split
    note: str = ""


def load_matching_phrases(root: Path | None = None) -> list[MatchingPhrase]:
    """The free-text test phrases shared by the tests and ``bench/matching.py``."""
    cols = [
        Column("id"),
        Column("kind", choice("skills", "title")),
        Column("phrase"),
        Column("expected", _ids, required=False),
        Column("acceptable", _ids, required=False),
        Column("split", choice(*SPLITS)),
        Column("note", required=False),
    ]
    out: list[MatchingPhrase] = []
    for line, row in read_rows((root or assessment_dir()) / PHRASES, cols):
        r: dict[str, Any] = row
        if r["kind"] == "title" and len(r["expected"] or ()) != 1:
            raise DataValidationError(
                "a title phrase expects exactly one code", file=PHRASES, row=line, field="expected"
            )
        out.append(
            MatchingPhrase(
                r["id"],
                r["kind"],
                r["phrase"],
                r["expected"] or (),
                r["acceptable"] or (),
                r["split"],
                r["note"] or "",
            )
        )
    return out
