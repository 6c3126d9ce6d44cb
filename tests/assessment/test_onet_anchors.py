"""O*NET's Level Scale Anchors: a parser tested on a written fixture and on the real release."""

import pytest
from rapidfuzz import fuzz

from careerpivot.assessment import (
    load_level_anchors,
    load_skill_questions,
    parse_level_anchors,
    skill_questions,
)
from careerpivot.assessment.onet_anchors import ANCHORS_FILE
from careerpivot.assessment.skills import ONET_SOURCE
from careerpivot.errors import DataValidationError

HEADER = "Element ID\tElement Name\tScale ID\tAnchor Value\tAnchor Description\n"


def _fixture(tmp_path, rows):
    path = tmp_path / ANCHORS_FILE
    path.write_text(HEADER + "".join("\t".join(map(str, r)) + "\n" for r in rows), encoding="utf-8")
    return path


ROWS = [
    ("2.A.1.c", "Writing", "LV", 6, "Write a textbook chapter"),
    ("2.A.1.c", "Writing", "LV", 2, "Write a shopping list"),
    ("2.A.1.c", "Writing", "LV", 4, 'Write a "clear" memo'),
    ("2.B.3.e", "Programming", "LV", 1, "Record a macro"),
    ("2.B.3.e", "Programming", "LV", 6.5, "Write a compiler"),
    ("1.A.1.a.1", "Oral Comprehension", "IM", 3, "another scale, ignored"),
]


def test_parses_a_fixture_file_lowest_level_first(tmp_path):
    anchors = load_level_anchors(_fixture(tmp_path, ROWS))
    assert set(anchors) == {"2.A.1.c", "2.B.3.e"}
    assert [(a.level, a.text) for a in anchors["2.A.1.c"]] == [
        (2.0, "Write a shopping list"),
        (4.0, 'Write a "clear" memo'),  # tab files are unquoted: quotes are text
        (6.0, "Write a textbook chapter"),
    ]
    assert anchors["2.B.3.e"][1].level == 6.5


def test_reads_from_the_release_folder_too(tmp_path):
    _fixture(tmp_path, ROWS)
    assert load_level_anchors(tmp_path) == load_level_anchors(tmp_path / ANCHORS_FILE)


def test_other_scales_on_request(tmp_path):
    assert list(load_level_anchors(_fixture(tmp_path, ROWS), scale="IM")) == ["1.A.1.a.1"]


@pytest.mark.parametrize(
    ("rows", "message"),
    [
        (
            [("2.A.1.c", "Writing", "LV", 9, "x")],
            r"line 2, column 'Anchor Value'.*off the level scale",
        ),
        (
            [("2.A.1.c", "Writing", "LV", "high", "x")],
            r"line 2, column 'Anchor Value'.*not a number",
        ),
        ([ROWS[0], ("2.A.1.c", "Writing", "LV", 6, "again")], r"line 3.*two anchors at level 6"),
        ([("2.A.1.c", "Writing", "LV", 2)], r"line 2: row has 4 fields, header has 5"),
    ],
)
def test_bad_rows_name_file_line_and_column(tmp_path, rows, message):
    path = _fixture(tmp_path, rows)
    with pytest.raises(DataValidationError, match=message) as info:
        load_level_anchors(path)
    assert info.value.file == str(path)


def test_a_missing_column_is_named():
    with pytest.raises(DataValidationError, match="header lacks 'Anchor Value'"):
        parse_level_anchors("Element ID\tElement Name\tScale ID\tAnchor Description\n")


def test_a_missing_file_is_named(tmp_path):
    with pytest.raises(DataValidationError, match="file is missing"):
        load_level_anchors(tmp_path)


@pytest.mark.realdata
def test_the_onet_release_has_anchors_for_every_starter_skill_and_knowledge_area(onet_dir, starter):
    anchors = load_level_anchors(onet_dir)
    ids = {d.id for d in starter.descriptors_of_kind("skill", "knowledge")}
    assert ids <= set(anchors)
    for element in ids:
        levels = [a.level for a in anchors[element]]
        assert len(levels) >= 2 and levels == sorted(levels) and levels[0] >= 0 and levels[-1] <= 7
        assert all(a.text.strip() for a in anchors[element])
    questions = skill_questions(starter, load_skill_questions(), anchors)
    assert all(q.anchor_source == ONET_SOURCE for q in questions)


@pytest.mark.realdata
def test_the_teams_anchors_are_not_copies_of_onets(onet_dir):
    official = load_level_anchors(onet_dir)
    for d, q in load_skill_questions().items():
        for ours in q.anchors:
            for theirs in official[d]:
                similarity = fuzz.token_set_ratio(ours.text.lower(), theirs.text.lower())
                assert similarity < 80, (d, ours.text, theirs.text)
