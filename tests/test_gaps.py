import pytest

from careerpivot.errors import NotScorableError, UnknownRoleError
from careerpivot.gaps import person_gap, role_gap
from careerpivot.profile import Profile


def test_person_gap_sorted_by_priority(tiny):
    report = person_gap(tiny, Profile(ratings={"2.A.1.a": 4.0, "2.B.3.e": 2.0}), "15-0003.00")
    order = [(r.unknown_tool, -r.priority) for r in report.rows]
    assert order == sorted(order)  # known gaps by priority, then tools never mentioned
    top = report.gaps[0]
    assert top.id == "2.B.3.e" and top.deficit == pytest.approx(4.5)
    assert top.priority == pytest.approx(4.8 * 4.5)
    sql = report.rows[-1]  # never mentioned: last, though it outranks the known rows before it
    assert sql.id == "tech:sql" and sql.unknown_tool and not sql.rated and sql.current == 0
    assert sql.priority > report.rows[-2].priority


def test_what_transfers_and_what_goes_unused(tiny):
    report = role_gap(tiny, "15-0001.00", "29-0004.00")
    assert [r.id for r in report.met] == ["2.A.1.a"]
    assert {r.id for r in report.unused} == {"2.B.3.e", "tech:sql"}
    assert report.total_deficit() == pytest.approx(5.3)


def test_role_gap_to_itself_is_empty(starter):
    assert role_gap(starter, "29-1141.00", "29-1141.00").gaps == []


def test_kinds_filter(starter):
    report = role_gap(starter, "15-2051.01", "15-2051.00", kinds=["technology"])
    assert {r.kind for r in report.rows} == {"technology"}


def test_errors(tiny):
    with pytest.raises(UnknownRoleError):
        role_gap(tiny, "15-0001.00", "99-0000.00")
    with pytest.raises(NotScorableError, match="no skill or knowledge ratings"):
        role_gap(tiny, "15-0001.00", "43-0005.00")
