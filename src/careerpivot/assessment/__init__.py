"""Self-assessment: interest profiler, work values, anchored skill ratings and free-text skills.

Every instrument produces or updates a :class:`careerpivot.profile.Profile`; answers
are versioned JSON (:mod:`careerpivot.assessment.answers`). Data (item banks,
scoring keys, questions, lexicon) is read by :mod:`careerpivot.assessment.data`.
No Streamlit here: the app's pages are built over these functions.
"""

from careerpivot.assessment.answers import (
    ANSWERS_SCHEMA_VERSION,
    AnswerSheet,
    SkillAnswers,
    check_sheet,
    load_answer_sheet,
    load_skill_answers,
    parse_answer_sheet,
    parse_skill_answers,
    save_answers,
)
from careerpivot.assessment.data import (
    MatchingPhrase,
    assessment_dir,
    load_interest_instrument,
    load_lexicon,
    load_matching_phrases,
    load_skill_questions,
    load_values_instrument,
)
from careerpivot.assessment.diagnostics import AssessmentError, AssessmentWarning
from careerpivot.assessment.freetext import (
    ConfirmedMatch,
    Lexicon,
    SkillCandidate,
    SkillMatcher,
    TitleCandidate,
    apply_confirmed,
    default_level,
    match_titles,
)
from careerpivot.assessment.instrument import Instrument, Item, KeyEntry, ScaleScore
from careerpivot.assessment.interests import apply_interests, holland_code, score_interests
from careerpivot.assessment.onet_anchors import load_level_anchors, parse_level_anchors
from careerpivot.assessment.results import InstrumentResult
from careerpivot.assessment.skills import (
    Anchor,
    SkillQuestion,
    SkillUpdate,
    WrittenQuestion,
    adjust_skills,
    changed_answers,
    rating_warnings,
    skill_questions,
)
from careerpivot.assessment.values import apply_work_values, score_work_values

__all__ = [
    "ANSWERS_SCHEMA_VERSION",
    "Anchor",
    "AnswerSheet",
    "AssessmentError",
    "AssessmentWarning",
    "ConfirmedMatch",
    "Instrument",
    "InstrumentResult",
    "Item",
    "KeyEntry",
    "Lexicon",
    "MatchingPhrase",
    "ScaleScore",
    "SkillAnswers",
    "SkillCandidate",
    "SkillMatcher",
    "SkillQuestion",
    "SkillUpdate",
    "TitleCandidate",
    "WrittenQuestion",
    "adjust_skills",
    "apply_confirmed",
    "apply_interests",
    "apply_work_values",
    "assessment_dir",
    "changed_answers",
    "check_sheet",
    "default_level",
    "holland_code",
    "load_answer_sheet",
    "load_interest_instrument",
    "load_level_anchors",
    "load_lexicon",
    "load_matching_phrases",
    "load_skill_answers",
    "load_skill_questions",
    "load_values_instrument",
    "match_titles",
    "parse_answer_sheet",
    "parse_level_anchors",
    "parse_skill_answers",
    "rating_warnings",
    "save_answers",
    "score_interests",
    "score_work_values",
    "skill_questions",
]
