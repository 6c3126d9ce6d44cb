"""Tool and product names in a typed job title: "Epic analyst", "Salesforce admin".

People name the software they work with in their job title. That name is no job word
(no title holds it), but it says which roles are meant: those the data set lists as using
the tool (O*NET Technology Skills). :class:`ToolNames` finds such names among the typed
words, so the search can match the rest ("analyst") as the title and prefer, between
near-equal matches, the roles that list the tool, the more so where the tool is flagged
hot or in demand for the role (a higher importance).

A typed word counts as a tool's name when tool names use it and titles hardly do
("epic", "cerner", "salesforce", "linux"), and a run of two or three typed words when a
tool name holds them in that order and no title does ("final cut", "power bi").
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np

from careerpivot.model import Dataset
from careerpivot.titlewords import STOPWORDS, singular, typed_words

#: a word in more titles than this is a job word, even if a tool's name holds it too
MAX_TITLE_USES = 3
#: a brand name is absent from ordinary text: a word in more of the data set's role
#: descriptions and task statements than this is an ordinary word ("drive", "app", "EKG")
MAX_TEXT_USES = 2
#: a word naming tools fewer roles than this list in all says too little to read it
MIN_USERS = 4
#: a role whose tool list is this much of one kind (CAD, medical software) counts as
#: fully of that kind when a tool of it is named
KIND_SHARE_FULL = 0.25
#: how much of a tool's weight for a role hangs on the role's tools being of its kind
KIND_WEIGHT = 0.5
MIN_WORD = 3  # shorter words ("bi", "r", "c") are read only inside a longer tool name
LONGEST_RUN = 3  # words of a tool name read together ("final cut pro")
_PLAIN_WORD = re.compile(r"[a-z0-9]+|\|")  # words, and the mark between texts
#: words tool names share that say nothing about which tool is meant
GENERIC_WORDS = frozenset(
    {"software", "system", "systems", "suite", "pro", "express", "edition", "online", "tool"}
    | {"program", "application", "enterprise", "professional", "standard", "version", "plus"}
    | {"app", "apps", "firmware", "plugin", "module", "platform", "toolkit", "kit"}
)


@dataclass(frozen=True)
class ToolReading:
    """Typed words read as tool names: the words left, the tools meant and how much each
    role uses them (0-1 per occupation, in data set order)."""

    rest: tuple[str, ...]
    tools: tuple[str, ...]
    weight: np.ndarray


def _words(text: str) -> list[str]:
    return _PLAIN_WORD.findall(text.lower())


def _runs(words: Sequence[str]) -> Iterable[tuple[str, ...]]:
    for n in range(2, LONGEST_RUN + 1):
        for i in range(len(words) - n + 1):
            yield tuple(words[i : i + n])


def _may_name(word: str) -> bool:
    """A word that can name a tool (not filler such as "for" or "software")."""
    return len(word) >= MIN_WORD and word.isalpha() and word not in STOPWORDS | GENERIC_WORDS


def _word_uses(
    texts: Iterable[str], runs: set[tuple[str, ...]]
) -> tuple[Counter[str], set[tuple[str, ...]]]:
    """How often each word is in ``texts``, and which of ``runs`` they hold. Read as one
    text split at a mark no word holds, words as written (a plural is another word): fast
    on 80,000 texts."""
    words = _PLAIN_WORD.findall(" | ".join(texts).lower())
    firsts = {r[0] for r in runs}
    found: set[tuple[str, ...]] = set()
    for i, w in enumerate(words):
        if w in firsts:
            for n in range(2, LONGEST_RUN + 1):
                run = tuple(words[i : i + n])
                if run in runs:
                    found.add(run)
    return Counter(words), found


def _text_uses(
    dataset: Dataset, runs: set[tuple[str, ...]]
) -> tuple[Counter[str], set[tuple[str, ...]]]:
    """:func:`_word_uses` of the role descriptions and task statements: ordinary words,
    which brand names are not."""
    texts = [o.description for o in dataset.occupations]
    tasks = dataset.extras.get("tasks", {})
    for value in tasks.values():
        texts.extend(str(t) for t in (value if isinstance(value, (list, tuple)) else [value]))
    return _word_uses(texts, runs)


def _tool_users(dataset: Dataset, tech: Sequence[int]) -> dict[int, tuple[np.ndarray, np.ndarray]]:
    """Per tool: the roles listing it and how much (importance over the highest any tool has)."""
    is_tech = np.zeros(len(dataset.descriptors), dtype=bool)
    is_tech[list(tech)] = True
    rows = np.flatnonzero(is_tech[dataset.req_descriptor])
    if not rows.size:
        return {}
    top = max(float(dataset.req_importance[rows].max()), 1e-9)
    desc = dataset.req_descriptor[rows]
    order = np.argsort(desc, kind="stable")
    rows, desc = rows[order], desc[order]
    out: dict[int, tuple[np.ndarray, np.ndarray]] = {}
    for chunk in np.split(np.arange(rows.size), np.flatnonzero(np.diff(desc)) + 1):
        r = rows[chunk]
        out[int(desc[chunk[0]])] = (dataset.req_occupation[r], dataset.req_importance[r] / top)
    return out


class ToolNames:
    """The tool names of a data set, to find in typed titles (built once per data set)."""

    def __init__(self, dataset: Dataset, titles: Iterable[str]) -> None:
        tech = [i for i, d in enumerate(dataset.descriptors) if d.kind == "technology"]
        self._names = {i: dataset.descriptors[i].name for i in tech}
        self._n_occ = len(dataset.occupations)
        self._users = _tool_users(dataset, tech)
        self._kinds = {i: dataset.descriptors[i].category for i in tech}
        is_tech = np.zeros(len(dataset.descriptors), dtype=bool)
        is_tech[tech] = True
        rows = np.flatnonzero(is_tech[dataset.req_descriptor])
        self._tool_occ = dataset.req_occupation[rows]
        self._tool_kinds = np.array([self._kinds[int(d)] for d in dataset.req_descriptor[rows]])
        self._tools_per_occ = np.bincount(self._tool_occ, minlength=self._n_occ)
        self._shares: dict[str, np.ndarray] = {}
        by_word: dict[str, set[int]] = {}
        by_run: dict[tuple[str, ...], set[int]] = {}
        for i in tech:
            words = _words(self._names[i])
            for w in words:
                if _may_name(w):
                    by_word.setdefault(w, set()).add(i)
            for run in _runs(words):
                if _may_name(run[0]) and _may_name(run[-1]):
                    by_run.setdefault(run, set()).add(i)
        title_uses, title_runs = _word_uses(titles, set(by_run))
        text_uses, text_runs = _text_uses(dataset, set(by_run))
        self._by_word = {
            w: tools
            for w, tools in by_word.items()
            if title_uses[w] <= MAX_TITLE_USES
            and text_uses[w] <= MAX_TEXT_USES
            and self._n_users(tools) >= MIN_USERS
        }
        self._by_run = {
            run: tools
            for run, tools in by_run.items()
            if run not in title_runs and run not in text_runs and self._n_users(tools) >= MIN_USERS
        }

    def _n_users(self, tools: Iterable[int]) -> int:
        """How many roles list at least one of ``tools``."""
        users = [self._users[t][0] for t in tools if t in self._users]
        return int(np.unique(np.concatenate(users)).size) if users else 0

    def read(self, text: str) -> ToolReading | None:
        """The tool names in a typed title, or None when it names none or only a tool.

        Longer runs are read first, so "final cut editor" takes "final cut" as one name.
        """
        words = typed_words(text)
        rest: list[str] = []
        found: set[int] = set()
        i = 0
        while i < len(words):
            for n in range(min(LONGEST_RUN, len(words) - i), 1, -1):
                tools = self._by_run.get(tuple(words[i : i + n]))
                if tools:
                    found |= tools
                    i += n
                    break
            else:
                tools = self._by_word.get(words[i]) or self._by_word.get(singular(words[i]))
                if tools:
                    found |= tools
                else:
                    rest.append(words[i])
                i += 1
        if not found or not rest:
            return None
        return ToolReading(
            tuple(rest), tuple(sorted(self._names[t] for t in found)), self._weight(found)
        )

    def _weight(self, tools: Iterable[int]) -> np.ndarray:
        """Per occupation, how much the most telling of ``tools`` speaks for it (0 where it
        lists none): its importance there (hot and in demand: 1), halved where little of
        the role's tool list is of the tool's kind (Epic is one of many tools to a
        management analyst, one of several medical systems to a health informatics
        specialist)."""
        out = np.zeros(self._n_occ, dtype=np.float64)
        for t in tools:
            users = self._users.get(t)
            if users is not None:
                occ, imp = users
                kind = np.minimum(self._kind_share(self._kinds[t])[occ] / KIND_SHARE_FULL, 1.0)
                np.maximum.at(out, occ, imp * (1.0 - KIND_WEIGHT + KIND_WEIGHT * kind))
        return out

    def _kind_share(self, kind: str) -> np.ndarray:
        """Per occupation, the share of the tools it lists that are of ``kind`` (O*NET's
        commodity class, kept as the tool's category)."""
        share = self._shares.get(kind)
        if share is None:
            mine = self._tool_kinds == kind
            counts = np.bincount(self._tool_occ[mine], minlength=self._n_occ)
            share = counts / np.maximum(self._tools_per_occ, 1)
            self._shares[kind] = share
        return share


__all__ = ["ToolNames", "ToolReading"]
