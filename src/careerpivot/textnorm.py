"""Text preparation for free-text matching: segments, tokens, a light stemmer.

A CV line is cut into *segments* at commas, semicolons, colons, brackets, line
breaks and sentence ends; each segment into *units* at "and", "or", "&" and "/"
("SQL and R" has units "SQL" and "R"). Tokens keep what was typed (for the
capitalisation test on ambiguous words) and their place in the text beside a
lower-case form with numbers as ``#`` ("team of 5" -> ``team of #``) and a stem.
Tool names with symbols are read as one word: C++ -> ``cplusplus``, C# ->
``csharp``, .NET -> ``dotnet``, node.js -> ``nodejs``, P&L -> ``pandl``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: Tool names with symbols, read as one word: (pattern, how to write it).
_SPECIAL = re.compile(
    r"(?<![a-z0-9])c\+\+|(?<![a-z0-9])c#|\.net\b|\b[a-z0-9]+\.js\b"
    r"|(?<![a-z0-9&])[a-z]&[a-z](?![a-z0-9&])",
    re.I,
)
_SEGMENT_BREAK = re.compile(r"[,;:\n\r\t()\[\]{}|•·*]|[.!?](?=\s|$)|\s[-–—]\s")
_TOKEN = re.compile(_SPECIAL.pattern + r"|[A-Za-z0-9]+|[&/+]", re.I)
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
    >>> [stem(w) for w in ("inspection", "inspected", "analysis", "analysed")]
    ['inspect', 'inspect', 'analys', 'analys']
    """
    if len(word) <= 4 or not word.isalpha():
        return word
    if word.endswith("sis") and len(word) >= 7:  # analysis ~ analysed, diagnosis ~ diagnosed
        return word[:-2]
    bare = word[:-1] if word.endswith("ions") else word
    if bare.endswith(("sion", "tion")) and not bare.endswith("ation") and len(bare) >= 8:
        return bare[:-3]  # inspection ~ inspected, supervision ~ supervis(e)
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
    """One word: as typed, normalised (lower case, numbers as ``#``) and stemmed, and where."""

    surface: str
    norm: str
    stem: str
    unit: int  # index of the unit within its segment
    first: bool  # first word of its segment (capitals there prove nothing)
    start: int = 0  # character offsets of the word in the text
    end: int = 0


def _norm(raw: str) -> str:
    lower = raw.lower()
    if lower == "c++":
        return "cplusplus"
    if lower == "c#":
        return "csharp"
    if lower == ".net":
        return "dotnet"
    if lower.endswith(".js"):
        return lower[:-3] + "js"
    if len(lower) == 3 and lower[1] == "&":
        return f"{lower[0]}and{lower[2]}"
    return "#" if lower.isdigit() else lower


def segments(text: str) -> list[list[Token]]:
    """Cut text into segments of tokens (empty segments dropped), keeping each word's place.

    >>> [[t.norm for t in s] for s in segments("SQL, ran a team of 5 (C++ and R)")]
    [['sql'], ['ran', 'a', 'team', 'of', '#'], ['cplusplus', 'and', 'r']]
    >>> [(t.start, t.end) for t in segments("Go, C#")[1]]
    [(4, 6)]
    """
    out: list[list[Token]] = []
    bounds = [m.span() for m in _SEGMENT_BREAK.finditer(text)] + [(len(text), len(text))]
    pos = 0
    for brk_start, brk_end in bounds:
        tokens: list[Token] = []
        unit = 0
        for m in _TOKEN.finditer(text, pos, brk_start):
            raw = m.group(0)
            if raw in "&/+":
                unit += 1
                continue
            lower = raw.lower()
            if lower in _UNIT_WORDS:
                unit += 1
            norm = _norm(raw)
            tokens.append(Token(raw, norm, stem(norm), unit, not tokens, m.start(), m.end()))
            if lower in _UNIT_WORDS:
                unit += 1
        if tokens:
            out.append(tokens)
        pos = brk_end
    return out


def phrase_tokens(phrase: str) -> tuple[str, ...]:
    """A lexicon phrase (name, alias, cue) as normalised tokens, ignoring segment breaks.

    >>> phrase_tokens("Node.js"), phrase_tokens("ICD-10"), phrase_tokens("C# / .NET")
    (('nodejs',), ('icd', '#'), ('csharp', 'dotnet'))
    """
    return tuple(t.norm for seg in segments(phrase.replace(",", " ")) for t in seg)
