"""Feedback asking for experience with a named tool or skill: "more experience with Relativity".

The word model reads "more experience" as lack of experience, or as competition when
another candidate is mentioned. When the words after "experience with/in/using" name a
tool or skill (Relativity is e-discovery software, AutoCAD, SAP, Power BI, C++), the
thing a person can act on is that tool: a skill gap. A name is a word written as one
(a capital, a digit or a sign inside it: ``Relativity``, ``SAP``, ``C++``, ``Node.js``)
or a tool of the team's tool families written in lower case (``python``, ``tableau``).
A name followed by a word for a market or kind of client ("Fortune 500 clients",
"European markets") is a domain, not a tool, and so is a run that starts with an
article or pronoun ("the construction industry", "our tools").
"""

from __future__ import annotations

import re
from functools import lru_cache

#: Nouns that ask for experience of something else: "more experience with ...".
_CUE = re.compile(
    r"\b(?:experience|exposure|familiarity|background)\s+(?:with|in|using|on|of)\s+(?P<rest>.+)",
    re.IGNORECASE | re.DOTALL,
)
#: One word of a name: letters, digits and the signs inside tool names (C++, C#, Node.js).
_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9+#./&'-]*")
#: Words after a name that make it a domain or kind of client, not a tool.
DOMAIN_WORDS = frozenset(
    {
        "market",
        "markets",
        "client",
        "clients",
        "customer",
        "customers",
        "account",
        "accounts",
        "sector",
        "sectors",
        "industry",
        "industries",
        "company",
        "companies",
        "firm",
        "firms",
        "organisation",
        "organisations",
        "organization",
        "organizations",
        "region",
        "regions",
        "office",
        "offices",
        "team",
        "teams",
        "audience",
        "audiences",
        "law",
        "government",
    }
)
#: Capitalised words that are not names of tools (mid-sentence "I", titles of people).
_NOT_NAMES = frozenset({"i", "i'm", "i've", "i'd"})
_MAX_WORDS = 3  # "Microsoft Power BI"
_LOOK_AHEAD = 2  # words after a name that can make it a domain ("Fortune 500 clients")
#: Where the words after "experience with" end: a sentence or clause mark before a space.
_SENTENCE_END = re.compile(r"[.;:!?,](?:\s|$)")


@lru_cache(maxsize=1)
def lower_case_tools() -> frozenset[str]:
    """The tools of the team's tool families as people type them in lower case ("power bi"),
    three letters or more (so "go" or "c" in ordinary words is never read as a tool)."""
    from careerpivot.tool_families import load_team_families

    return frozenset(t.replace("-", " ") for t in load_team_families() if len(t) >= 3)


def _looks_named(word: str) -> bool:
    """A word written as a name: a capital, digit or inner sign, and at least one letter."""
    if word.lower() in _NOT_NAMES or not any(ch.isalpha() for ch in word):
        return False
    return any(ch.isupper() or ch.isdigit() for ch in word) or bool(re.search(r"[+#]", word))


def _name_at(rest: str) -> str | None:
    """The name that opens ``rest`` (the words after "experience with"), if it is one."""
    words = _WORD.findall(_SENTENCE_END.split(rest, maxsplit=1)[0])
    run: list[str] = []
    for word in words[:_MAX_WORDS]:
        if not _looks_named(word):
            break
        run.append(word)
    if not run:
        opening = " ".join(words[:_MAX_WORDS]).lower() + " "
        known = [t for t in lower_case_tools() if opening.startswith(t + " ")]
        if not known:
            return None
        run = words[: len(max(known, key=len).split())]
    following = [w.lower() for w in words[len(run) : len(run) + _LOOK_AHEAD]]
    if DOMAIN_WORDS.intersection(following) or run[-1].lower() in DOMAIN_WORDS:
        return None
    return " ".join(run)


def named_tool(text: str) -> str | None:
    """The tool or skill a feedback text asks for experience with, or ``None``.

    >>> named_tool("We went with someone who had more experience with Relativity.")
    'Relativity'
    >>> named_tool("You need more hands-on experience in AutoCAD and Revit.")
    'AutoCAD'
    >>> named_tool("more experience with power bi dashboards")
    'power bi'
    >>> named_tool("They wanted more experience with Fortune 500 clients.") is None
    True
    >>> named_tool("Get more experience with Node.js, then reapply.")
    'Node.js'
    >>> named_tool("We need more experience in the construction industry.") is None
    True
    """
    for match in _CUE.finditer(text):
        found = _name_at(match.group("rest"))
        if found:
            return found
    return None
