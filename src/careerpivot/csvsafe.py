"""CSV that a spreadsheet opens safely: the one place formula cells are neutralised.

Spreadsheets run a cell starting with ``= + - @`` (or a tab or carriage return, or their
full-width forms) as a formula, so text from people or files could call ``HYPERLINK`` or
DDE. Every CSV export writes through :func:`csv_text` or :func:`frame_csv`, which prefix
such text with ``'`` (as is text already starting with one); :func:`restore` undoes it
when the file is read back. Numbers are left alone: ``-3.5`` stays a number.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pandas as pd

FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n", "＝", "＋", "－", "＠", "'")


def neutralise(value: Any) -> Any:
    """``value`` with a leading ``'`` when it is text a spreadsheet would run.

    >>> neutralise('=HYPERLINK("http://x")'), neutralise("Data Analyst"), neutralise(-2.5)
    ('\\'=HYPERLINK("http://x")', 'Data Analyst', -2.5)
    """
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def restore(text: str) -> str:
    """Undo :func:`neutralise` on a cell read back from a CSV export.

    >>> restore("'=1+1"), restore("''quoted"), restore("'tis")
    ('=1+1', "'quoted", "'tis")
    """
    if text.startswith("'") and text[1:2] and text[1:].startswith(FORMULA_START):
        return text[1:]
    return text


def csv_text(
    header: Sequence[str], rows: Iterable[Sequence[Any]], *, lineterminator: str = "\r\n"
) -> str:
    """Header and rows as CSV text, every cell neutralised.

    RFC 4180 line endings by default: the writer then also quotes a lone ``\r`` in a cell,
    which a reader would otherwise take for the end of a row.
    """
    out = io.StringIO()
    writer = csv.writer(out, lineterminator=lineterminator)
    writer.writerow([neutralise(h) for h in header])
    for row in rows:
        writer.writerow([neutralise(c) for c in row])
    return out.getvalue()


def frame_csv(frame: pd.DataFrame) -> str:
    """A table as CSV text (no index), every text cell and heading neutralised; a missing
    value (``None`` or NaN) is an empty cell, never the text "nan" or "None"."""
    rows = (
        tuple(None if _missing(c) else c for c in row)
        for row in frame.itertuples(index=False, name=None)
    )
    return csv_text([str(c) for c in frame.columns], rows)


def _missing(value: Any) -> bool:
    """``None`` or a float NaN."""
    return value is None or (isinstance(value, float) and value != value)
