"""Free-text matching: candidates with confidence, ordinary words, typos, titles, confirmation."""

from collections import Counter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from careerpivot.assessment import (
    AssessmentError,
    ConfirmedMatch,
    Lexicon,
    SkillMatcher,
    apply_confirmed,
    default_level,
    load_matching_phrases,
    match_titles,
)
from careerpivot.assessment.evaluation import evaluate, score_phrase
from careerpivot.errors import UnknownDescriptorError
from careerpivot.profile import Profile, profile_from_role
from careerpivot.search import TitleIndex

PHRASES = load_matching_phrases()
DEV = [p for p in PHRASES if p.split == "dev"]
#: Dev phrases the matcher gets wrong, kept visible here rather than tuned away.
KNOWN_DEV_ERRORS = {"p24": "'coding' after ICD-10 also reads as the Programming alias"}


def ids(matcher, text):
    return [c.descriptor_id for c in matcher.match(text)]


@pytest.fixture(scope="module")
def titles(starter):
    return TitleIndex(starter)


# ----- the shared phrase set ----------------------------------------------------------------
def test_the_phrase_set_is_big_and_covers_skills_tools_cv_text_and_titles_with_typos(starter):
    assert len(PHRASES) >= 40 and len(DEV) >= 40
    kinds = Counter(p.kind for p in PHRASES)
    assert kinds["skills"] >= 30 and kinds["title"] >= 10
    tools = [p for p in PHRASES if any(e.startswith("tech:") for e in p.expected)]
    typos = [p for p in PHRASES if "typo" in p.note]
    assert len(tools) >= 15 and len(typos) >= 10 and any(p.kind == "title" for p in typos)
    assert any(p.kind == "skills" and not p.expected for p in PHRASES)  # nothing to find
    assert len({p.id for p in PHRASES}) == len(PHRASES)


def test_every_expected_id_exists_in_the_starter_data(starter):
    for p in PHRASES:
        for i in (*p.expected, *p.acceptable):
            known = starter.occupation_index if p.kind == "title" else starter.descriptor_index
            assert i in known, (p.id, i)


@pytest.mark.parametrize("phrase", DEV, ids=[p.id for p in DEV])
def test_dev_phrases_find_what_they_expect_and_nothing_wrong(phrase, matcher, titles):
    from careerpivot.assessment.evaluation import predict

    if phrase.id in KNOWN_DEV_ERRORS:
        pytest.xfail(KNOWN_DEV_ERRORS[phrase.id])
    outcome = score_phrase(phrase, predict(phrase, matcher, titles))
    assert outcome.missed == () and outcome.wrong == (), outcome


@pytest.mark.parametrize("phrase_id", sorted(KNOWN_DEV_ERRORS))
def test_known_dev_errors_are_still_errors(phrase_id, matcher, titles):
    """If one of these starts passing, take it off the known list."""
    [phrase] = [p for p in DEV if p.id == phrase_id]
    assert evaluate([phrase], matcher, titles).fp > 0


def test_evaluation_counts_add_up_over_all_phrases(matcher, titles):
    tally = evaluate(PHRASES, matcher, titles)
    assert tally.tp + tally.fn == sum(len(p.expected) for p in PHRASES)
    assert 0 <= tally.precision <= 1 and 0 <= tally.recall <= 1


def test_title_scoring_takes_the_top_role_only():
    [p] = [p for p in PHRASES if p.id == "p49"]
    assert (
        score_phrase(p, ["29-1141.00", "29-1171.00"]).tp,
        score_phrase(p, ["29-1171.00", "29-1141.00"]).fn,
    ) == (1, 1)
    assert score_phrase(p, []).fp == 0


# ----- behaviour --------------------------------------------------------------------------
def test_the_issue_example(matcher):
    found = {
        c.descriptor_id: c
        for c in matcher.match("SQL, Tableau, stakeholder management, ran a team of 5")
    }
    assert set(found) == {"tech:sql", "tech:tableau", "2.B.1.b", "2.B.5.d"}
    assert found["tech:sql"].confidence == 1.0 and found["tech:sql"].how == "exact"
    assert (
        found["2.B.5.d"].matched in ("ran a team", "team of 5") and found["2.B.5.d"].how == "exact"
    )


def test_candidates_are_sorted_unique_and_in_range(matcher):
    found = matcher.match("Excel, excel, Excell and MS Excel; Word")
    assert [c.descriptor_id for c in found].count("tech:microsoft-excel") == 1
    assert [c.confidence for c in found] == sorted((c.confidence for c in found), reverse=True)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I worked in teams and had access to the office", []),
        ("We go live next week and it was great", []),
        ("Python, R", ["tech:python", "tech:r"]),
        ("statistics in R and Python", ["tech:python", "2.C.4.a", "tech:r"]),
        ("Teams and Slack", ["tech:microsoft-teams", "tech:slack"]),
        ("HR and payroll", ["2.C.1.f"]),
    ],
)
def test_ordinary_words_match_only_alone_or_capitalised(matcher, text, expected):
    assert sorted(ids(matcher, text)) == sorted(expected)


def test_a_capitalised_ordinary_word_mid_sentence_matches_with_less_confidence(matcher):
    [epic] = [
        c
        for c in matcher.match("Charted patient notes in Epic daily")
        if c.descriptor_id == "tech:epic-emr"
    ]
    assert epic.confidence == pytest.approx(0.72)


@pytest.mark.parametrize(
    ("typo", "expected", "how"),
    [
        ("Javascrpit", "tech:javascript", "fuzzy"),
        ("Pyhton", "tech:python", "fuzzy"),
        ("Kubernates", "tech:kubernetes", "fuzzy"),
        ("prioritising", "2.B.5.a", "stem"),
    ],
)
def test_typos_and_word_forms_are_found_with_less_confidence(matcher, typo, expected, how):
    [c] = [c for c in matcher.match(typo) if c.descriptor_id == expected]
    assert c.how == how and c.confidence < 0.9


def test_a_longer_match_wins_over_the_words_inside_it(matcher):
    assert ids(matcher, "Microsoft SQL Server") == ["tech:microsoft-sql-server"]
    assert "2.C.5.a" not in ids(matcher, "medical billing")


def test_min_confidence_filters(starter, lexicon):
    strict = SkillMatcher(lexicon, min_confidence=0.95).fit(starter)
    assert ids(strict, "Javascrpit, SQL") == ["tech:sql"]


def test_without_a_lexicon_names_and_aliases_still_match(starter):
    plain = SkillMatcher().fit(starter)
    assert ids(plain, "SQL and Tableau") == ["tech:sql", "tech:tableau"]
    assert "2.B.5.d" not in ids(plain, "ran a team of 5")  # cue phrases live in the lexicon


def test_cues_for_descriptors_the_data_set_lacks_are_skipped(tiny):
    lex = Lexicon(cues=(("database queries", ("tech:sql",)), ("ledgers", ("2.C.1.c",))))
    m = SkillMatcher(lex).fit(tiny)
    assert m.skipped_cues_ == 1 and ids(m, "database queries") == ["tech:sql"]


def test_an_unfitted_matcher_says_so():
    with pytest.raises(RuntimeError, match="not fitted"):
        SkillMatcher().match("SQL")


def test_matching_adds_nothing_to_any_profile(matcher, starter):
    base = profile_from_role(starter, "43-9061.00")
    before = base.model_dump()
    matcher.match("Python, SQL, Tableau")
    assert base.model_dump() == before


@given(text=st.text(max_size=200))
@settings(max_examples=100, deadline=None)
def test_any_text_gives_valid_candidates(matcher, text):
    found = matcher.match(text)
    assert len({c.descriptor_id for c in found}) == len(found)
    assert all(matcher.min_confidence <= c.confidence <= 1.0 and c.matched for c in found)


# ----- titles -----------------------------------------------------------------------------
def test_titles_with_typos_find_the_role(titles):
    assert match_titles("sofware enginer", titles)[0].code == "15-1252.00"
    assert [c.confidence for c in match_titles("nurse", titles)] == sorted(
        (c.confidence for c in match_titles("nurse", titles)), reverse=True
    )


def test_a_short_alternate_title_inside_a_long_query_does_not_win(titles):
    top = match_titles("secondary school teacher", titles)[0]
    assert top.code == "25-2031.00"
    assert all(len(c.matched) >= 3 for c in match_titles("secondary school teacher", titles))


def test_nothing_typed_finds_nothing(titles):
    assert match_titles("   ", titles) == []


# ----- confirming -------------------------------------------------------------------------
def test_default_level_is_the_median_level_of_roles_relying_on_it(starter):
    import numpy as np

    j = starter.descriptor_index["2.B.3.e"]
    relied = starter.importance_matrix[:, j] >= 3
    expected = np.round(np.median(starter.level_matrix[relied, j]) * 2) / 2
    assert default_level(starter, "2.B.3.e") == expected
    assert default_level(starter, "2.B.3.e") % 0.5 == 0


def test_default_level_falls_back_by_kind_where_no_role_relies_on_it(tiny):
    from careerpivot.model import Descriptor, Occupation, Requirement, build_dataset

    ds = build_dataset(
        "t",
        tiny.provenance,
        [Descriptor("2.A.1.a", "Reading", "skill"), Descriptor("tech:x", "X", "technology")],
        [Occupation("15-0001.00", "A")],
        [Requirement("15-0001.00", "2.A.1.a", 2.0, 6.0)],  # importance 2: not relied on
    )
    assert (default_level(ds, "2.A.1.a"), default_level(ds, "tech:x")) == (4.0, 3.0)
    assert default_level(tiny, "tech:sql") == 4.0  # median of 4.0, 3.0 (imp 3), 5.0 -> 4.0
    with pytest.raises(UnknownDescriptorError):
        default_level(tiny, "tech:nothing")


def test_confirmed_matches_enter_with_the_chosen_or_default_level(starter):
    base = profile_from_role(starter, "43-9061.00")
    assert "tech:tableau" not in base.ratings
    had = next(d for d in base.ratings if d.startswith("2."))
    update = apply_confirmed(
        base,
        [ConfirmedMatch("tech:tableau"), ConfirmedMatch("tech:python", 5.0), ConfirmedMatch(had)],
        starter,
    )
    assert update.profile.ratings["tech:tableau"] == default_level(starter, "tech:tableau")
    assert update.profile.ratings["tech:python"] == 5.0
    assert update.profile.ratings[had] == base.ratings[had]  # a mention never overrides a rating
    assert update.unchanged == (had,)
    assert update.changed["tech:python"] == (None, 5.0)


def test_a_chosen_level_can_lower_a_rating(starter):
    base = Profile(ratings={"2.B.3.e": 5.0})
    assert (
        apply_confirmed(base, [ConfirmedMatch("2.B.3.e", 2.0)], starter).profile.ratings["2.B.3.e"]
        == 2.0
    )


def test_confirming_bad_input_is_refused(starter):
    with pytest.raises(UnknownDescriptorError):
        apply_confirmed(Profile(), [ConfirmedMatch("tech:nothing")], starter)
    with pytest.raises(AssessmentError, match="0-7"):
        apply_confirmed(Profile(), [ConfirmedMatch("tech:sql", 9.0)], starter)


def test_confirming_nothing_changes_nothing(starter):
    base = profile_from_role(starter, "15-1252.00")
    update = apply_confirmed(base, [], starter)
    assert update.profile == base and update.changed == {}


# ----- loose phrases: words between, other order ------------------------------------------
@pytest.mark.parametrize(
    ("text", "descriptor"),
    [
        ("Supervised 8 warehouse staff", "2.B.5.d"),  # cue "supervised staff", words between
        ("Diagnosed electrical faults", "2.B.3.k"),  # alias "diagnosing faults"
        ("Planned the lessons for year 9", "2.C.6"),  # cue "lesson planning", other order
        ("Inspected parts for quality", "2.B.3.m"),  # "inspected" ~ alias "inspection"
    ],
)
def test_a_phrase_is_found_with_words_between_or_in_another_order(matcher, text, descriptor):
    assert descriptor in ids(matcher, text)


def test_a_loose_phrase_stays_inside_one_unit_and_a_few_words(matcher):
    # "and" starts a new unit: supervising deliveries says nothing about managing staff
    assert "2.B.5.d" not in ids(matcher, "Supervised deliveries and staff canteen orders")
    # too many words between the two halves of "supervised staff"
    far = "Supervised the weekly delivery of fresh food to the staff"
    assert "2.B.5.d" not in ids(matcher, far)


def test_a_loose_match_is_less_sure_than_an_exact_one(matcher):
    exact = {c.descriptor_id: c.confidence for c in matcher.match("supervised staff")}
    loose = {c.descriptor_id: c.confidence for c in matcher.match("supervised 8 staff")}
    assert loose["2.B.5.d"] < exact["2.B.5.d"]


DEV2 = [p for p in PHRASES if p.split == "dev2"]


def test_cv_lines_written_for_issue_12_dev_part_find_most_and_nothing_wrong(matcher, titles):
    """The dev2 lines were tuned on (their holdout3 twins never were): recall >= 0.85, no
    wrong descriptor, so a change that costs precision on plain CV text shows here."""
    tally = evaluate(DEV2, matcher, titles)
    assert len(DEV2) >= 20
    assert tally.fp == 0, [(o.phrase.id, o.wrong) for o in tally.outcomes if o.wrong]
    assert tally.recall >= 0.85


@pytest.mark.parametrize(
    ("text", "not_named"),
    [
        ("The hiring manager felt your SQL was weak", "2.C.1.f"),  # not a recruiting skill
        ("Fluent in Python and Go", "2.C.7.b"),  # not a foreign language
        ("Process mapping and data mapping", "2.C.4.g"),  # not geography
    ],
)
def test_everyday_words_in_feedback_and_cvs_name_no_skill(matcher, text, not_named):
    assert not_named not in ids(matcher, text)
