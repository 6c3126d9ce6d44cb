"""Work values: 24 statements about a next job, rated for importance, scored to O*NET's six values.

The team's instrument (``data/assessment/values_items.csv``) has four statements
for each work value (Achievement, Working Conditions, Recognition, Relationships,
Support, Independence), asked in rotation. Each is rated 1 "not important" to
5 "essential". A value's score is the mean rating mapped linearly onto O*NET's
extent scale EX (1-7; "important", the middle answer, -> 4), as explained in
:mod:`careerpivot.assessment.instrument`; a value is scored once 3 of its 4
statements are rated.

Ratings rather than a forced card sort: ratings are quicker and save half-way,
and because the pivot scorer correlates the person's six values with a role's
after centring both, rating everything high does not inflate a match; it only
flattens the profile, which the flat-profile warning reports.
"""

from __future__ import annotations

from careerpivot.assessment.answers import AnswerSheet, check_sheet
from careerpivot.assessment.instrument import Instrument, score_answers
from careerpivot.assessment.results import InstrumentResult, result_warnings
from careerpivot.model import WORK_VALUE_NAMES
from careerpivot.profile import Profile

VALUE_RESPONSES: tuple[str, ...] = (
    "Not important",
    "A little important",
    "Important",
    "Very important",
    "Essential",
)
VALUE_PROMPT = "How important is this to you in your next job?"


def score_work_values(sheet: AnswerSheet, instrument: Instrument) -> InstrumentResult:
    """Score a work-values answer sheet: six values on 1-7 where enough statements were rated.

    >>> from careerpivot.assessment.data import load_values_instrument
    >>> bank = load_values_instrument()
    >>> keyed = {k.item_id: k.scale for k in bank.key}
    >>> answers = {i: 5 if scale == "independence" else 3 for i, scale in keyed.items()}
    >>> result = score_work_values(AnswerSheet(instrument="values", answers=answers), bank)
    >>> result.ranked()[0], result.scores["independence"], result.scores["support"]
    ('independence', 7.0, 4.0)
    """
    check_sheet(sheet, instrument)
    scales = tuple(score_answers(instrument, sheet.answers, sheet.form).values())
    return InstrumentResult(
        "values", sheet.form, scales, result_warnings("work-values", scales, WORK_VALUE_NAMES)
    )


def apply_work_values(profile: Profile, result: InstrumentResult) -> Profile:
    """A copy of ``profile`` with the six work-value scores, complete or partial (every
    value needs at least one rated statement; see :func:`apply_interests`)."""
    return profile.with_work_values(result.usable_scores())
