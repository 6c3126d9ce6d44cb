"""What a person says they do, read as the job titles that name it: "I fix cars", "welding".

People describe a job by its work as often as by its title: "I paint houses", "I weld
pipe", "I teach high school math", or the trade's name, "welding", "carpentry". Job
titles name the doer of that work ("House Painter", "Pipe Welder", "Welder",
"Carpenter"), so :func:`activity_readings` turns the verb into the nouns for its doer
(by English word formation: paint -> painter, inspect -> inspector, cut -> cutter; a
few everyday verbs that name no doer, "fix" or "look after", through
:data:`VERB_DOERS`) and puts the work's object or place in front of it. Only doer nouns
some title of the data set uses are kept (``known``), so the readings are titles the
search can find. They are guesses: the search tries them besides the words as typed.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from careerpivot.titlewords import typed_words

#: everyday verbs whose doer is named by another word (or several): "I fix cars" is a
#: car mechanic or repairer, "I run a daycare" its manager, "I look after kids" a carer
VERB_DOERS: dict[str, tuple[str, ...]] = {
    "fix": ("repairer", "mechanic", "technician"),
    "repair": ("repairer", "mechanic", "technician"),
    "mend": ("repairer",),
    "service": ("technician", "mechanic"),
    "maintain": ("technician", "worker"),
    "build": ("builder", "developer"),
    "develop": ("developer",),
    "code": ("developer", "programmer"),
    "program": ("programmer", "developer"),
    "write": ("writer", "developer"),
    "run": ("manager", "operator"),
    "own": ("owner", "manager"),
    "manage": ("manager",),
    "care": ("caregiver", "aide", "worker"),
    "help": ("assistant", "aide", "helper"),
    "assist": ("assistant", "aide"),
    "sell": ("salesperson", "representative"),
    "serve": ("server",),
    "wait": ("waiter", "server"),
    "fly": ("pilot",),
    "drive": ("driver", "operator"),
    "teach": ("teacher", "instructor"),
    "take": ("technician", "technologist"),
    "do": ("specialist", "clerk", "technician"),
    "work": ("worker",),
    "handle": ("handler",),
    "deliver": ("driver", "courier"),
    "look": ("caregiver", "worker"),
    "answer": ("receptionist", "operator"),
    "process": ("processor", "clerk"),
    "prepare": ("preparer",),
    "guard": ("guard", "officer"),
    "protect": ("officer", "guard"),
    "treat": ("therapist",),
    "type": ("typist",),
}
#: two-word verbs whose second word goes with the verb, not the work: "I look after kids"
_PARTICLES = frozenset({"after", "for", "on", "with", "in", "at", "of", "up", "out"})
#: words that neither name the work nor its doer: "I clean *other people's* houses"
_FILLER = frozenset(
    {"a", "an", "the", "my", "our", "their", "his", "her", "its", "some", "other", "all"}
    | {"people", "peoples", "lot", "lots", "of", "mostly", "mainly", "also", "just", "and"}
    | {"care", "i", "we", "me", "them", "it", "stuff", "things", "thing", "every", "day"}
)
#: openings naming the person doing the work, before the verb
_SUBJECT = re.compile(
    r"^(?:i|we)\s+(?:(?:also|mainly|mostly|usually|currently|now|just|still|basically)\s+)*"
)
_PLACE = frozenset({"at", "in", "for", "on", "with", "from"})
MAX_READINGS = 8


def doer_nouns(verb: str, known: Callable[[str], bool]) -> list[str]:
    """Nouns naming who does ``verb`` that ``known`` accepts (title words), most telling first.

    >>> sorted(doer_nouns("paint", lambda w: w in {"painter", "paint"}))
    ['painter']
    >>> doer_nouns("inspect", "inspector".__eq__), doer_nouns("cut", "cutter".__eq__)
    (['inspector'], ['cutter'])
    >>> doer_nouns("cook", lambda w: w == "cook")
    ['cook']
    """
    v = verb
    made = [v + "er", v + "or", v + "ist", v + v[-1] + "er"]
    if v.endswith("e"):
        made = [v + "r", v[:-1] + "or", v[:-1] + "ist", *made]
    if v.endswith("y") and len(v) > 3:
        made.append(v[:-1] + "ier")
    found = [w for w in dict.fromkeys([*VERB_DOERS.get(v, ()), *made]) if known(w)]
    if not found and known(v):  # "cook", "coach", "nurse": the verb is the doer's name
        found = [v]
    return found


def trade_doers(word: str, known: Callable[[str], bool]) -> list[str]:
    """The doer of a trade or activity named by its noun: welding -> welder, carpentry ->
    carpenter, nursing -> nurse, accounting -> accountant, masonry -> mason.

    >>> trade_doers("carpentry", lambda w: w == "carpenter")
    ['carpenter']
    >>> trade_doers("nursing", lambda w: w in {"nurse", "nursing"})
    ['nurse']
    """
    if word.endswith("ing") and len(word) > 5:
        s = word[:-3]  # weld, driv, nurs, account, shopp, cook
        made = [s + "er", s + "e" + "r", s + "e", s + "ant", s + "or", s + "ist", s]
    elif word.endswith("ry") and len(word) > 5:
        s = word[:-2]  # carpent, joine, mason, dentist
        made = [s + "er", s + "r", s]
    else:
        return []
    return [w for w in dict.fromkeys(made) if w != word and known(w)]


@dataclass(frozen=True)
class Readings:
    """Titles a description of work may mean: ``whole`` ones hold all it says (a title
    with exactly their words is the job); ``partial`` ones leave the work's object or the
    doer out, so they only help titles that share words with them."""

    whole: tuple[str, ...] = ()
    partial: tuple[str, ...] = ()


def activity_readings(text: str, known: Callable[[str], bool]) -> Readings:
    """Titles a description of work may mean, to try besides the words as typed.

    >>> words = {"painter", "house", "welder", "pipe", "teacher", "math", "repairer", "car"}
    >>> activity_readings("I paint houses", words.__contains__)
    Readings(whole=('houses painter',), partial=('painter', 'houses'))
    >>> activity_readings("welding", words.__contains__).whole
    ('welder',)
    >>> activity_readings("registered nurse", words.__contains__)
    Readings(whole=(), partial=())
    """
    low = text.lower().strip()
    subject = _SUBJECT.match(low)
    words = typed_words(low[subject.end() :] if subject else low)
    if not words:
        return Readings()
    if not subject:
        # a trade named by its noun, last: "welding", "pipe welding", "carpentry"
        doers = trade_doers(words[-1], known)
        return Readings(tuple(" ".join([*words[:-1], d]) for d in doers[:MAX_READINGS]))
    verb, rest = words[0], words[1:]
    if verb in ("look", "take") and rest[:1] in (["after"], ["care"]):
        verb, rest = "care", [w for w in rest[1:] if w != "of"]
    elif rest[:1] and rest[0] in _PARTICLES:
        rest = rest[1:]
    # the work's object, and the place or employer after "at"/"in"/"for"
    cut = next((i for i, w in enumerate(rest) if w in _PLACE), len(rest))
    thing = [w for w in rest[:cut] if w not in _FILLER]
    place = [w for w in rest[cut + 1 :] if w not in _FILLER]
    doers = doer_nouns(verb, known)
    whole: list[str] = []
    for d in doers:
        if thing:
            whole.append(" ".join([*thing, d]))
        if place:
            whole.append(" ".join([*place, d]))
        if thing and place:
            whole.append(" ".join([*place, *thing, d]))
    if not thing and not place:
        return Readings(tuple(doers[:MAX_READINGS]))
    # the doer alone ("I wait tables": a waiter) or the work alone may name the job
    partial = [*doers, " ".join(thing or place)]
    return Readings(
        tuple(dict.fromkeys(whole))[:MAX_READINGS], tuple(dict.fromkeys(partial))[:MAX_READINGS]
    )


__all__ = ["VERB_DOERS", "Readings", "activity_readings", "doer_nouns", "trade_doers"]
