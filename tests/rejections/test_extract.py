import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from careerpivot.rejections.extract import SkillMatcher
from careerpivot.skillmatch import Lexicon


@pytest.mark.parametrize(
    ("text", "ids"),
    [
        ("Your SQL needs work, especially window functions.", ["tech:sql"]),
        (
            "We need Tableau and Power BI, plus Python (pandas).",
            ["tech:tableau", "tech:power-bi", "tech:python", "tech:pandas"],
        ),
        ("Stakeholder management and leadership were concerns.", ["2.B.1.b", "2.B.5.d"]),
        ("Your statistical knowledge (A/B testing) was thin.", ["2.C.4.a"]),
        ("Excel pivot tables and VLOOKUP were slow.", ["tech:microsoft-excel"]),
        (
            "C++ and C# are used with Node.js here.",
            ["tech:c-plus-plus", "tech:c-sharp", "tech:node-js"],
        ),
        ("Experience with R and SAS is essential.", ["tech:r", "tech:sas"]),
        ("Our data lives in Microsoft SQL Server.", ["tech:microsoft-sql-server"]),
    ],
)
def test_named_skills_map_to_descriptor_ids(matcher, text, ids):
    found = matcher.find(text)
    assert [s.id for s in found] == ids
    for s in found:
        assert text[s.start : s.end] == s.matched


@pytest.mark.parametrize(
    "text",
    [
        "You excel at building rapport.",
        "Access to the building was slow, and the teams were busy.",
        "Generally speaking, we went another way.",
        "Our R&D group picked someone else.",
        "Give us a word if you want to go again.",
        "We decided to move forward with other candidates.",
    ],
)
def test_everyday_words_are_not_taken_for_skills(matcher, text):
    assert matcher.find(text) == []


def test_typos_in_longer_names_are_forgiven_but_scored_lower(matcher):
    (hit,) = matcher.find("Your Tableu dashboards were basic.")
    (exact,) = matcher.find("Your Tableau dashboards were basic.")
    assert hit.id == exact.id == "tech:tableau"
    assert 60 <= hit.score < exact.score == 100


def test_each_descriptor_is_reported_once_in_text_order(matcher):
    found = matcher.find("Python, then SQL, then more Python and sql queries.")
    assert [s.id for s in found] == ["tech:python", "tech:sql"]


def test_cue_phrases_for_descriptors_a_data_set_lacks_are_ignored(tiny):
    lexicon = Lexicon(
        cues=(("stakeholder management", ("2.B.1.b",)), ("window functions", ("tech:sql",)))
    )
    m = SkillMatcher(lexicon).fit(tiny)
    assert [s.id for s in m.find("window functions and stakeholder management")] == ["tech:sql"]


def test_feedback_and_cv_text_share_one_matcher(matcher):
    from careerpivot import assessment, rejections

    assert rejections.SkillMatcher is assessment.SkillMatcher
    text = "Your SQL and Tableau need work"
    assert [s.id for s in matcher.find(text)] == [c.descriptor_id for c in matcher.match(text)]


@settings(max_examples=80, deadline=None)
@given(st.text(max_size=200))
def test_matching_never_fails_and_spans_are_real(matcher, text):
    for s in matcher.find(text):
        assert 0 <= s.start < s.end <= len(text)
        assert text[s.start : s.end] == s.matched
