"""PDF renderer (fpdf2, one document per report) with bundled Unicode fonts.

All text is written as text (no markup interpretation), so notes print exactly as
typed. DejaVu Sans draws Latin, Greek, Cyrillic, Arabic, Hebrew and many symbols;
Droid Sans Fallback draws CJK and other scripts it lacks. Text is shaped with
HarfBuzz (uharfbuzz), so Arabic letters join and right-to-left text reads right.
A character no bundled font can draw (an emoji, say) is printed as ``□`` and the
report ends with a notice listing them: nothing is dropped silently. The document's
creation date is the report's date, so the same report always gives the same bytes.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from fpdf import FPDF
from fpdf.enums import Align, TableCellFillMode, XPos, YPos
from fpdf.fonts import FontFace

from careerpivot.report import words
from careerpivot.report.model import Report

FONT_DIR = Path(__file__).parent / "fonts"
FONT = "DejaVuSans"
FALLBACK = "DroidSansFallback"
FONT_FILES = {
    (FONT, ""): "DejaVuSans.ttf",
    (FONT, "B"): "DejaVuSans-Bold.ttf",
    (FALLBACK, ""): "DroidSansFallbackFull.ttf",
}
#: Printed in place of a character that no bundled font can draw.
MISSING = "□"
#: Characters that never need a glyph (line breaks, tabs).
_LAYOUT = frozenset("\n\r\t")
GREY = (90, 90, 90)
LINE = 5.0  # mm per line of body text


def render_pdf(report: Report) -> bytes:
    """The report as PDF bytes (A4)."""
    pdf = FPDF(format="A4")
    pdf.set_margins(18, 16, 18)
    pdf.set_auto_page_break(True, margin=18)
    pdf.add_font(FONT, "", str(FONT_DIR / FONT_FILES[(FONT, "")]))
    pdf.add_font(FONT, "B", str(FONT_DIR / FONT_FILES[(FONT, "B")]))
    ok = _cmap(pdf, FONT.lower()) & _cmap(pdf, FONT.lower() + "B")
    if any(ord(c) not in ok for c in _characters(report) - _LAYOUT):
        # Only reports with text DejaVu lacks (CJK, say) pay for loading the big fallback.
        pdf.add_font(FALLBACK, "", str(FONT_DIR / FONT_FILES[(FALLBACK, "")]))
        pdf.set_fallback_fonts([FALLBACK], exact_match=False)
        ok |= _cmap(pdf, FALLBACK.lower())
    if shaping_available():
        pdf.set_text_shaping(True)
    report, missing = drawable(report, frozenset(ok))
    pdf.set_creation_date(dt.datetime.combine(report.date, dt.time(), tzinfo=dt.UTC))
    pdf.set_title(f"{words.TITLE}: {report.client}")
    pdf.set_creator("CareerPivot")
    pdf.add_page()
    _write(report, pdf)
    if missing:
        _text(pdf, missing_notice(missing), size=8, grey=True)
    _page_numbers(pdf, report)
    return bytes(pdf.output())


def shaping_available() -> bool:
    """True when uharfbuzz (HarfBuzz text shaping for fpdf2) is installed."""
    try:
        import uharfbuzz  # noqa: F401
    except ImportError:
        return False
    return True


def _cmap(pdf: FPDF, key: str) -> set[int]:
    """Code points a font added to ``pdf`` has glyphs for."""
    return set(getattr(pdf.fonts[key], "cmap", {}))


def _characters(report: Report) -> set[str]:
    """Every character in the report's text."""
    seen: set[str] = set()

    def note(text: str) -> str:
        seen.update(text)
        return text

    _walk(report, note)
    return seen


def _walk(value: Any, fix: Callable[[str], str]) -> Any:
    """``value`` with ``fix`` applied to every string inside (dataclasses and tuples)."""
    if isinstance(value, str):
        return fix(value)
    if isinstance(value, tuple):
        return tuple(_walk(v, fix) for v in value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        changes = {f.name: _walk(getattr(value, f.name), fix) for f in dataclasses.fields(value)}
        return dataclasses.replace(value, **changes)
    return value


def drawable(report: Report, ok: frozenset[int]) -> tuple[Report, dict[str, int]]:
    """The report with every character outside ``ok`` (code points the fonts can draw)
    replaced by ``□``, and how often each replaced character occurred."""
    missing: dict[str, int] = {}

    def fix(text: str) -> str:
        if all(ord(c) in ok or c in _LAYOUT for c in text):
            return text
        out = []
        for c in text:
            if ord(c) in ok or c in _LAYOUT:
                out.append(c)
            else:
                missing[c] = missing.get(c, 0) + 1
                out.append(MISSING)
        return "".join(out)

    return _walk(report, fix), missing


def missing_notice(missing: dict[str, int], limit: int = 12) -> str:
    """The report's closing notice naming the characters printed as ``□``."""
    shown = ", ".join(f"U+{ord(c):04X}" for c in sorted(missing)[:limit])
    more = f" and {len(missing) - limit} more" if len(missing) > limit else ""
    total = sum(missing.values())
    return (
        f"Note: {total} character(s) could not be drawn with this report's fonts and are "
        f"printed as {MISSING} ({shown}{more}). The Markdown and CSV reports keep them."
    )


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
        if s.left_out:
            _text(pdf, f"Note: {words.left_out(report)}")
        _heading(pdf, words.H_PIVOTS)
        if report.pivots:
            _table(
                pdf,
                words.PIVOT_COLUMNS,
                words.pivot_rows(report),
                widths=(5, 30, 9, 25, 27, 14, 11),
            )
            _text(pdf, words.FIT_NOTE, size=8, grey=True)
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
    for note in words.gap_notes(report):
        _text(pdf, note)
    if report.gaps:
        _table(
            pdf,
            words.GAP_COLUMNS,
            words.gap_rows(report),
            widths=(30, 13, 12, 11, 11, 11, 13, 11),
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
