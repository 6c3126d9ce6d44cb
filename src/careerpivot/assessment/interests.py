"""Interest profiler: 60 work-activity statements (30 on the short form) scored to RIASEC.

The items are the team's own (``data/assessment/interest_items.csv``), ten per
Holland type, asked in R-I-A-S-E-C rotation; the first 30 form the short form
(five per type), so someone who stops half-way through the long form has answered
the whole short form and can be scored on it. Answers run from 1 "strongly
dislike" to 5 "strongly like". Each type's score is the mean answer mapped
linearly onto O*NET's OI scale (1-7, neutral 3 -> 4), as explained in
:mod:`careerpivot.assessment.instrument`; a type is scored once 60 % of its items
are answered (6 of 10, or 3 of 5 on the short form).

No item is reverse-keyed. Interest types are not bipolar: disliking "fit new
windows" says nothing about liking any other type, so a reversed item would add
noise, not information; yes-saying is caught instead by the flat-profile warning.
The scoring supports reverse keys (direction -1) should a future item need one.
"""

from __future__ import annotations

from collections.abc import Mapping

from careerpivot.assessment.answers import AnswerSheet, check_sheet
from careerpivot.assessment.instrument import Instrument, score_answers
from careerpivot.assessment.results import InstrumentResult, result_warnings
from careerpivot.model import RIASEC, RIASEC_NAMES
from careerpivot.profile import Profile

INTEREST_RESPONSES: tuple[str, ...] = (
    "Strongly dislike",
    "Dislike",
    "Unsure",
    "Like",
    "Strongly like",
)
INTEREST_PROMPT = (
    "How much would you enjoy doing this at work? (Think of the activity, not the pay or training.)"
)


def score_interests(sheet: AnswerSheet, instrument: Instrument) -> InstrumentResult:
    """Score an interest answer sheet: six RIASEC scores on 1-7 where enough items were answered.

    >>> from careerpivot.assessment.data import load_interest_instrument
    >>> bank = load_interest_instrument()
    >>> likes_i = {i.id: 5 if bank.scale_of(i.id).scale == "I" else 1 for i in bank.items}
    >>> result = score_interests(AnswerSheet(instrument="interests", answers=likes_i), bank)
    >>> result.scores["I"], result.scores["R"], holland_code(result.scores)[0]
    (7.0, 1.0, 'I')
    """
    check_sheet(sheet, instrument)
    scales = tuple(score_answers(instrument, sheet.answers, sheet.form).values())
    return InstrumentResult(
        "interests", sheet.form, scales, result_warnings("interest", scales, RIASEC_NAMES)
    )


def holland_code(scores: Mapping[str, float], length: int = 3) -> str:
    """The types with the highest scores, best first; ties in R-I-A-S-E-C order (as O*NET does).

    Only the types present in ``scores`` take part, so a half-finished profile
    gives a code over the types scored so far.

    >>> holland_code({"R": 2, "I": 6, "A": 6, "S": 3, "E": 5, "C": 1})
    'IAE'
    """
    order = sorted((t for t in RIASEC if t in scores), key=lambda t: (-scores[t], RIASEC.index(t)))
    return "".join(order[:length])


def apply_interests(profile: Profile, result: InstrumentResult) -> Profile:
    """A copy of ``profile`` with the interest scores, complete or partial.

    The pivot scorer compares all six scores with each role's, so every type needs
    at least an estimate (one answer); with none, this raises rather than let the
    profile silently drop out of matching.
    """
    return profile.with_interests(result.usable_scores())
