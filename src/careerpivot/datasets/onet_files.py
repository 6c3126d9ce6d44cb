"""Readers for the official O*NET text release: one function per file, validated row by row.

The release is a folder (or the official ``db_XX_X_text.zip``) of tab-separated
files with one header row and ``n/a`` for missing values. Every reader checks the
header, field count, codes, element ids and numeric ranges, and raises
:class:`~careerpivot.errors.DataValidationError` naming the file, line and column.
Extra columns (the Excel release has a few more) are allowed.
"""

from __future__ import annotations

import hashlib
import zipfile
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from careerpivot.datasets.tables import Column, choice, integer, number, read_rows
from careerpivot.errors import DataValidationError
from careerpivot.model import ONET_SOC_PATTERN

MISSING = ("n/a", "")

FILES = {
    "occupations": "Occupation Data.txt",
    "skills": "Skills.txt",
    "knowledge": "Knowledge.txt",
    "interests": "Interests.txt",
    "work_values": "Work Values.txt",
    "job_zones": "Job Zones.txt",
    "technology": "Technology Skills.txt",
    "alternate_titles": "Alternate Titles.txt",
    "tasks": "Task Statements.txt",
    "tasks_to_dwas": "Tasks to DWAs.txt",
    "dwa_reference": "DWA Reference.txt",
    "iwa_reference": "IWA Reference.txt",
    "education": "Education, Training, and Experience.txt",
    "education_categories": "Education, Training, and Experience Categories.txt",
    "related": "Related Occupations.txt",
    "content_model": "Content Model Reference.txt",
    "scales": "Scales Reference.txt",
}


class Release:
    """An O*NET text release on disk: a folder or the official zip."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._zip: zipfile.ZipFile | None = None
        self._members: dict[str, str] = {}
        if self.path.is_file() and zipfile.is_zipfile(self.path):
            self._zip = zipfile.ZipFile(self.path)
            self._members = {Path(n).name: n for n in self._zip.namelist() if not n.endswith("/")}
        elif not self.path.is_dir():
            raise DataValidationError(
                "not an O*NET text release (expected a folder or a db_XX_X_text.zip)",
                file=str(self.path),
            )

    def has(self, name: str) -> bool:
        """True when the release contains the file."""
        return name in self._members if self._zip else (self.path / name).is_file()

    def text(self, name: str) -> str:
        """The file's text; a missing file is a :class:`DataValidationError`."""
        if not self.has(name):
            raise DataValidationError("file is missing from the release", file=name)
        raw = self._zip.read(self._members[name]) if self._zip else (self.path / name).read_bytes()
        try:
            return raw.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise DataValidationError(f"not UTF-8 text ({exc.reason})", file=name) from None

    def sha256(self, name: str) -> str:
        """Checksum of one file, for the provenance record."""
        raw = self._zip.read(self._members[name]) if self._zip else (self.path / name).read_bytes()
        return hashlib.sha256(raw).hexdigest()

    def version(self) -> str:
        """Release version from ``Read Me.txt`` (``O*NET 29.2 Database``) or the path name."""
        if self.has("Read Me.txt"):
            first = self.text("Read Me.txt").strip().splitlines()[0]
            words = first.split()
            if len(words) >= 2 and words[0] == "O*NET":
                return words[1]
        stem = self.path.stem.replace("db_", "").replace("_text", "")
        return stem.replace("_", ".")

    def close(self) -> None:
        """Release the zip handle, if any."""
        if self._zip is not None:
            self._zip.close()


def _code(text: str) -> str:
    if not ONET_SOC_PATTERN.match(text):
        raise ValueError(f"{text!r} is not an O*NET-SOC code like 15-1252.00")
    return text


def _flag(text: str) -> bool:
    if text not in ("Y", "N"):
        raise ValueError(f"{text!r} is not Y or N")
    return text == "Y"


def rows(
    release: Release, name: str, columns: list[Column]
) -> Iterator[tuple[int, dict[str, Any]]]:
    """Validated rows of one release file (header checked, ``n/a`` as missing)."""
    return read_rows(
        name,
        columns,
        text=release.text(name),
        delimiter="\t",
        missing=MISSING,
        allow_extra=True,
        display_name=name,
    )


@dataclass
class FileStats:
    """What one file gave: rows read, kept and skipped (with reasons)."""

    read: int = 0
    kept: int = 0
    skipped: dict[str, int] = field(default_factory=lambda: defaultdict(int))

    def skip(self, reason: str) -> None:
        """Count one skipped row."""
        self.skipped[reason] += 1


# ----- reference files ----------------------------------------------------------------------
def read_scales(release: Release) -> dict[str, tuple[float, float]]:
    """Scale id -> (minimum, maximum) from ``Scales Reference.txt``."""
    cols = [Column("Scale ID"), Column("Minimum", number()), Column("Maximum", number())]
    return {
        r["Scale ID"]: (r["Minimum"], r["Maximum"]) for _, r in rows(release, FILES["scales"], cols)
    }


def read_content_model(release: Release) -> dict[str, tuple[str, str]]:
    """Element id -> (name, description) from ``Content Model Reference.txt``."""
    cols = [Column("Element ID"), Column("Element Name"), Column("Description", required=False)]
    return {
        r["Element ID"]: (r["Element Name"], r["Description"] or "")
        for _, r in rows(release, FILES["content_model"], cols)
    }


def read_occupations(release: Release) -> dict[str, tuple[str, str]]:
    """Code -> (title, description) from ``Occupation Data.txt``."""
    name = FILES["occupations"]
    cols = [Column("O*NET-SOC Code", _code), Column("Title"), Column("Description", required=False)]
    out: dict[str, tuple[str, str]] = {}
    for line, r in rows(release, name, cols):
        code = r["O*NET-SOC Code"]
        if code in out:
            raise DataValidationError(
                f"duplicate code {code}", file=name, row=line, field="O*NET-SOC Code"
            )
        out[code] = (r["Title"], r["Description"] or "")
    return out


# ----- rated descriptors (Skills, Knowledge, Interests, Work Values) -----------------------
def read_ratings(
    release: Release,
    key: str,
    *,
    codes: set[str],
    elements: set[str],
    scales: dict[str, tuple[float, float]],
    wanted_scales: tuple[str, ...],
    stats: FileStats,
) -> dict[tuple[str, str], dict[str, float]]:
    """(code, element id) -> {scale id: value}, honouring Recommend Suppress and Not Relevant.

    A value flagged ``Recommend Suppress = Y`` is dropped (O*NET advises not to use
    it); a level flagged ``Not Relevant = Y`` counts as level 0.
    """
    name = FILES[key]
    cols = [
        Column("O*NET-SOC Code", _code),
        Column("Element ID"),
        Column("Scale ID"),
        Column("Data Value", number()),
    ]
    text = release.text(name)
    header = text.split("\n", 1)[0].rstrip("\r").split("\t")
    if "Recommend Suppress" in header:
        cols.append(Column("Recommend Suppress", _flag, required=False))
    if "Not Relevant" in header:
        cols.append(Column("Not Relevant", _flag, required=False))
    out: dict[tuple[str, str], dict[str, float]] = defaultdict(dict)
    for line, r in read_rows(
        name, cols, text=text, delimiter="\t", missing=MISSING, allow_extra=True, display_name=name
    ):
        stats.read += 1
        code, element, scale = r["O*NET-SOC Code"], r["Element ID"], r["Scale ID"]
        if code not in codes:
            raise DataValidationError(
                f"unknown occupation code {code} (not in {FILES['occupations']})",
                file=name,
                row=line,
                field="O*NET-SOC Code",
            )
        if element not in elements:
            raise DataValidationError(
                f"unknown element id {element!r} (not in {FILES['content_model']})",
                file=name,
                row=line,
                field="Element ID",
            )
        if scale not in wanted_scales:
            stats.skip(f"scale {scale} not used")
            continue
        lo, hi = scales.get(scale, (float("-inf"), float("inf")))
        value = r["Data Value"]
        if not lo <= value <= hi:
            raise DataValidationError(
                f"{value:g} is outside scale {scale} ({lo:g}-{hi:g})",
                file=name,
                row=line,
                field="Data Value",
            )
        if r.get("Recommend Suppress"):
            stats.skip("Recommend Suppress = Y")
            continue
        if r.get("Not Relevant") and scale == "LV":
            value = 0.0
        out[(code, element)][scale] = value
        stats.kept += 1
    return out


# ----- per-occupation facts -----------------------------------------------------------------
def read_job_zones(release: Release, codes: set[str], stats: FileStats) -> dict[str, int]:
    """Code -> job zone 1-5."""
    name = FILES["job_zones"]
    cols = [Column("O*NET-SOC Code", _code), Column("Job Zone", integer(1, 5))]
    out: dict[str, int] = {}
    for line, r in rows(release, name, cols):
        stats.read += 1
        _known(r["O*NET-SOC Code"], codes, name, line)
        out[r["O*NET-SOC Code"]] = r["Job Zone"]
        stats.kept += 1
    return out


@dataclass(frozen=True)
class ToolRow:
    """One technology example of one occupation."""

    code: str
    example: str
    commodity: str
    hot: bool
    in_demand: bool


def read_technology(release: Release, codes: set[str], stats: FileStats) -> list[ToolRow]:
    """Technology examples with their Hot Technology and In Demand flags."""
    name = FILES["technology"]
    cols = [
        Column("O*NET-SOC Code", _code),
        Column("Example"),
        Column("Commodity Title", required=False),
        Column("Hot Technology", _flag),
        Column("In Demand", _flag),
    ]
    out = []
    for line, r in rows(release, name, cols):
        stats.read += 1
        _known(r["O*NET-SOC Code"], codes, name, line)
        out.append(
            ToolRow(
                r["O*NET-SOC Code"],
                r["Example"],
                r["Commodity Title"] or "",
                r["Hot Technology"],
                r["In Demand"],
            )
        )
    return out


def read_alternate_titles(
    release: Release, codes: set[str], stats: FileStats
) -> dict[str, list[str]]:
    """Code -> alternate titles (and short titles), deduplicated in file order."""
    name = FILES["alternate_titles"]
    cols = [
        Column("O*NET-SOC Code", _code),
        Column("Alternate Title"),
        Column("Short Title", required=False),
    ]
    out: dict[str, list[str]] = defaultdict(list)
    for line, r in rows(release, name, cols):
        stats.read += 1
        code = _known(r["O*NET-SOC Code"], codes, name, line)
        for t in (r["Alternate Title"], r["Short Title"]):
            if t and t not in out[code]:
                out[code].append(t)
        stats.kept += 1
    return out


def read_tasks(
    release: Release, codes: set[str], stats: FileStats
) -> dict[str, list[tuple[int, str, str]]]:
    """Code -> [(task id, task text, task type)], core tasks first."""
    name = FILES["tasks"]
    cols = [
        Column("O*NET-SOC Code", _code),
        Column("Task ID", integer(0)),
        Column("Task"),
        Column("Task Type", required=False),
    ]
    out: dict[str, list[tuple[int, str, str]]] = defaultdict(list)
    for line, r in rows(release, name, cols):
        stats.read += 1
        code = _known(r["O*NET-SOC Code"], codes, name, line)
        out[code].append((r["Task ID"], r["Task"], r["Task Type"] or ""))
        stats.kept += 1
    for tasks in out.values():
        tasks.sort(key=lambda t: (t[2] != "Core", t[0]))
    return out


def read_task_dwas(
    release: Release, codes: set[str], dwas: set[str], stats: FileStats
) -> dict[str, set[str]]:
    """Code -> detailed work activity ids its tasks map to."""
    name = FILES["tasks_to_dwas"]
    cols = [Column("O*NET-SOC Code", _code), Column("Task ID", integer(0)), Column("DWA ID")]
    out: dict[str, set[str]] = defaultdict(set)
    for line, r in rows(release, name, cols):
        stats.read += 1
        code = _known(r["O*NET-SOC Code"], codes, name, line)
        if r["DWA ID"] not in dwas:
            raise DataValidationError(
                f"unknown DWA id {r['DWA ID']!r} (not in {FILES['dwa_reference']})",
                file=name,
                row=line,
                field="DWA ID",
            )
        out[code].add(r["DWA ID"])
        stats.kept += 1
    return out


def read_dwa_reference(release: Release) -> dict[str, tuple[str, str]]:
    """DWA id -> (IWA id, DWA title)."""
    cols = [Column("IWA ID"), Column("DWA ID"), Column("DWA Title")]
    return {
        r["DWA ID"]: (r["IWA ID"], r["DWA Title"])
        for _, r in rows(release, FILES["dwa_reference"], cols)
    }


def read_iwa_reference(release: Release) -> dict[str, str]:
    """IWA id -> IWA title."""
    cols = [Column("IWA ID"), Column("IWA Title")]
    return {r["IWA ID"]: r["IWA Title"] for _, r in rows(release, FILES["iwa_reference"], cols)}


def read_education(release: Release, codes: set[str], stats: FileStats) -> dict[str, str]:
    """Code -> the required-education category most respondents chose (scale RL)."""
    cats = [
        Column("Element ID"),
        Column("Scale ID"),
        Column("Category", integer(0)),
        Column("Category Description"),
    ]
    labels = {
        r["Category"]: r["Category Description"]
        for _, r in rows(release, FILES["education_categories"], cats)
        if r["Scale ID"] == "RL"
    }
    name = FILES["education"]
    cols = [
        Column("O*NET-SOC Code", _code),
        Column("Element ID"),
        Column("Scale ID"),
        Column("Category", integer(0), required=False),
        Column("Data Value", number(0, 100)),
    ]
    best: dict[str, tuple[float, int]] = {}
    for line, r in rows(release, name, cols):
        stats.read += 1
        code = _known(r["O*NET-SOC Code"], codes, name, line)
        if r["Scale ID"] != "RL" or r["Category"] is None:
            stats.skip("not the required-education scale (RL)")
            continue
        stats.kept += 1
        if code not in best or r["Data Value"] > best[code][0]:
            best[code] = (r["Data Value"], r["Category"])
    return {code: labels.get(cat, f"category {cat}") for code, (_, cat) in best.items()}


TIERS = ("Primary-Short", "Primary-Long", "Supplemental")


def read_related(
    release: Release, codes: set[str], stats: FileStats
) -> dict[str, list[tuple[str, str, int]]]:
    """Code -> [(related code, tier, index)] in index order (O*NET's expert-reviewed list)."""
    name = FILES["related"]
    cols = [
        Column("O*NET-SOC Code", _code),
        Column("Related O*NET-SOC Code", _code),
        Column("Relatedness Tier", choice(*TIERS)),
        Column("Index", integer(1)),
    ]
    out: dict[str, list[tuple[str, str, int]]] = defaultdict(list)
    for line, r in rows(release, name, cols):
        stats.read += 1
        code = _known(r["O*NET-SOC Code"], codes, name, line)
        other = _known(r["Related O*NET-SOC Code"], codes, name, line, "Related O*NET-SOC Code")
        out[code].append((other, r["Relatedness Tier"], r["Index"]))
        stats.kept += 1
    for lst in out.values():
        lst.sort(key=lambda t: t[2])
    return out


def _known(code: str, codes: set[str], name: str, line: int, column: str = "O*NET-SOC Code") -> str:
    if code not in codes:
        raise DataValidationError(
            f"unknown occupation code {code} (not in {FILES['occupations']})",
            file=name,
            row=line,
            field=column,
        )
    return code
