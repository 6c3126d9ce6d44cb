"""The rejection log's findings as report sections: applications, patterns, actions, redirect.

An adapter over :mod:`careerpivot.rejections` (which knows nothing of reports):
:func:`rejection_sections` words a :class:`~careerpivot.rejections.Review` as
:class:`Section` items, and :func:`client_rejection_sections` reads a client's
stored records and reviews them, for the CLI and the app's report download.
Evidence is given as application ids (``a1``), listed with their roles first.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from careerpivot.engine import Engine
from careerpivot.errors import CareerPivotError
from careerpivot.rejections.analysis import RecordAnalysis, analyse_log
from careerpivot.rejections.categories import CATEGORY_NAMES
from careerpivot.rejections.classify import FeedbackClassifier, default_classifier
from careerpivot.rejections.extract import SkillMatcher
from careerpivot.rejections.log_io import records_from_payloads
from careerpivot.rejections.patterns import Pattern, find_patterns
from careerpivot.rejections.records import ApplicationRecord, RejectionLog
from careerpivot.rejections.redirect import Redirect
from careerpivot.rejections.review import Review, default_matcher, review_log
from careerpivot.report.model import Section

if TYPE_CHECKING:
    from careerpivot.store.records import ClientSnapshot

APPLICATIONS = "Applications"
PATTERNS = "Patterns"
FOLLOW_UP = "Action: Ask for specific feedback"
REDIRECT = "Roles to consider instead"
NOT_READ = "Records not read"
NO_PATTERNS = "No pattern yet: a pattern needs at least two applications behind it."
NO_PROFILE = "Actions and roles to consider appear once a profile is saved for the client."
FOLLOW_UP_ITEM = (
    "After a rejection, send a short thank-you note asking which skills or experience made "
    "the difference and what to work on first (CareerPivot's Rejections page drafts one)."
)


def evidence(ids: Sequence[str]) -> str:
    """Application ids as a phrase.

    >>> evidence(["a1", "a3"]), evidence(["a2"])
    ('applications a1, a3', 'application a2')
    """
    return f"application{'s' if len(ids) != 1 else ''} {', '.join(ids)}"


def application_line(a: RecordAnalysis) -> str:
    """One application: role, organisation, date, how far it got and what the feedback said."""
    r = a.record
    line = f"{r.id}: {r.label}, {r.result}"
    if a.category is not None:
        line += f"; feedback: {CATEGORY_NAMES[a.category].lower()}"
    if a.skills:
        line += f", naming {', '.join(s.name for s in a.skills)}"
    return line + "."


def pattern_items(patterns: Sequence[Pattern]) -> tuple[str, ...]:
    """Each pattern in plain words with its evidence."""
    return tuple(f"{p.sentence} Evidence: {evidence(p.evidence)}." for p in patterns) or (
        NO_PATTERNS,
    )


def redirect_items(redirect: Redirect) -> tuple[str, ...]:
    """Why a redirect is offered, then each suggested role with its reasons."""
    items = [f"{t.sentence} Evidence: {evidence(t.evidence)}." for t in redirect.triggers]
    items += [f"{r.title} ({r.code}): {'; '.join(r.reasons)}." for r in redirect.roles]
    return tuple(items)


def rejection_sections(review: Review) -> tuple[Section, ...]:
    """A review as report sections: applications, patterns, one per action, the follow-up
    advice (when there are rejections) and the roles to consider (when a redirect fires)."""
    sections = [
        Section(APPLICATIONS, tuple(application_line(a) for a in review.analyses)),
        Section(PATTERNS, pattern_items(review.patterns)),
    ]
    for act in review.plan.actions:
        why = f"Why: {act.why} Evidence: {evidence(act.evidence)}."
        sections.append(Section(f"Action: {act.title}", (why, *act.steps)))
    if review.plan.follow_up:
        sections.append(Section(FOLLOW_UP, (FOLLOW_UP_ITEM,)))
    if review.redirect.triggers:
        sections.append(Section(REDIRECT, redirect_items(review.redirect)))
    return tuple(sections)


def client_rejection_sections(
    engine: Engine,
    client: ClientSnapshot,
    *,
    classifier: FeedbackClassifier | None = None,
    matcher: SkillMatcher | None = None,
) -> tuple[Section, ...]:
    """Report sections for a client's stored rejection log (``()`` when nothing is logged).

    Stored records that cannot be read are named in a last section (the store keeps
    them as they are); occupation codes this data set lacks are set aside, and the
    records grouped by role title. Without a saved profile only the applications and
    patterns are given, since actions and the redirect are worked out for a profile.
    """
    if not client.rejections:
        return ()
    ds = engine.dataset
    results = records_from_payloads((e.schema_version, e.payload) for e in client.rejections)
    good = tuple(r for r in results if isinstance(r, ApplicationRecord))
    problems = tuple(f"{r}." for r in results if not isinstance(r, ApplicationRecord))
    not_read = (Section(NOT_READ, (*problems, "They are kept unchanged in the store.")),)
    if not good:
        return not_read
    log, unknown = RejectionLog(records=good).without_unknown_roles(ds)
    clf = classifier or default_classifier()
    skills = matcher or default_matcher(ds)
    sections: tuple[Section, ...]
    profile = client.profile.restricted_to(ds)[0] if client.profile is not None else None
    note = NO_PROFILE
    if profile is not None and not profile.is_empty:
        try:
            review = review_log(
                log, profile, engine, classifier=clf, matcher=skills, name=client.client.name
            )
        except CareerPivotError as exc:
            note = f"Actions could not be worked out for this profile: {exc}."
        else:
            sections = rejection_sections(review)
            return _noted(sections, unknown, ds.name) + (not_read if problems else ())
    analyses = analyse_log(log, clf, skills)
    sections = (
        Section(APPLICATIONS, tuple(application_line(a) for a in analyses)),
        Section(PATTERNS, pattern_items(find_patterns(analyses))),
        Section("Actions", (note,)),
    )
    return _noted(sections, unknown, ds.name) + (not_read if problems else ())


def _noted(
    sections: tuple[Section, ...], unknown: Sequence[str], dataset: str
) -> tuple[Section, ...]:
    """Add to the applications section which records name roles the data set lacks."""
    if not unknown:
        return sections
    first, *rest = sections
    which = evidence(list(unknown))
    verb = "names a role" if len(unknown) == 1 else "name roles"
    note = (
        f"{which[0].upper()}{which[1:]} {verb} data set {dataset} lacks; "
        "grouped by role title here."
    )
    return (Section(first.title, (*first.items, note)), *rest)
