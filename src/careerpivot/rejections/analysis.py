"""Per-record analysis: the category of each rejection's feedback and the skills it names."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from careerpivot.rejections.categories import GENERIC, Category
from careerpivot.rejections.classify import Classification, FeedbackClassifier
from careerpivot.rejections.extract import SkillMatcher, SkillMention
from careerpivot.rejections.records import ApplicationRecord, RejectionLog

SKILL_GAP: Category = "skill_gap"


@dataclass(frozen=True)
class RecordAnalysis:
    """One record with what its feedback says (``None`` when it is not a rejection)."""

    record: ApplicationRecord
    classification: Classification | None
    skills: tuple[SkillMention, ...] = ()

    @property
    def category(self) -> Category | None:
        """The feedback category of a rejection; ``None`` for other outcomes."""
        return None if self.classification is None else self.classification.category

    @property
    def substantive(self) -> bool:
        """True for a rejection whose feedback says something usable."""
        return self.category is not None and self.category != GENERIC

    @property
    def counts_toward(self) -> tuple[Category, ...]:
        """The categories this rejection counts toward in patterns and actions alike: its
        own (when substantive), plus skill gap whenever the feedback names a skill, whatever
        the category ("More hands-on SQL experience" is experience *and* an SQL gap)."""
        if self.classification is None:
            return ()
        out: list[Category] = []
        if self.substantive and self.category is not None:
            out.append(self.category)
        if self.skills and SKILL_GAP not in out:
            out.append(SKILL_GAP)
        return tuple(out)


def analyse_records(
    records: Sequence[ApplicationRecord], classifier: FeedbackClassifier, matcher: SkillMatcher
) -> list[RecordAnalysis]:
    """Classify the feedback of every rejection and pull out the skills it names.

    Only rejections (outcome ``rejected`` or ``ghosted``) are classified; a ghosted
    application has no feedback and comes out ``generic``. Records keep their order.
    """
    out = []
    for r in records:
        if not r.is_rejection:
            out.append(RecordAnalysis(r, None))
            continue
        out.append(
            RecordAnalysis(r, classifier.classify(r.feedback), tuple(matcher.find(r.feedback)))
        )
    return out


def analyse_log(
    log: RejectionLog, classifier: FeedbackClassifier, matcher: SkillMatcher
) -> list[RecordAnalysis]:
    """:func:`analyse_records` over a whole log."""
    return analyse_records(log.records, classifier, matcher)
