"""Validated reading of delimited text tables: every error names file, line and column."""

from __future__ import annotations

import csv
import io
import math
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from careerpivot.errors import DataValidationError

Parser = Callable[[str], Any]


@dataclass(frozen=True)
class Column:
    """One expected column: its header, how to parse a cell and whether it may be empty."""

    name: str
    parse: Parser = str
    required: bool = True


def number(lo: float | None = None, hi: float | None = None) -> Parser:
    """A parser for a finite float, optionally within [lo, hi]."""

    def parse(text: str) -> float:
        try:
            value = float(text)
        except ValueError:
            raise ValueError(f"{text!r} is not a number") from None
        if not math.isfinite(value):
            raise ValueError(f"{text!r} is not a finite number")
        if lo is not None and value < lo:
            raise ValueError(f"{value:g} is below the minimum {lo:g}")
        if hi is not None and value > hi:
            raise ValueError(f"{value:g} is above the maximum {hi:g}")
        return value

    return parse


def integer(lo: int | None = None, hi: int | None = None) -> Parser:
    """A parser for a whole number, optionally within [lo, hi]."""
    as_float = number(lo, hi)

    def parse(text: str) -> int:
        value = as_float(text)
        if value != int(value):
            raise ValueError(f"{text!r} is not a whole number")
        return int(value)

    return parse


def choice(*options: str) -> Parser:
    """A parser accepting only the given strings."""

    def parse(text: str) -> str:
        if text not in options:
            raise ValueError(f"{text!r} is not one of {', '.join(options)}")
        return text

    return parse


def read_rows(
    source: Path | str,
    columns: Sequence[Column],
    *,
    text: str | None = None,
    delimiter: str = ",",
    missing: Sequence[str] = ("",),
    allow_extra: bool = False,
    display_name: str | None = None,
    keys: Sequence[str] | None = None,
) -> Iterator[tuple[int, dict[str, Any]]]:
    """Yield ``(line_number, parsed_row)`` for each data row of a table.

    The header must hold every expected column (in any order; extra columns only
    with ``allow_extra``). Cells equal to one of ``missing`` become ``None`` and are
    an error in a required column. ``text`` reads from a string instead of the file.
    ``keys`` names each column in the rows yielded (default: its header).
    """
    name = display_name or (Path(source).name if not isinstance(source, str) else source)
    if text is None:
        path = Path(source)
        if not path.is_file():
            raise DataValidationError("file is missing", file=str(path))
        text = path.read_text(encoding="utf-8-sig")
    reader = csv.reader(io.StringIO(text), delimiter=delimiter, quoting=_quoting(delimiter))
    try:
        header = next(reader)
    except StopIteration:
        raise DataValidationError("file is empty (no header row)", file=name, row=1) from None
    except csv.Error as exc:
        raise DataValidationError(f"malformed header ({exc})", file=name, row=1) from None
    header = [h.strip() for h in header]
    wanted = [c.name for c in columns]
    absent = [w for w in wanted if w not in header]
    if absent:
        raise DataValidationError(
            f"header lacks {', '.join(repr(a) for a in absent)}; expected columns: "
            f"{', '.join(wanted)}",
            file=name,
            row=1,
        )
    extra = [h for h in header if h not in wanted]
    if extra and not allow_extra:
        raise DataValidationError(f"unexpected columns {extra}", file=name, row=1)
    # (output key, cell position, parser or None for plain text, required) per column
    plan = [
        (key, header.index(c.name), None if c.parse is str else c.parse, c.required, c.name)
        for key, c in zip(keys or [c.name for c in columns], columns, strict=True)
    ]
    width = len(header)
    absent_values = frozenset(missing)
    line = 1
    try:
        for line, cells in enumerate(reader, start=2):
            if len(cells) <= 1 and (not cells or not cells[0].strip()):
                continue  # a blank line
            if len(cells) != width:
                raise DataValidationError(
                    f"row has {len(cells)} fields, header has {width} "
                    "(truncated row or stray delimiter)",
                    file=name,
                    row=line,
                )
            out: dict[str, Any] = {}
            for key, pos, parse, required, field in plan:
                raw = cells[pos].strip()
                if raw in absent_values:
                    if required:
                        raise DataValidationError(
                            "value is missing", file=name, row=line, field=field
                        )
                    out[key] = None
                elif parse is None:
                    out[key] = raw
                else:
                    try:
                        out[key] = parse(raw)
                    except ValueError as exc:
                        raise DataValidationError(
                            str(exc), file=name, row=line, field=field
                        ) from None
            yield line, out
    except csv.Error as exc:  # e.g. a field over csv.field_size_limit() (128 KiB)
        raise DataValidationError(f"malformed row ({exc})", file=name, row=line + 1) from None


def _quoting(delimiter: str) -> Literal[0, 3]:
    # O*NET's tab-separated text files do not quote fields; quotes inside titles are literal.
    return csv.QUOTE_NONE if delimiter == "\t" else csv.QUOTE_MINIMAL
