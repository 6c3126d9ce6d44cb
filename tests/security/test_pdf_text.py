"""PDF text: wide-coverage fonts, HarfBuzz shaping, and characters no font has printed as □
with a notice, never dropped silently."""

from __future__ import annotations

import dataclasses
import io
import json
import logging

import pytest
from pypdf import PdfReader

from careerpivot.report import Report, render
from careerpivot.report.pdf import FONT_DIR, MISSING, shaping_available
from tests.security.hostile import TRIED


def pdf_text(report: Report) -> str:
    data = render(report, "pdf").data
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def _with_client(report: Report, name: str) -> Report:
    return dataclasses.replace(report, client=name)


@pytest.mark.parametrize(
    "name",
    ["李小龍 さくら", "Ελένη Дмитрий Nguyễn Thị Minh José Ñúñez"],
)
def test_scripts_the_fonts_cover_are_drawn(report: Report, name: str, caplog):
    TRIED["PDF text"] += 1
    with caplog.at_level(logging.WARNING):
        text = pdf_text(_with_client(report, name))
    assert name in text.replace("\n", "")
    assert MISSING not in text
    assert not [r for r in caplog.records if "missing" in r.getMessage().lower()]


@pytest.mark.parametrize("name", ["Ana 👍🏽 🧑‍💻 \U0001fae0", "Ana 김민준"])
def test_undrawable_characters_are_replaced_visibly_with_a_notice(report: Report, name: str):
    TRIED["PDF text"] += 1
    text = pdf_text(_with_client(report, name))
    assert f"Ana {MISSING}" in text
    assert "could not be drawn" in text and "U+" in text


def test_right_to_left_text_is_shaped_not_dropped(report: Report, caplog):
    TRIED["PDF text"] += 1
    assert shaping_available(), "uharfbuzz is a dependency: fpdf2 shapes text with it"
    with caplog.at_level(logging.WARNING):
        text = pdf_text(_with_client(report, "مريم حداد / מרים חדד"))
    assert MISSING not in text
    assert not [r for r in caplog.records if "missing" in r.getMessage().lower()]
    arabic = [c for c in text if "\u0600" <= c <= "\u06ff" or "\ufb50" <= c <= "\ufeff"]
    hebrew = [c for c in text if "\u0590" <= c <= "\u05ff"]
    assert len(arabic) >= 8 and len(hebrew) >= 6


def test_every_bundled_font_has_licence_and_provenance():
    prov = json.loads((FONT_DIR / "provenance.json").read_text(encoding="utf-8"))
    files = {r["file"] for r in prov["file_records"]}
    assert {p.name for p in FONT_DIR.glob("*.ttf")} <= files
    for r in prov["file_records"]:
        assert r["licence"] and r["source"] and (FONT_DIR / r["file"]).exists()
    assert (FONT_DIR / "LICENSE-Apache-2.0").exists() and (FONT_DIR / "LICENSE").exists()
