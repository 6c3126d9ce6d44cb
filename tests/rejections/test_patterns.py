"""Pattern detection on a synthetic history of 20 applications built here.

The history is designed so each pattern is known in advance: skill gaps (SQL)
dominate early, interview feedback rises later, most unsuccessful applications
stop after the screen, 13 of 17 rejections are Computer and Mathematical roles,
later applications get further, and referrals beat job postings.
"""

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from careerpivot.rejections.analysis import analyse_records
from careerpivot.rejections.categories import CATEGORIES
from careerpivot.rejections.patterns import (
    family_concentration,
    find_patterns,
    funnel_counts,
    role_families,
)
from careerpivot.rejections.records import CHANNELS, STAGES
from tests.rejections.conftest import BASE_DATE, analysed, make_record

SQL = ("tech:sql", "SQL")
PY = ("tech:python", "Python")
TAB = ("tech:tableau", "Tableau")

# id, occupation, channel, stage, outcome, category, named skills, feedback text
HISTORY = [
    (
        "h01",
        "15-2051.01",
        "posting",
        "applied",
        "rejected",
        "skill_gap",
        (SQL,),
        "Your SQL was not strong enough for this role.",
    ),
    ("h02", "15-2051.01", "posting", "applied", "ghosted", "generic", (), ""),
    (
        "h03",
        "15-2051.00",
        "posting",
        "screened",
        "rejected",
        "skill_gap",
        (SQL, PY),
        "We need much stronger SQL and Python skills.",
    ),
    (
        "h04",
        "15-2051.01",
        "posting",
        "applied",
        "rejected",
        "generic",
        (),
        "We decided to move forward with other candidates.",
    ),
    (
        "h05",
        "13-1111.00",
        "posting",
        "screened",
        "rejected",
        "experience",
        (),
        "We need someone with five years of consulting experience.",
    ),
    (
        "h06",
        "15-2051.01",
        "posting",
        "screened",
        "rejected",
        "skill_gap",
        (SQL,),
        "The SQL test showed gaps in joins and aggregations.",
    ),
    ("h07", "15-2041.00", "posting", "applied", "ghosted", "generic", (), ""),
    (
        "h08",
        "15-2051.01",
        "recruiter",
        "screened",
        "rejected",
        "skill_gap",
        (SQL, TAB),
        "Your SQL and Tableau skills need more depth.",
    ),
    (
        "h09",
        "13-2051.00",
        "posting",
        "screened",
        "rejected",
        "resume_portfolio",
        (),
        "Your CV lists duties, not results.",
    ),
    (
        "h10",
        "15-2051.01",
        "posting",
        "screened",
        "rejected",
        "generic",
        (),
        "Unfortunately your application was not successful.",
    ),
    (
        "h11",
        "15-2051.01",
        "referral",
        "interviewed",
        "rejected",
        "interview",
        (),
        "Your interview answers lacked structure and examples.",
    ),
    (
        "h12",
        "15-2051.01",
        "referral",
        "interviewed",
        "rejected",
        "interview",
        (),
        "You seemed nervous in the interview and rambled.",
    ),
    (
        "h13",
        "13-1111.00",
        "posting",
        "screened",
        "rejected",
        "skill_gap",
        (SQL,),
        "Your SQL needs to be stronger for the analysis work.",
    ),
    (
        "h14",
        "15-2051.00",
        "referral",
        "final_round",
        "rejected",
        "competition_timing",
        (),
        "We went with an internal candidate.",
    ),
    (
        "h15",
        "15-2051.01",
        "referral",
        "interviewed",
        "rejected",
        "interview",
        (),
        "In the interview it was hard to follow your answers.",
    ),
    ("h16", "15-2051.01", "posting", "screened", "withdrawn", None, (), ""),
    (
        "h17",
        "15-2051.01",
        "referral",
        "interviewed",
        "rejected",
        "interview",
        (TAB,),
        "The interview walkthrough of your Tableau project was hard to follow and you didn't explain your thinking.",
    ),
    (
        "h18",
        "13-2051.00",
        "recruiter",
        "interviewed",
        "rejected",
        "fit_culture",
        (),
        "We didn't feel you'd fit our team's culture.",
    ),
    ("h19", "15-2051.01", "referral", "offer", "offer", None, (), ""),
    ("h20", "15-2051.01", "posting", "applied", "pending", None, (), ""),
]


def history_records():
    return [
        make_record(
            rid,
            occupation_code=code,
            channel=channel,
            stage_reached=stage,
            outcome=outcome,
            feedback=text,
            date=(BASE_DATE + dt.timedelta(weeks=n)).isoformat(),
            organisation=f"Org {n}",
        )
        for n, (rid, code, channel, stage, outcome, _, _, text) in enumerate(HISTORY)
    ]


def history():
    return [analysed(r, row[5], row[6]) for r, row in zip(history_records(), HISTORY, strict=True)]


def by_key(patterns):
    return {(p.kind, p.key): p for p in patterns}


def test_synthetic_history_has_twenty_applications_and_seventeen_rejections():
    recs = history_records()
    assert len(recs) == 20 and sum(r.is_rejection for r in recs) == 17


def test_recurring_categories_and_skills():
    found = by_key(find_patterns(history()))
    skill = found[("category", "skill_gap")]
    # h17 is interview feedback that names Tableau: it counts toward skill gaps too.
    assert skill.evidence == ("h01", "h03", "h06", "h08", "h13", "h17")
    assert skill.sentence.startswith("Skill gaps came up in 6 of 17 rejections")
    assert found[("category", "interview")].evidence == ("h11", "h12", "h15", "h17")
    assert ("category", "experience") not in found  # once is not a pattern
    assert found[("skill", "tech:sql")].evidence == ("h01", "h03", "h06", "h08", "h13")
    assert "SQL was named in 5 of 17 rejections" in found[("skill", "tech:sql")].sentence
    assert found[("skill", "tech:tableau")].evidence == ("h08", "h17")
    assert ("skill", "tech:python") not in found


def test_rejections_concentrate_in_one_role_family():
    found = by_key(find_patterns(history()))
    fam = found[("family", "Computer and Mathematical")]
    assert len(fam.evidence) == 13 and "h05" not in fam.evidence
    assert fam.sentence == (
        "13 of 17 rejections were for Computer and Mathematical roles; elsewhere 1 of 4 "
        "applications reached an interview, against 6 of 15 in this family."
    )


def test_funnel_names_the_stage_where_applications_stop():
    found = by_key(find_patterns(history()))
    funnel = found[("funnel", "screened")]
    assert funnel.evidence == ("h03", "h05", "h06", "h08", "h09", "h10", "h13", "h16")
    assert funnel.sentence.startswith(
        "8 of 18 unsuccessful applications stopped after the first screen"
    )
    assert funnel_counts(history_records()) == {
        "applied": 20, "screened": 15, "interviewed": 7, "final_round": 2, "offer": 1,
    }  # fmt: skip


def test_change_over_time():
    found = by_key(find_patterns(history()))
    further = found[("trend", "further")]
    assert further.evidence == ("h11", "h12", "h14", "h15", "h17", "h18", "h19")
    assert further.sentence == (
        "Recent applications get further: 7 of the 10 since 2025-03-10 reached an "
        "interview, against 0 of the 9 before."
    )
    assert found[("trend", "rising:interview")].evidence == ("h11", "h12", "h15", "h17")
    assert found[("trend", "fading:skill_gap")].evidence == ("h01", "h03", "h06", "h08")


def test_channels_compared():
    found = by_key(find_patterns(history()))
    channel = found[("channel", "referral")]
    assert channel.sentence == (
        "Applications through referrals get further: 6 of 6 reached an interview, "
        "against 0 of 11 through job postings."
    )


def test_no_feedback_pattern_only_when_most_rejections_say_nothing():
    assert "no_feedback" not in {p.kind for p in find_patterns(history())}
    silent = [analysed(make_record(f"s{i}"), "generic") for i in range(3)]
    (p,) = [p for p in find_patterns(silent) if p.kind == "no_feedback"]
    assert p.evidence == ("s0", "s1", "s2") and "follow-up" in p.sentence


def test_the_same_patterns_come_out_of_the_real_classifier(classifier, matcher):
    analyses = analyse_records(history_records(), classifier, matcher)
    expected = {row[0]: row[5] for row in HISTORY}
    got = {a.record.id: a.category for a in analyses}
    assert got == expected
    real = by_key(find_patterns(analyses))
    assert real.keys() == by_key(find_patterns(history())).keys()


def test_too_little_history_gives_no_patterns():
    few = [
        analysed(make_record("a1"), "skill_gap", (SQL,)),
        analysed(make_record("a2"), "interview"),
    ]
    assert find_patterns(few) == []


def test_titles_cluster_into_families_when_no_code_is_given():
    titles = ["Senior Data Analyst", "Data Analyst II", "data analyst", "Registered Nurse", "Nurse"]
    recs = [make_record(f"t{i}", role_title=t, occupation_code=None) for i, t in enumerate(titles)]
    fam = role_families(recs)
    assert fam["t0"] == fam["t1"] == fam["t2"] == "Data Analyst-type roles"
    assert fam["t3"] == fam["t4"] != fam["t0"]
    found = family_concentration([analysed(r, "generic") for r in recs])
    assert found is not None and found[0] == "Data Analyst-type roles"


def test_spread_rejections_do_not_concentrate():
    codes = ["15-2051.01", "13-1111.00", "29-1141.00", "41-3031.00"]
    items = [
        analysed(make_record(f"x{i}", occupation_code=c), "generic") for i, c in enumerate(codes)
    ]
    assert family_concentration(items) is None


records_strategy = st.lists(
    st.tuples(
        st.sampled_from(STAGES[:-1]),
        st.sampled_from(["rejected", "ghosted", "withdrawn", "pending"]),
        st.sampled_from(CHANNELS),
        st.sampled_from(CATEGORIES),
        st.sampled_from(["15-2051.01", "13-1111.00", None]),
        st.integers(0, 400),
        st.booleans(),
    ),
    max_size=25,
)


@settings(max_examples=60, deadline=None)
@given(records_strategy)
def test_every_pattern_rests_on_real_applications(rows):
    items = []
    for i, (stage, outcome, channel, cat, code, day, sql) in enumerate(rows):
        r = make_record(
            f"r{i}",
            stage_reached=stage,
            outcome=outcome,
            channel=channel,
            occupation_code=code,
            date=(BASE_DATE + dt.timedelta(days=day)).isoformat(),
        )
        items.append(
            analysed(r, cat if r.is_rejection else None, (SQL,) if sql and r.is_rejection else ())
        )
    ids = {a.record.id for a in items}
    counts = funnel_counts([a.record for a in items])
    assert list(counts.values()) == sorted(counts.values(), reverse=True)
    for p in find_patterns(items):
        assert p.sentence and set(p.evidence) <= ids
        assert len(p.evidence) >= 2 and len(set(p.evidence)) == len(p.evidence)


@pytest.mark.parametrize("min_count", [2, 3, 6])
def test_min_count_is_respected(min_count):
    for p in find_patterns(history(), min_count=min_count):
        assert len(p.evidence) >= min_count
