"""PDF: a real PDF (read back with pypdf, an independent reader) carrying the report's text.

pypdf is a test-only dependency: it parses the file as a PDF viewer would and maps
the embedded font's glyphs back to text through the ToUnicode table, so these tests
check what a reader of the file sees, not what our writer meant to write.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import io

from pypdf import PdfReader

from careerpivot.report import NoteLine, Report, Summary, render, render_pdf


def pdf_text(data: bytes) -> str:
    reader = PdfReader(io.BytesIO(data))
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


def test_pdf_has_the_clients_name_and_top_pivot(report):
    data = render_pdf(report)
    assert data.startswith(b"%PDF-")
    assert data.rstrip().endswith(b"%%EOF")
    text = pdf_text(data)
    assert "Ana Díaz" in text
    assert report.pivots[0].title in text
    assert "Data Scientists" in text and "Counselor notes" in text
    assert "estimates, not survey results" in text  # the data-set footer


def test_notes_are_printed_as_typed(report):
    text = pdf_text(render_pdf(report))
    assert "# She wrote *this* herself: <b>not HTML</b> | [a link](http://example.org) $x$" in text
    assert "1. not a list" in text


def test_unicode_text_survives():
    rep = Report(
        client="Ζωή Παπαδοπούλου",
        date=dt.date(2025, 3, 14),
        dataset="starter",
        summary=Summary(),
        notes=(NoteLine(dt.date(2025, 3, 1), "Встреча: обсудили — «данные» → next step ✓"),),
    )
    text = pdf_text(render_pdf(rep))
    assert "Ζωή Παπαδοπούλου" in text
    assert "Встреча: обсудили — «данные» → next step ✓" in text


def test_same_report_same_bytes(report):
    assert render_pdf(report) == render_pdf(report)
    later = dataclasses.replace(report, date=dt.date(2026, 1, 1))
    assert render_pdf(later) != render_pdf(report)


def test_metadata_and_long_reports_paginate(report):
    many = dataclasses.replace(
        report,
        notes=tuple(
            NoteLine(dt.date(2025, 1, 1), f"Session {i}. " + "words " * 120) for i in range(30)
        ),
    )
    reader = PdfReader(io.BytesIO(render_pdf(many)))
    assert len(reader.pages) > 3
    assert reader.metadata is not None and reader.metadata.title == "Career pivot report: Ana Díaz"
    last = " ".join(reader.pages[-1].extract_text().split())
    assert f"page {len(reader.pages)} of {len(reader.pages)}" in last


def test_render_dispatches_every_format(report):
    assert render(report, "pdf").data.startswith(b"%PDF-")
    assert render(report, "md").data.decode("utf-8").startswith("# Career pivot report")
    assert render(report, "csv").media_type == "text/csv"
