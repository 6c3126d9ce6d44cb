"""Named skills and tools in feedback text, matched to the data set's descriptors.

Matching uses each descriptor's name and aliases plus the team's supplementary
phrases (``data/feedback/skill_aliases.csv``): whole-word, case-insensitive, the
longest phrase winning where phrases overlap. Names that are also everyday words
are handled with care: some are never matched ("word", "teams", "go"), some only
in their product capitalisation ("SAP", "Spark", "R"), and "excel" not as a verb
("you excel at"). Remaining words get a typo-tolerant pass (rapidfuzz, one letter
missing or extra) against longer phrases only.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from rapidfuzz import fuzz, process

from careerpivot.datasets.tables import Column, read_rows
from careerpivot.model import Dataset
from careerpivot.rejections.corpus import ALIASES_FILE, feedback_dir

#: Names and aliases never matched: everyday words in feedback ("access", "teams", "testing").
IGNORED: frozenset[str] = frozenset(
    {
        "word",
        "access",
        "teams",
        "go",
        "email",
        "square",
        "classroom",
        "canvas",
        "node",
        "epic",
        "sheets",
        "slides",
        "presentations",
        "testing",
        "reading",
        "listening",
        "construction",
        "building",
        "art",
        "history",
        "media",
        "production",
        "inspection",
        "containers",
        "notebooks",
        "till",
        "flare",
        "music",
        "religion",
        "transport",
        "driving",
        "languages",
        "organisation",
        "strategy",
        "it",
        "ad",
        "py",
        "ts",
        "js",
        "hr",
        "metrics",
        "kpis",
        "outlook",
        "finance",
        "sales",
        "marketing",
        "teaching",
        "training",
        "coaching",
        "design",
        "security",
        "safety",
        "legal",
        "law",
        "medical",
        "engineering",
        "computers",
        "english",
        "communications",
        "speaking",
        "learning new things",
        "hardware and software",
    }
)

#: Product names that are also words: matched only as written here (case-sensitive).
CASE_SENSITIVE: tuple[str, ...] = (
    "R", "SAP", "Spark", "Slack", "Zoom", "Unity", "Oracle", "Workday", "Dynamics",
    "Sketch", "Looker", "Blackboard", "Square", "Epic", "Canvas", "SAS", "Go",
)  # fmt: skip

#: Matched case-insensitively but not right after these words ("you excel at").
VERB_LIKE: frozenset[str] = frozenset({"excel"})
_VERB_CONTEXT = frozenset(
    {"you", "to", "they", "we", "i", "will", "would", "can", "could", "he", "she", "really"}
)

FUZZY_MIN_LENGTH = 6
FUZZY_CUTOFF = 90.0
_TOKEN = re.compile(r"[A-Za-z][A-Za-z0-9+#]*")


@dataclass(frozen=True)
class SkillMention:
    """A descriptor named in a text: which one, the words that named it, and where."""

    id: str
    name: str
    kind: str
    matched: str
    start: int
    end: int
    score: float  # 100 for an exact phrase, lower for a typo-tolerant match


def load_skill_aliases(path: Path | None = None) -> dict[str, str]:
    """The team's supplementary phrases: phrase (lower case) -> descriptor id."""
    target = path or feedback_dir() / ALIASES_FILE
    columns = [Column("phrase"), Column("descriptor_id"), Column("note", required=False)]
    return {row["phrase"].lower(): row["descriptor_id"] for _, row in read_rows(target, columns)}


class SkillMatcher:
    """Finds the descriptors a text names (built once per data set, like a title index).

    >>> from careerpivot.datasets.starter import load_starter
    >>> m = SkillMatcher(load_starter(), {"stakeholder management": "2.B.1.b"})
    >>> [s.id for s in m.find("Your SQL and stakeholder management need work; you excel at R.")]
    ['tech:sql', '2.B.1.b', 'tech:r']
    """

    def __init__(self, dataset: Dataset, extra_aliases: Mapping[str, str] | None = None) -> None:
        self.dataset = dataset
        phrases: dict[str, str] = {}  # lower-case phrase -> descriptor id (first wins)
        sensitive = {p.lower(): p for p in CASE_SENSITIVE}
        exact_case: dict[str, str] = {}  # phrase as written -> id
        for d in dataset.descriptors:
            base = re.sub(r" \((skill|knowledge|technology)\)$", "", d.name)
            for phrase in (base, *d.aliases):
                key = phrase.strip().lower()
                if not key or key in IGNORED:
                    continue
                if key in sensitive:
                    exact_case.setdefault(sensitive[key], d.id)
                elif len(key) > 2 or not key.isalpha():  # "C#" yes, "ts" no
                    phrases.setdefault(key, d.id)
        for phrase, did in (extra_aliases or {}).items():
            if did in dataset.descriptor_index:  # other data sets may lack a descriptor
                phrases.setdefault(phrase.lower(), did)
        self.phrases_ = phrases
        self.case_sensitive_ = exact_case
        self._insensitive = _alternation(phrases, re.IGNORECASE)
        self._sensitive = _alternation(exact_case, 0)
        self._fuzzy_keys = [p for p in phrases if len(p) >= FUZZY_MIN_LENGTH and " " not in p]

    def find(self, text: str) -> list[SkillMention]:
        """Descriptors named in ``text``, one mention each (the first), in text order."""
        spans: list[tuple[int, int, str, float]] = []
        for pattern, table, fold in (
            (self._insensitive, self.phrases_, True),
            (self._sensitive, self.case_sensitive_, False),
        ):
            if pattern is None:
                continue
            for m in pattern.finditer(text):
                key = m.group(0).lower() if fold else m.group(0)
                key = " ".join(key.split())
                if key in VERB_LIKE and _previous_word(text, m.start()) in _VERB_CONTEXT:
                    continue
                if not _overlaps(spans, m.start(), m.end()):
                    spans.append((m.start(), m.end(), table[key], 100.0))
        for m in _TOKEN.finditer(text):
            word = m.group(0).lower()
            if len(word) < FUZZY_MIN_LENGTH or _overlaps(spans, m.start(), m.end()):
                continue
            hit = process.extractOne(
                word, self._fuzzy_keys, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF
            )
            if hit is not None:
                spans.append((m.start(), m.end(), self.phrases_[hit[0]], float(hit[1])))
        seen: set[str] = set()
        out: list[SkillMention] = []
        for start, end, did, score in sorted(spans):
            if did in seen:
                continue
            seen.add(did)
            d = self.dataset.descriptor(did)
            out.append(SkillMention(did, d.name, d.kind, text[start:end], start, end, score))
        return out


def _alternation(table: Mapping[str, str], flags: int) -> re.Pattern[str] | None:
    if not table:
        return None
    parts = [
        r"\s+".join(re.escape(w) for w in p.split()) for p in sorted(table, key=len, reverse=True)
    ]
    return re.compile(r"(?<![\w+#/.&-])(?:" + "|".join(parts) + r")(?![\w+#&]|[./-]\w)", flags)


def _overlaps(spans: list[tuple[int, int, str, float]], start: int, end: int) -> bool:
    return any(start < e and s < end for s, e, _, _ in spans)


def _previous_word(text: str, pos: int) -> str:
    words = re.findall(r"[A-Za-z']+", text[:pos])
    return words[-1].lower() if words else ""
