"""The file layouts of O*NET text releases: one table per layout, so a renaming is one edit.

Each :class:`Layout` maps the importer's logical tables (``skills``, ``technology``,
...) to the release's file names and each logical column to the header that file
uses. Readers in :mod:`careerpivot.datasets.onet_files` ask only for logical names;
:func:`detect_layout` picks the layout from the files a release holds and the
headers of the files that tell the layouts apart. Where each fact comes from is
listed in ``docs/onet-layouts.md``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from careerpivot.errors import DataValidationError

#: Columns of the rated-descriptor files (Skills, Knowledge, ...), the same in every layout.
RATING_COLUMNS: Mapping[str, str] = MappingProxyType(
    {
        "code": "O*NET-SOC Code",
        "element": "Element ID",
        "scale": "Scale ID",
        "value": "Data Value",
        "suppress": "Recommend Suppress",
        "not_relevant": "Not Relevant",
    }
)
_CODE = {"code": "O*NET-SOC Code"}


@dataclass(frozen=True)
class TableSpec:
    """One logical table: the file(s) holding it and its logical column -> header map.

    Several files (``Essential Skills.txt`` + ``Transferable Skills.txt``) are read
    one after the other as one table. An optional table may be absent from a release.
    """

    files: tuple[str, ...]
    columns: Mapping[str, str] = field(default_factory=dict)
    optional: bool = False

    @property
    def label(self) -> str:
        """The file name(s) as shown in summaries and errors."""
        return " + ".join(self.files)

    def header(self, column: str) -> str:
        """The header this layout uses for a logical column."""
        return self.columns.get(column, column)


def _spec(
    *files: str, columns: Mapping[str, str] | None = None, optional: bool = False
) -> TableSpec:
    return TableSpec(tuple(files), MappingProxyType(dict(columns or {})), optional)


@dataclass(frozen=True)
class Layout:
    """A release layout: its name, the releases it covers and its tables."""

    name: str
    releases: str
    tables: Mapping[str, TableSpec]
    #: (table, logical column): read only to tell this layout from the others
    signature: tuple[tuple[str, str], ...] = ()
    #: facts a person should know about data sets of this layout (shown after import)
    notes: tuple[str, ...] = ()
    #: True when job zones 1 and 2 are one zone, coded 2 (used if Job Zone Reference is absent)
    merged_job_zones: bool = False

    def spec(self, table: str) -> TableSpec:
        """The spec of one logical table; a table the layout lacks is a ``KeyError``."""
        return self.tables[table]

    def has(self, table: str) -> bool:
        """True when this layout carries the table at all (e.g. 30.3 has no work values)."""
        return table in self.tables

    def required_files(self) -> list[str]:
        """Every file a release of this layout must contain, in table order."""
        out: list[str] = []
        for spec in self.tables.values():
            if not spec.optional:
                out += [f for f in spec.files if f not in out]
        return out

    def all_files(self) -> list[str]:
        """Every file the importer reads from a release of this layout."""
        out: list[str] = []
        for spec in self.tables.values():
            out += [f for f in spec.files if f not in out]
        return out


# ----- the layouts --------------------------------------------------------------------------
_SHARED: dict[str, TableSpec] = {
    "readme": _spec("Read Me.txt", optional=True),
    "occupations": _spec(
        "Occupation Data.txt", columns={**_CODE, "title": "Title", "description": "Description"}
    ),
    "knowledge": _spec("Knowledge.txt", columns=RATING_COLUMNS),
    "job_zones": _spec("Job Zones.txt", columns={**_CODE, "zone": "Job Zone"}),
    "job_zone_reference": _spec(
        "Job Zone Reference.txt", columns={"zone": "Job Zone", "name": "Name"}, optional=True
    ),
    "tasks": _spec(
        "Task Statements.txt",
        columns={**_CODE, "task_id": "Task ID", "task": "Task", "task_type": "Task Type"},
    ),
    "related": _spec(
        "Related Occupations.txt",
        columns={
            **_CODE,
            "related": "Related O*NET-SOC Code",
            "tier": "Relatedness Tier",
            "index": "Index",
        },
    ),
    "content_model": _spec(
        "Content Model Reference.txt",
        columns={"element": "Element ID", "name": "Element Name", "description": "Description"},
    ),
    "scales": _spec(
        "Scales Reference.txt", columns={"scale": "Scale ID", "min": "Minimum", "max": "Maximum"}
    ),
}
_EDUCATION_COLUMNS = {
    **_CODE,
    "element": "Element ID",
    "scale": "Scale ID",
    "category": "Category",
    "value": "Data Value",
}
_CATEGORY_COLUMNS = {
    "element": "Element ID",
    "scale": "Scale ID",
    "category": "Category",
    "description": "Category Description",
}
_PROFILE_COLUMNS = {**_CODE, "element": "Element ID", "scale": "Scale ID", "value": "Data Value"}

#: O*NET 29.2 and earlier 2x releases (also 30.0-30.2, which keep these file names).
ONET_29 = Layout(
    name="29.2",
    releases="O*NET 29.x-30.2 text releases (Skills.txt, Interests.txt, Work Values.txt, ...)",
    tables=MappingProxyType(
        {
            **_SHARED,
            "skills": _spec("Skills.txt", columns=RATING_COLUMNS),
            "interests": _spec("Interests.txt", columns=_PROFILE_COLUMNS),
            "work_values": _spec("Work Values.txt", columns=_PROFILE_COLUMNS),
            "technology": _spec(
                "Technology Skills.txt",
                columns={
                    **_CODE,
                    "example": "Example",
                    "category": "Commodity Title",
                    "hot": "Hot Technology",
                    "in_demand": "In Demand",
                },
            ),
            "alternate_titles": _spec(
                "Alternate Titles.txt",
                columns={**_CODE, "title": "Alternate Title", "short": "Short Title"},
            ),
            "tasks_to_dwas": _spec(
                "Tasks to DWAs.txt", columns={**_CODE, "task_id": "Task ID", "dwa": "DWA ID"}
            ),
            "dwa_reference": _spec(
                "DWA Reference.txt",
                columns={"iwa": "IWA ID", "dwa": "DWA ID", "title": "DWA Title"},
            ),
            "iwa_reference": _spec(
                "IWA Reference.txt", columns={"iwa": "IWA ID", "title": "IWA Title"}
            ),
            "education": _spec(
                "Education, Training, and Experience.txt", columns=_EDUCATION_COLUMNS
            ),
            "education_categories": _spec(
                "Education, Training, and Experience Categories.txt", columns=_CATEGORY_COLUMNS
            ),
        }
    ),
    signature=(("technology", "example"), ("alternate_titles", "title")),
)

#: O*NET 30.3 (May 2026) and 31.x: skills split in two, interests and several files renamed,
#: work values retired, job zones 1 and 2 merged into "1-2" (coded 2).
ONET_30_3 = Layout(
    name="30.3",
    releases="O*NET 30.3 and 31.x text releases (Essential Skills.txt, Career Interest Types.txt, "
    "Software Skills.txt, ...)",
    tables=MappingProxyType(
        {
            **_SHARED,
            "skills": _spec(
                "Essential Skills.txt", "Transferable Skills.txt", columns=RATING_COLUMNS
            ),
            "interests": _spec("Career Interest Types.txt", columns=_PROFILE_COLUMNS),
            "specific_interests": _spec(
                "Specific Interest Areas.txt",
                columns={**_PROFILE_COLUMNS, "name": "Element Name"},
                optional=True,
            ),
            "technology": _spec(
                "Software Skills.txt",
                columns={
                    **_CODE,
                    "example": "Workplace Example",
                    "category": "Element Name",
                    "hot": "Hot Technology",
                    "in_demand": "In Demand",
                },
            ),
            "alternate_titles": _spec(
                "Job Titles.txt", columns={**_CODE, "title": "Job Title", "short": "Short Title"}
            ),
            "tasks_to_dwas": _spec(
                "Tasks to DWAs.txt",
                columns={**_CODE, "task_id": "Task ID", "dwa": "DWA Element ID"},
            ),
            "dwa_reference": _spec(
                "GWAs to IWAs to DWAs.txt",
                columns={
                    "iwa": "IWA Element ID",
                    "dwa": "DWA Element ID",
                    "title": "DWA Element Name",
                },
            ),
            "iwa_reference": _spec(
                "GWAs to IWAs.txt", columns={"iwa": "IWA Element ID", "title": "IWA Element Name"}
            ),
            "education": _spec("Education.txt", columns=_EDUCATION_COLUMNS),
            "education_categories": _spec("Education Categories.txt", columns=_CATEGORY_COLUMNS),
        }
    ),
    signature=(("technology", "example"), ("alternate_titles", "title")),
    merged_job_zones=True,
    notes=(
        "O*NET 30.3 and later publish no work values (the file and content-model branch "
        "1.B.2 were retired), so rankings on this data set do not use work values.",
    ),
)

LAYOUTS: tuple[Layout, ...] = (ONET_30_3, ONET_29)


# ----- detection ----------------------------------------------------------------------------
class LayoutError(DataValidationError):
    """The release matches no known layout; the message lists what each layout expects."""


def detect_layout(names: Iterable[str], header: object = None, *, where: str = "") -> Layout:
    """The layout whose required files are all in ``names`` (and whose signature headers match).

    ``header(file)`` returns a file's header cells; it is asked only for the
    signature files, to tell apart releases whose file names agree. With one or
    two files missing from the nearest layout the error names them; with more,
    it lists what every known layout expects.
    """
    present = set(names)
    complete = [lay for lay in LAYOUTS if not set(lay.required_files()) - present]
    if complete and callable(header):
        matching = [lay for lay in complete if _signature_matches(lay, header)]
        complete = matching or complete
    if complete:
        return complete[0]
    gaps = {lay.name: [f for f in lay.required_files() if f not in present] for lay in LAYOUTS}
    nearest = min(LAYOUTS, key=lambda lay: len(gaps[lay.name]))
    missing = gaps[nearest.name]
    if len(missing) <= 2:
        raise DataValidationError(
            f"file is missing from the release (the O*NET {nearest.name} layout needs "
            f"{', '.join(missing)})",
            file=missing[0],
        )
    raise LayoutError(
        "not a known O*NET text release layout. Expected one of: "
        + "; ".join(
            f"{lay.releases} with {', '.join(lay.required_files())} "
            f"(missing here: {', '.join(gaps[lay.name])})"
            for lay in LAYOUTS
        ),
        file=where or None,
    )


def _signature_matches(layout: Layout, header: object) -> bool:
    assert callable(header)
    for table, column in layout.signature:
        spec = layout.spec(table)
        cells = header(spec.files[0])
        if spec.header(column) not in cells:
            return False
    return True
