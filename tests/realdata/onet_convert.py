"""Test-only converter: rewrite an O*NET 29.2 text release into the 30.3 / 31.x layout.

Used to test the importer's new-layout path on real-sized data (and by
``bench/onet_layouts.py``); never shipped. Only the layout changes, the values
stay 29.2's, following docs/onet-layouts.md:

* ``Skills.txt`` -> ``Essential Skills.txt`` (2.A.*) + ``Transferable Skills.txt`` (2.B.*)
* ``Interests.txt`` -> ``Career Interest Types.txt`` (same columns)
* ``Technology Skills.txt`` -> ``Software Skills.txt`` (Example -> Workplace Example,
  Commodity Code/Title -> a 2.E.* Element ID / Element Name; the ids are invented here:
  the published mapping was not available)
* ``Alternate Titles.txt`` -> ``Job Titles.txt`` (Alternate Title -> Job Title)
* ``Education, Training, and Experience[ Categories].txt`` -> ``Education[ Categories].txt``
  (2.D.*) + ``Training and Experience[ Categories].txt`` (3.A.*)
* ``DWA Reference.txt`` / ``IWA Reference.txt`` -> ``GWAs to IWAs to DWAs.txt`` /
  ``GWAs to IWAs.txt`` and ``Tasks to DWAs.txt`` (DWA ID -> DWA Element ID), with ids in
  the new form (``4.A.1.a.1.I01.D01`` -> ``4.A.1.a.1.a.1``: I## -> letter, D## -> number)
* ``Work Values.txt`` and content-model branch 1.B.2 dropped
* job zone 1 -> 2, ``Job Zone Reference.txt`` with four rows, zone 2 named "Job Zone 1-2"
* ``Read Me.txt`` says ``O*NET 30.3 Database``
"""

from __future__ import annotations

import shutil
import string
from pathlib import Path

PROFILE_HEADER = "O*NET-SOC Code|Element ID|Element Name|Scale ID|Data Value|Date|Domain Source"
PROFILE_HEADER_COLS = PROFILE_HEADER.split("|")
SOFTWARE_HEADER_COLS = [
    "O*NET-SOC Code",
    "Workplace Example",
    "Element ID",
    "Element Name",
    "Hot Technology",
    "In Demand",
]
COPIED = (
    "Occupation Data.txt",
    "Knowledge.txt",
    "Task Statements.txt",
    "Related Occupations.txt",
    "Scales Reference.txt",
    "Level Scale Anchors.txt",
)


def new_iwa(old: str) -> str:
    """``4.A.1.a.1.I01`` -> ``4.A.1.a.1.a`` (01 -> a ... 26 -> z, 27 -> aa)."""
    base, tag = old.rsplit(".", 1)
    return f"{base}.{_letters(int(tag[1:]))}"


def new_dwa(old: str) -> str:
    """``4.A.1.a.1.I01.D01`` -> ``4.A.1.a.1.a.1``."""
    iwa, tag = old.rsplit(".", 1)
    return f"{new_iwa(iwa)}.{int(tag[1:])}"


def _letters(n: int) -> str:
    out = ""
    while n > 0:
        n, r = divmod(n - 1, 26)
        out = string.ascii_lowercase[r] + out
    return out


def _lines(path: Path) -> tuple[list[str], list[list[str]]]:
    text = path.read_text(encoding="utf-8-sig")
    rows = [ln.split("\t") for ln in text.splitlines() if ln.strip()]
    return rows[0], rows[1:]


def _write(path: Path, header: list[str], rows: list[list[str]]) -> None:
    body = "\n".join("\t".join(r) for r in [header, *rows]) + "\n"
    path.write_text(body, encoding="utf-8")


def convert(src: Path, dest: Path) -> Path:
    """Write ``src`` (a 29.2 text release folder) into ``dest`` in the 30.3 layout."""
    dest.mkdir(parents=True, exist_ok=True)
    for name in COPIED:
        shutil.copyfile(src / name, dest / name)
    (dest / "Read Me.txt").write_text(
        "O*NET 30.3 Database\nConverted by CareerPivot's tests from the 29.2 release\n",
        encoding="utf-8",
    )

    header, rows = _lines(src / "Skills.txt")
    element = header.index("Element ID")
    _write(dest / "Essential Skills.txt", header, [r for r in rows if r[element].startswith("2.A")])
    _write(
        dest / "Transferable Skills.txt", header, [r for r in rows if r[element].startswith("2.B")]
    )
    shutil.copyfile(src / "Interests.txt", dest / "Career Interest Types.txt")
    _write(
        dest / "Specific Interest Areas.txt",
        PROFILE_HEADER_COLS,
        [],
    )

    header, rows = _lines(src / "Technology Skills.txt")
    col = {h: i for i, h in enumerate(header)}
    classes: dict[str, int] = {}
    commodities: dict[str, str] = {}
    for r in rows:
        code = r[col["Commodity Code"]]
        cls = code[:6]
        classes.setdefault(cls, len(classes) + 1)
        if code not in commodities:
            n = sum(1 for c in commodities if c[:6] == cls) + 1
            commodities[code] = f"2.E.{classes[cls]}.{_letters(n)}"
    _write(
        dest / "Software Skills.txt",
        SOFTWARE_HEADER_COLS,
        [
            [
                r[col["O*NET-SOC Code"]],
                r[col["Example"]],
                commodities[r[col["Commodity Code"]]],
                r[col["Commodity Title"]],
                r[col["Hot Technology"]],
                r[col["In Demand"]],
            ]
            for r in rows
        ],
    )

    header, rows = _lines(src / "Alternate Titles.txt")
    _write(
        dest / "Job Titles.txt",
        ["Job Title" if h == "Alternate Title" else h for h in header],
        rows,
    )

    for suffix in ("", " Categories"):
        header, rows = _lines(src / f"Education, Training, and Experience{suffix}.txt")
        element = header.index("Element ID")
        _write(
            dest / f"Education{suffix}.txt", header, [r for r in rows if r[element][:3] == "2.D"]
        )
        _write(
            dest / f"Training and Experience{suffix}.txt",
            header,
            [r for r in rows if r[element][:3] == "3.A"],
        )

    header, rows = _lines(src / "DWA Reference.txt")
    col = {h: i for i, h in enumerate(header)}
    _write(
        dest / "GWAs to IWAs to DWAs.txt",
        ["GWA Element ID", "IWA Element ID", "DWA Element ID", "DWA Element Name"],
        [
            [
                r[col["Element ID"]],
                new_iwa(r[col["IWA ID"]]),
                new_dwa(r[col["DWA ID"]]),
                r[col["DWA Title"]],
            ]
            for r in rows
        ],
    )
    header, rows = _lines(src / "IWA Reference.txt")
    col = {h: i for i, h in enumerate(header)}
    _write(
        dest / "GWAs to IWAs.txt",
        ["GWA Element ID", "IWA Element ID", "IWA Element Name"],
        [[r[col["Element ID"]], new_iwa(r[col["IWA ID"]]), r[col["IWA Title"]]] for r in rows],
    )
    header, rows = _lines(src / "Tasks to DWAs.txt")
    dwa = header.index("DWA ID")
    _write(
        dest / "Tasks to DWAs.txt",
        ["DWA Element ID" if h == "DWA ID" else h for h in header],
        [[new_dwa(c) if i == dwa else c for i, c in enumerate(r)] for r in rows],
    )

    header, rows = _lines(src / "Content Model Reference.txt")
    _write(
        dest / "Content Model Reference.txt",
        header,
        [r for r in rows if not r[0].startswith("1.B.2")],
    )

    header, rows = _lines(src / "Job Zones.txt")
    zone = header.index("Job Zone")
    _write(
        dest / "Job Zones.txt",
        header,
        [["2" if i == zone and c == "1" else c for i, c in enumerate(r)] for r in rows],
    )
    header, rows = _lines(src / "Job Zone Reference.txt")
    rows = [r for r in rows if r[0] != "1"]
    for r in rows:
        if r[0] == "2":
            r[1] = "Job Zone 1-2: Very Little to Some Preparation Needed"
    _write(dest / "Job Zone Reference.txt", header, rows)
    return dest
