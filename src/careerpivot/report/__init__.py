"""Client reports: a plain :class:`Report` built from the engine and a client's records,
written as Markdown, CSV (readable back) or PDF.
"""

from careerpivot.report.build import build_report, holland_code
from careerpivot.report.csv_format import read_csv, render_csv
from careerpivot.report.formats import Format, Rendered, render
from careerpivot.report.markdown import render_markdown
from careerpivot.report.model import (
    GapLine,
    NoteLine,
    PivotLine,
    Report,
    RouteLine,
    Section,
    ShortlistLine,
    StepLine,
    Summary,
)
from careerpivot.report.pdf import render_pdf

__all__ = [
    "Format",
    "GapLine",
    "NoteLine",
    "PivotLine",
    "Rendered",
    "Report",
    "RouteLine",
    "Section",
    "ShortlistLine",
    "StepLine",
    "Summary",
    "build_report",
    "holland_code",
    "read_csv",
    "render",
    "render_csv",
    "render_markdown",
    "render_pdf",
]
