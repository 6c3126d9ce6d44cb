"""What a person types around a job title: sentence openings, status words and employers.

People type "I was a cashier", "ex-teacher", "part time cashier", "assistant to the CEO"
or "Starbucks barista" into a job-title box. The search compares titles, so before
matching the query is read into :class:`TypedQuery`: ``core``, the title with sentence
openings and endings removed ("I was a", "worked as", "for 5 years"), ``ex-``/former/
retired folded away and an employer named ("at Starbucks", "Amazon ...") taken out;
a school grade ("8th grade") is read as the school level ("middle school");
``forms``, other readings tried as well, with words that only describe how a person held
the job (part-time, freelance, apprentice, lead, ...) dropped and "head of X" read as
"X manager"; and ``sectors``, the SOC code prefixes of the kind of work the named
employer mostly hires for (``data/search/employers.csv``), which settle near-equal
matches ("shift supervisor at Starbucks" is a food-service supervisor).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

#: openings of a sentence around a title, removed from the start (folded text, see _norm)
_OPENING = re.compile(
    r"^(?:"
    r"(?:i|we)\s+(?:am|was|were|have been|had been|used to be|used to work as|"
    r"currently work as|currently am|work as|worked as|am working as|was working as)"
    r"|im|ive been|id been|i been|(?:was|am|been)(?=\s+an?\s)"
    r"|(?:used to|currently|previously|formerly|recently|most recently)"
    r"(?:\s+(?:be|work as|worked as|working as|employed as))?"
    r"|(?:worked|working|work|employed|experience|experienced|years)\s+as"
    r"|my\s+(?:last\s+|current\s+|previous\s+|old\s+|former\s+|most recent\s+|first\s+)?"
    r"(?:job title|job|role|position|occupation|title|work)(?:\s+(?:is|was|title))*"
    r"|(?:current\s+|last\s+|previous\s+)?(?:job\s+)?title\s*:"
    r")(?:\b|(?<=:))\s*(?::\s*)?(?:(?:a|an)\s+)?"
)
#: endings that say for how long, removed from the end
_ENDING = re.compile(
    r"\s+(?:for|since|with)?\s*(?:over\s+|about\s+|almost\s+)?\d+\+?\s*"
    r"(?:years?|yrs?|months?)(?:\s+(?:of\s+)?experience)?\s*$"
)
#: a former job: always folded away ("ex-teacher", "former police officer")
_FORMER = frozenset({"ex", "former", "formerly", "retired", "previous", "prior", "past"})
#: words that say how a person held the job, not which job: dropped in a second reading,
#: so a title that really holds them ("Lead Abatement Worker") still matches as typed
STATUS_WORDS = frozenset(
    {
        "parttime",
        "fulltime",
        "temp",
        "temporary",
        "seasonal",
        "freelance",
        "freelancer",
        "selfemployed",
        "contract",
        "contracted",
        "volunteer",
        "experienced",
        "qualified",
        "certified",
        "licensed",
        "accredited",
        "chartered",
        "apprentice",
        "graduate",
        "aspiring",
        "newly",
        "night",
        "weekend",
        "relief",
        "agency",
        "casual",
        "permanent",
        "remote",
        "lead",
        "staff",
        "master",
        "journeyman",
        "principal",
        "shift",
        "team",
        "professional",
        "deputy",
        "guy",
        "gal",
        "lady",
        "girl",
        "dude",
        "person",
    }
)
#: two-word status phrases folded to one word first ("part time" -> "parttime")
_JOINED = re.compile(r"\b(part|full|self)\s+(time|employed)\b")
#: "head of marketing", "director of nursing", "VP of sales": the X manager
_HEAD_OF = re.compile(
    r"^(?:head|director|dir|vp|vice president|svp|evp|manager|chief|lead)\s+(?:of|for)\s+"
    r"(?:the\s+)?(.+)$"
    # "VP Finance", "VP, Sales", "SVP Marketing": vice presidents need no "of"
    r"|^(?:vp|vice president|svp|evp|avp)\s+(?!of\b|for\b)(.+)$"
)
#: "assistant to the CEO", "PA to the director": an executive assistant
_ASSISTANT_TO = re.compile(r"^(?:personal\s+)?(?:assistant|pa|secretary)\s+to\b.*$")
#: a school grade ("3rd grade", "grade 11", "eighth-grade"), read as the school level
#: O*NET's teacher titles name: grades 1-5 elementary, 6-8 middle, 9-12 secondary school
_ORDINALS = (
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
)
_GRADE = re.compile(
    r"\b(?:(?:(\d{1,2})(?:st|nd|rd|th)?|(" + "|".join(_ORDINALS) + r"))[\s-]+grade"
    r"|grade\s+(\d{1,2}))(?:r|rs)?\b",
    re.IGNORECASE,
)
#: "... at Starbucks", "... for the NHS": the employer clause
_AT = re.compile(r"\s+(?:at|for|with|in)\s+(?:a\s+|an\s+|the\s+)?(.+)$")


def _norm(text: str) -> str:
    """Lower case, plain spaces, "ex-teacher" as "ex teacher" and "part-time" as "parttime"."""
    t = text.lower().replace("\u2019", "'").replace("\u2010", "-").replace("\u2013", "-")
    t = re.sub(r"\bex\s*-\s*", "ex ", t)
    t = re.sub(r"\b(part|full|self)\s*-\s*(time|employed)\b", r"\1\2", t)
    t = t.replace("'", "")
    t = re.sub(r"[^\w&/:+\-.]+", " ", t)
    return " ".join(_JOINED.sub(r"\1\2", t).split())


@dataclass(frozen=True)
class Employer:
    """A named employer and the SOC code prefixes of the work it mostly hires for."""

    name: str
    sectors: tuple[str, ...]


@dataclass(frozen=True)
class TypedQuery:
    """A typed title read for matching: the title itself, other readings, employer sectors."""

    text: str
    core: str
    forms: tuple[str, ...] = ()
    sectors: tuple[str, ...] = ()


def school_level(text: str) -> str:
    """A school grade in a typed title as the school level teacher titles name.

    >>> school_level("8th grade science teacher"), school_level("grade 11 teacher")
    ('middle school science teacher', 'secondary school teacher')
    >>> school_level("third-grade teacher"), school_level("grade 13 teacher")
    ('elementary school teacher', 'grade 13 teacher')
    """

    def level(m: re.Match[str]) -> str:
        digits = m.group(1) or m.group(3)
        n = int(digits) if digits else _ORDINALS.index(m.group(2).lower()) + 1
        if not 1 <= n <= 12:
            return m.group(0)
        return "elementary school" if n <= 5 else "middle school" if n <= 8 else "secondary school"

    return _GRADE.sub(level, text)


def _find_employer(
    words: list[str], employers: Sequence[Employer]
) -> tuple[list[str], Employer | None]:
    """The query's words without the longest employer name it holds, and that employer."""
    if any("-" in w for w in words):  # "Chick-fil-A": hyphens join an employer's name
        flat = " ".join(words).replace("-", " ").split()
        rest, emp = _find_employer(flat, employers)
        if emp is not None:
            return rest, emp
    best: tuple[int, int, Employer] | None = None
    present = set(words)
    for emp in employers:
        name = emp.name.split()
        if name[0] not in present:
            continue
        n = len(name)
        for i in range(len(words) - n + 1):
            if words[i : i + n] == name and (best is None or n > best[1]):
                best = (i, n, emp)
    if best is None:
        return words, None
    i, n, emp = best
    return words[:i] + words[i + n :], emp


def read_query(
    text: str, employers: Sequence[Employer] = (), workplaces: Sequence[Employer] = ()
) -> TypedQuery:
    """Read a typed title: its core title, other readings to try, and employer sectors.

    ``workplaces`` are kinds of workplace ("nursing home", "grocery store"): named after
    "at"/"in" they say which kind of work is meant as an employer's name does, but their
    words stay in the title (a "post office clerk" is no "clerk" at a post office).

    >>> q = read_query("I was an ex-teacher for 10 years")
    >>> q.core
    'teacher'
    >>> read_query("part-time freelance graphic designer").forms
    ('graphic designer',)
    >>> read_query("Head of Marketing").forms, read_query("VP, Finance").forms
    (('marketing manager',), ('finance manager',))
    >>> e = (Employer("starbucks", ("35",)),)
    >>> q = read_query("shift supervisor at Starbucks", e)
    >>> q.core, q.sectors
    ('shift supervisor', ('35',))
    >>> w = (Employer("nursing home", ("31-1131", "35-2012")),)
    >>> q = read_query("cook at a nursing home", workplaces=w)
    >>> q.core, q.sectors
    ('cook at a nursing home', ('31-1131', '35-2012'))
    """
    t = start = _norm(text)
    for _ in range(3):  # "I was previously a ...": openings can follow one another
        stripped = _OPENING.sub("", t, count=1).strip()
        if stripped == t or not stripped:
            break
        t = stripped
    t = _ENDING.sub("", t).strip() or t
    words = [w for w in t.split() if w not in _FORMER] or t.split()
    employer = None
    m = _AT.search(" ".join(words))
    workplace = None
    if m:  # "... at Starbucks": the clause goes when it is only the employer's name
        rest, employer = _find_employer(m.group(1).split(), employers)
        if employer is not None and not rest and m.start() > 0:
            words = " ".join(words)[: m.start()].split()
        else:
            employer = None
            rest, workplace = _find_employer(m.group(1).split(), workplaces)
            if rest or m.start() == 0:  # "at a nursing home", and no more
                workplace = None
    if employer is None:  # "Starbucks barista", "Amazon warehouse worker"
        rest, employer = _find_employer(words, employers)
        if rest:
            words = rest
        else:  # the employer's name alone is all there is to search
            employer = None
    core = " ".join(words) if words != start.split() else text.strip()
    core = school_level(core)
    low = school_level(" ".join(words))  # as folded: "Head of Marketing" reads as typed lower
    forms: list[str] = []
    m = _AT.search(low)
    if m and employer is None:  # "receptionist at a GP surgery": also the title alone
        forms.append(low[: m.start()])
    if _ASSISTANT_TO.match(low):
        forms.append("executive assistant")
    m = _HEAD_OF.match(low)
    if m:
        forms.append(f"{m.group(1) or m.group(2)} manager")
    plain = [w for w in words if w not in STATUS_WORDS]
    if plain and len(plain) < len(words):
        forms.append(" ".join(plain))
    return TypedQuery(
        text,
        core,
        tuple(f for f in dict.fromkeys(forms) if f != core),
        employer.sectors if employer else workplace.sectors if workplace else (),
    )


__all__ = ["STATUS_WORDS", "Employer", "TypedQuery", "read_query"]
