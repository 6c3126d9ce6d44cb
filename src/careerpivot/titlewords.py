"""Job titles as comparable words: lower case, singular, neutral gender, US spelling, no filler.

Both sides of a title search go through :func:`title_tokens`, so "Waiters and
Waitresses", "waitress" and "waiter" all become ``waiter``; "Cooks, Restaurant"
and "restaurant cook" become the same set of words. The team's word table
(``data/search/title_words.csv``: abbreviations such as ``mgr``, gendered forms
such as ``actress``) rewrites single words; general rules handle plurals and
British spellings.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping

_WORD = re.compile(r"[a-z0-9]+")
#: Words that say nothing about which job is meant.
STOPWORDS = frozenset(
    {"and", "or", "of", "the", "a", "an", "for", "in", "to", "with", "at", "on", "by", "as"}
    | {"senior", "junior", "sr", "jr", "trainee", "entry", "level", "i", "ii", "iii", "iv"}
)
_CLAUSE = re.compile(r",\s*(except|including)\b.*$", re.IGNORECASE)
_INVARIANT = frozenset({"staff", "personnel", "news", "sales", "series", "species", "chassis"})
_KEEP_S = ("ss", "us", "is", "ics", "ous", "'s")
_IRREGULAR = {"people": "person", "children": "child", "women": "woman", "men": "man"}


def singular(word: str) -> str:
    """A plural job word made singular (rule-based; both sides of a match use the same rules).

    >>> [singular(w) for w in ("nurses", "secretaries", "waitresses", "coaches", "firemen")]
    ['nurse', 'secretary', 'waitress', 'coach', 'fireman']
    """
    if word in _IRREGULAR:
        return _IRREGULAR[word]
    if len(word) <= 3 or word in _INVARIANT or not word.isalpha():
        return word
    if word.endswith("men") and len(word) > 4:
        return word[:-3] + "man"
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("sses"):
        return word[:-2]
    if word.endswith(("ches", "shes", "xes", "zzes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith(_KEEP_S):
        return word[:-1]
    return word


_SPELLING = tuple(
    (re.compile(p), r)
    for p, r in (
        (r"(?<=[a-z])our(?=er|$|ing|ed)", "or"),  # labour(er), colour
        (r"(?<=[a-z])tre$", "ter"),  # centre, theatre
        (r"([^aeiou])ae(?=[a-z])", r"\1e"),  # paediatric, anaesthetist
        (r"(?<=[aeiou])ll(?=er$|or$|ers$|ing$|ed$)", "l"),  # jeweller, counsellor
        (r"(?<=[a-z]{3})(?<!adv)is(er|ing|ation)$", r"iz\1"),  # organiser, specialising
    )
)


def us_spelling(word: str) -> str:
    """British spellings folded to US ones by general rules (not a word list).

    >>> [us_spelling(w) for w in ("labourer", "centre", "jeweller", "paediatrician", "organiser")]
    ['laborer', 'center', 'jeweler', 'pediatrician', 'organizer']
    """
    if len(word) < 5:
        return word
    for pattern, repl in _SPELLING:
        word = pattern.sub(repl, word)
    return word


_JOINER = re.compile(r"(?<=[a-z0-9])[-.](?=[a-z0-9])")


def _fold(text: str) -> str:
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    text = text.lower().replace("&", " and ").replace("'s", "").replace("'", "")
    return _JOINER.sub("", text)  # x-ray, e-mail, front-end


def title_tokens(
    text: str,
    words: Mapping[str, tuple[str, ...]] | None = None,
    memo: dict[str, tuple[str, ...]] | None = None,
) -> list[str]:
    """The words of a job title to compare, in order (``memo`` caches per-word work).

    >>> title_tokens("Waiters and Waitresses", {"waitress": ("waiter",)})
    ['waiter', 'waiter']
    >>> title_tokens("Secondary School Teachers, Except Special Education")
    ['secondary', 'school', 'teacher']
    >>> title_tokens("Sr. HR Mgr", {"hr": ("human", "resources"), "mgr": ("manager",)})
    ['human', 'resource', 'manager']
    >>> title_tokens("storeperson"), title_tokens("Storemen")
    (['storeman'], ['storeman'])
    """
    table = words or {}
    cache = memo if memo is not None else {}
    out: list[str] = []
    for raw in _WORD.findall(_fold(_CLAUSE.sub("", text) if "," in text else text)):
        parts = cache.get(raw)
        if parts is None:
            w = us_spelling(singular(raw))
            if w.endswith("woman") and len(w) > 5:  # chairwoman -> chairman
                w = w[:-5] + "man"
            elif w.endswith("person") and len(w) > 6:  # storeperson -> storeman
                w = w[:-6] + "man"
            parts = tuple(
                us_spelling(singular(p)) for p in table.get(w, (w,)) if p not in STOPWORDS
            )
            cache[raw] = parts
        out.extend(parts)
    return out


def typed_words(text: str) -> list[str]:
    """The words as typed (folded to plain lower case), before any rewriting.

    >>> typed_words("Dev-Ops  Engineer's")
    ['devops', 'engineer']
    """
    return _WORD.findall(_fold(text))


_BRACKETS = re.compile(r"\s*(.*?)\s*\(([^()]*)\)\s*(.*?)\s*")


def split_parenthesis(title: str) -> tuple[str, ...]:
    """A title and the other name it carries in brackets, as separate titles.

    >>> split_parenthesis("CEO (Chief Executive Officer)")
    ('CEO', 'Chief Executive Officer')
    >>> split_parenthesis("Nurse")
    ('Nurse',)
    """
    m = _BRACKETS.fullmatch(title) if "(" in title else None
    if not m:
        return (title,)
    outer = f"{m.group(1)} {m.group(3)}".strip()
    return tuple(t for t in (outer, m.group(2).strip()) if t)
