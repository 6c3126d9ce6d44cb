"""One entry point for every format: bytes, file suffix and media type (for downloads)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from careerpivot.report.csv_format import render_csv
from careerpivot.report.markdown import render_markdown
from careerpivot.report.model import Report
from careerpivot.report.pdf import render_pdf

Format = Literal["pdf", "md", "csv"]


@dataclass(frozen=True)
class Rendered:
    """A rendered report: its bytes, a file suffix and the media type."""

    data: bytes
    suffix: str
    media_type: str


def render(report: Report, fmt: Format) -> Rendered:
    """The report in ``fmt`` (``pdf``, ``md`` or ``csv``); text formats are UTF-8."""
    if fmt == "pdf":
        return Rendered(render_pdf(report), ".pdf", "application/pdf")
    if fmt == "md":
        return Rendered(render_markdown(report).encode("utf-8"), ".md", "text/markdown")
    if fmt == "csv":
        return Rendered(render_csv(report).encode("utf-8"), ".csv", "text/csv")
    raise ValueError(f"unknown report format {fmt!r}; use pdf, md or csv")
