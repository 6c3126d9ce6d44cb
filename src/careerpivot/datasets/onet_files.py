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

from careerpivot.datasets.archive import LIMITS, ArchiveLimits, MiB, open_zip, read_member
from careerpivot.datasets.onet_layouts import Layout, detect_layout
from careerpivot.datasets.tables import Column, choice, integer, number, read_rows
from careerpivot.errors import DataValidationError
from careerpivot.model import ONET_SOC_PATTERN
from careerpivot.reading import open_to_read

MISSING = ("n/a", "")


class Release:
    """An O*NET text release on disk: a folder or the official zip, in a known layout."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._zip: zipfile.ZipFile | None = None
        self._members: dict[str, str] = {}
        self._layout: Layout | None = None
        if self.path.is_file() and zipfile.is_zipfile(self.path):
            self._zip = open_zip(self.path)  # member count, sizes and ratios checked
            self._members = {Path(n).name: n for n in self._zip.namelist() if not n.endswith("/")}
        elif not self.path.is_dir():
            raise DataValidationError(
                "not an O*NET text release (expected a folder or a db_XX_X_text.zip)",
                file=str(self.path),
            )

    @property
    def layout(self) -> Layout:
        """The release's layout, detected once from its files and their headers."""
        if self._layout is None:
            self._layout = detect_layout(self.names(), self.header, where=str(self.path))
        return self._layout

    def names(self) -> list[str]:
        """File names in the release (no folders)."""
        if self._zip:
            return list(self._members)
        return [p.name for p in self.path.iterdir() if p.is_file()]

    def has(self, name: str) -> bool:
        """True when the release contains the file."""
        return name in self._members if self._zip else (self.path / name).is_file()

    def header(self, name: str) -> list[str]:
        """The header cells of one file (empty if the file is absent)."""
        if not self.has(name):
            return []
        first = self.text(name).split("\n", 1)[0].rstrip("\r")
        return [h.strip() for h in first.split("\t")]

    def text(self, name: str) -> str:
        """The file's text; a missing file is a :class:`DataValidationError`."""
        if not self.has(name):
            raise DataValidationError("file is missing from the release", file=name)
        raw = self._raw(name)
        try:
            return raw.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise DataValidationError(f"not UTF-8 text ({exc.reason})", file=name) from None

    def _raw(self, name: str) -> bytes:
        if self._zip:
            return read_member(self._zip, self._members[name], str(self.path))
        return read_release_file(self.path / name)

    def sha256(self, name: str) -> str:
        """Checksum of one file, for the provenance record."""
        raw = self._raw(name)
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


def read_release_file(path: Path, limits: ArchiveLimits = LIMITS) -> bytes:
    """One file of a release folder, refused unread when it is larger than a zip member may
    unpack to (the biggest official file is about 20 MiB): a huge file, or a symlink to
    one, would otherwise be read whole into memory."""
    cap = limits.max_member_bytes
    try:
        size = path.stat().st_size
        raw = b""
        if size <= cap:
            with open_to_read(path) as fh:  # a pipe in the folder: no hang
                raw = fh.read(cap + 1)  # at most: the file may have grown since
    except OSError as exc:
        raise DataValidationError(f"cannot read ({exc.strerror or exc})", file=path.name) from None
    if size > cap or len(raw) > cap:
        raise DataValidationError(
            f"larger than {cap / MiB:,.0f} MiB, the most read of one file (is this an O*NET "
            "text file?)",
            file=path.name,
        )
    return raw


def _code(text: str) -> str:
    if text not in _CODES_SEEN:  # a release names its ~1,000 codes 340,000 times
        if not ONET_SOC_PATTERN.match(text):
            raise ValueError(f"{text!r} is not an O*NET-SOC code like 15-1252.00")
        if len(_CODES_SEEN) < 100_000:
            _CODES_SEEN.add(text)
    return text


_CODES_SEEN: set[str] = set()


def _flag(text: str) -> bool:
    if text not in ("Y", "N"):
        raise ValueError(f"{text!r} is not Y or N")
    return text == "Y"


def table_rows(
    release: Release, table: str, columns: list[Column], *, name: str | None = None
) -> Iterator[tuple[int, dict[str, Any]]]:
    """Validated rows of one logical table, keyed by logical column names.

    ``columns`` use logical names; they are looked up under the layout's headers,
    so errors name the real file and header. A table held in several files
    (30.3's two skills files) yields the rows of each file in turn; ``name``
    reads only that one file.
    """
    spec = release.layout.spec(table)
    real = [Column(spec.header(c.name), c.parse, c.required) for c in columns]
    for file in (name,) if name else spec.files:
        yield from read_rows(
            file,
            real,
            text=release.text(file),
            delimiter="\t",
            missing=MISSING,
            allow_extra=True,
            display_name=file,
            keys=[c.name for c in columns],
        )


def label(release: Release, table: str) -> str:
    """The file name(s) of a logical table in this release, for messages and summaries."""
    return release.layout.spec(table).label


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
    cols = [Column("scale"), Column("min", number()), Column("max", number())]
    return {r["scale"]: (r["min"], r["max"]) for _, r in table_rows(release, "scales", cols)}


def read_content_model(release: Release) -> dict[str, tuple[str, str]]:
    """Element id -> (name, description) from ``Content Model Reference.txt``."""
    cols = [Column("element"), Column("name"), Column("description", required=False)]
    return {
        r["element"]: (r["name"], r["description"] or "")
        for _, r in table_rows(release, "content_model", cols)
    }


def read_occupations(release: Release) -> dict[str, tuple[str, str]]:
    """Code -> (title, description) from ``Occupation Data.txt``."""
    spec = release.layout.spec("occupations")
    cols = [Column("code", _code), Column("title"), Column("description", required=False)]
    out: dict[str, tuple[str, str]] = {}
    for line, r in table_rows(release, "occupations", cols):
        code = r["code"]
        if code in out:
            raise DataValidationError(
                f"duplicate code {code}", file=spec.label, row=line, field=spec.header("code")
            )
        out[code] = (r["title"], r["description"] or "")
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
    spec = release.layout.spec(key)
    out: dict[tuple[str, str], dict[str, float]] = defaultdict(dict)
    for name in spec.files:
        cols = [
            Column("code", _code),
            Column("element"),
            Column("scale"),
            Column("value", number()),
        ]
        header = release.header(name)
        for flag in ("suppress", "not_relevant"):
            if spec.header(flag) in header:
                cols.append(Column(flag, _flag, required=False))
        for line, r in table_rows(release, key, cols, name=name):
            stats.read += 1
            code, element, scale = r["code"], r["element"], r["scale"]
            if code not in codes:
                raise DataValidationError(
                    f"unknown occupation code {code} (not in {label(release, 'occupations')})",
                    file=name,
                    row=line,
                    field=spec.header("code"),
                )
            if scale not in wanted_scales:
                stats.skip(f"scale {scale} not used")
                continue
            if element not in elements:
                raise DataValidationError(
                    f"unknown element id {element!r} (not in {label(release, 'content_model')})",
                    file=name,
                    row=line,
                    field=spec.header("element"),
                )
            lo, hi = scales.get(scale, (float("-inf"), float("inf")))
            value = r["value"]
            if not lo <= value <= hi:
                raise DataValidationError(
                    f"{value:g} is outside scale {scale} ({lo:g}-{hi:g})",
                    file=name,
                    row=line,
                    field=spec.header("value"),
                )
            if r.get("suppress"):
                stats.skip("Recommend Suppress = Y")
                continue
            if r.get("not_relevant") and scale == "LV":
                value = 0.0
            out[(code, element)][scale] = value
            stats.kept += 1
    return out


# ----- per-occupation facts -----------------------------------------------------------------
def read_job_zones(release: Release, codes: set[str], stats: FileStats) -> dict[str, int]:
    """Code -> job zone 1-5 (2 stands for "1-2" where the release merged zones 1 and 2)."""
    cols = [Column("code", _code), Column("zone", integer(1, 5))]
    out: dict[str, int] = {}
    for line, r in table_rows(release, "job_zones", cols):
        stats.read += 1
        _known(release, "job_zones", r["code"], codes, line)
        out[r["code"]] = r["zone"]
        stats.kept += 1
    return out


def read_interest_areas(
    release: Release, codes: set[str], stats: FileStats, top: int = 5
) -> dict[str, list[tuple[str, float]]]:
    """Code -> its ``top`` specific interest areas (name, OI 1-7), best first.

    Only where the layout has ``Specific Interest Areas.txt`` (30.3 and later) and
    the release ships it; the areas are named by the file's own Element Name.
    """
    if not release.layout.has("specific_interests"):
        return {}
    spec = release.layout.spec("specific_interests")
    if not all(release.has(f) for f in spec.files):
        return {}
    cols = [
        Column("code", _code),
        Column("name"),
        Column("scale"),
        Column("value", number(0, 7)),
    ]
    areas: dict[str, list[tuple[str, float]]] = defaultdict(list)
    for line, r in table_rows(release, "specific_interests", cols):
        stats.read += 1
        code = _known(release, "specific_interests", r["code"], codes, line)
        if r["scale"] != "OI":
            stats.skip(f"scale {r['scale']} not used")
            continue
        areas[code].append((r["name"], r["value"]))
        stats.kept += 1
    return {c: sorted(lst, key=lambda t: (-t[1], t[0]))[:top] for c, lst in areas.items()}


def read_job_zone_names(release: Release) -> dict[int, str]:
    """Job zone -> its name from ``Job Zone Reference.txt`` ({} where the file is absent)."""
    spec = release.layout.spec("job_zone_reference")
    if not all(release.has(f) for f in spec.files):
        return {}
    cols = [Column("zone", integer(1, 5)), Column("name")]
    return {r["zone"]: r["name"] for _, r in table_rows(release, "job_zone_reference", cols)}


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
    cols = [
        Column("code", _code),
        Column("example"),
        Column("category", required=False),
        Column("hot", _flag, required=False),
        Column("in_demand", _flag, required=False),
    ]
    out = []
    for line, r in table_rows(release, "technology", cols):
        stats.read += 1
        _known(release, "technology", r["code"], codes, line)
        out.append(
            ToolRow(
                r["code"], r["example"], r["category"] or "", bool(r["hot"]), bool(r["in_demand"])
            )
        )
    return out


def read_alternate_titles(
    release: Release, codes: set[str], stats: FileStats
) -> dict[str, list[str]]:
    """Code -> alternate titles (and short titles), deduplicated in file order."""
    cols = [Column("code", _code), Column("title"), Column("short", required=False)]
    out: dict[str, list[str]] = defaultdict(list)
    seen: dict[str, set[str]] = defaultdict(set)  # a role has up to ~150: no list scans
    for line, r in table_rows(release, "alternate_titles", cols):
        stats.read += 1
        code = _known(release, "alternate_titles", r["code"], codes, line)
        titles, known = out[code], seen[code]
        for t in (r["title"], r["short"]):
            if t and t not in known:
                known.add(t)
                titles.append(t)
        stats.kept += 1
    return out


def read_tasks(
    release: Release, codes: set[str], stats: FileStats
) -> dict[str, list[tuple[int, str, str]]]:
    """Code -> [(task id, task text, task type)], core tasks first."""
    cols = [
        Column("code", _code),
        Column("task_id", integer(0)),
        Column("task"),
        Column("task_type", required=False),
    ]
    out: dict[str, list[tuple[int, str, str]]] = defaultdict(list)
    for line, r in table_rows(release, "tasks", cols):
        stats.read += 1
        code = _known(release, "tasks", r["code"], codes, line)
        out[code].append((r["task_id"], r["task"], r["task_type"] or ""))
        stats.kept += 1
    for tasks in out.values():
        tasks.sort(key=lambda t: (t[2] != "Core", t[0]))
    return out


def read_task_dwas(
    release: Release, codes: set[str], dwas: set[str], stats: FileStats
) -> dict[str, set[str]]:
    """Code -> detailed work activity ids its tasks map to."""
    spec = release.layout.spec("tasks_to_dwas")
    cols = [Column("code", _code), Column("task_id", integer(0)), Column("dwa")]
    out: dict[str, set[str]] = defaultdict(set)
    for line, r in table_rows(release, "tasks_to_dwas", cols):
        stats.read += 1
        code = _known(release, "tasks_to_dwas", r["code"], codes, line)
        if r["dwa"] not in dwas:
            raise DataValidationError(
                f"unknown DWA id {r['dwa']!r} (not in {label(release, 'dwa_reference')})",
                file=spec.label,
                row=line,
                field=spec.header("dwa"),
            )
        out[code].add(r["dwa"])
        stats.kept += 1
    return out


def read_dwa_reference(release: Release) -> dict[str, tuple[str, str]]:
    """DWA id -> (IWA id, DWA title)."""
    cols = [Column("iwa"), Column("dwa"), Column("title")]
    return {r["dwa"]: (r["iwa"], r["title"]) for _, r in table_rows(release, "dwa_reference", cols)}


def read_iwa_reference(release: Release) -> dict[str, str]:
    """IWA id -> IWA title."""
    cols = [Column("iwa"), Column("title")]
    return {r["iwa"]: r["title"] for _, r in table_rows(release, "iwa_reference", cols)}


def read_education(release: Release, codes: set[str], stats: FileStats) -> dict[str, str]:
    """Code -> the required-education category most respondents chose (scale RL)."""
    cats = [
        Column("element"),
        Column("scale"),
        Column("category", integer(0)),
        Column("description"),
    ]
    labels = {
        r["category"]: r["description"]
        for _, r in table_rows(release, "education_categories", cats)
        if r["scale"] == "RL"
    }
    cols = [
        Column("code", _code),
        Column("element"),
        Column("scale"),
        Column("category", integer(0), required=False),
        Column("value", number(0, 100)),
    ]
    best: dict[str, tuple[float, int]] = {}
    for line, r in table_rows(release, "education", cols):
        stats.read += 1
        code = _known(release, "education", r["code"], codes, line)
        if r["scale"] != "RL" or r["category"] is None:
            stats.skip("not the required-education scale (RL)")
            continue
        stats.kept += 1
        if code not in best or r["value"] > best[code][0]:
            best[code] = (r["value"], r["category"])
    return {code: labels.get(cat, f"category {cat}") for code, (_, cat) in best.items()}


TIERS = ("Primary-Short", "Primary-Long", "Supplemental")


def read_related(
    release: Release, codes: set[str], stats: FileStats
) -> dict[str, list[tuple[str, str, int]]]:
    """Code -> [(related code, tier, index)] in index order (O*NET's expert-reviewed list)."""
    cols = [
        Column("code", _code),
        Column("related", _code),
        Column("tier", choice(*TIERS)),
        Column("index", integer(1)),
    ]
    out: dict[str, list[tuple[str, str, int]]] = defaultdict(list)
    for line, r in table_rows(release, "related", cols):
        stats.read += 1
        code = _known(release, "related", r["code"], codes, line)
        other = _known(release, "related", r["related"], codes, line, "related")
        out[code].append((other, r["tier"], r["index"]))
        stats.kept += 1
    for lst in out.values():
        lst.sort(key=lambda t: t[2])
    return out


def _known(
    release: Release, table: str, code: str, codes: set[str], line: int, column: str = "code"
) -> str:
    if code not in codes:
        spec = release.layout.spec(table)
        raise DataValidationError(
            f"unknown occupation code {code} (not in {label(release, 'occupations')})",
            file=spec.label,
            row=line,
            field=spec.header(column),
        )
    return code
