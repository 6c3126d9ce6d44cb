"""PDF renderer (fpdf2, one document per report) with the bundled DejaVu Sans font.

All text is written as text (no markup interpretation), so notes print exactly as
typed. The document's creation date is the report's date, so the same report
always gives the same bytes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path

from fpdf import FPDF
from fpdf.enums import Align, TableCellFillMode, XPos, YPos
from fpdf.fonts import FontFace

from careerpivot.report import words
from careerpivot.report.model import Report

FONT_DIR = Path(__file__).parent / "fonts"
FONT = "DejaVuSans"
GREY = (90, 90, 90)
LINE = 5.0  # mm per line of body text


def render_pdf(report: Report) -> bytes:
    """The report as PDF bytes (A4)."""
    pdf = FPDF(format="A4")
    pdf.set_margins(18, 16, 18)
    pdf.set_auto_page_break(True, margin=18)
    pdf.add_font(FONT, "", str(FONT_DIR / "DejaVuSans.ttf"))
    pdf.add_font(FONT, "B", str(FONT_DIR / "DejaVuSans-Bold.ttf"))
    pdf.set_creation_date(dt.datetime.combine(report.date, dt.time(), tzinfo=dt.UTC))
    pdf.set_title(f"{words.TITLE}: {report.client}")
    pdf.set_creator("CareerPivot")
    pdf.add_page()
    _write(report, pdf)
    _page_numbers(pdf, report)
    return bytes(pdf.output())


def _write(report: Report, pdf: FPDF) -> None:
    _text(pdf, f"{words.TITLE}: {report.client}", size=17, bold=True, gap=2)
    _text(pdf, f"Date: {report.date.isoformat()} · Data set: {report.dataset}", grey=True)
    _heading(pdf, words.H_SUMMARY)
    s = report.summary
    if s.ratings == 0 and not report.pivots:
        _text(pdf, words.NO_PROFILE)
    else:
        for line in (
            f"Current role: {s.current_role or 'not given'}",
            f"Holland code: {words.holland(s.holland_code)}",
            f"Top strengths: {', '.join(s.strengths) or 'none rated'}",
            f"Skills, knowledge and tools rated: {s.ratings}",
        ):
            _text(pdf, f"•  {line}")
        _heading(pdf, words.H_PIVOTS)
        if report.pivots:
            _table(
                pdf,
                words.PIVOT_COLUMNS,
                words.pivot_rows(report),
                widths=(5, 30, 9, 25, 27, 14, 11),
            )
        else:
            _text(pdf, words.NO_PIVOTS)
    if report.shortlist:
        _heading(pdf, words.H_SHORTLIST)
        for r in report.shortlist:
            _text(pdf, f"•  {r.title} ({r.code})" + (f": {r.note}" if r.note.strip() else ""))
    if report.target_code:
        _target(report, pdf)
    _heading(pdf, words.H_REJECTIONS)
    if not report.rejections:
        _text(pdf, words.no_rejection_analysis(report))
    else:
        _text(pdf, words.applications(report))
        for section in report.rejections:
            _text(pdf, section.title, bold=True)
            for item in section.items:
                _text(pdf, f"•  {item}")
    _heading(pdf, words.H_NOTES)
    if not report.notes:
        _text(pdf, words.NO_NOTES)
    for note in report.notes:
        _text(pdf, note.date.isoformat(), bold=True)
        _text(pdf, note.text, gap=2)
    pdf.ln(3)
    _text(pdf, report.footer, size=8, grey=True)


def _target(report: Report, pdf: FPDF) -> None:
    _heading(pdf, words.h_gaps(report))
    if report.gaps:
        _table(
            pdf,
            words.GAP_COLUMNS,
            [
                (
                    g.name,
                    g.kind,
                    *(words.level(v) for v in (g.importance, g.required, g.current)),
                    words.level(g.deficit),
                    words.level(g.priority),
                )
                for g in report.gaps
            ],
            widths=(34, 14, 12, 12, 12, 9, 9),
        )
    else:
        _text(pdf, "No gaps: every requirement is met.")
    _heading(pdf, words.h_plan(report))
    if report.plan:
        _table(
            pdf,
            words.PLAN_COLUMNS,
            [
                (
                    str(s.order),
                    s.name,
                    f"{words.level(s.current)} → {words.level(s.target)}",
                    words.hours(s.hours),
                    s.learning,
                )
                for s in report.plan
            ],
            widths=(5, 40, 18, 13, 24),
        )
        _text(pdf, f"{words.plan_total(report)} {words.EFFORT_NOTE}")
    else:
        _text(pdf, "Nothing to learn: every important requirement is met.")
    _heading(pdf, words.h_routes())
    if not report.routes:
        _text(pdf, words.NO_ROUTES)
    for r in report.routes:
        extra = "" if r.within_reach else "; a bigger job-zone step than the client allows"
        _text(pdf, f"{r.order}.  {' → '.join(r.roles)} (≈ {words.hours(r.hours)} hours{extra})")


def _heading(pdf: FPDF, text: str) -> None:
    pdf.ln(3)
    _text(pdf, text, size=13, bold=True, gap=1)


def _text(
    pdf: FPDF,
    text: str,
    *,
    size: float = 10,
    bold: bool = False,
    grey: bool = False,
    gap: float = 0,
) -> None:
    pdf.set_font(FONT, "B" if bold else "", size)
    pdf.set_text_color(*(GREY if grey else (0, 0, 0)))
    pdf.multi_cell(0, size * 0.5, text, align=Align.L, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_text_color(0, 0, 0)
    if gap:
        pdf.ln(gap)


def _table(
    pdf: FPDF, header: Sequence[str], rows: Sequence[Sequence[str]], *, widths: Sequence[int]
) -> None:
    pdf.set_font(FONT, "", 8)
    with pdf.table(
        col_widths=tuple(widths),
        headings_style=FontFace(emphasis="BOLD", fill_color=(230, 230, 230)),
        cell_fill_color=(247, 247, 247),
        cell_fill_mode=TableCellFillMode.ROWS,
        line_height=4,
        text_align=Align.L,
        padding=1,
    ) as table:
        for values in (header, *rows):
            row = table.row()
            for value in values:
                row.cell(value)
    pdf.ln(1)


def _page_numbers(pdf: FPDF, report: Report) -> None:
    total = pdf.pages_count
    pdf.set_auto_page_break(False)
    for number in range(1, total + 1):
        pdf.page = number
        pdf.set_xy(pdf.l_margin, pdf.h - 12)
        pdf.set_font(FONT, "", 7)
        pdf.set_text_color(*GREY)
        pdf.cell(0, 4, f"{report.client} · {report.date.isoformat()} · page {number} of {total}")
