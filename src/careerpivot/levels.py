"""Plain words for levels: what someone at a level (0-7) of a skill or knowledge area can do.

The words are the team's anchors (``data/assessment/skill_questions.csv``, the same
examples the self-assessment shows beside its sliders). An anchor is an example of a
point on the 0-7 scale from any line of work, not a statement about a role, so a level
reads as the *nearest* anchor (ties: the higher one) *with that anchor's level* and where
the level sits against it: "Programming: needs 3.9 of 7 (level 4 is like: write a script
that cleans and combines data files)", "needs 4.6 of 7 (above level 4, which is like:
...)". The last anchor at or below a level would describe 3.9 with the level-1 example.
Tools have no anchors (O*NET does not rate tool levels).
"""

from __future__ import annotations

from functools import lru_cache

from careerpivot.assessment.data import load_skill_questions
from careerpivot.assessment.skills import Anchor

#: One line of help on what the numbers mean, shown beside levels on every page.
NUMBERS_HELP = (
    "Levels run 0-7 on the O*NET scale (about 2: simple, routine use; 4: everyday work "
    'unaided; 6: hard, unusual cases). "Level 4 is like: ..." gives the team\'s example of '
    'the nearest point of the scale ("below" or "above" it when the level is not close), '
    "taken from any line of work: it shows how demanding the level is, not what the role "
    "does. Importance runs 1-5 (3 = important). Hours are the team's estimates for "
    "comparing options, not promises."
)


@lru_cache(maxsize=1)
def _anchors() -> dict[str, tuple[Anchor, ...]]:
    return {d: q.anchors for d, q in load_skill_questions().items()}


#: A level within this many points of an anchor reads as that anchor's level ("level 4
#: is like"); further off it says "below" or "above" the anchor.
CLOSE = 0.25


def nearest_anchor(anchors: tuple[Anchor, ...], level: float) -> Anchor | None:
    """The anchor nearest ``level`` (ties: the higher one); ``None`` without anchors.

    >>> a = (Anchor(2, "low"), Anchor(4, "mid"), Anchor(6, "high"))
    >>> nearest_anchor(a, 3.9).text, nearest_anchor(a, 3.0).text, nearest_anchor(a, 2.9).text
    ('mid', 'mid', 'low')
    """
    if not anchors:
        return None
    return min(anchors, key=lambda a: (abs(level - a.level), -a.level))


def anchor_text(descriptor_id: str, level: float) -> str:
    """The scale example nearest a level, with the example's own level and where the level
    sits against it ('' when the descriptor has no anchors): the example shows how
    demanding a point of the 0-7 scale is, from any line of work, so it never reads as a
    statement about a role.

    >>> anchor_text("2.B.3.e", 3.9)
    'level 4 is like: write a script that cleans and combines data files'
    >>> anchor_text("2.B.3.e", 4.6)
    'above level 4, which is like: write a script that cleans and combines data files'
    >>> anchor_text("2.B.3.e", 0.5)
    'below level 1, which is like: record a simple spreadsheet macro'
    >>> anchor_text("tech:python", 3.0)
    ''
    """
    return anchor_phrase(_anchors().get(descriptor_id, ()), level)


def anchor_phrase(anchors: tuple[Anchor, ...], level: float) -> str:
    """:func:`anchor_text` for a given set of anchors (a question's own, e.g. the generic
    ones of a descriptor without a written question): the one rule every page uses.

    >>> a = (Anchor(2, "Low"), Anchor(4, "Mid"), Anchor(6, "High"))
    >>> anchor_phrase(a, 3.5), anchor_phrase(a, 4.1)
    ('below level 4, which is like: mid', 'level 4 is like: mid')
    >>> anchor_phrase(a, 2.9), anchor_phrase((), 3.0)
    ('above level 2, which is like: low', '')
    """
    near = nearest_anchor(anchors, level)
    if near is None:
        return ""
    point, text = level_number(near.level), _lower(near.text)
    if abs(level - near.level) < CLOSE:
        return f"level {point} is like: {text}"
    side = "below" if level < near.level else "above"
    return f"{side} level {point}, which is like: {text}"


def level_number(level: float) -> str:
    """A level to one decimal, without a trailing ``.0`` (``4`` or ``4.4``).

    >>> level_number(4.0), level_number(4.44)
    ('4', '4.4')
    """
    return f"{round(level, 1):g}"


def level_words(name: str, descriptor_id: str, level: float) -> str:
    """A level with its anchor: "Programming 4.4 of 7 (level 4 is like: write a script ...)".

    >>> level_words("Programming", "2.B.3.e", 4.1)
    'Programming 4.1 of 7 (level 4 is like: write a script that cleans and combines data files)'
    """
    text = anchor_text(descriptor_id, level)
    head = f"{name} {level_number(level)} of 7"
    return f"{head} ({text})" if text else head


def _lower(text: str) -> str:
    return text[:1].lower() + text[1:] if text[1:2].islower() else text
