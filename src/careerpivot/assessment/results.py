"""The result of scoring a rating instrument: six scale scores, counts and warnings."""

from __future__ import annotations

from dataclasses import dataclass

from careerpivot.assessment.diagnostics import AssessmentError, AssessmentWarning
from careerpivot.assessment.instrument import Form, ScaleScore

#: Below this spread (highest minus lowest 1-7 score) a profile says little about preference.
FLAT_SPREAD = 1.0


@dataclass(frozen=True)
class InstrumentResult:
    """Scores of one instrument's scales (1-7, ``None`` where too few answers), in key order."""

    instrument: str
    form: Form
    scales: tuple[ScaleScore, ...]
    warnings: tuple[AssessmentWarning, ...] = ()

    @property
    def scores(self) -> dict[str, float]:
        """The scales that could be scored, scale -> 1-7 score."""
        return {s.scale: s.score for s in self.scales if s.score is not None}

    @property
    def complete(self) -> bool:
        """True when every scale has a score (what the pivot scorer needs)."""
        return all(s.scored for s in self.scales)

    @property
    def counts(self) -> dict[str, tuple[int, int]]:
        """Scale -> (items answered, items on the form)."""
        return {s.scale: (s.answered, s.total) for s in self.scales}

    @property
    def answered(self) -> int:
        """How many statements were answered (N of "based on N of M answers")."""
        return sum(s.answered for s in self.scales)

    @property
    def asked(self) -> int:
        """How many statements the form taken has (M)."""
        return sum(s.total for s in self.scales)

    @property
    def usable(self) -> bool:
        """True when there is a result to use: complete, or partial (every scale has an
        answer). The same rule for every instrument."""
        return self.complete or all(s.estimate is not None for s in self.scales)

    @property
    def partial(self) -> bool:
        """True for a result from the first answers, before every scale has enough."""
        return self.usable and not self.complete

    def basis(self) -> str:
        """'based on 10 of 24 answers'."""
        return f"based on {self.answered} of {self.asked} answers"

    def usable_scores(self) -> dict[str, float]:
        """All six scores: the full scores, else (a partial result) each scale's estimate
        from the answers so far. :class:`AssessmentError` names the scales with no answer."""
        if self.complete:
            return self.scores
        missing = [s.scale for s in self.scales if s.estimate is None]
        if missing:
            raise AssessmentError(
                f"the {self.instrument} questionnaire has no answer yet for "
                f"{', '.join(missing)}: answer at least one statement of each"
            )
        return {s.scale: float(s.estimate) for s in self.scales if s.estimate is not None}

    def ranked(self) -> list[str]:
        """Scored scales, highest first; ties keep key order (O*NET's R-I-A-S-E-C order)."""
        order = {s.scale: i for i, s in enumerate(self.scales)}
        return sorted(self.scores, key=lambda s: (-self.scores[s], order[s]))

    def require_complete(self) -> dict[str, float]:
        """All six scores, or :class:`AssessmentError` naming the scales still short of answers."""
        short = [s for s in self.scales if not s.scored]
        if short:
            detail = ", ".join(f"{s.scale} ({s.count_text()})" for s in short)
            raise AssessmentError(
                f"the {self.instrument} questionnaire is not finished enough to use: {detail}"
            )
        return self.scores


def result_warnings(
    instrument: str, scales: tuple[ScaleScore, ...], names: dict[str, str]
) -> tuple[AssessmentWarning, ...]:
    """Warnings for a scored instrument: unscored scales, a flat profile, a tie for a top place.

    >>> from careerpivot.assessment.instrument import ScaleScore
    >>> s = tuple(ScaleScore(k, 4, 4, 3, v) for k, v in zip("ABC", (6.0, 6.0, 2.0)))
    >>> [w.message[:36] for w in result_warnings("demo", s, {"A": "Al", "B": "Be", "C": "Ga"})]
    ['Al and Be have the same score (6); t']
    """
    out: list[AssessmentWarning] = []
    short = [s for s in scales if not s.scored]
    if short:
        out.append(
            AssessmentWarning(
                "incomplete",
                "Not scored yet: "
                + "; ".join(f"{names[s.scale]} ({s.count_text()})" for s in short)
                + ".",
            )
        )
    scores = [s.score for s in scales if s.score is not None]
    flat = len(scores) >= 2 and max(scores) - min(scores) < FLAT_SPREAD
    if flat:
        out.append(
            AssessmentWarning(
                "flat_profile",
                f"Your {instrument} scores are all within {FLAT_SPREAD:g} point of each other, "
                "so they say little about what you prefer; matches that lean on them are "
                "unreliable.",
            )
        )
        return tuple(out)  # a tie in a flat profile adds nothing to the warning above
    scored = sorted((s.score, s.scale) for s in scales if s.score is not None)[::-1]
    top = range(min(3, len(scored) - 1))
    tied_scores = sorted({scored[i][0] for i in top if scored[i][0] == scored[i + 1][0]})[::-1]
    for value in tied_scores:
        tied = [names[s.scale] for s in scales if s.score == value]
        listed = f"{', '.join(tied[:-1])} and {tied[-1]}"
        out.append(
            AssessmentWarning(
                "tie",
                f"{listed} have the same score ({value:g}); they are listed in the standard "
                "order, not by preference.",
            )
        )
    return tuple(out)
