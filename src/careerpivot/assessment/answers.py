"""Saved questionnaire answers: versioned JSON documents validated by pydantic.

An :class:`AnswerSheet` holds answers to the interest or work-values instrument
(whole numbers 1-5) and can be saved half-finished; :class:`SkillAnswers` holds
skill levels (0-7). Range errors come from the models; unknown item ids need the
instrument, so :func:`check_sheet` (and the ``parse_*`` functions given one)
report them. Every error names the source and the field.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from careerpivot.assessment.diagnostics import AssessmentError
from careerpivot.assessment.instrument import Form, Instrument
from careerpivot.jsondoc import json_object, read_document, validation_message
from careerpivot.private import write_private

ANSWERS_SCHEMA_VERSION = 1

Answer = Annotated[int, Field(ge=1, le=5, strict=True)]
SkillLevel = Annotated[float, Field(ge=0.0, le=7.0, allow_inf_nan=False)]


def _known_version(v: int) -> int:
    if v != ANSWERS_SCHEMA_VERSION:
        raise ValueError(
            f"answers schema version {v} is not supported (this version reads "
            f"{ANSWERS_SCHEMA_VERSION})"
        )
    return v


class AnswerSheet(BaseModel):
    """Answers to one rating instrument, complete or not.

    >>> sheet = AnswerSheet(instrument="interests", form="short").with_answers({"ip02": 5})
    >>> AnswerSheet.model_validate_json(sheet.model_dump_json()) == sheet
    True
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    schema_version: int = ANSWERS_SCHEMA_VERSION
    instrument: Literal["interests", "values"]
    form: Form = "long"
    answers: dict[str, Answer] = Field(default_factory=dict)

    @field_validator("schema_version")
    @classmethod
    def _check_version(cls, v: int) -> int:
        return _known_version(v)

    def with_answers(self, answers: dict[str, int]) -> AnswerSheet:
        """A copy with some answers added or changed (validated)."""
        return AnswerSheet.model_validate(
            {**self.model_dump(), "answers": {**self.answers, **answers}}
        )

    def without_answers(self, item_ids: list[str]) -> AnswerSheet:
        """A copy with some answers taken back."""
        kept = {k: v for k, v in self.answers.items() if k not in item_ids}
        return AnswerSheet.model_validate({**self.model_dump(), "answers": kept})


class SkillAnswers(BaseModel):
    """Self-rated levels (0-7) by descriptor id, and the role they were started from, if any."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    schema_version: int = ANSWERS_SCHEMA_VERSION
    seeded_from: str | None = None
    ratings: dict[str, SkillLevel] = Field(default_factory=dict)

    @field_validator("schema_version")
    @classmethod
    def _check_version(cls, v: int) -> int:
        return _known_version(v)


def check_sheet(sheet: AnswerSheet, instrument: Instrument) -> AnswerSheet:
    """Raise :class:`AssessmentError` for answers the instrument cannot score; return the sheet.

    Catches a sheet for another instrument, unknown item ids, items not on the
    sheet's form and answers above the instrument's highest response.
    """
    if sheet.instrument != instrument.name:
        raise AssessmentError(
            f"these answers are for {sheet.instrument!r}, not {instrument.name!r}"
        )
    known = {i.id for i in instrument.items}
    unknown = sorted(set(sheet.answers) - known)
    if unknown:
        raise AssessmentError(f"field answers: unknown item ids {unknown}")
    on_form = {i.id for i in instrument.items_on(sheet.form)}
    stray = sorted(set(sheet.answers) - on_form)
    if stray:
        raise AssessmentError(f"field answers: items {stray} are not on the {sheet.form} form")
    high = sorted(k for k, v in sheet.answers.items() if v > instrument.max_answer)
    if high:
        raise AssessmentError(
            f"field answers: items {high} are above the highest answer {instrument.max_answer}"
        )
    return sheet


def parse_answer_sheet(
    text: str, instrument: Instrument | None = None, *, source: str = "answers"
) -> AnswerSheet:
    """Parse answer-sheet JSON (and check it against ``instrument`` when given)."""
    try:
        sheet = AnswerSheet.model_validate(_json_object(text, source))
    except ValidationError as exc:
        raise AssessmentError(f"{source}: {validation_message(exc)}") from None
    if instrument is not None:
        try:
            check_sheet(sheet, instrument)
        except AssessmentError as exc:
            raise AssessmentError(f"{source}: {exc}") from None
    return sheet


def parse_skill_answers(text: str, *, source: str = "skill answers") -> SkillAnswers:
    """Parse skill-answers JSON; errors name the source and field."""
    try:
        return SkillAnswers.model_validate(_json_object(text, source))
    except ValidationError as exc:
        raise AssessmentError(f"{source}: {validation_message(exc)}") from None


def load_answer_sheet(path: Path, instrument: Instrument | None = None) -> AnswerSheet:
    """Read an answer sheet saved by :func:`save_answers`."""
    return parse_answer_sheet(_read(path), instrument, source=str(path))


def load_skill_answers(path: Path) -> SkillAnswers:
    """Read skill answers saved by :func:`save_answers`."""
    return parse_skill_answers(_read(path), source=str(path))


def save_answers(answers: AnswerSheet | SkillAnswers, path: Path) -> None:
    """Write answers as JSON, atomically (a crash never leaves half a file)."""
    write_private(path, answers.model_dump_json(indent=2))


def _read(path: Path) -> str:
    return read_document(path, AssessmentError)


def _json_object(text: str, source: str) -> dict[str, object]:
    return json_object(text, source, AssessmentError, "answers")
