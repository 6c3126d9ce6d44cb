"""Text preparation for free-text matching: segments, tokens, a light stemmer.

A CV line is cut into *segments* at commas, semicolons, colons, brackets, line
breaks and sentence ends; each segment into *units* at "and", "or", "&" and "/"
("SQL and R" has units "SQL" and "R"). Tokens keep what was typed (for the
capitalisation test on ambiguous words) beside a lower-case form with numbers as
``#`` ("team of 5" -> ``team of #``) and a stem. Tool names with symbols are
rewritten first: C++ -> ``cplusplus``, C# -> ``csharp``, .NET -> ``dotnet``,
node.js -> ``nodejs``, P&L -> ``pandl``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_REWRITES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"c\+\+", re.I), " cplusplus "),
    (re.compile(r"(?<![a-z0-9])c#", re.I), " csharp "),
    (re.compile(r"\.net\b", re.I), " dotnet "),
    (re.compile(r"\b([a-z0-9]+)\.js\b", re.I), r"\1js"),
    (re.compile(r"(?<![a-z0-9])([a-z])&([a-z])(?![a-z0-9])", re.I), r"\1and\2"),  # P&L, R&D
)
_SEGMENT_BREAK = re.compile(r"[,;:\n\r\t()\[\]{}|•·*]|[.!?](?=\s|$)|\s[-–—]\s")
_TOKEN = re.compile(r"[A-Za-z0-9]+|[&/+]")
_UNIT_WORDS = frozenset({"and", "or"})

_SUFFIXES = (
    "isations",
    "izations",
    "isation",
    "ization",
    "ations",
    "ation",
    "ising",
    "izing",
    "ating",
    "ised",
    "ized",
    "ated",
    "ise",
    "ize",
    "ate",
    "ments",
    "ment",
    "ings",
    "ing",
    "ers",
    "er",
    "ed",
    "es",
    "s",
)


def stem(word: str) -> str:
    """A deliberately small English stemmer, enough to join word forms of skill names.

    >>> [stem(w) for w in ("negotiating", "negotiation", "managed", "management", "programming")]
    ['negoti', 'negoti', 'manag', 'manag', 'program']
    """
    if len(word) <= 4 or not word.isalpha():
        return word
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            word = word[: -len(suffix)]
            break
    if len(word) > 4 and word.endswith("e"):
        word = word[:-1]
    if len(word) > 4 and word[-1] == word[-2] and word[-1] not in "aeiou":
        word = word[:-1]
    return word


@dataclass(frozen=True, slots=True)
class Token:
    """One word: as typed, normalised (lower case, numbers as ``#``) and stemmed."""

    surface: str
    norm: str
    stem: str
    unit: int  # index of the unit within its segment
    first: bool  # first word of its segment (capitals there prove nothing)


def _prepare(text: str) -> str:
    for pattern, repl in _REWRITES:
        text = pattern.sub(repl, text)
    return text


def segments(text: str) -> list[list[Token]]:
    """Cut text into segments of tokens (empty segments dropped).

    >>> [[t.norm for t in s] for s in segments("SQL, ran a team of 5 (C++ and R)")]
    [['sql'], ['ran', 'a', 'team', 'of', '#'], ['cplusplus', 'and', 'r']]
    """
    out: list[list[Token]] = []
    for chunk in _SEGMENT_BREAK.split(_prepare(text)):
        tokens: list[Token] = []
        unit = 0
        for raw in _TOKEN.findall(chunk):
            if raw in "&/+":
                unit += 1
                continue
            lower = raw.lower()
            if lower in _UNIT_WORDS:
                unit += 1
            norm = "#" if lower.isdigit() else lower
            tokens.append(Token(raw, norm, stem(norm), unit, not tokens))
            if lower in _UNIT_WORDS:
                unit += 1
        if tokens:
            out.append(tokens)
    return out


def phrase_tokens(phrase: str) -> tuple[str, ...]:
    """A lexicon phrase (name, alias, cue) as normalised tokens, ignoring segment breaks.

    >>> phrase_tokens("Node.js"), phrase_tokens("ICD-10"), phrase_tokens("C# / .NET")
    (('nodejs',), ('icd', '#'), ('csharp', 'dotnet'))
    """
    return tuple(t.norm for seg in segments(phrase.replace(",", " ")) for t in seg)
