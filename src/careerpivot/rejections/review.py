"""One call from a log to everything it shows: analyses, patterns, actions and redirect."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from careerpivot.engine import Engine
from careerpivot.model import Dataset
from careerpivot.profile import Profile
from careerpivot.rejections import extract
from careerpivot.rejections.actions import ActionPlan, plan_actions
from careerpivot.rejections.analysis import RecordAnalysis, analyse_log
from careerpivot.rejections.classify import FeedbackClassifier, default_classifier
from careerpivot.rejections.extract import SkillMatcher
from careerpivot.rejections.patterns import Pattern, find_patterns
from careerpivot.rejections.records import RejectionLog
from careerpivot.rejections.redirect import Redirect, suggest_redirect


@dataclass(frozen=True)
class Review:
    """What a rejection log says and what to do about it."""

    analyses: list[RecordAnalysis]
    patterns: list[Pattern]
    plan: ActionPlan
    redirect: Redirect


@lru_cache(maxsize=4)
def default_matcher(dataset: Dataset) -> SkillMatcher:
    """The shared skill matcher for ``dataset`` with the team's lexicon (cached)."""
    return extract.default_matcher(dataset)


def review_log(
    log: RejectionLog,
    profile: Profile,
    engine: Engine,
    *,
    classifier: FeedbackClassifier | None = None,
    matcher: SkillMatcher | None = None,
    target: str | None = None,
    name: str = "",
) -> Review:
    """Analyse every record, find the patterns, plan the actions and the redirect."""
    log.check(engine.dataset)
    analyses = analyse_log(
        log, classifier or default_classifier(), matcher or default_matcher(engine.dataset)
    )
    return Review(
        analyses=analyses,
        patterns=find_patterns(analyses),
        plan=plan_actions(analyses, profile, engine, target=target, name=name),
        redirect=suggest_redirect(analyses, profile, engine.dataset, engine.pivot_scores),
    )
