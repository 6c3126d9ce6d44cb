"""From feedback to actions: the seed's feedback-type -> action table made concrete.

=====================  ================================================================
Feedback               Action
=====================  ================================================================
skill gap              the engine's learning plan to the target, with priority raised
                       for skills that rejections name (``learning_plan(boost=...)``)
interview              a practice plan: STAR stories drawn from the strongest skills
resume or portfolio    which strengths to lead with (the target's requirements you meet)
lack of experience     stepping-stone roles (engine routes) and project ideas; internships
                       only for someone starting out (:func:`seniority`)
fit or culture         research the culture first; aim at teams that fit
competition or timing  keep the door open, use referrals, reapply
generic / none         ask for specific feedback (the follow-up note, always included)
=====================  ================================================================
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

from careerpivot.engine import Engine
from careerpivot.errors import NoRouteError, NotScorableError
from careerpivot.gaps import GapRow, person_gap
from careerpivot.model import Dataset
from careerpivot.profile import Profile
from careerpivot.rejections.analysis import RecordAnalysis
from careerpivot.rejections.categories import CATEGORY_PHRASES, SUBSTANTIVE, Category
from careerpivot.rejections.followup import FollowUpKind, follow_up_kind, follow_up_message
from careerpivot.rejections.practice import StarPrompt, project_ideas, star_prompts
from careerpivot.rejections.wording import importance_words, own_rating
from careerpivot.routes import LearningPlan, Route, learning_plan

BOOST_PER_MENTION = 1.0  # a skill named in n rejections gets its priority x (1 + n)

Seniority = Literal["starting out", "experienced"]
_ENTRY_TITLE = re.compile(
    r"\b(intern|internship|graduate|junior|jr|entry|trainee|apprentice)\b", re.IGNORECASE
)


@dataclass(frozen=True)
class Action:
    """What to do about one kind of feedback, why, and which applications it rests on."""

    category: Category
    title: str
    why: str
    steps: tuple[str, ...]
    evidence: tuple[str, ...]


@dataclass(frozen=True)
class ActionPlan:
    """All actions for a log, with the engine results they were built from."""

    target_code: str | None
    target_title: str
    actions: list[Action]
    boost: dict[str, float] = field(default_factory=dict)
    learning: LearningPlan | None = None
    star: list[StarPrompt] = field(default_factory=list)
    lead_with: list[GapRow] = field(default_factory=list)
    routes: list[Route] = field(default_factory=list)
    projects: list[str] = field(default_factory=list)
    follow_up: str = ""
    follow_up_for: str = ""  # the record id the follow-up note is written for
    follow_up_kind: FollowUpKind | None = None
    seniority: Seniority = "experienced"


def choose_target(analyses: Sequence[RecordAnalysis]) -> str | None:
    """The occupation most rejections were for (ties: the most recent); ``None`` if no codes."""
    coded = [a.record for a in analyses if a.classification is not None]
    codes = [(r.occupation_code, r.date) for r in coded if r.occupation_code]
    if not codes:
        return None
    counts = Counter(c for c, _ in codes)
    latest = {c: max(d for c2, d in codes if c2 == c) for c in counts}
    return max(counts, key=lambda c: (counts[c], latest[c]))


def skill_boost(analyses: Sequence[RecordAnalysis]) -> dict[str, float]:
    """Descriptor id -> priority multiplier: 1 + the number of rejections that name it."""
    mentions = Counter(s.id for a in analyses if a.classification is not None for s in a.skills)
    return {did: 1.0 + BOOST_PER_MENTION * n for did, n in mentions.items()}


def plan_actions(
    analyses: Sequence[RecordAnalysis],
    profile: Profile,
    engine: Engine,
    *,
    target: str | None = None,
    name: str = "",
) -> ActionPlan:
    """Actions for every category the rejections show, most frequent first.

    ``target`` is the role aimed at (default: the one most rejections were for);
    without one, only advice that needs no role is given. Skill gaps get an action
    whenever feedback names a skill, whatever the category of that feedback.
    """
    ds = engine.dataset
    rejected = [a for a in analyses if a.classification is not None]
    target = target or choose_target(analyses)
    title = ds.occupation(target).title if target else "your target role"
    report = person_gap(ds, profile, target) if target else None
    boost = skill_boost(analyses)
    by_cat: dict[Category, list[RecordAnalysis]] = {c: [] for c in SUBSTANTIVE}
    for a in rejected:
        for cat in a.counts_toward:
            by_cat[cat].append(a)
    level = seniority(profile, ds, analyses)

    learning = learning_plan(ds, profile, target, boost=boost) if target else None
    star: list[StarPrompt] = []
    lead_with: list[GapRow] = []
    routes: list[Route] = []
    projects: list[str] = []
    actions: list[Action] = []
    for cat in sorted(SUBSTANTIVE, key=lambda c: (-len(by_cat[c]), SUBSTANTIVE.index(c))):
        items = by_cat[cat]
        evidence = [a.record.id for a in items]
        if cat == "skill_gap":
            if not items:
                continue
            steps = _skill_steps(analyses, profile, ds, learning, boost, title, target)
            heading = "Close the skill gaps that rejections name"
        elif not items:
            continue
        elif cat == "interview":
            star = star_prompts(ds, profile, target)
            steps = [_star_step(s, profile, ds) for s in star]
            steps.append("Rehearse the stories out loud in a mock interview.")
            heading = "Practise interviews with stories from your strengths"
        elif cat == "resume_portfolio":
            lead_with = report.met[:5] if report else []
            steps = _resume_steps(lead_with, title, profile, ds)
            heading = "Rework the CV and portfolio around your strengths"
        elif cat == "experience":
            routes = _routes(engine, profile, target)
            starting = level == "starting out"
            projects = (
                project_ideas(report, starting_out=starting, profile=profile, dataset=ds)
                if report
                else []
            )
            steps = _experience_steps(routes, projects, level)
            heading = "Build experience: stepping-stone roles and projects"
        elif cat == "fit_culture":
            steps = _fit_steps(profile)
            heading = "Aim at teams whose culture suits you"
        else:
            steps = _competition_steps()
            heading = "Keep the door open and use your network"
        phrase = CATEGORY_PHRASES[cat]
        why = f"{phrase[0].upper()}{phrase[1:]}: {len(items)} of {len(rejected)} rejections."
        actions.append(Action(cat, heading, why, tuple(steps), tuple(evidence)))

    follow_up, follow_for, kind = "", "", None
    if rejected:
        vague = [a for a in rejected if not a.substantive] or rejected
        latest = max(vague, key=lambda a: (a.record.date, a.record.id))
        follow_up = follow_up_message(latest.record, name=name)
        follow_for, kind = latest.record.id, follow_up_kind(latest.record)
    return ActionPlan(
        target,
        title,
        actions,
        boost,
        learning,
        star,
        lead_with,
        routes,
        projects,
        follow_up,
        follow_for,
        kind,
        level,
    )


def seniority(
    profile: Profile, dataset: Dataset, analyses: Sequence[RecordAnalysis] = ()
) -> Seniority:
    """Whether the person is starting out (internships make sense) or has worked before.

    Experienced: a current or last role, or a job zone of 2 or more, or a skill rated 4+.
    Otherwise starting out, as also when every application was for an entry-level title
    (intern, graduate, junior, trainee) and no role is given.
    """
    if profile.current_role is not None:
        return "experienced"
    zone = profile.effective_job_zone(dataset)
    if zone is not None and zone >= 2:
        return "experienced"
    titles = [a.record.role_title for a in analyses]
    if titles and all(_ENTRY_TITLE.search(t) for t in titles):
        return "starting out"
    skills = [v for d, v in profile.ratings.items() if not d.startswith("tech:")]
    return "experienced" if any(v >= 4.0 for v in skills) else "starting out"


# ----- steps per category ---------------------------------------------------------------------
def _skill_steps(
    analyses: Sequence[RecordAnalysis],
    profile: Profile,
    dataset: Dataset,
    learning: LearningPlan | None,
    boost: dict[str, float],
    title: str,
    target: str | None,
) -> list[str]:
    named = {s.id: s.name for a in analyses if a.classification is not None for s in a.skills}
    if learning is None:
        return [f"Work on {n}: rejections name it." for n in named.values()] or [
            "Ask which skills were missing (see the follow-up note)."
        ]
    steps = []
    # The named skills' steps always show, then the plan's top steps up to five.
    shown = [s for s in learning.steps if s.boosted]
    shown += [s for s in learning.steps if not s.boosted][: max(0, 5 - len(shown))]
    shown.sort(key=learning.steps.index)
    for s in shown:
        named_in = round(boost[s.id] - 1) if s.boosted else 0
        tag = f"; named in {named_in} rejection{'' if named_in == 1 else 's'}" if s.boosted else ""
        mine = own_rating(profile, dataset, s.id)
        start = (
            f"from {s.current:.1f}"
            if mine is not None or s.current == 0
            else f"from {s.current:.1f} (your last role's typical level; not rated yet: rate it)"
        )
        alt = f"; or instead: {', '.join(s.alternatives[:3])}" if s.alternatives else ""
        steps.append(
            f"{s.name}: raise {start} to {s.target:.1f}/7 "
            f"(about {s.hours_low:,.0f}-{s.hours_high:,.0f} h, {s.learning}{tag}{alt})."
        )
    planned = {s.id for s in learning.steps}
    row = dataset.occupation_index[target] if target else None
    rows = {r.id: r for r in learning.gap.rows} if learning.gap else {}
    for did, nm in named.items():
        if did in planned:
            continue
        gap_row = rows.get(did)
        if gap_row is not None and gap_row.note.startswith("one tool per family"):
            other = gap_row.note.split("covered by ", 1)[1]
            steps.append(_covered_step(nm, other, title, rows, profile, dataset))
            continue
        need = (
            float(dataset.level_matrix[row, dataset.descriptor_index[did]])
            if row is not None
            else 0.0
        )
        mine = own_rating(profile, dataset, did)
        if mine is not None and mine > 0:
            steps.append(
                f"{nm} was named, yet you rate it {mine:.1f}/7"
                + (f" and {title} needs {need:.1f}/7" if need > 0 else "")
                + ": show it with a project or a CV line with a result."
            )
        elif mine is None and need > 0:
            steps.append(
                f"{nm} was named: not rated yet: rate it on the Self-assessment page "
                f"({title} needs {need:.1f}/7), then plan for any gap."
            )
        elif mine is None:
            steps.append(
                f"{nm} was named: not rated yet: rate it on the Self-assessment page; "
                f"{title} rarely needs it, so ask that employer why."
            )
        else:
            steps.append(f"{nm} was named, though {title} rarely needs it: ask that employer why.")
    return steps


def _covered_step(
    name: str,
    other: str,
    title: str,
    rows: dict[str, GapRow],
    profile: Profile,
    dataset: Dataset,
) -> str:
    """The step for a named tool that another tool of its family covers.

    "You have" only for a tool the person rated themselves: a level seeded from their
    last role is that role's, and the plan asks them to rate it elsewhere, so the step
    says the same (one plan never says "you have X" and "X: not rated yet").
    """
    cover = next((r for r in rows.values() if r.name == other), None)
    mine = own_rating(profile, dataset, cover.id) if cover is not None else None
    if mine is not None and mine > 0:
        return (
            f"{name} was named: {title} needs one tool of its family and you have {other} "
            f"(you rate it {mine:.1f}/7); show {other} with a result, or learn {name} if "
            "employers keep asking for it."
        )
    return (
        f"{name} was named: {title} needs one tool of its family and your last role "
        f"typically uses {other} (not rated yet: if you use it, rate it on the "
        f"Self-assessment page and show it with a result); otherwise learn {name} or "
        f"{other}."
    )


def _resume_steps(
    lead_with: list[GapRow], title: str, profile: Profile, dataset: Dataset
) -> list[str]:
    steps = []
    for r in lead_with:
        mine = own_rating(profile, dataset, r.id)
        you = (
            f"you rate yourself {mine:.1f}/7"
            if mine is not None
            else f"your last role's typical level is {r.current:.1f}/7 (not rated yet: rate it)"
        )
        steps.append(
            f"Lead with {r.name}: {importance_words(r.importance)} for {title}, which needs "
            f"{r.required:.1f}/7; {you}."
        )
    steps += [
        "Rewrite each CV bullet as a result (what changed, by how much), not a duty.",
        f"Put one project that shows a top requirement of {title} near the top.",
    ]
    return steps


def _star_step(star: StarPrompt, profile: Profile, dataset: Dataset) -> str:
    """A STAR step; a level the person has not rated says it is their last role's."""
    mine = own_rating(profile, dataset, star.descriptor_id)
    level = (
        f"{star.level:.1f}/7"
        if mine is not None
        else f"{star.level:.1f}/7, your last role's typical level"
    )
    return f"Prepare a STAR story: {star.prompt} ({star.name}, {level})"


def _routes(engine: Engine, profile: Profile, target: str | None) -> list[Route]:
    if target is None:
        return []
    try:
        return engine.routes(profile, target)
    except (NoRouteError, NotScorableError):
        return []


def _experience_steps(routes: list[Route], projects: list[str], level: Seniority) -> list[str]:
    steps = []
    if level == "experienced":
        steps.append(
            "Map your past work onto the role: for each top requirement, one example from a "
            "job you held, with the result. Experience from another field counts when it is "
            "told in the new field's terms."
        )
    for r in routes:
        reach = "" if r.within_reach else ", a bigger job-zone step than you allow"
        if len(r.steps) > 1:
            path = " -> ".join(s.title for s in r.steps)
            steps.append(
                f"Stepping stone: {path} (about {r.total_hours:,.0f} h of learning in all{reach})."
            )
        else:
            steps.append(
                f"Direct move: about {r.total_hours:,.0f} h of learning{reach}; no stepping-stone "
                "role found that makes it cheaper."
            )
    steps += [f"Project: {p}" for p in projects]
    if len(steps) <= (1 if level == "experienced" else 0):
        steps.append(
            "Take on an internship, volunteer role or side project in the field."
            if level == "starting out"
            else "Take on a stretch project, secondment or short contract in the field."
        )
    return steps


def _fit_steps(profile: Profile) -> list[str]:
    steps = [
        "Before applying, read how the team describes its values and ways of working; "
        "ask about them in the first call.",
        "Say in your application why this kind of team suits you, with an example.",
    ]
    if profile.work_values:
        top = sorted(profile.work_values.items(), key=lambda kv: -kv[1])[:2]
        wanted = " and ".join(k.replace("_", " ") for k, _ in top)
        steps.append(f"Aim at teams that offer what you value most: {wanted}.")
    return steps


def _competition_steps() -> list[str]:
    return [
        "Ask to be considered for the next opening and keep in touch with the people you met.",
        "Ask contacts for referrals: a referral puts you in front of the hiring manager.",
        "Keep applying to similar roles: this outcome says little about you.",
    ]
