"""Skills, knowledge areas and tools named in free text: the one matcher CareerPivot has.

Used for CV text and skill lists in the self-assessment (:meth:`SkillMatcher.match`:
candidates to confirm) and for rejection feedback (:meth:`SkillMatcher.find`: the
named descriptors with their place in the text). One set of tables feeds it: each
descriptor's name and ``aliases``, the team's cue phrases
(``data/assessment/freetext_cues.csv``) and the list of aliases that are ordinary
words (``data/assessment/ambiguous_terms.csv``).

Every word run of up to ``max_words`` words is tried, longest first, and a word
belongs to one match at most:

* exact (a descriptor's name: confidence 1.0, an alias 0.9, a cue 0.85),
* same stems (``prioritising`` = ``prioritisation``): 0.1 less,
* loose (a phrase of two or more words whose stems all occur within a few words of
  each other in one unit, in any order, ignoring filler words: "supervised 8
  warehouse staff" for "supervised staff"): the stem confidence times 0.9, tried
  only on words no closer match took,
* typo-tolerant (rapidfuzz ``ratio`` >= ``fuzzy_cutoff`` on the same number of
  words, same first letter, at least 5 letters): the exact confidence times the
  similarity times 0.95; a single word with two neighbouring letters swapped
  ("Pyhton") counts as similarity 0.9 (``ratio`` punishes a swap as two edits).

Some aliases are ordinary words ("Word", "Teams", "Go", "R", "Access", "Excel"; the
lexicon lists them, and every alias of one or two letters counts), and some words
in a text are ordinary words that happen to share a stem with an alias ("accounts"
and "accounting"); the lexicon's list covers both. Those match only when they
stand alone in a list ("Python, R") or are written with a capital where a capital
means something (not the first word of a sentence), the latter at 0.8 of the
confidence; "worked in teams" and "you excel at" find nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from rapidfuzz import fuzz, process

from careerpivot.model import Dataset
from careerpivot.textnorm import Token, phrase_tokens, segments, stem

How = Literal["exact", "stem", "fuzzy"]
Source = Literal["name", "alias", "cue"]
BASE_CONFIDENCE: dict[Source, float] = {"name": 1.0, "alias": 0.9, "cue": 0.85}
STEM_PENALTY = 0.1
FUZZY_FACTOR = 0.95
CAPITAL_FACTOR = 0.8
#: a phrase of two or more words found with other words between or in another order
#: ("diagnosed electrical faults" for "diagnosing faults", "planned lessons" for "lesson
#: planning"): its stem confidence times this
LOOSE_FACTOR = 0.9
LOOSE_SLACK = 2  # extra words a loose match may span
#: words a loose match need not find ("ran a team" is found in "ran the team")
_FILLER = frozenset({"a", "an", "the", "of", "to", "and", "or", "for", "with", "in", "on", "at"})
_FILLER |= frozenset({"by", "my", "our", "their", "new", "all"})
MIN_FUZZY_CHARS = 5
#: Fuzzy look-ups remembered per matcher (a few MB at most; cleared when full).
FUZZY_MEMO_MAX = 50_000
_KIND_SUFFIX = re.compile(r"\s*\((skill|knowledge|technology)\)$")


@dataclass(frozen=True)
class Lexicon:
    """The team's extra matching knowledge: cue phrases and ordinary-word aliases."""

    cues: tuple[tuple[str, tuple[str, ...]], ...] = ()  # phrase -> descriptor ids
    ambiguous: frozenset[str] = frozenset()  # lower-case single words


@dataclass(frozen=True, slots=True)
class SkillCandidate:
    """A descriptor the text seems to mention, for the person to confirm or reject."""

    descriptor_id: str
    name: str
    kind: str
    confidence: float  # 0-1
    matched: str  # the words as typed
    via: str  # the name, alias or cue phrase they matched
    how: How


@dataclass(frozen=True, slots=True)
class _Entry:
    tokens: tuple[str, ...]
    text: str
    ids: tuple[str, ...]
    source: Source
    label: str
    ambiguous: bool


@dataclass(frozen=True, slots=True)
class _Hit:
    start: int
    end: int
    entry: _Entry
    how: How
    confidence: float


class SkillMatcher:
    """Finds skills, knowledge areas and tools in free text (scikit-learn style: ``fit`` first).

    >>> from careerpivot.datasets.starter import load_starter
    >>> from careerpivot.assessment.data import load_lexicon
    >>> m = SkillMatcher(load_lexicon()).fit(load_starter())
    >>> [c.descriptor_id for c in m.match("SQL, Tablaeu, worked in teams")]
    ['tech:sql', 'tech:tableau']
    """

    def __init__(
        self,
        lexicon: Lexicon | None = None,
        *,
        min_confidence: float = 0.6,
        fuzzy_cutoff: float = 85.0,
        max_words: int = 5,
    ) -> None:
        self.lexicon = lexicon
        self.min_confidence = min_confidence
        self.fuzzy_cutoff = fuzzy_cutoff
        self.max_words = max_words

    def fit(self, dataset: Dataset) -> SkillMatcher:
        """Index the data set's names and aliases and the lexicon's cues; returns self."""
        lexicon = self.lexicon or Lexicon()
        entries: list[_Entry] = []
        for d in dataset.descriptors:
            entries.append(self._entry(_KIND_SUFFIX.sub("", d.name), (d.id,), "name", lexicon))
            entries.extend(self._entry(a, (d.id,), "alias", lexicon) for a in d.aliases)
        skipped = 0
        for phrase, ids in lexicon.cues:
            known = tuple(i for i in ids if i in dataset.descriptor_index)
            skipped += len(ids) - len(known)
            if known:
                entries.append(self._entry(phrase, known, "cue", lexicon))
        self.dataset_ = dataset
        self.skipped_cues_ = skipped
        self.exact_: dict[tuple[str, ...], list[_Entry]] = {}
        self.stems_: dict[tuple[str, ...], list[_Entry]] = {}
        self.fuzzy_: dict[int, list[_Entry]] = {}
        for e in entries:
            if not e.tokens:
                continue
            self.exact_.setdefault(e.tokens, []).append(e)
            self.stems_.setdefault(tuple(stem(t) for t in e.tokens), []).append(e)
            if not e.ambiguous and len(e.text.replace(" ", "")) >= MIN_FUZZY_CHARS:
                self.fuzzy_.setdefault(len(e.tokens), []).append(e)
        self._fuzzy_texts = {n: [e.text for e in es] for n, es in self.fuzzy_.items()}
        self._fuzzy_memo: dict[tuple[str, int], tuple[tuple[int, float], ...]] = {}
        self.swaps_: dict[str, list[_Entry]] = {}
        for e in self.fuzzy_.get(1, []):
            for variant in _swaps(e.text):
                self.swaps_.setdefault(variant, []).append(e)
        self.loose_: dict[str, list[tuple[tuple[str, ...], _Entry]]] = {}
        for e in entries:
            core = tuple(dict.fromkeys(stem(t) for t in e.tokens if t not in _FILLER))
            if len(core) >= 2 and "#" not in core:
                self.loose_.setdefault(core[0], []).append((core, e))
        for group in self.loose_.values():
            group.sort(key=lambda ce: (-len(ce[0]), -BASE_CONFIDENCE[ce[1].source]))
        self._ordinary = lexicon.ambiguous
        return self

    @staticmethod
    def _entry(phrase: str, ids: tuple[str, ...], source: Source, lexicon: Lexicon) -> _Entry:
        tokens = phrase_tokens(phrase)
        ambiguous = len(tokens) == 1 and (len(tokens[0]) <= 2 or tokens[0] in lexicon.ambiguous)
        return _Entry(tokens, " ".join(tokens), ids, source, phrase, ambiguous)

    def match(self, text: str) -> list[SkillCandidate]:
        """Candidates found in ``text``, best first, one per descriptor (its best evidence)."""
        if not hasattr(self, "dataset_"):
            raise RuntimeError("SkillMatcher is not fitted: call fit(dataset) first")
        best: dict[str, SkillCandidate] = {}
        for seg in segments(text):
            for hit in self._claim(seg):
                words = " ".join(t.surface for t in seg[hit.start : hit.end])
                for d in hit.entry.ids:
                    desc = self.dataset_.descriptor(d)
                    cand = SkillCandidate(
                        d,
                        desc.name,
                        desc.kind,
                        round(hit.confidence, 3),
                        words,
                        hit.entry.label,
                        hit.how,
                    )
                    if d not in best or cand.confidence > best[d].confidence:
                        best[d] = cand
        found = [c for c in best.values() if c.confidence >= self.min_confidence]
        return sorted(found, key=lambda c: (-c.confidence, c.name))

    def find(self, text: str) -> list[SkillMention]:
        """Descriptors named in ``text``, one mention each (the first), in text order.

        >>> from careerpivot.datasets.starter import load_starter
        >>> from careerpivot.assessment.data import load_lexicon
        >>> m = SkillMatcher(load_lexicon()).fit(load_starter())
        >>> [(s.id, s.matched) for s in m.find("Your SQL was weak; you excel at R.")]
        [('tech:sql', 'SQL'), ('tech:r', 'R')]
        """
        if not hasattr(self, "dataset_"):
            raise RuntimeError("SkillMatcher is not fitted: call fit(dataset) first")
        found: list[SkillMention] = []
        for seg in segments(text):
            for hit in self._claim(seg):
                if hit.confidence < self.min_confidence:
                    continue
                start, end = seg[hit.start].start, seg[hit.end - 1].end
                for d in hit.entry.ids:
                    desc = self.dataset_.descriptor(d)
                    score = round(100.0 * hit.confidence, 1)
                    found.append(
                        SkillMention(d, desc.name, desc.kind, text[start:end], start, end, score)
                    )
        found.sort(key=lambda s: (s.start, -s.score))
        seen: set[str] = set()
        out: list[SkillMention] = []
        for s in found:
            if s.id not in seen:
                seen.add(s.id)
                out.append(s)
        return out

    # ----- inside one segment ---------------------------------------------------------------
    def _claim(self, seg: list[Token]) -> list[_Hit]:
        """Best hits, longest word runs first; each word goes to one run at most."""
        hits: list[_Hit] = []
        for n in range(min(self.max_words, len(seg)), 0, -1):
            for start in range(len(seg) - n + 1):
                hits.extend(self._span_hits(seg, start, start + n))
        hits.sort(key=lambda h: (-(h.end - h.start), -h.confidence, h.start))
        taken: set[int] = set()
        kept: list[_Hit] = []
        claimed: dict[tuple[int, int], float] = {}
        for h in hits:
            span = (h.start, h.end)
            if span in claimed:  # same words, another descriptor equally good: keep both
                if h.confidence == claimed[span]:
                    kept.append(h)
                continue
            if taken.intersection(range(h.start, h.end)):
                continue
            claimed[span] = h.confidence
            taken.update(range(h.start, h.end))
            kept.append(h)
        kept.extend(self._loose(seg, taken))
        return kept

    def _loose(self, seg: list[Token], taken: set[int]) -> list[_Hit]:
        """Phrases whose words are near each other in one unit, on words still free."""
        out: list[_Hit] = []
        for i, tok in enumerate(seg):
            if i in taken:
                continue
            for core, e in self.loose_.get(tok.stem, []):
                lo, hi = max(0, i - len(core) - LOOSE_SLACK), i + len(core) + LOOSE_SLACK
                where = {
                    t.stem: j
                    for j, t in reversed(list(enumerate(seg[lo:hi], lo)))
                    if j not in taken and t.unit == tok.unit
                }
                if not all(c in where for c in core):
                    continue
                pos = sorted(where[c] for c in core)
                if pos[-1] - pos[0] >= len(core) + LOOSE_SLACK:
                    continue
                conf = (BASE_CONFIDENCE[e.source] - STEM_PENALTY) * LOOSE_FACTOR
                out.append(_Hit(pos[0], pos[-1] + 1, e, "stem", conf))
                taken.update(pos)
                break
        return out

    def _span_hits(self, seg: list[Token], start: int, end: int) -> list[_Hit]:
        words = seg[start:end]
        norms = tuple(t.norm for t in words)
        found: list[_Hit] = []
        for e in self.exact_.get(norms, []):
            found.append(_Hit(start, end, e, "exact", BASE_CONFIDENCE[e.source]))
        if not found:
            for e in self.stems_.get(tuple(t.stem for t in words), []):
                found.append(_Hit(start, end, e, "stem", BASE_CONFIDENCE[e.source] - STEM_PENALTY))
        if not found and len({t.unit for t in words}) == 1:
            found = self._fuzzy(norms, start, end)
        if not found and len(words) == 1:
            swap_conf = 0.9 * FUZZY_FACTOR
            found = [
                _Hit(start, end, e, "fuzzy", BASE_CONFIDENCE[e.source] * swap_conf)
                for e in self.swaps_.get(norms[0], [])
            ]
        ordinary = len(words) == 1 and norms[0] in self._ordinary
        out = []
        for h in found:
            ambiguous = h.entry.ambiguous or ordinary
            factor = _ambiguity_factor(seg, start, end) if ambiguous else 1.0
            if factor > 0:
                out.append(_Hit(h.start, h.end, h.entry, h.how, h.confidence * factor))
        return out

    def _fuzzy(self, norms: tuple[str, ...], start: int, end: int) -> list[_Hit]:
        query = " ".join(norms)
        if len(query.replace(" ", "")) < MIN_FUZZY_CHARS or "#" in norms:
            return []
        out = []
        for i, score in self._fuzzy_scores(query, len(norms)):
            e = self.fuzzy_[len(norms)][i]
            conf = BASE_CONFIDENCE[e.source] * score / 100.0 * FUZZY_FACTOR
            out.append(_Hit(start, end, e, "fuzzy", conf))
        return out

    def _fuzzy_scores(self, query: str, n: int) -> tuple[tuple[int, float], ...]:
        """The fuzzy entries of ``n`` words close to ``query`` (index, score), remembered:
        comparing a run of words with every name costs a fraction of a millisecond on
        O*NET, and a long text or log repeats its words (a rejection log of a hundred
        long feedback texts held the API for half a minute)."""
        key = (query, n)
        cached = self._fuzzy_memo.get(key)
        if cached is not None:
            return cached
        results = process.extract(
            query,
            self._fuzzy_texts.get(n, []),
            scorer=fuzz.ratio,
            score_cutoff=self.fuzzy_cutoff,
            limit=5,
        )
        found = tuple(
            (i, float(score)) for _, score, i in results if self.fuzzy_[n][i].text[0] == query[0]
        )
        if len(self._fuzzy_memo) >= FUZZY_MEMO_MAX:
            self._fuzzy_memo.clear()
        self._fuzzy_memo[key] = found
        return found


def _swaps(word: str) -> set[str]:
    """Spellings of ``word`` with two neighbouring letters swapped (words of 4+ letters).

    >>> sorted(_swaps("sql")), sorted(_swaps("java"))
    ([], ['ajva', 'jaav', 'jvaa'])
    """
    if len(word) < 4 or not word.isalpha():
        return set()
    out = {word[:i] + word[i + 1] + word[i] + word[i + 2 :] for i in range(len(word) - 1)}
    out.discard(word)
    return out


def _ambiguity_factor(seg: list[Token], start: int, end: int) -> float:
    """1 if an ordinary-word alias stands alone in its unit, 0.8 with telling capitals, else 0."""
    token = seg[start]
    unit = [t for t in seg if t.unit == token.unit]
    if end - start == len(unit) and all(t.unit == token.unit for t in seg[start:end]):
        return 1.0
    s = token.surface
    capital = s[0].isupper() and (not token.first or (len(s) >= 2 and s.isupper()))
    return CAPITAL_FACTOR if capital else 0.0


@dataclass(frozen=True)
class SkillMention:
    """A descriptor named in a text: which one, the words that named it, and where."""

    id: str
    name: str
    kind: str
    matched: str
    start: int
    end: int
    score: float  # 100 x the match confidence (100: the descriptor's own name, exactly)
