"""Words and tables of the Rejections page (no Streamlit), and its funnel figure."""

import doctest

import pytest
from markdown_it import MarkdownIt

from careerpivot.rejections import (
    Classification,
    Contribution,
    RecordAnalysis,
    RejectionLog,
    SkillMention,
    funnel_counts,
    validate_record,
)
from careerpivot.rejections.records import STAGES
from careerpivot.routes import LearningPlan, LearningStep
from careerpivot.ui import figures
from careerpivot.ui import rejection_text as rt


def record(rid="a1", **fields):
    data = {
        "id": rid,
        "role_title": "Data Analyst",
        "organisation": "Acme",
        "date": "2025-03-01",
        "channel": "posting",
        "stage_reached": "interviewed",
        "outcome": "rejected",
    }
    return validate_record({**data, **fields})


def test_doctests_pass():
    assert doctest.testmod(rt).failed == 0


@pytest.mark.parametrize(
    "text",
    [
        "C# *lead* _x_",
        "[link](http://x.org)",
        "$5 to $6",
        ":red[alert] :smile:",
        "<b>bold</b> &amp;",
        "# head\n- item",
    ],
)
def test_plain_text_renders_as_itself(text):
    html = MarkdownIt("commonmark").renderInline(rt.plain(text))
    for mark in ("<em>", "<strong>", "<a ", "<b>", "<h1>", "<li>"):
        assert mark not in html
    assert "[" not in rt.plain(text).replace("\\[", "")  # no bare bracket left for directives


def test_records_table_is_newest_first_with_the_result_in_words():
    log = RejectionLog(
        records=(
            record("a1", date="2025-01-02", feedback="x" * 100),
            record("a2", date="2025-02-02", outcome="ghosted", stage_reached="applied"),
        )
    )
    frame = rt.records_frame(log)
    assert frame["Date"].tolist() == ["2025-02-02", "2025-01-02"]
    assert frame["Result"].tolist() == [
        "no answer at the application stage",
        "rejected after an interview",
    ]
    assert frame["Feedback"].tolist()[0] == "—" and frame["Feedback"].tolist()[1].endswith("…")
    assert list(frame.columns)[:2] == ["Role", "Result"]


def classification(category, reason="model", predicted=None, confidence=0.9):
    terms = (Contribution("sql", 1.2), Contribution("weak", 0.5))
    return Classification(category, predicted or category, confidence, {}, terms, reason)


def test_analysis_line_says_the_category_the_words_and_the_skills():
    sql = SkillMention("tech:sql", "SQL", "technology", "SQL", 0, 3, 100.0)
    line = rt.analysis_line(RecordAnalysis(record(), classification("skill_gap"), (sql,)))
    assert line == (
        "**Data Analyst** at Acme (2025-03-01), rejected after an interview: **Skill gap** "
        "(90% sure); the words behind it: sql, weak. Skills named: SQL."
    )


def test_analysis_line_explains_generic_fallbacks():
    unsure = classification("generic", "below_threshold", predicted="interview", confidence=0.21)
    line = rt.analysis_line(RecordAnalysis(record(), unsure))
    assert (
        "**Generic / no information**: it looked most like interview performance, but only 21% sure"
        in line
    )
    empty = rt.analysis_line(RecordAnalysis(record(), classification("generic", "empty")))
    assert empty.endswith("**Generic / no information**: no feedback given.")
    offer = record(stage_reached="offer", outcome="offer")
    assert rt.analysis_line(RecordAnalysis(offer, None)).endswith("offer received.")


def test_evidence_names_the_applications():
    log = RejectionLog(records=(record("a1"), record("a2", organisation="Beta")))
    assert rt.evidence(log, ["a2", "a1", "zz"]) == (
        "Data Analyst at Beta (2025-03-01); Data Analyst at Acme (2025-03-01); zz"
    )


def test_funnel_table_and_figure_carry_the_same_numbers():
    recs = [
        record(f"a{i}", stage_reached=s)
        for i, s in enumerate(["applied", "interviewed", "final_round"])
    ]
    counts = funnel_counts(recs)
    frame = rt.funnel_frame(counts)
    assert frame["Applications that got this far"].tolist() == [3, 2, 2, 1, 0]
    assert frame["Share (%)"].tolist() == [100, 67, 67, 33, 0]
    assert frame["Stage"].tolist()[3] == "Final round"
    fig = figures.funnel_figure(frame["Stage"].tolist(), list(counts.values()))
    assert list(fig.data[0].x) == [3, 2, 2, 1, 0] and len(fig.data[0].y) == len(STAGES)
    with pytest.raises(ValueError, match="5 stages but 2 counts"):
        figures.funnel_figure(frame["Stage"].tolist(), [1, 2])


def test_boosted_plan_says_which_steps_rejections_named():
    def step(i, boosted):
        return LearningStep(
            i, i.upper(), "technology", 1.0, 4.0, 4.0, 12.0, 30.0, "course", "", boosted
        )

    plan = LearningPlan(
        "15-2051.01", "BI Analysts", [step("tech:sql", True), step("tech:r", False)]
    )
    frame = rt.boosted_plan_frame(plan, {"tech:sql": 3.0})
    assert frame["Named in rejections"].tolist() == ["2×", ""]
    assert frame["Learn"].tolist() == ["TECH:SQL", "TECH:R"]
    assert frame["How"].tolist() == ["Course", "Course"]


def test_form_errors_use_the_forms_labels():
    with pytest.raises(Exception) as info:
        record(date="01/02/2025")
    assert (
        rt.form_error(info.value)
        == "Date applied: '01/02/2025' is not a date in the form YYYY-MM-DD."
    )


def test_analysis_line_names_the_tool_a_named_tool_reading_rests_on():
    """Not "Skill gap (91% sure)" with the confidence of the model's other reading."""
    from careerpivot.rejections.classify import default_classifier

    feedback = "We went with someone who had more experience with Relativity."
    c = default_classifier().classify(feedback)
    line = rt.analysis_line(RecordAnalysis(record(feedback=feedback), c))
    assert "**Skill gap**: it asks for experience with Relativity, a named tool or skill." in line
    assert "sure" not in line
