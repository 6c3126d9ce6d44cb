"""Text preparation for matching: segments, units, rewrites and the small stemmer."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from careerpivot.textnorm import phrase_tokens, segments, stem


def test_segments_split_at_punctuation_and_sentence_ends():
    text = "Led a team. Built dashboards; SQL, Python\n- Excel (advanced): VBA"
    assert [[t.surface for t in s] for s in segments(text)] == [
        ["Led", "a", "team"],
        ["Built", "dashboards"],
        ["SQL"],
        ["Python"],
        ["Excel"],
        ["advanced"],
        ["VBA"],
    ]


def test_dots_inside_names_do_not_end_a_sentence():
    assert [t.norm for s in segments("Node.js, ASP.NET and C++") for t in s] == [
        "nodejs",
        "asp",
        "dotnet",
        "and",
        "cplusplus",
    ]


def test_units_split_at_and_or_ampersand_and_slash():
    [seg] = segments("python and R / SQL & Go or Java")
    units = {}
    for t in seg:
        units.setdefault(t.unit, []).append(t.norm)
    assert [u for u in units.values() if u not in (["and"], ["or"])] == [
        ["python"],
        ["r"],
        ["sql"],
        ["go"],
        ["java"],
    ]


def test_first_word_of_each_segment_is_marked():
    [a, b] = segments("Teams are great, Go too")
    assert [t.first for t in a] == [True, False, False] and b[0].first


def test_numbers_become_a_placeholder_and_letter_ampersand_letter_one_word():
    assert phrase_tokens("team of 12") == ("team", "of", "#")
    assert phrase_tokens("P&L and R&D") == ("pandl", "and", "randd")
    assert phrase_tokens("S3, EC2") == ("s3", "ec2")


@pytest.mark.parametrize(
    "group",
    [
        ("negotiating", "negotiation", "negotiate"),
        ("prioritising", "prioritisation", "prioritization", "prioritise"),
        ("managing", "management", "managed", "manager", "managers"),
        ("programming", "programs", "program"),
        ("accounting", "accounts"),
        ("recruiting", "recruitment"),
        ("visualisation", "visualising", "visualization"),
    ],
)
def test_word_forms_share_a_stem(group):
    assert len({stem(w) for w in group}) == 1, [stem(w) for w in group]


@pytest.mark.parametrize("word", ["sql", "go", "r", "code", "team", "4hana"])
def test_short_words_and_words_with_digits_are_left_alone(word):
    assert stem(word) == word


@given(st.text())
def test_any_text_segments_without_error_into_non_empty_lowercase_tokens(text):
    for seg in segments(text):
        assert seg and all(t.norm and t.norm == t.norm.lower() and t.stem for t in seg)
