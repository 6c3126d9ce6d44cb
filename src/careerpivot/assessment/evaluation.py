"""Precision and recall of free-text matching over the team's test phrases.

For a skills phrase, every candidate the matcher returns is a prediction: one in
``expected`` is a true positive, one in ``acceptable`` is neither right nor wrong
(a defensible extra, such as Tableau for "data visualisation"), anything else is
a false positive; each expected id not returned is a false negative. For a title
phrase the prediction is the top role: a hit if it is the expected code (or an
acceptable one), otherwise a false positive and a false negative. Figures are
micro-averaged (summed over phrases), so a phrase with four tools weighs four.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from careerpivot.assessment.data import MatchingPhrase
from careerpivot.assessment.freetext import SkillMatcher, match_titles
from careerpivot.search import TitleIndex


@dataclass(frozen=True)
class PhraseOutcome:
    """What the matcher said about one phrase, scored."""

    phrase: MatchingPhrase
    predicted: tuple[str, ...]
    tp: int
    fp: int
    fn: int
    wrong: tuple[str, ...] = ()  # predicted ids that were neither expected nor acceptable
    missed: tuple[str, ...] = ()  # expected ids not predicted


def score_phrase(phrase: MatchingPhrase, predicted: Sequence[str]) -> PhraseOutcome:
    """Score one phrase's predictions (see the module docstring for the rules).

    >>> p = MatchingPhrase("x", "skills", "SQL, R", ("tech:sql", "tech:r"), ("2.C.4.a",), "dev")
    >>> o = score_phrase(p, ["tech:sql", "2.C.4.a", "tech:go"])
    >>> o.tp, o.fp, o.fn, o.wrong, o.missed
    (1, 1, 1, ('tech:go',), ('tech:r',))
    """
    expected, ok = set(phrase.expected), set(phrase.acceptable)
    if phrase.kind == "title":
        top = tuple(predicted[:1])
        hit = bool(top) and (top[0] in expected or top[0] in ok)
        return PhraseOutcome(
            phrase,
            top,
            int(hit),
            int(bool(top) and not hit),
            int(not hit),
            () if hit else top,
            () if hit else phrase.expected,
        )
    pred = tuple(dict.fromkeys(predicted))
    wrong = tuple(p for p in pred if p not in expected and p not in ok)
    missed = tuple(e for e in phrase.expected if e not in pred)
    tp = sum(p in expected for p in pred)
    return PhraseOutcome(phrase, pred, tp, len(wrong), len(missed), wrong, missed)


@dataclass
class Tally:
    """Summed true positives, false positives and false negatives."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    outcomes: list[PhraseOutcome] = field(default_factory=list)

    def add(self, outcome: PhraseOutcome) -> None:
        """Count one phrase."""
        self.tp += outcome.tp
        self.fp += outcome.fp
        self.fn += outcome.fn
        self.outcomes.append(outcome)

    @property
    def precision(self) -> float:
        """TP / (TP + FP); 1.0 when nothing was predicted."""
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        """TP / (TP + FN); 1.0 when nothing was expected."""
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0


def predict(phrase: MatchingPhrase, matcher: SkillMatcher, titles: TitleIndex) -> list[str]:
    """The ids the matcher returns for a phrase (candidate ids, or role codes best first)."""
    if phrase.kind == "title":
        return [c.code for c in match_titles(phrase.phrase, titles)]
    return [c.descriptor_id for c in matcher.match(phrase.phrase)]


def evaluate(phrases: Iterable[MatchingPhrase], matcher: SkillMatcher, titles: TitleIndex) -> Tally:
    """Run the matchers over the phrases and tally the outcomes."""
    tally = Tally()
    for p in phrases:
        tally.add(score_phrase(p, predict(p, matcher, titles)))
    return tally
