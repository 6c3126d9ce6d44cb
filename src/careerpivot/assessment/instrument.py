"""Rating-scale questionnaires: items, a scoring key, and scores on O*NET's 1-7 profile scale.

The interest profiler and the work-values instrument are both instruments of this
kind: every item is answered on the same 1..k scale (k = 5 here), the key assigns
each item to exactly one scale with a direction (+1, or -1 for a reverse-keyed
item, scored as ``1 + k - answer``), and a scale's raw score is the mean keyed
answer of the items answered.

**From the answer scale to O*NET's 1-7 scale.** The mean answer is mapped
linearly, end to end: ``score = 1 + 6 * (mean - 1) / (k - 1)``, so the lowest
answer gives 1, the highest 7 and the neutral middle answer ("unsure") 4, the
middle of O*NET's OI and EX scales. A linear map keeps the order of scales and
the differences between them, which is what the pivot scorer uses: it correlates
a person's six scores with each role's (after centring both), so the shape of the
profile counts and its overall height does not. Norm-referenced scores (matching
the spread of occupations' profiles) would need a norm sample the team does not
have; they are not attempted.

**Half-finished questionnaires.** A scale is scored only when at least
:data:`MIN_SHARE` (60 %) of its items on the form taken are answered, rounded up:
6 of 10 on the interest long form, 3 of 5 on the short form, 3 of 4 for a work
value. With fewer, one or two answers would decide the score. Every result shows
answered / total / required per scale.

Below that, each scale with at least one answer still has an ``estimate`` (the
same formula over the answers given); a *partial result* (see
:class:`~careerpivot.assessment.results.InstrumentResult`) uses the estimates once
every scale has one, and says on how many answers it rests.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

from careerpivot.assessment.diagnostics import AssessmentError

Form = Literal["long", "short"]
FORMS: tuple[Form, ...] = ("long", "short")

#: Share of a scale's items (on the form taken) that must be answered for a score.
MIN_SHARE = 0.6
PROFILE_MIN, PROFILE_MAX = 1.0, 7.0


@dataclass(frozen=True, slots=True)
class Item:
    """One statement the person rates; ``short_form`` items also make up the short form."""

    id: str
    text: str
    short_form: bool = True


@dataclass(frozen=True, slots=True)
class KeyEntry:
    """Scoring key row: the item counts towards ``scale``; ``direction`` -1 reverses it."""

    item_id: str
    scale: str
    direction: int = 1


@dataclass(frozen=True)
class Instrument:
    """Items, the scales they measure, the scoring key and the response labels (1..k)."""

    name: str
    scales: tuple[str, ...]
    items: tuple[Item, ...]
    key: tuple[KeyEntry, ...]
    responses: tuple[str, ...]
    forms: tuple[Form, ...] = FORMS

    def __post_init__(self) -> None:
        problems = key_problems(self.items, self.key, self.scales, self.forms)
        if len(self.responses) < 2:
            problems.append("an instrument needs at least two response options")
        if problems:
            raise AssessmentError(f"instrument {self.name!r}: " + "; ".join(problems))

    @property
    def max_answer(self) -> int:
        """The highest answer (the lowest is 1)."""
        return len(self.responses)

    def items_on(self, form: Form) -> tuple[Item, ...]:
        """The items of a form, in the order they are asked."""
        if form not in self.forms:
            raise AssessmentError(
                f"{self.name!r} has no {form!r} form; use one of {', '.join(self.forms)}"
            )
        return self.items if form == "long" else tuple(i for i in self.items if i.short_form)

    def scale_of(self, item_id: str) -> KeyEntry:
        """The key entry of one item; raises :class:`AssessmentError` if unknown."""
        for k in self.key:
            if k.item_id == item_id:
                return k
        raise AssessmentError(f"unknown item {item_id!r} in instrument {self.name!r}")


def key_problems(
    items: tuple[Item, ...],
    key: tuple[KeyEntry, ...],
    scales: tuple[str, ...],
    forms: tuple[Form, ...] = FORMS,
) -> list[str]:
    """Everything wrong with a scoring key; empty when each item is keyed exactly once.

    >>> key_problems((Item("a", "x"),), (KeyEntry("a", "R"), KeyEntry("a", "R")), ("R",))
    ["item 'a' is keyed 2 times"]
    """
    problems: list[str] = []
    ids = [i.id for i in items]
    dup_items = sorted({i for i in ids if ids.count(i) > 1})
    if dup_items:
        problems.append(f"duplicate item ids {dup_items}")
    keyed = [k.item_id for k in key]
    for item_id in dict.fromkeys(ids):
        n = keyed.count(item_id)
        if n != 1:
            problems.append(f"item {item_id!r} is keyed {n} times")
    unknown = sorted(set(keyed) - set(ids))
    if unknown:
        problems.append(f"key names unknown items {unknown}")
    bad_scales = sorted({k.scale for k in key} - set(scales))
    if bad_scales:
        problems.append(f"key names unknown scales {bad_scales}")
    bad_dir = sorted({k.item_id for k in key if k.direction not in (1, -1)})
    if bad_dir:
        problems.append(f"direction must be +1 or -1 (items {bad_dir})")
    scale_of = {k.item_id: k.scale for k in key}
    for form in forms:
        on_form = [i for i in items if form == "long" or i.short_form]
        empty = [s for s in scales if not any(scale_of.get(i.id) == s for i in on_form)]
        if empty:
            problems.append(f"scales {empty} have no items on the {form} form")
    return problems


def required_answers(n_items: int) -> int:
    """How many of a scale's ``n_items`` must be answered before it is scored.

    >>> required_answers(10), required_answers(5), required_answers(4)
    (6, 3, 3)
    """
    return max(1, math.ceil(MIN_SHARE * n_items - 1e-9))


def to_profile_scale(mean: float, max_answer: int) -> float:
    """Map a mean answer on 1..``max_answer`` linearly onto O*NET's 1-7 scale.

    >>> to_profile_scale(1, 5), to_profile_scale(3, 5), to_profile_scale(5, 5)
    (1.0, 4.0, 7.0)
    """
    span = PROFILE_MAX - PROFILE_MIN
    return PROFILE_MIN + span * (mean - 1.0) / (max_answer - 1.0)


@dataclass(frozen=True, slots=True)
class ScaleScore:
    """One scale's result: how many items were answered and, if enough, the 1-7 score."""

    scale: str
    answered: int
    total: int
    required: int
    score: float | None
    #: The same formula over however many answers there are (``None`` with none).
    estimate: float | None = None

    @property
    def scored(self) -> bool:
        """True when enough items were answered to give a score."""
        return self.score is not None

    def count_text(self) -> str:
        """'7 of 10 answered' (and the minimum when short of it)."""
        text = f"{self.answered} of {self.total} answered"
        return text if self.scored else f"{text}; {self.required} needed for a score"


def score_answers(
    instrument: Instrument, answers: Mapping[str, int], form: Form = "long"
) -> dict[str, ScaleScore]:
    """Score every scale from answers ``{item id: 1..k}``; unanswered items are left out.

    Answers must already be checked (see :func:`careerpivot.assessment.answers.check_sheet`);
    an answer to an item not on ``form`` raises :class:`AssessmentError`.
    """
    on_form = {i.id for i in instrument.items_on(form)}
    stray = sorted(set(answers) - on_form)
    if stray:
        raise AssessmentError(f"items {stray} are not on the {form} form of {instrument.name!r}")
    top = instrument.max_answer
    out: dict[str, ScaleScore] = {}
    for scale in instrument.scales:
        keys = [k for k in instrument.key if k.scale == scale and k.item_id in on_form]
        keyed = [
            answers[k.item_id] if k.direction == 1 else 1 + top - answers[k.item_id]
            for k in keys
            if k.item_id in answers
        ]
        need = required_answers(len(keys))
        estimate = round(to_profile_scale(sum(keyed) / len(keyed), top), 2) if keyed else None
        score = estimate if len(keyed) >= need else None
        out[scale] = ScaleScore(scale, len(keyed), len(keys), need, score, estimate)
    return out
