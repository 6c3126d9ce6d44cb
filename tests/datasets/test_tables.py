import pytest

from careerpivot.datasets.tables import Column, choice, integer, number, read_rows
from careerpivot.errors import DataValidationError

COLS = [Column("code"), Column("n", integer(1, 5)), Column("x", number(0, 7), required=False)]


def rows(text, **kw):
    return list(read_rows("t.csv", COLS, text=text, **kw))


def test_reads_and_parses():
    assert rows("code,n,x\na,1,2.5\nb,5,\n") == [
        (2, {"code": "a", "n": 1, "x": 2.5}),
        (3, {"code": "b", "n": 5, "x": None}),
    ]


@pytest.mark.parametrize(
    ("text", "line", "field", "words"),
    [
        ("code,x\na,1\n", 1, None, "header lacks 'n'"),
        ("code,n,x\na,1\n", 2, None, "truncated"),
        ("code,n,x\na,one,1\n", 2, "n", "not a number"),
        ("code,n,x\na,9,1\n", 2, "n", "above the maximum"),
        ("code,n,x\na,1.5,1\n", 2, "n", "whole number"),
        ("code,n,x\na,1,nan\n", 2, "x", "finite"),
        ("code,n,x\n,1,1\n", 2, "code", "missing"),
        ("", 1, None, "empty"),
    ],
)
def test_errors_name_file_line_and_column(text, line, field, words):
    with pytest.raises(DataValidationError) as info:
        rows(text)
    err = info.value
    assert err.file == "t.csv" and err.row == line and err.field == field
    assert words in str(err)


def test_unexpected_columns_rejected_unless_allowed():
    with pytest.raises(DataValidationError, match="unexpected"):
        rows("code,n,x,extra\na,1,1,z\n")
    assert rows("code,n,x,extra\na,1,1,z\n", allow_extra=True)[0][1]["n"] == 1


def test_missing_file_named(tmp_path):
    with pytest.raises(DataValidationError, match="missing"):
        list(read_rows(tmp_path / "nope.csv", COLS))


def test_choice():
    assert choice("a", "b")("a") == "a"
    with pytest.raises(ValueError, match="not one of"):
        choice("a")("c")


def test_tab_files_keep_quotes_literal():
    text = 'code\tn\tx\nsay "hi"\t1\t2\n'
    assert rows(text, delimiter="\t")[0][1]["code"] == 'say "hi"'
