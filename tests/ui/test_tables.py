"""Tables and text (no Streamlit): units, gap table, CSV, plan and route text."""

import csv
import doctest
import io

from hypothesis import given
from hypothesis import strategies as st

from careerpivot.ui import tables

SWD = "15-1252.00"


def test_doctests_pass():
    assert doctest.testmod(tables).failed == 0


@given(st.floats(-1e6, 1e6, allow_nan=False))
def test_money_always_carries_its_unit_and_sign(v):
    assert tables.usd(abs(v)).endswith("/year") and tables.usd(abs(v)).startswith("$")
    text = tables.usd_change(v)
    assert text.endswith("/year") and text[0] in "+−"


def test_missing_numbers_say_so():
    assert tables.usd(None) == tables.usd_change(None) == tables.pct_change(None) == "not known"
    assert tables.count(None) == "not known"


def test_gap_frame_lists_what_the_role_rates_in_priority_order(engine):
    report = engine.gap(engine.profile_for(SWD), "15-2051.00")
    frame = tables.gap_frame(report)
    rated = [r for r in report.rows if r.importance > 0]
    assert list(frame["Requirement"]) == [r.name for r in rated]
    assert list(frame.columns) == [
        "Requirement",
        "Status",
        "Priority",
        "Gap (levels)",
        "Needed (0-7)",
        "You (0-7)",
        "Hours (est.)",
        "Importance (1-5)",
        "Kind",
        "Needed level means",
    ]
    prog = frame[frame["Requirement"] == "Programming"].iloc[0]
    assert prog["Needed level means"]  # the team's anchor for the needed level
    gaps = tables.gap_frame(report, only_gaps=True, kinds=["technology"])
    assert (gaps["Gap (levels)"] > 0).all() and set(gaps["Kind"]) <= {"Tool"}
    assert set(gaps["Status"]) <= {"Gap", "Small gap"}


def test_gap_csv_round_trips(engine):
    report = engine.role_gap(SWD, "15-2051.00")
    rows = list(csv.DictReader(io.StringIO(tables.gap_csv(report))))
    rated = [r for r in report.rows if r.importance > 0]
    assert len(rows) == len(rated)
    assert rows[0]["requirement"] == rated[0].name
    assert float(rows[0]["priority_score"]) == round(rated[0].priority, 2)
    assert rows[0]["status"] == rated[0].status
    assert {r["from"] for r in rows} == {"Software Developers"}


def test_plan_text_and_frame_agree(engine):
    plan = engine.plan(engine.profile_for(SWD), "15-2051.00")
    lines = tables.plan_lines(plan)
    frame = tables.plan_frame(plan)
    assert len(lines) == len(frame) == len(plan.steps)
    assert list(frame["Hours low (est.)"]) == [round(s.hours_low) for s in plan.steps]
    assert list(frame["Hours high (est.)"]) == [round(s.hours_high) for s in plan.steps]
    assert list(frame["Phase"]) == [s.phase for s in plan.steps]
    for (_, details), s in zip(lines, plan.steps, strict=True):
        assert f"about {s.hours_low:,.0f}-{s.hours_high:,.0f} hours" in details
    h = plan.hours
    assert f"{h.low:,.0f}-{h.high:,.0f} hours in all" in tables.plan_summary(plan)


def test_route_lines_name_every_role(engine):
    prof = engine.profile_for(SWD)
    routes = engine.routes(prof, "15-2051.00")
    titles = {o.code: o.title for o in engine.dataset.occupations}
    for line, r in zip(tables.route_lines(routes, titles), routes):
        assert all(titles[c] in line for c in r.codes)


def test_neighbours_frame_is_sorted_by_similarity(engine):
    frame = tables.neighbours_frame(engine, SWD)
    assert frame["Similarity (%)"].is_monotonic_decreasing
    assert (frame["Learning (hours, est.)"] >= 0).all()


def test_neighbours_frame_shows_onets_own_list_beside_similarity(engine):
    plain = tables.neighbours_frame(engine, SWD)
    assert "O*NET lists it" not in plain.columns  # the starter set has no such list
    first, second = plain["Role"][:2]
    codes = {engine.dataset.occupation(c).title: c for c in engine.dataset.occupation_index}
    related = [(codes[first], "Primary-Short", 1), (codes[second], "Supplemental", 14)]
    frame = tables.neighbours_frame(engine, SWD, related)
    assert list(frame["O*NET lists it"][:2]) == ["closely related (1-5)", "further (11-20)"]
    assert set(frame["O*NET lists it"][2:]) == {"no"}
    assert frame.drop(columns="O*NET lists it").equals(plain)


def test_numbers_source_names_bls_for_the_starter_set(engine):
    assert "BLS" in tables.numbers_source(engine.dataset)
    assert tables.numbers_source(engine.dataset, short=True) == "Source: BLS wages and projections"


def test_markdown_dollars_are_escaped():
    assert tables.md("$1 and $2") == "\\$1 and \\$2"


def test_the_gap_tables_key_columns_come_first_and_fit_a_phone():
    from careerpivot.engine import Engine
    from careerpivot.ui.tables import GAP_KEY_COLUMNS_PX, gap_frame, key_columns_first

    eng = Engine.load()
    frame = gap_frame(eng.gap(eng.profile_for("15-1252.00"), "15-2051.00"))
    shown = key_columns_first(frame)
    assert list(shown.columns)[:4] == ["Requirement", "Gap (levels)", "Needed (0-7)", "You (0-7)"]
    assert sorted(shown.columns) == sorted(frame.columns)  # nothing dropped
    assert shown["You (0-7)"].equals(frame["You (0-7)"])
    assert sum(GAP_KEY_COLUMNS_PX) <= 390  # the table's width in a 420 px window


def test_counted_puts_the_noun_in_the_right_number():
    from careerpivot.ui.tables import counted

    assert counted(1, "application") == "1 application"
    assert counted(0, "saved profile version") == "0 saved profile versions"
    assert counted(1200, "person", "people") == "1,200 people"


def test_empty_cells_are_missing_values_never_none_nan_or_a_made_up_zero(engine, tmp_path):
    """A requirement the person never rated has no level: Compare leaves the cell empty
    (shown as a dash), the CSV leaves it blank (numbers stay numbers), the card says "not
    rated yet", the command line prints the dash; JSON keeps numbers with ``rated``."""
    import json
    import math

    from typer.testing import CliRunner

    from careerpivot.cli import app
    from careerpivot.profile import Profile

    me = Profile(ratings={"2.B.3.e": 2.0, "tech:python": 3.0})
    report = engine.gap(me, "15-2051.00")
    rows = tables.gap_rows(report)
    unrated = [r for r in rows if not r.rated]
    assert unrated and any(r.rated for r in rows)
    frame = tables.gap_frame(report)
    you = dict(zip(frame["Requirement"], frame["You (0-7)"], strict=True))
    hours = dict(zip(frame["Requirement"], frame["Hours (est.)"], strict=True))
    for r in rows:
        assert math.isnan(you[r.name]) != r.rated
        assert math.isnan(hours[r.name]) != r.missing
    assert "None" not in frame.to_string(na_rep="<missing>")

    cells = list(csv.DictReader(io.StringIO(tables.gap_csv(report))))
    assert not any(v in ("nan", "None", "NaN") for c in cells for v in c.values())
    by_name = {c["requirement"]: c for c in cells}
    for r in rows:
        level = by_name[r.name]["current_level_0_7"]
        assert (level == "") == (not r.rated) and (level == "" or float(level) >= 0)
        float(by_name[r.name]["hours_est"])  # hours stay numbers
    card = tables.card_missing(report, n=len(report.to_close))
    first_unrated = next(r for r in report.to_close if not r.rated)
    line = next(x for x in card if x.startswith(f"{first_unrated.name}: "))
    assert "you: not rated yet" in line and "you 0" not in line

    path = tmp_path / "me.json"
    path.write_text(me.model_dump_json())
    run = CliRunner().invoke(
        app,
        ["gap", "--profile", str(path), "--target", "15-2051.00", "--all"],
        env={"COLUMNS": "200"},
    )
    assert run.exit_code == 0, run.output
    assert "None" not in run.output and "Current: — = not rated yet" in run.output
    line = next(x for x in run.output.splitlines() if f" {first_unrated.name} " in x)
    assert "—" in line and " 0.0 " not in line
    doc = json.loads(
        CliRunner()
        .invoke(app, ["gap", "--profile", str(path), "--target", "15-2051.00", "--json"])
        .stdout
    )
    assert all(isinstance(g["current"], (int, float)) for g in doc["gaps"])
