import pytest

from careerpivot.effort import hours_between
from careerpivot.errors import NotScorableError, UnknownRoleError
from careerpivot.gaps import IMPORTANT, classify, person_gap, role_gap
from careerpivot.profile import Profile, profile_from_role


def test_person_gap_statuses_and_order(tiny):
    report = person_gap(tiny, Profile(ratings={"2.A.1.a": 4.0, "2.B.3.e": 2.0}), "15-0003.00")
    assert [(r.id, r.status) for r in report.rows] == [
        ("2.B.3.e", "gap"),  # importance 4.8 x 4.5 short = 21.6
        ("2.A.1.a", "gap"),  # importance 4.5 x 1.0 short = 4.5
        ("tech:sql", "tool to check"),  # never mentioned: a tool to check, not a gap
        ("2.C.5.a", "minor"),  # importance 1.2: not a requirement
    ]
    top = report.gaps[0]
    assert top.deficit == pytest.approx(4.5) and top.priority == pytest.approx(4.8 * 4.5)
    assert top.priority_words == "high" and report.gaps[1].priority_words == "medium"
    assert top.hours == pytest.approx(hours_between(tiny.descriptor("2.B.3.e"), 2.0, 6.5))
    sql = report.tools_to_check[0]
    assert not sql.rated and sql.priority == 0 and sql.hours > 0  # hours if it is new
    assert report.total_hours == pytest.approx(sum(r.hours for r in report.gaps))
    assert report.counts["gap"] == 2 and report.counts["tool to check"] == 1
    assert report.summary == (
        "Meets 0 of 2 important skills and knowledge areas and no tools yet (1 to check); "
        f"2 to close (2 gaps, 0 small), about {report.total_hours:,.0f} hours."
    )


def test_each_requirement_has_one_status(starter):
    prof = profile_from_role(starter, "15-1252.00")
    for target in ("15-1251.00", "15-2051.00", "29-1141.00"):
        report = person_gap(starter, prof, target)
        ids = [r.id for r in report.rows]
        assert len(ids) == len(set(ids))
        assert not {r.id for r in report.transfers} & {r.id for r in report.to_close}
        assert all(r.importance >= IMPORTANT for r in report.requirements)


def test_small_gaps_and_rating_noise():
    assert classify(4.0, 4.0, 3.8, False) == "transfers"  # within a quarter level
    assert classify(4.0, 4.0, 3.75, False) == "small gap"
    assert classify(4.0, 4.0, 3.01, False) == "small gap"
    assert classify(4.0, 4.0, 3.0, False) == "gap"
    assert classify(2.9, 4.0, 0.0, False) == "minor"


def test_what_transfers_and_what_goes_unused(tiny):
    report = role_gap(tiny, "15-0001.00", "29-0004.00")
    assert [r.id for r in report.met] == ["2.A.1.a"]
    assert {r.id for r in report.unused} == {"2.B.3.e"}  # tools the role does not list: left out
    assert report.total_deficit() == pytest.approx(5.3)


def test_role_gap_to_itself_is_empty(starter):
    assert role_gap(starter, "29-1141.00", "29-1141.00").gaps == []


def test_a_role_uses_only_what_it_rates_important(starter):
    # Compare said "Accountants and Auditors uses, but Accountants and Auditors hardly uses:
    # ..." when a role was compared with itself: "uses" read any level, however unimportant.
    for code in (o.code for o in starter.occupations[:60]):
        try:
            assert role_gap(starter, code, code).unused == []
        except NotScorableError:
            continue
    report = role_gap(starter, "29-1141.00", "15-1252.00")  # nurse -> software developer
    row = starter.occupation_index["29-1141.00"]
    own = {
        d.id: float(starter.importance_matrix[row][j]) for j, d in enumerate(starter.descriptors)
    }
    assert report.unused, "the example should have something the target hardly uses"
    assert all(own[r.id] >= IMPORTANT for r in report.unused)
    # a person's ratings are theirs: nothing is held back
    prof = Profile(ratings={"2.C.1.b": 5.0})  # Clerical / Administrative
    assert [r.id for r in person_gap(starter, prof, "15-1252.00").unused] == ["2.C.1.b"]


def test_kinds_filter(starter):
    report = role_gap(starter, "15-2051.01", "15-2051.00", kinds=["technology"])
    assert {r.kind for r in report.rows} == {"technology"}


def test_errors(tiny):
    with pytest.raises(UnknownRoleError):
        role_gap(tiny, "15-0001.00", "99-0000.00")
    with pytest.raises(NotScorableError, match="no skill or knowledge ratings"):
        role_gap(tiny, "15-0001.00", "43-0005.00")
