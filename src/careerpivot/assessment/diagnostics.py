"""What can go wrong with a questionnaire: errors that stop scoring, warnings that qualify it.

Errors are raised (bad input must never be scored); warnings are returned beside a
result so the app can show them, never printed.
"""

from __future__ import annotations

from dataclasses import dataclass

from careerpivot.errors import ProfileError


class AssessmentError(ProfileError):
    """Questionnaire answers that cannot be used: unknown items, out-of-range or unscorable."""


@dataclass(frozen=True, slots=True)
class AssessmentWarning:
    """A reason to trust a result less, with a stable ``code`` for tests and the app.

    >>> AssessmentWarning("flat_ratings", "Every skill is rated 4.").code
    'flat_ratings'
    """

    code: str
    message: str

    def __str__(self) -> str:
        return self.message
