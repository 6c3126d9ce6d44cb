"""Plain words for levels: what someone at a level (0-7) of a skill or knowledge area can do.

The words are the team's anchors (``data/assessment/skill_questions.csv``, the same
examples the self-assessment shows beside its sliders). An anchor is an example of a
point on the 0-7 scale from any line of work, not a statement about a role, so a level
reads as the highest anchor it reaches *with that anchor's level*: "Programming: needs
4.4 of 7 (level 4 is like: write a script that cleans and combines data files)". Tools
have no anchors (O*NET does not rate tool levels).
"""

from __future__ import annotations

from functools import lru_cache

from careerpivot.assessment.data import load_skill_questions
from careerpivot.assessment.skills import Anchor

#: One line of help on what the numbers mean, shown beside levels on every page.
NUMBERS_HELP = (
    "Levels run 0-7 on the O*NET scale (about 2: simple, routine use; 4: everyday work "
    'unaided; 6: hard, unusual cases). "Level 4 is like: ..." gives the team\'s example of '
    "that point of the scale, taken from any line of work: it shows how demanding the "
    "level is, not what the role does. Importance runs 1-5 (3 = important). Hours are the "
    "team's estimates for comparing options, not promises."
)


@lru_cache(maxsize=1)
def _anchors() -> dict[str, tuple[Anchor, ...]]:
    return {d: q.anchors for d, q in load_skill_questions().items()}


def anchor_text(descriptor_id: str, level: float) -> str:
    """The scale example a level reaches, with the example's own level ('' when the
    descriptor has no anchors): the example shows how demanding a point of the 0-7
    scale is, from any line of work, so it never reads as a statement about a role.

    >>> anchor_text("2.B.3.e", 4.2)
    'level 4 is like: write a script that cleans and combines data files'
    >>> anchor_text("2.B.3.e", 0.5)
    'below level 1, which is like: record a simple spreadsheet macro'
    >>> anchor_text("tech:python", 3.0)
    ''
    """
    anchors = _anchors().get(descriptor_id)
    if not anchors:
        return ""
    reached = [a for a in anchors if a.level <= level + 1e-9]
    if not reached:
        first = anchors[0]
        return f"below level {level_number(first.level)}, which is like: {_lower(first.text)}"
    last = reached[-1]
    return f"level {level_number(last.level)} is like: {_lower(last.text)}"


def level_number(level: float) -> str:
    """A level to one decimal, without a trailing ``.0`` (``4`` or ``4.4``).

    >>> level_number(4.0), level_number(4.44)
    ('4', '4.4')
    """
    return f"{round(level, 1):g}"


def level_words(name: str, descriptor_id: str, level: float) -> str:
    """A level with its anchor: "Programming 4.4 of 7 (level 4 is like: write a script ...)".

    >>> level_words("Programming", "2.B.3.e", 4.4)
    'Programming 4.4 of 7 (level 4 is like: write a script that cleans and combines data files)'
    """
    text = anchor_text(descriptor_id, level)
    head = f"{name} {level_number(level)} of 7"
    return f"{head} ({text})" if text else head


def _lower(text: str) -> str:
    return text[:1].lower() + text[1:] if text[1:2].islower() else text
