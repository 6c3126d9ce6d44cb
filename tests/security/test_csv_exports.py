"""CSV exports: one helper neutralises formula cells, and every export goes through it."""

from __future__ import annotations

import csv
import dataclasses
import io
import re
from pathlib import Path

import pytest

from careerpivot.csvsafe import FORMULA_START, csv_text, frame_csv, neutralise, restore
from careerpivot.engine import Engine
from careerpivot.rejections.log_io import format_log_csv, parse_log_csv
from careerpivot.rejections.records import RejectionLog
from careerpivot.report import render
from careerpivot.report.csv_format import read_csv
from careerpivot.ui import tables
from tests.rejections.conftest import make_record
from tests.security.hostile import FORMULAS, TRIED

SRC = Path(__file__).resolve().parents[2] / "src" / "careerpivot"


def _cells(text: str) -> list[str]:
    return [c for row in csv.reader(io.StringIO(text, newline="")) for c in row]


def _dangerous(cell: str) -> bool:
    """Text a spreadsheet would run (a plain number like -3.5 is not; a leading ' is safe)."""
    try:
        float(cell)
        return False
    except ValueError:
        return cell.startswith(FORMULA_START[:-1])


@pytest.mark.parametrize("formula", FORMULAS)
def test_the_helper_neutralises_and_restores(formula: str):
    TRIED["csv formula"] += 1
    safe = neutralise(formula)
    assert not _dangerous(safe) and restore(safe) == formula
    (cell,) = _cells(csv_text(["h"], [[formula]]))[1:]
    assert not _dangerous(cell)


def test_numbers_stay_numbers():
    assert _cells(csv_text(["n"], [[-3.5], [-2]]))[1:] == ["-3.5", "-2"]


@pytest.mark.parametrize("formula", FORMULAS)
def test_rejection_log_export_keeps_no_formula_and_reads_back(formula: str):
    TRIED["csv formula"] += 1
    record = make_record(
        "a1", role_title=formula.strip() or "x", organisation=formula.strip(), feedback=formula
    )
    log = RejectionLog(records=(record,))
    text = format_log_csv(log)
    assert not any(_dangerous(c) for c in _cells(text))
    assert parse_log_csv(text) == log


def test_gap_and_plan_exports_keep_no_formula(engine: Engine):
    profile = engine.profile_for("15-1252.00")
    report = dataclasses.replace(
        engine.gap(profile, "15-2051.00"), source=FORMULAS[0], target_title=FORMULAS[1]
    )
    assert not any(_dangerous(c) for c in _cells(tables.gap_csv(report)))
    plan = engine.plan(profile, "15-2051.00")
    frame = tables.plan_frame(plan)
    frame["Learn"] = FORMULAS[: len(frame)] + ["x"] * max(0, len(frame) - len(FORMULAS))
    assert not any(_dangerous(c) for c in _cells(frame_csv(frame)))


def test_report_csv_neutralises_client_text_and_reads_back(report):  # type: ignore[no-untyped-def]
    hostile = dataclasses.replace(report, client=FORMULAS[0])
    text = render(hostile, "csv").data.decode("utf-8")
    assert not any(_dangerous(c) for c in _cells(text))
    assert read_csv(text).client == FORMULAS[0]


def test_no_csv_is_written_outside_the_helper():
    """Every CSV export goes through careerpivot.csvsafe (no stray writers)."""
    offenders = []
    for path in SRC.rglob("*.py"):
        if path.name == "csvsafe.py":
            continue
        text = path.read_text(encoding="utf-8")
        if re.search(r"\.to_csv\(|csv\.writer\(|csv\.DictWriter\(", text):
            offenders.append(str(path.relative_to(SRC)))
    assert offenders == []


def test_tables_offer_no_unneutralised_csv_download_of_their_own():
    """Streamlit's own table toolbar downloads CSV with cells as they are (its exporter only
    quotes them), so a hostile role title or note in any table became a live formula.
    Both ways of starting the app turn that download (and copying) off."""
    import tomllib

    from careerpivot.cli.app_cmd import SAFE_SETTINGS
    from tests.conftest import REPO

    TRIED["csv formula"] += 1
    assert "--client.disableDataExport=true" in SAFE_SETTINGS
    config = tomllib.loads((REPO / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["client"]["disableDataExport"] is True
