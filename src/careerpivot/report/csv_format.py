"""CSV renderer and reader: the report as long-format rows ``section,row,field,value``.

Each scalar is one row; list fields repeat their ``field`` once per item, in order;
``row`` numbers the lines of a table section (0 for the report's own fields).
Numbers are written exactly (``repr``), so :func:`read_csv` gives back an equal
:class:`Report`. Text that a spreadsheet would run as a formula is neutralised by
:mod:`careerpivot.csvsafe`, and the reader restores it.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import types
from collections.abc import Iterator
from dataclasses import fields, is_dataclass
from typing import Any, Union, get_args, get_origin, get_type_hints

from careerpivot.csvsafe import csv_text, restore
from careerpivot.errors import DataValidationError
from careerpivot.report.model import Report

HEADER = ("section", "row", "field", "value")

Cell = tuple[str, int, str, Any]


def render_csv(report: Report) -> str:
    """The report as CSV text (RFC 4180 line endings; write it with ``newline=""``)."""
    return csv_text(HEADER, _cells(report))


def read_csv(text: str, *, source: str = "report CSV") -> Report:
    """Read a report back from :func:`render_csv` output; errors name the line and field."""
    try:
        return _read_csv(text, source)
    except csv.Error as exc:  # malformed quoting, a field over the size limit
        raise DataValidationError(f"malformed CSV ({exc})", file=source) from None


def _read_csv(text: str, source: str) -> Report:
    reader = csv.reader(io.StringIO(text, newline=""))
    header = next(reader, None)
    if header is None or tuple(header) != HEADER:
        raise DataValidationError(
            f"expected the header {','.join(HEADER)}", file=source, row=1, field=None
        )
    cells: dict[tuple[str, int], dict[str, list[tuple[int, str]]]] = {}
    for record in reader:
        line = reader.line_num
        if len(record) != len(HEADER):
            raise DataValidationError(
                f"expected 4 values, got {len(record)}", file=source, row=line
            )
        section, row, name, value = record
        try:
            index = int(row)
        except ValueError:
            raise DataValidationError(f"not a row number: {row!r}", file=source, row=line) from None
        cells.setdefault((section, index), {}).setdefault(name, []).append((line, value))
    report: Report = _build(Report, cells.pop(("report", 0), {}), cells, source, "report")
    return report


# ----- writing ---------------------------------------------------------------------------------
def _cells(report: Report) -> Iterator[Cell]:
    hints = get_type_hints(Report)
    for f in fields(Report):
        hint, value = hints[f.name], getattr(report, f.name)
        if _is_record(hint):
            yield from _record(f.name, 1, value)
        elif _record_tuple(hint) is not None:
            for i, item in enumerate(value, 1):
                yield from _record(f.name, i, item)
        else:
            yield from _scalar("report", 0, f.name, hint, value)


def _record(section: str, row: int, obj: Any) -> Iterator[Cell]:
    hints = get_type_hints(type(obj))
    for f in fields(obj):
        yield from _scalar(section, row, f.name, hints[f.name], getattr(obj, f.name))


def _scalar(section: str, row: int, name: str, hint: Any, value: Any) -> Iterator[Cell]:
    if get_origin(hint) is tuple:
        for item in value:
            yield section, row, name, _encode(item)
    else:
        yield section, row, name, _encode(value)


def _encode(value: Any) -> Any:
    """A cell: numbers stay numbers (written exactly), everything else becomes text."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return value  # csv writes repr(float): exact, and never neutralised as a formula
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)  # formula cells are neutralised by csv_text


# ----- reading ---------------------------------------------------------------------------------
Cells = dict[str, list[tuple[int, str]]]


def _build(
    cls: Any, own: Cells, sections: dict[tuple[str, int], Cells], source: str, where: str
) -> Any:
    hints = get_type_hints(cls)
    known = {f.name for f in fields(cls)}
    for name, values in own.items():
        if name not in known:
            raise DataValidationError(
                f"unknown field in section {where!r}", file=source, row=values[0][0], field=name
            )
    kwargs: dict[str, Any] = {}
    for f in fields(cls):
        hint = hints[f.name]
        if _is_record(hint):
            kwargs[f.name] = _build(hint, sections.pop((f.name, 1), {}), {}, source, f.name)
        elif (item_cls := _record_tuple(hint)) is not None:
            rows = sorted(k[1] for k in sections if k[0] == f.name)
            kwargs[f.name] = tuple(
                _build(item_cls, sections.pop((f.name, r)), {}, source, f.name) for r in rows
            )
        elif get_origin(hint) is tuple:
            kwargs[f.name] = tuple(
                _decode(str, line, v, source, f.name) for line, v in own.get(f.name, [])
            )
        elif f.name in own:
            values = own[f.name]
            if len(values) > 1:
                raise DataValidationError(
                    "given twice", file=source, row=values[1][0], field=f.name
                )
            kwargs[f.name] = _decode(hint, values[0][0], values[0][1], source, f.name)
    if sections:
        (section, _), rest = next(iter(sections.items()))
        line = next(iter(rest.values()))[0][0]
        raise DataValidationError(f"unknown section {section!r}", file=source, row=line)
    try:
        return cls(**kwargs)
    except TypeError as exc:
        raise DataValidationError(f"section {where!r} is incomplete ({exc})", file=source) from None


def _decode(hint: Any, line: int, value: str, source: str, name: str) -> Any:
    inner = _optional(hint)
    if inner is not None:
        return None if value == "" else _decode(inner, line, value, source, name)
    try:
        if hint is str:
            return restore(value)
        if hint is bool:
            if value not in ("true", "false"):
                raise ValueError(f"expected true or false, got {value!r}")
            return value == "true"
        if hint is int:
            return int(value)
        if hint is float:
            return float(value)
        if hint is dt.date:
            return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise DataValidationError(str(exc), file=source, row=line, field=name) from None
    raise TypeError(f"cannot read a {hint!r} from CSV")  # a Report field of a new type


def _optional(hint: Any) -> Any:
    if get_origin(hint) in (Union, types.UnionType):
        args = [a for a in get_args(hint) if a is not type(None)]
        if len(args) == 1 and len(get_args(hint)) == 2:
            return args[0]
    return None


def _is_record(hint: Any) -> bool:
    return isinstance(hint, type) and is_dataclass(hint)


def _record_tuple(hint: Any) -> Any:
    if get_origin(hint) is tuple:
        args = get_args(hint)
        if args and _is_record(args[0]):
            return args[0]
    return None
