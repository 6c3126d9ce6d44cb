"""CSV: written reports read back equal; spreadsheet formulas are defused; bad CSV is named."""

from __future__ import annotations

import csv
import datetime as dt
import io

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from careerpivot.errors import DataValidationError
from careerpivot.report import (
    GapLine,
    NoteLine,
    PivotLine,
    Report,
    RouteLine,
    Section,
    ShortlistLine,
    StepLine,
    Summary,
    read_csv,
    render_csv,
)
from careerpivot.report.csv_format import HEADER


def test_the_sample_report_round_trips(report):
    text = render_csv(report)
    assert read_csv(text) == report
    rows = list(csv.reader(io.StringIO(text, newline="")))
    assert tuple(rows[0]) == HEADER
    assert ["report", "0", "client", "Ana Díaz"] in rows
    pivots = [r for r in rows if r[0] == "pivots" and r[2] == "title"]
    assert [r[3] for r in pivots] == [p.title for p in report.pivots]


def test_a_written_file_round_trips(report, tmp_path):
    path = tmp_path / "report.csv"
    path.write_text(render_csv(report), encoding="utf-8", newline="")
    with path.open(encoding="utf-8", newline="") as fh:
        assert read_csv(fh.read()) == report


def test_formula_like_text_is_prefixed_for_spreadsheets_and_restored():
    rep = Report(
        client='=HYPERLINK("http://evil")',
        date=dt.date(2025, 1, 1),
        dataset="starter",
        summary=Summary(strengths=("+1 attitude", "@mention", "'quoted")),
        notes=(NoteLine(dt.date(2025, 1, 2), "-2 points\n=SUM(A1)"),),
        pivots=(PivotLine(1, "15-1252.00", "Role", 0.5, wage_change=-1500.0),),
    )
    rows = list(csv.reader(io.StringIO(render_csv(rep), newline="")))
    values = {r[3] for r in rows[1:]}
    assert '\'=HYPERLINK("http://evil")' in values and "'+1 attitude" in values
    assert "''quoted" in values and "-1500.0" in values  # numbers are left as numbers
    assert not [v for v in values if v.startswith(("=", "+", "@"))]
    assert read_csv(render_csv(rep)) == rep


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("", "expected the header"),
        ("a,b,c,d\r\n", "expected the header"),
        ("section,row,field,value\r\nreport,0,client\r\n", "line 2: expected 4 values"),
        ("section,row,field,value\r\nreport,x,client,A\r\n", "not a row number"),
        ("section,row,field,value\r\nreport,0,colour,red\r\n", "column 'colour'"),
        ("section,row,field,value\r\nreport,0,date,yesterday\r\n", "column 'date'"),
        ("section,row,field,value\r\nextras,1,a,b\r\n", "unknown section 'extras'"),
        ("section,row,field,value\r\nreport,0,client,A\r\n", "incomplete"),
    ],
)
def test_bad_csv_names_line_and_field(text, words):
    with pytest.raises(DataValidationError, match=words):
        read_csv(text, source="x.csv")


# ----- any report round-trips --------------------------------------------------------------
texts = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=40
)
names = st.lists(texts, max_size=3).map(tuple)
floats = st.floats(allow_nan=False)
maybe_float = st.none() | floats
dates = st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2200, 1, 1))

reports = st.builds(
    Report,
    client=texts,
    date=dates,
    dataset=texts,
    summary=st.builds(
        Summary, current_role=texts, holland_code=texts, strengths=names, ratings=st.integers()
    ),
    pivots=st.lists(
        st.builds(
            PivotLine,
            rank=st.integers(),
            code=texts,
            title=texts,
            fit=floats,
            strengths=names,
            gaps=names,
            job_zone=st.none() | st.integers(),
            wage_change=maybe_float,
            outlook_pct=maybe_float,
        ),
        max_size=3,
    ).map(tuple),
    shortlist=st.lists(
        st.builds(ShortlistLine, code=texts, title=texts, note=texts), max_size=2
    ).map(tuple),
    target_code=texts,
    target_title=texts,
    gaps=st.lists(
        st.builds(GapLine, texts, texts, floats, floats, floats, floats, floats), max_size=3
    ).map(tuple),
    plan=st.lists(
        st.builds(StepLine, st.integers(), texts, floats, floats, floats, texts), max_size=3
    ).map(tuple),
    plan_hours=floats,
    routes=st.lists(
        st.builds(RouteLine, st.integers(), names, floats, st.booleans()), max_size=2
    ).map(tuple),
    rejections=st.lists(st.builds(Section, texts, names), max_size=2).map(tuple),
    applications_logged=st.integers(),
    notes=st.lists(st.builds(NoteLine, dates, texts), max_size=3).map(tuple),
    footer=texts,
)


@settings(max_examples=200, deadline=None)
@given(reports)
def test_any_report_round_trips(rep):
    assert read_csv(render_csv(rep)) == rep
