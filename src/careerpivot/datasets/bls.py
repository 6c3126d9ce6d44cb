"""BLS wages and outlook: the OEWS national file and the Employment Projections workbook.

O*NET-SOC codes (``15-2051.01``) map to SOC detailed codes (``15-2051``). Where
BLS publishes no figure for that detailed code, the figure of the code that
contains it is used: a combined code in the same broad group that no O*NET
occupation claims (e.g. ``53-1047`` covers ``53-1043``), else the broad group
(``21-1010`` for ``21-1014``). The summary says how many occupations got each.
"""

from __future__ import annotations

import zipfile
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from careerpivot.datasets.archive import open_zip
from careerpivot.errors import DataValidationError
from careerpivot.model import Dataset, soc_code

OEWS_SHEET_PREFIX = "national"
PROJECTIONS_SHEET = "Table 1.2"
TOP_CODED_WAGE = 239_200.0  # BLS shows '#' for medians at or above this (May 2024)


@dataclass(frozen=True)
class OewsRow:
    """National median annual wage (USD) and employment for one SOC code."""

    title: str
    median_wage: float | None
    employment: float | None
    top_coded: bool = False


@dataclass(frozen=True)
class ProjectionRow:
    """Projected change 2024-34 (%), annual openings, typical entry education."""

    title: str
    change_pct: float | None
    annual_openings: float | None  # openings per year (not thousands)
    education: str
    median_wage: float | None


class _Workbook:
    """A workbook's sheet names and rows, read with python-calamine (Rust): both BLS files in
    about 0.3 s, where openpyxl took 1.2 s of each O*NET import. Rows are read from the
    sheet's first cell (A1), so row numbers match the sheet; empty cells are ``None``."""

    def __init__(self, path: Path) -> None:
        import python_calamine

        if not Path(path).is_file():
            raise DataValidationError("file is missing", file=str(path))
        if zipfile.is_zipfile(path):  # a workbook is a zip: check it before it is unpacked
            open_zip(Path(path)).close()
        try:
            self._book = python_calamine.CalamineWorkbook.from_path(str(path))
        except Exception as exc:  # calamine raises several types for a non-workbook
            raise DataValidationError(f"not an Excel workbook ({exc})", file=str(path)) from None
        self.name = Path(path).name
        self.sheetnames: list[str] = list(self._book.sheet_names)

    def rows(self, sheet: str) -> Iterator[list[Any]]:
        """The sheet's rows from row 1, each cell a number, text or ``None`` (empty)."""
        try:
            cells = self._book.get_sheet_by_name(sheet).to_python(skip_empty_area=False)
        except Exception as exc:  # a damaged sheet
            raise DataValidationError(
                f"sheet {sheet!r} is unreadable ({exc})", file=self.name
            ) from None
        return ([None if c == "" else c for c in row] for row in cells)

    def close(self) -> None:
        """Let the file go."""
        self._book.close()


def _header(
    rows: Any, name: str, sheet: str, wanted: list[str], max_scan: int = 5
) -> dict[str, int]:
    for _ in range(max_scan):
        try:
            row = next(rows)
        except StopIteration:
            break
        cells = [str(c).strip() if c is not None else "" for c in row]
        found: dict[str, int] = {}
        for w in wanted:
            for i, c in enumerate(cells):
                if c == w or c.startswith(w):
                    found[w] = i
                    break
        if len(found) == len(wanted):
            return found
    raise DataValidationError(
        f"sheet {sheet!r} has no header row with {', '.join(wanted)}", file=name, row=1
    )


def _num(
    value: Any, name: str, line: int, column: str, *, allow: tuple[str, ...] = ()
) -> float | None:
    if value is None or (isinstance(value, str) and value.strip() in ("", "—", "-", *allow)):
        return None
    try:
        return float(value)
    except (TypeError, ValueError):
        raise DataValidationError(
            f"{value!r} is not a number", file=name, row=line, field=column
        ) from None


def _wage(value: Any, name: str, line: int, column: str) -> float | None:
    """A median wage cell; BLS writes top-coded medians as '>=$239,200' or '#'."""
    if isinstance(value, str) and (value.strip() == "#" or value.strip().startswith(">=")):
        return TOP_CODED_WAGE
    return _num(value, name, line, column, allow=("*", "**"))


def read_oews(path: Path) -> dict[str, OewsRow]:
    """SOC code -> national cross-industry median wage and employment (OEWS)."""
    wb = _Workbook(path)
    name = wb.name
    sheet = next(
        (s for s in wb.sheetnames if s.lower().startswith(OEWS_SHEET_PREFIX)), wb.sheetnames[0]
    )
    rows = wb.rows(sheet)
    cols = _header(rows, name, sheet, ["OCC_CODE", "OCC_TITLE", "TOT_EMP", "A_MEDIAN", "NAICS"])
    out: dict[str, OewsRow] = {}
    for line, row in enumerate(rows, start=2):
        code = row[cols["OCC_CODE"]]
        if code is None or str(row[cols["NAICS"]]) != "000000":
            continue  # keep the cross-industry national rows only
        median = row[cols["A_MEDIAN"]]
        top = isinstance(median, str) and median.strip() == "#"
        wage = _wage(median, name, line, "A_MEDIAN")
        emp = _num(row[cols["TOT_EMP"]], name, line, "TOT_EMP", allow=("*", "**"))
        out.setdefault(str(code), OewsRow(str(row[cols["OCC_TITLE"]]), wage, emp, top))
    wb.close()
    if not out:
        raise DataValidationError("no occupation rows found", file=name)
    return out


def read_projections(path: Path) -> dict[str, ProjectionRow]:
    """SOC code -> projected change, annual openings and education (Projections Table 1.2)."""
    wb = _Workbook(path)
    name = wb.name
    if PROJECTIONS_SHEET not in wb.sheetnames:
        raise DataValidationError(f"sheet {PROJECTIONS_SHEET!r} is missing", file=name)
    rows = wb.rows(PROJECTIONS_SHEET)
    wanted = [
        "2024 National Employment Matrix title",
        "2024 National Employment Matrix code",
        "Employment change, percent",
        "Occupational openings",
        "Median annual wage",
        "Typical education needed for entry",
    ]
    cols = _header(rows, name, PROJECTIONS_SHEET, wanted)
    out: dict[str, ProjectionRow] = {}
    for line, row in enumerate(rows, start=3):
        code = row[cols[wanted[1]]]
        if code is None or not str(code)[:2].isdigit():
            continue
        openings = _num(row[cols[wanted[3]]], name, line, wanted[3])
        out[str(code)] = ProjectionRow(
            title=str(row[cols[wanted[0]]]).strip(),
            change_pct=_num(row[cols[wanted[2]]], name, line, wanted[2]),
            annual_openings=None if openings is None else round(openings * 1000.0),
            education=str(row[cols[wanted[5]]] or "").strip().replace("—", ""),
            median_wage=_wage(row[cols[wanted[4]]], name, line, wanted[4]),
        )
    wb.close()
    if not out:
        raise DataValidationError(f"no occupation rows in {PROJECTIONS_SHEET!r}", file=name)
    return out


def bls_code_for(onet_code: str, published: set[str], claimed: set[str]) -> tuple[str | None, str]:
    """The BLS code whose figures describe an O*NET occupation, and how it was found.

    ``claimed`` holds the SOC detailed codes of all O*NET occupations, so a combined
    code is only used for the occupations it absorbed.

    >>> bls_code_for("53-1043.00", {"53-1041", "53-1047"}, {"53-1041", "53-1043"})
    ('53-1047', 'combined')
    >>> bls_code_for("21-1014.00", {"21-1010", "21-1012"}, {"21-1012", "21-1014"})
    ('21-1010', 'broad')
    """
    soc = soc_code(onet_code)
    if soc in published:
        return soc, "detailed"
    group = soc[:6]
    combined = sorted(
        c for c in published if c[:6] == group and c not in claimed and not c.endswith("0")
    )
    if len(combined) == 1:
        return combined[0], "combined"
    broad = group + "0"
    if broad in published:
        return broad, "broad"
    return None, "missing"


@dataclass
class BlsSummary:
    """How many occupations got wages and outlook, and which did not."""

    wages: Counter[str] = field(default_factory=Counter)
    outlook: Counter[str] = field(default_factory=Counter)
    missing_wage: list[str] = field(default_factory=list)
    missing_outlook: list[str] = field(default_factory=list)

    def lines(self, total: int) -> list[str]:
        """Plain lines for the terminal."""
        out = [
            f"Wages (BLS OEWS): {total - len(self.missing_wage)} of {total} occupations "
            f"({_how(self.wages)}).",
            f"Outlook (BLS Projections): {total - len(self.missing_outlook)} of {total} "
            f"({_how(self.outlook)}).",
        ]
        for label, missing in (("wage", self.missing_wage), ("outlook", self.missing_outlook)):
            if missing:
                more = " ..." if len(missing) > 12 else ""
                out.append(f"No {label} for: {', '.join(missing[:12])}{more}")
        return out


def _how(counts: Counter[str]) -> str:
    return ", ".join(f"{n} {how}" for how, n in counts.most_common() if how != "missing")


def apply_bls(
    dataset: Dataset, oews: dict[str, OewsRow], projections: dict[str, ProjectionRow]
) -> tuple[Dataset, BlsSummary]:
    """A copy of ``dataset`` with BLS wage, employment, outlook, openings and education."""
    claimed = {soc_code(o.code) for o in dataset.occupations}
    summary = BlsSummary()
    occupations = []
    with_wage = {c for c, r in oews.items() if r.median_wage is not None}  # once, not per role
    projected = set(projections)
    for o in dataset.occupations:
        w_code, w_how = bls_code_for(o.code, with_wage, claimed)
        p_code, p_how = bls_code_for(o.code, projected, claimed)
        w = oews.get(w_code) if w_code else None
        p = projections.get(p_code) if p_code else None
        summary.wages[w_how] += 1
        summary.outlook[p_how] += 1
        if w is None:
            summary.missing_wage.append(f"{o.code} {o.title}")
        if p is None:
            summary.missing_outlook.append(f"{o.code} {o.title}")
        occupations.append(
            replace(
                o,
                median_wage=w.median_wage if w else (p.median_wage if p else o.median_wage),
                employment=w.employment if w else o.employment,
                outlook_pct=p.change_pct if p else o.outlook_pct,
                annual_openings=p.annual_openings if p else o.annual_openings,
                education=(p.education if p and p.education else o.education),
            )
        )
    prov = replace(
        dataset.provenance,
        source=dataset.provenance.source
        + "; wages and employment: BLS OEWS national estimates; outlook, openings and "
        "typical education: BLS Employment Projections Table 1.2 (U.S. public domain)",
    )
    return replace(dataset, occupations=tuple(occupations), provenance=prov), summary
