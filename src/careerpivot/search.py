"""Role search by job title: the one search every picker, command and page uses.

A query and every title of a data set (official title, alternate and short titles,
and the team's lay names and abbreviations in ``data/search/lay_titles.csv``) are
turned into comparable words (:mod:`careerpivot.titlewords`: singular, neutral
gender, US spelling, abbreviations spelled out), so word order, plurals and
"waitress"/"waiter" do not matter. What a person types around a title is read first
(:mod:`careerpivot.typed_query`): "I was a", "ex-", "former", "for 5 years" go; words
saying how the job was held ("part-time", "lead", "freelance") are dropped in a second
reading, whose exact matches yield to a title holding every typed word; an employer's
name ("Starbucks barista", ``data/search/employers.csv``) is taken out and its kind of
work wins between near-equal matches; so is a tool's name ("Epic analyst",
:mod:`careerpivot.title_tools`), and the roles the data set lists as using the tool win
(the result is a guess to confirm unless the first role's own title holds the rest).
A kind of workplace after "at" ("cook at a nursing home", ``data/search/workplaces.csv``)
says which kind of work is meant in the same way, its words staying in the title.
A description of the work ("I paint houses", "welding") is also read as the titles
naming its doer ("house painter", "welder"; :mod:`careerpivot.activity`).
Ranking:

1. a title with exactly the query's words comes first (any kind of title); among
   exact ones the team's lay name, then the occupation's own title or its head
   ("Dentists" of "Dentists, General"), then an alternate title;
2. otherwise titles score by how much of the query they cover and how much of
   the title the query covers (typos match through a fuzzy word lookup);
3. between near-equal matches the more common occupation wins (BLS employment; a
   total BLS reports for several SOC codes is split among them), a base O*NET-SOC
   code (``.00``) wins over its specialties, and a catch-all "..., All Other" role
   yields to a named one.

When the first matches are close (scores within ``AMBIGUITY_MARGIN``: the same
kind of match and employment within about five times), when the first match is
weak, or when the query names a family of jobs ("analyst", "engineer": words in
``GENERIC_TITLES`` or more occupations' own titles, and not one role's own title or
a lay name exactly), the result is *ambiguous*: pickers show the choices, each with
a one-line description, and pre-select none. So is a short abbreviation the team's
table maps to several roles ("PA": physician assistant or personal assistant),
however much more one of them employs. When the first match holds none of the typed
words (found by spelling alone, and not surely: "barrista" is not "barrister") the
result is also *loose*: there is no close match, and pickers say so and offer
the matches as "did you mean" suggestions.
"""

from __future__ import annotations

import bisect
import os
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Literal, overload

import numpy as np
from rapidfuzz import fuzz, process
from scipy import sparse

from careerpivot.activity import activity_readings
from careerpivot.datasets.tables import Column, read_rows
from careerpivot.model import ONET_SOC_PATTERN, Dataset, Occupation
from careerpivot.resources import data_dir
from careerpivot.title_tools import ToolNames
from careerpivot.titlewords import split_parenthesis, title_tokens, typed_words
from careerpivot.typed_query import Employer, read_query

LAY_TITLES, TITLE_WORDS, EMPLOYERS = "lay_titles.csv", "title_words.csv", "employers.csv"
WORKPLACES = "workplaces.csv"
TitleKind = Literal["code", "title", "head", "alternate", "lay"]

EXACT_BONUS = 30.0  # an exact title outranks any partial one
EMPLOYMENT_WEIGHT = 3.0  # points per tenfold employment: settles near-equal matches
BASE_CODE_BONUS = 0.5  # 29-1141.00 before 29-1141.01 when employment is shared
LAY_BONUS = 10.0  # the team's lay name outranks an exact alternate title elsewhere
#: an exact match on the occupation's own title ("Bartenders") or its head ("Dentists" of
#: "Dentists, General") outranks the same words as one of many alternate titles elsewhere
#: (O*NET lists "Barmaid" under bartender helpers too)
OWN_TITLE_BONUS, HEAD_BONUS = 6.0, 4.0
RESIDUAL_PENALTY = 3.0  # "..., All Other" catch-all roles are rarely what a person means
TITLE_WEIGHT = 10.0  # the occupation's own title holding the query's words
AMBIGUITY_MARGIN = 2.0  # points within which the first matches count as close
#: an exact match found only by a reading of the query ("ex-teacher" as "teacher", "lead
#: carpenter" as "carpenter") yields to a title holding every typed word
READING_PENALTY = OWN_TITLE_BONUS
#: a one-word query this short is an abbreviation ("PA", "PM"): when the team's table
#: maps it to several roles the person chooses, whichever employs more
SHORT_QUERY = 4
#: a role in the kind of work a named employer mostly hires for ("... at Starbucks":
#: food service) wins between otherwise near-equal matches
SECTOR_BONUS = 5.0
#: a role the data set lists as using a tool the title names ("Epic analyst"): half for
#: listing it, half more as the tool is hot there and of the role's kind. A role not
#: listing a tool a person names is rarely theirs, whatever its title says
TOOL_BONUS = 40.0
MAX_CHOICES = 6
MIN_SCORE = 40.0  # below this a title is not shown at all
SURE_SCORE = 75.0  # below this the first match is only a suggestion (ambiguous)
#: a first match holding none of the typed words (found only by spelling or word start:
#: "barrista" -> "barrister", two edits) is pre-selected only when this sure: about one
#: edit in a word of seven letters or more ("sofware develper", "pharmacits"); below it
#: the result is *loose*: no close match, the matches are "did you mean" hints
TYPO_SURE_SCORE = 80.0
#: a query whose words are in this many occupations' own titles ("analyst", "engineer")
#: names a family of jobs: the person chooses, unless it is one role's own title exactly
#: or the team's lay-name table says which role it means
GENERIC_TITLES = 4
PREFIX_WEIGHT = 0.85  # "admin" for "administrator"
FUZZY_FACTOR = 0.95
LOOKUP_MEMORY = 50_000  # typed words whose index words are remembered (cleared when full)


def search_dir() -> Path:
    """``$CAREERPIVOT_SEARCH_DIR`` or the shipped ``data/search``."""
    env = os.environ.get("CAREERPIVOT_SEARCH_DIR")
    if env:
        return Path(env)
    return data_dir("search")


@dataclass(frozen=True)
class SearchTables:
    """The team's search knowledge: lay names (phrase -> codes), word rewrites, employers
    (name -> SOC code prefixes of the work they mostly hire for) and kinds of workplace
    ("nursing home", "grocery store": the same, read only after "at"/"in")."""

    lay_titles: tuple[tuple[str, tuple[str, ...]], ...] = ()
    words: tuple[tuple[str, tuple[str, ...]], ...] = ()
    employers: tuple[Employer, ...] = ()
    workplaces: tuple[Employer, ...] = ()


@cache
def load_search_tables(root: Path | None = None) -> SearchTables:
    """Read ``lay_titles.csv``, ``title_words.csv``, ``employers.csv`` and ``workplaces.csv``
    if there (validated; errors name file and line)."""
    base = root or search_dir()

    def codes(text: str) -> tuple[str, ...]:
        out = tuple(c.strip() for c in text.split(";") if c.strip())
        bad = [c for c in out if not ONET_SOC_PATTERN.match(c)]
        if bad or not out:
            raise ValueError(f"not O*NET-SOC codes: {text!r}")
        return out

    lay = tuple(
        (row["phrase"], row["codes"])
        for _, row in read_rows(
            base / LAY_TITLES,
            [Column("phrase"), Column("codes", codes), Column("note", required=False)],
        )
    )
    words = tuple(
        (row["word"].strip().lower(), tuple(row["means"].lower().split()))
        for _, row in read_rows(
            base / TITLE_WORDS, [Column("word"), Column("means"), Column("kind", required=False)]
        )
    )

    def named(file: str) -> tuple[Employer, ...]:
        if not (base / file).exists():
            return ()
        return tuple(
            Employer(" ".join(typed_words(row["name"])), row["sectors"])
            for _, row in read_rows(
                base / file,
                [Column("name"), Column("sectors", _sectors), Column("note", required=False)],
            )
        )

    return SearchTables(lay, words, named(EMPLOYERS), named(WORKPLACES))


def _sectors(text: str) -> tuple[str, ...]:
    """SOC code prefixes ("35", "53-7065"), ';'-separated."""
    out = tuple(c.strip() for c in text.split(";") if c.strip())
    bad = [c for c in out if not re.fullmatch(r"\d{2}(-\d{1,4}(\.\d{2})?)?", c)]
    if bad or not out:
        raise ValueError(f"not SOC code prefixes: {text!r}")
    return out


@dataclass(frozen=True)
class TitleMatch:
    """A role found by title: which title matched, how well (0-100) and whether exactly."""

    code: str
    title: str
    matched: str
    score: float
    exact: bool = False
    description: str = ""  # one line saying what the role does


@dataclass(frozen=True)
class SearchResult(Sequence[TitleMatch]):
    """Roles for a typed title, best first, and whether the first ones are too close to call.

    Behaves as the list of matches (``result[0]``, ``len(result)``, ``for m in result``).
    ``choices`` are the close first matches when ``ambiguous``; ``best`` is the match
    a picker may pre-select, None when the person has to choose. ``loose``: no match
    holds a typed word (only spelling-alike ones), so there is no close match and the
    matches are only "did you mean" suggestions (then also ``ambiguous``).
    """

    query: str
    matches: tuple[TitleMatch, ...] = ()
    ambiguous: bool = False
    n_choices: int = 0
    loose: bool = False

    @property
    def choices(self) -> tuple[TitleMatch, ...]:
        """The matches a person must choose between (all of them if not ambiguous)."""
        return self.matches[: self.n_choices] if self.ambiguous else self.matches

    @property
    def best(self) -> TitleMatch | None:
        """The clear first match, or None when there is none or the first ones are close."""
        return self.matches[0] if self.matches and not self.ambiguous else None

    def __len__(self) -> int:
        return len(self.matches)

    @overload
    def __getitem__(self, i: int) -> TitleMatch: ...
    @overload
    def __getitem__(self, i: slice) -> Sequence[TitleMatch]: ...
    def __getitem__(self, i: int | slice) -> TitleMatch | Sequence[TitleMatch]:
        return self.matches[i]

    def __iter__(self) -> Iterator[TitleMatch]:
        return iter(self.matches)


@dataclass
class _Entries:
    texts: list[str] = field(default_factory=list)
    kinds: list[TitleKind] = field(default_factory=list)
    occ: list[int] = field(default_factory=list)
    tokens: list[frozenset[str]] = field(default_factory=list)


class TitleIndex:
    """Every title of a data set, ready for :meth:`find` (built once per data set).

    >>> from careerpivot.datasets.starter import load_starter
    >>> idx = TitleIndex(load_starter())
    >>> idx.find("sofware develper")[0].code
    '15-1252.00'
    """

    def __init__(self, dataset: Dataset, tables: SearchTables | None = None) -> None:
        self.dataset = dataset
        t = tables if tables is not None else load_search_tables()
        self._words = dict(t.words)
        self._memo: dict[str, tuple[str, ...]] = {}
        self._looked_up: dict[str, tuple[list[int], list[float]]] = {}
        own_titles = [
            frozenset(title_tokens(o.title, self._words, self._memo)) for o in dataset.occupations
        ]
        # an employer named like a role ("Subway": subway operators) is read as a title word
        self._employers = tuple(
            emp
            for emp, name in (
                (emp, set(title_tokens(emp.name, self._words, self._memo))) for emp in t.employers
            )
            if not any(name <= own for own in own_titles)
        )
        self._workplaces = t.workplaces
        occs = dataset.occupations
        code_ix = {o.code: i for i, o in enumerate(occs)}
        e = _Entries()

        def add(text: str, kind: TitleKind, i: int) -> None:
            for part in split_parenthesis(text):
                toks = frozenset(title_tokens(part, self._words, self._memo))
                if toks:
                    e.texts.append(part)
                    e.kinds.append(kind)
                    e.occ.append(i)
                    e.tokens.append(toks)

        for i, o in enumerate(occs):
            add(o.title, "title", i)
            head = o.title.split(",")[0]
            # "Cooks, Restaurant" is also a cook; "Welding, Soldering, and Brazing Machine
            # Setters" is no "welding": SOC names roles by plural nouns, so a head that is
            # not one is the first of a list, not the role
            if head != o.title and head.rstrip().lower().endswith("s"):
                add(head, "alternate" if _residual(o.title) else "head", i)
            for alt in o.alternate_titles:
                add(alt, "alternate", i)
        for phrase, codes in t.lay_titles:
            for c in codes:
                if c in code_ix:  # other data sets may lack a role
                    add(phrase, "lay", code_ix[c])
        self._e = e
        self._tools = ToolNames(dataset, e.texts)
        # short lay names (abbreviations) the team maps to several roles: "PA" is a
        # physician assistant or a personal assistant, "PM" a project or product manager;
        # employment must not decide for the person, who says which
        lay_roles: dict[frozenset[str], set[int]] = {}
        for toks, kind, oi in zip(e.tokens, e.kinds, e.occ, strict=True):
            if kind == "lay":
                lay_roles.setdefault(toks, set()).add(oi)
        self._split_lay = {toks for toks, roles in lay_roles.items() if len(roles) > 1}
        vocab: dict[str, int] = {}
        rows, cols = [], []
        for r, toks in enumerate(e.tokens):
            for tok in toks:
                rows.append(r)
                cols.append(vocab.setdefault(tok, len(vocab)))
        self._vocab = vocab
        self._sorted_vocab = sorted(vocab)
        self._by_letter: dict[str, list[str]] = {}  # fuzzy candidates share the first letter
        for word in vocab:
            self._by_letter.setdefault(word[0], []).append(word)
        self._m = sparse.csc_matrix(
            (np.ones(len(rows), dtype=np.float32), (rows, cols)), shape=(len(e.tokens), len(vocab))
        )
        self._ntok = np.array([len(x) for x in e.tokens], dtype=np.float32)
        self._occ = np.array(e.occ, dtype=np.int64)
        bonus = {"lay": LAY_BONUS, "title": OWN_TITLE_BONUS, "head": HEAD_BONUS}
        self._kind_bonus = np.array([bonus.get(k, 0.0) for k in e.kinds], dtype=np.float64)
        title_rows: dict[int, int] = {}
        for r, (oi, k) in enumerate(zip(e.occ, e.kinds, strict=True)):
            if k == "title":
                title_rows.setdefault(oi, r)
        self._title_row = np.array([title_rows.get(i, -1) for i in range(len(occs))])
        self._own_rows = np.array(sorted(title_rows.values()), dtype=np.int64)
        self._residual = [_residual(o.title) for o in occs]
        self._exact: dict[frozenset[str], list[int]] = {}
        for r, toks in enumerate(e.tokens):
            self._exact.setdefault(toks, []).append(r)
        emp = _own_employment(occs)
        known = emp[emp > 0]
        fill = float(np.median(known)) if known.size else 1.0
        emp = np.where(emp > 0, emp, fill)
        self._prior = (
            EMPLOYMENT_WEIGHT * np.log10(np.maximum(emp, 10.0) / 1e5)
            + np.array([BASE_CODE_BONUS if o.code.endswith(".00") else 0.0 for o in occs])
            - RESIDUAL_PENALTY * np.array(self._residual, dtype=np.float64)
        )
        self._codes = [o.code for o in occs]
        self._descriptions = [one_line(o.description) for o in occs]

    # ----- querying ----------------------------------------------------------------------
    def find(self, query: str, limit: int = 10, min_score: float = MIN_SCORE) -> SearchResult:
        """Best roles for a typed title, one entry per role, and whether the first are close.

        A first match scoring under ``SURE_SCORE`` (half the words found, say) is never
        pre-selected: the result is ambiguous and the person chooses.
        """
        q = query.strip()
        ds = self.dataset
        if not q:
            return SearchResult(query)
        if ONET_SOC_PATTERN.match(q) and q in ds.occupation_index:
            o = ds.occupation(q)
            i = self._codes.index(q)
            return SearchResult(
                query, (TitleMatch(o.code, o.title, o.code, 100.0, True, self._descriptions[i]),)
            )
        typed = read_query(q, self._employers, self._workplaces)
        # a tool's name in the title ("Epic analyst") is no job word: the rest is the title
        tools = self._tools.read(typed.core)
        core = " ".join(tools.rest) if tools else typed.core
        # readings: as typed, the title in it ("ex-teacher" -> "teacher"), other readings
        # ... and the titles naming the work a person describes ("I paint houses": house
        # painter; "welding": welder): guesses, tried after the rest
        doing = activity_readings(core, self._vocab.__contains__)
        readings = list(dict.fromkeys((q, typed.core, core, *typed.forms, *doing.whole)))
        n_whole = len(readings)  # the partial readings after these match by words only
        readings += [r for r in doing.partial if r not in readings]
        variants: list[list[str]] = []
        as_typed = 0  # variants of the text as typed (exact there earns the full bonus)
        titled = 0  # ... and of the title in it; the rest are other readings (guesses)
        #: variants of the title without a tool's name: "Epic analyst" is not exactly any
        #: "Analyst", so these match by words only and the tool's users settle the order
        untooled: set[int] = set()
        for k, text in enumerate(readings):
            toks = title_tokens(text, self._words, self._memo)
            if toks:
                found = self._variants(text, toks)
                # ... nor is "I fix bikes" a "repairer" (the bike left out)
                if (tools and text == core) or k >= n_whole:
                    untooled.update(range(len(variants), len(variants) + len(found)))
                variants.extend(found)
            if k == 0:
                as_typed = len(variants)
            if text in (q, typed.core, core):
                titled = len(variants)
        if not variants:
            return SearchResult(query)
        n = len(self._e.tokens)
        score = np.zeros(n, dtype=np.float32)
        q_cover = np.zeros(n, dtype=np.float32)
        t_cover = np.zeros(n, dtype=np.float32)
        exact = np.zeros(n, dtype=bool)
        exact_typed = np.zeros(n, dtype=bool)
        guessed = np.zeros(n, dtype=bool)  # best partial score came from another reading
        for k, variant in enumerate(variants):
            for r in () if k in untooled else self._exact.get(frozenset(variant), ()):
                exact[r] = True
                exact_typed[r] |= k < as_typed
            s, qc, tc = self._partial(variant)
            better = s > score
            np.copyto(score, s, where=better)  # in place: a query may have 20 readings
            np.copyto(q_cover, qc, where=better)
            np.copyto(t_cover, tc, where=better)
            if k >= titled:
                guessed |= better
            else:
                guessed &= ~better
        score[exact] = 100.0
        hit = np.flatnonzero(score >= min_score)
        if hit.size == 0:
            return SearchResult(query)
        occ = self._occ[hit]
        # how far the occupation's own title holds the query's words (all of them counts most)
        trow = self._title_row[occ]
        own_q = np.where(trow >= 0, q_cover[trow], 0.0)
        own_t = np.where(trow >= 0, t_cover[trow], 0.0)
        rank = (
            score[hit]
            + self._prior[occ]
            + TITLE_WEIGHT * own_q**2 * (0.8 + 0.2 * own_t)
            + np.where(exact[hit], EXACT_BONUS + self._kind_bonus[hit], 0.0)
            - np.where(exact[hit] & ~exact_typed[hit], READING_PENALTY, 0.0)
        )
        if typed.sectors:
            rank = rank + SECTOR_BONUS * self._in_sectors(typed.sectors)[occ]
        if tools:
            used = tools.weight[occ]
            rank = rank + np.where(used > 0, TOOL_BONUS * (0.5 + 0.5 * used), 0.0)
        # best entry per occupation: sort by rank, keep each occupation's first
        order = np.argsort(-rank, kind="stable")
        seen: set[int] = set()
        picked: list[tuple[int, float]] = []
        for j in order:
            oi = int(occ[j])
            if oi in seen:
                continue
            seen.add(oi)
            picked.append((int(hit[j]), float(rank[j])))
            if len(picked) >= max(limit, MAX_CHOICES):
                break
        matches = tuple(
            TitleMatch(
                self._codes[self._e.occ[r]],
                ds.occupations[self._e.occ[r]].title,
                self._e.texts[r],
                round(float(score[r]), 1),
                bool(exact[r]),
                self._descriptions[self._e.occ[r]],
            )
            for r, _ in picked
        )
        top_row, top = picked[0]
        occ_top = self._e.occ[top_row]
        close = sum(1 for _, rk in picked[:MAX_CHOICES] if rk >= top - AMBIGUITY_MARGIN)
        generic = self._generic(q_cover, top_row, bool(exact[top_row]))
        top_words = self._e.tokens[top_row]
        loose = (
            not exact[top_row]
            and not any(top_words.intersection(v) for v in variants)
            and matches[0].score < TYPO_SURE_SCORE
        )
        split = (  # an abbreviation naming several roles
            len(q) <= SHORT_QUERY
            and " " not in q
            and bool(exact[top_row])
            and self._e.kinds[top_row] == "lay"
            and self._e.tokens[top_row] in self._split_lay
        )
        # a first match found only by dropping typed words, and not exactly, is a guess
        # ("stay at home mom" read as "stay" is not a stay cutter)
        guess = bool(guessed[top_row]) and not exact[top_row]
        # a title read without a tool's name ("Epic analyst") is a guess unless the first
        # match lists the tool and its own title holds the rest ("ServiceNow admin")
        own_row = self._title_row[occ_top]
        no_tool = (
            tools is not None
            and not exact_typed[top_row]
            and (not tools.weight[occ_top] or own_row < 0 or q_cover[own_row] < 0.999)
        )
        weak = matches[0].score < SURE_SCORE or generic or loose or split or guess or no_tool
        n_close = len(matches[:MAX_CHOICES]) if weak else close
        return SearchResult(
            query,
            matches[:limit],
            n_close > 1 or weak,
            min(n_close, MAX_CHOICES, limit),
            bool(loose),
        )

    def _in_sectors(self, sectors: tuple[str, ...]) -> np.ndarray:
        """Per occupation, 1.0 where its code starts with one of the SOC prefixes."""
        return np.array([1.0 if c.startswith(sectors) else 0.0 for c in self._codes])

    def _generic(self, q_cover: np.ndarray, top_row: int, exact: bool) -> bool:
        """Whether the query names a family of jobs rather than the first match alone
        (``q_cover``: per title, the share of the query's words it holds)."""
        residual = self._residual[self._e.occ[top_row]]  # "Managers" of "Managers, All Other"
        if exact and self._e.kinds[top_row] in ("lay", "title", "head") and not residual:
            return False
        return int(np.count_nonzero(q_cover[self._own_rows] >= 0.999)) >= GENERIC_TITLES

    def search(self, query: str, limit: int = 10, min_score: float = MIN_SCORE) -> list[TitleMatch]:
        """The matches of :meth:`find` as a list (best first)."""
        return list(self.find(query, limit=limit, min_score=min_score).matches)

    def _variants(self, query: str, tokens: list[str]) -> list[list[str]]:
        """The query's words; with two typed words joined where the join is a known word
        ("fire fighter" -> "firefighter", "dev ops" -> "devops"); with an unknown word split
        in two known ones ("helpdesk" -> "help desk")."""
        vocab = self._vocab
        out = [tokens]
        raw = typed_words(query)
        for i in range(len(raw) - 1):
            joined = title_tokens(raw[i] + raw[i + 1], self._words, self._memo)
            if joined and all(t in vocab for t in joined):
                both = [*raw[:i], raw[i] + raw[i + 1], *raw[i + 2 :]]
                out.append(title_tokens(" ".join(both), self._words, self._memo))
        for i, tok in enumerate(tokens):
            if tok in vocab or len(tok) < 6:
                continue
            for cut in range(3, len(tok) - 2):
                head, tail = tok[:cut], tok[cut:]
                if head in vocab and tail in vocab:
                    out.append([*tokens[:i], head, tail, *tokens[i + 1 :]])
                    break
        return out

    def _partial(self, tokens: list[str]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Per title: 0-100 score (0.7 x share of the query found + 0.3 x share of the title
        found; 0 below half the query), and the two shares."""
        indptr, rows = self._m.indptr, self._m.indices
        found = np.zeros(self._m.shape[0], dtype=np.float32)
        for tok in tokens:
            ids, weights = self._word_matches(tok)
            if len(ids) == 1:
                found[rows[indptr[ids[0]] : indptr[ids[0] + 1]]] += weights[0]
            elif ids:
                best = np.zeros_like(found)
                for i, w in zip(ids, weights, strict=True):
                    r = rows[indptr[i] : indptr[i + 1]]
                    best[r] = np.maximum(best[r], w)
                found += best
        q_cover = found / len(tokens)
        t_cover = np.minimum(found / self._ntok, 1.0)
        out: np.ndarray = 100.0 * (0.7 * q_cover + 0.3 * t_cover)
        out[q_cover < 0.5] = 0.0
        return out, q_cover, t_cover

    def _word_matches(self, tok: str) -> tuple[list[int], list[float]]:
        """Index words a query word stands for: itself, else words it begins, else typos
        (remembered: a query's readings look the same words up again)."""
        got = self._looked_up.get(tok)
        if got is None:
            got = self._look_up(tok)
            if len(self._looked_up) >= LOOKUP_MEMORY:
                self._looked_up.clear()
            self._looked_up[tok] = got
        return got

    def _look_up(self, tok: str) -> tuple[list[int], list[float]]:
        vocab = self._vocab
        if tok in vocab:
            return [vocab[tok]], [1.0]
        if len(tok) < 3 or not tok.isalpha():
            return [], []
        found: dict[int, float] = {}
        if len(tok) >= 4:
            cut = 85.0 if len(tok) == 4 else 80.0 if len(tok) == 5 else 75.0
            # typos rarely hit the first letter ("barista" is not "artist"), except where
            # the first sound is spelled another way ("fotographer", "kashier")
            for spelled in (tok, *sound_alikes(tok)):
                if spelled != tok and spelled in vocab:
                    found[vocab[spelled]] = FUZZY_FACTOR
                    continue
                same_letter = self._by_letter.get(spelled[0], [])
                for word, sim, _ in process.extract(
                    spelled, same_letter, scorer=fuzz.ratio, score_cutoff=cut, limit=6
                ):
                    weight = FUZZY_FACTOR * float(sim) / 100.0
                    found[vocab[word]] = max(found.get(vocab[word], 0.0), weight)
        lo = bisect.bisect_left(self._sorted_vocab, tok)
        for word in self._sorted_vocab[lo : lo + 12]:
            if not word.startswith(tok):
                break
            found[vocab[word]] = max(found.get(vocab[word], 0.0), PREFIX_WEIGHT)
        return list(found), list(found.values())


#: first sounds English spells more than one way: a word typed with one spelling
#: ("fotographer", "kashier", "sychologist", "shef") is also looked up with the other
SOUND_ALIKE_STARTS = (
    ("ph", "f"),
    ("f", "ph"),
    ("k", "c"),
    ("c", "k"),
    ("s", "ps"),
    ("s", "c"),
    ("sh", "ch"),
    ("n", "kn"),
    ("r", "wr"),
    ("j", "g"),
    ("kw", "qu"),
)


def sound_alikes(word: str) -> list[str]:
    """The word with its first sound spelled the other ways English spells it.

    >>> sound_alikes("fotographer"), sound_alikes("kashier")
    (['photographer'], ['cashier'])
    """
    return [new + word[len(old) :] for old, new in SOUND_ALIKE_STARTS if word.startswith(old)]


def _own_employment(occs: Sequence[Occupation]) -> np.ndarray:
    """Each occupation's employment, with a figure BLS reports for several SOC codes of one
    broad group (25-9042, 25-9043 and 25-9049 all carry the 25-9040 total) split evenly
    among those codes. O*NET's own specialties (29-1141.01) keep their SOC code's figure."""
    emp = np.array([o.employment or 0.0 for o in occs], dtype=np.float64)
    socs: dict[tuple[str, float], set[str]] = {}
    for o, e in zip(occs, emp, strict=True):
        if e > 0:
            socs.setdefault((o.code[:6], e), set()).add(o.code[:7])
    return np.array(
        [e / len(socs[o.code[:6], e]) if e > 0 else 0.0 for o, e in zip(occs, emp, strict=True)]
    )


def _residual(title: str) -> bool:
    """A catch-all role ("Engineers, All Other"), as SOC names them."""
    return bool(re.search(r",\s*all other\b", title, re.IGNORECASE))


def one_line(description: str, limit: int = 140) -> str:
    """The first sentence of a description, cut to ``limit`` characters at a word.

    >>> one_line("Fix pipes. Read plans.")
    'Fix pipes.'
    """
    text = " ".join(description.split())
    m = re.match(r"(.+?[.!?])(\s|$)", text)
    first = m.group(1) if m else text
    if len(first) <= limit:
        return first
    cut = first[: limit - 1].rsplit(" ", 1)[0]
    return cut.rstrip(",;: ") + "…"


__all__ = ["SearchResult", "TitleIndex", "TitleMatch", "load_search_tables", "one_line"]
