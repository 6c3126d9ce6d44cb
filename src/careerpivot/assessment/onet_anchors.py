"""Read O*NET's ``Level Scale Anchors.txt``: the official examples of each level of a descriptor.

The file is tab-separated with the header ``Element ID, Element Name, Scale ID,
Anchor Value, Anchor Description``; O*NET 29.2 gives three level (LV) anchors
for each of its 35 skills and 33 knowledge areas (and abilities, which
CareerPivot does not rate). Pass the result to
:func:`careerpivot.assessment.skills.skill_questions` as ``official``.
"""

from __future__ import annotations

from pathlib import Path

from careerpivot.assessment.skills import Anchor
from careerpivot.datasets.tables import Column, number, read_rows
from careerpivot.errors import DataValidationError
from careerpivot.model import LEVEL_RANGE

ANCHORS_FILE = "Level Scale Anchors.txt"
ANCHOR_COLUMNS = [
    Column("Element ID"),
    Column("Element Name"),
    Column("Scale ID"),
    Column("Anchor Value", number()),
    Column("Anchor Description"),
]


def parse_level_anchors(
    text: str, *, source: str = ANCHORS_FILE, scale: str = "LV"
) -> dict[str, tuple[Anchor, ...]]:
    """Element id -> its anchors on ``scale``, lowest level first.

    Errors name the file, line and column (a value off the 0-7 level scale, a
    level given twice for one element, a missing column).

    >>> rows = "Element ID\\tElement Name\\tScale ID\\tAnchor Value\\tAnchor Description\\n"
    >>> rows += "2.A.1.c\\tWriting\\tLV\\t6\\tWrite a novel\\n"
    >>> rows += "2.A.1.c\\tWriting\\tLV\\t2\\tWrite a note\\n"
    >>> [(a.level, a.text) for a in parse_level_anchors(rows)["2.A.1.c"]]
    [(2.0, 'Write a note'), (6.0, 'Write a novel')]
    """
    lo, hi = LEVEL_RANGE
    found: dict[str, dict[float, str]] = {}
    rows = read_rows(
        source, ANCHOR_COLUMNS, text=text, delimiter="\t", allow_extra=True, display_name=source
    )
    for line, row in rows:
        if row["Scale ID"] != scale:
            continue
        value = float(row["Anchor Value"])
        if scale == "LV" and not lo <= value <= hi:
            raise DataValidationError(
                f"{value:g} is off the level scale {lo:g}-{hi:g}",
                file=source,
                row=line,
                field="Anchor Value",
            )
        levels = found.setdefault(row["Element ID"], {})
        if value in levels:
            raise DataValidationError(
                f"element {row['Element ID']} has two anchors at level {value:g}",
                file=source,
                row=line,
                field="Anchor Value",
            )
        levels[value] = row["Anchor Description"]
    return {
        element: tuple(Anchor(v, levels[v]) for v in sorted(levels))
        for element, levels in found.items()
    }


def load_level_anchors(path: Path, *, scale: str = "LV") -> dict[str, tuple[Anchor, ...]]:
    """Read ``Level Scale Anchors.txt`` (a file, or the release folder holding it)."""
    file = path / ANCHORS_FILE if path.is_dir() else path
    if not file.is_file():
        raise DataValidationError("file is missing", file=str(file))
    text = file.read_text(encoding="utf-8-sig")
    return parse_level_anchors(text, source=str(file), scale=scale)
