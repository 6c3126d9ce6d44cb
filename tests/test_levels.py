"""Level words read as examples of a point on the 0-7 scale, never as statements about a role.

The team's anchors come from any line of work ("check finished work against a simple
checklist"); shown bare beside a software role's needed level, an example from a
warehouse read as if the role did that. Each is now framed with its own level.
"""

from __future__ import annotations

import csv

import pytest

from careerpivot.assessment.data import load_skill_questions
from careerpivot.gaps import person_gap
from careerpivot.levels import anchor_text, level_words
from careerpivot.profile import Profile
from careerpivot.resources import data_dir
from careerpivot.ui import tables


@pytest.mark.parametrize(
    ("level", "words"),
    [
        (4.0, "level 4 is like: write a script that cleans and combines data files"),
        # Nearest anchor, not the last one at or below: 3.9 read "level 1 is like" before.
        (3.9, "level 4 is like: write a script that cleans and combines data files"),
        (3.0, "below level 4, which is like: write a script that cleans and combines data files"),
        (4.6, "above level 4, which is like: write a script that cleans and combines data files"),
        (
            5.0,
            "below level 6, which is like: design and build a large application that others "
            "maintain and extend",
        ),  # a tie goes to the higher anchor
        (
            5.9,
            "level 6 is like: design and build a large application that others maintain and extend",
        ),
        (2.5, "below level 4, which is like: write a script that cleans and combines data files"),
        (2.4, "above level 1, which is like: record a simple spreadsheet macro"),
        (0.5, "below level 1, which is like: record a simple spreadsheet macro"),
        (
            7.0,
            "above level 6, which is like: design and build a large application that others "
            "maintain and extend",
        ),
    ],
)
def test_a_level_names_the_level_of_the_example_it_shows(level, words):
    assert anchor_text("2.B.3.e", level) == words


def test_every_anchor_shown_says_which_scale_point_it_is_an_example_of():
    for d, q in load_skill_questions().items():
        for a in q.anchors:
            for level in (a.level, a.level + 0.5, 0.0):
                text = anchor_text(d, level)
                assert text.startswith(("level ", "below level ", "above level "))
                assert " is like: " in text


def test_a_card_line_frames_the_example_as_the_scales(starter):
    me = Profile(ratings={"2.B.3.m": 0.5})  # Quality Control Analysis
    report = person_gap(starter, me, "15-1253.00")  # Software QA Analysts and Testers
    row = next(r for r in report.rows if r.id == "2.B.3.m")
    assert row.required_words.startswith(("level ", "below level ", "above level "))
    line = tables._level(row.name, row.id, row.required, "needs ")
    assert line.startswith("Quality Control Analysis: needs ") and "is like: " in line
    assert level_words("Programming", "2.B.3.e", 4.1).startswith("Programming 4.1 of 7 (level 4")


def test_the_quality_control_anchors_name_no_one_line_of_work():
    path = data_dir("assessment") / "skill_questions.csv"
    with path.open(encoding="utf-8", newline="") as fh:
        row = next(r for r in csv.DictReader(fh) if r["descriptor_id"] == "2.B.3.m")
    text = " ".join(row[f"{p}_anchor"] for p in ("low", "mid", "high")).lower()
    assert "boxes" not in text and "delivery" not in text


def test_card_compare_plan_and_json_show_the_nearest_anchor(starter):
    """Every page reads the example from one place: a need of 3.9-ish shows the level-4
    example everywhere, never the level-2 one the last anchor below would give."""
    from careerpivot.cli.common import to_jsonable
    from careerpivot.routes import learning_plan

    me = Profile(ratings={"2.B.3.m": 0.5, "2.A.2.a": 0.5, "2.B.3.e": 0.5})
    target = "15-1253.00"  # Software QA Analysts and Testers
    report = person_gap(starter, me, target)
    plan = learning_plan(starter, me, target)
    frame = tables.gap_frame(report)
    card = tables.card_missing(report, n=len(report.to_close))
    steps = {s.id: tables.step_line(s)[1] for s in plan.steps}
    checked = 0
    for row in report.to_close:
        anchors = load_skill_questions().get(row.id)
        if anchors is None:
            continue
        words = anchor_text(row.id, row.required)
        near = min(anchors.anchors, key=lambda a: (abs(row.required - a.level), -a.level))
        assert f"level {near.level:g}" in words
        assert row.required_words == words == to_jsonable(row)["required_words"]
        assert frame.loc[frame["Requirement"] == row.name, "Needed level means"].item() == words
        assert any(line.startswith(f"{row.name}: ") and f"({words})" in line for line in card)
        assert f"({words})" in steps[row.id]
        checked += 1
    assert checked >= 2
