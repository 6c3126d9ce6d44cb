"""Run one persona through the Engine and check the properties its plan and advice must have.

Each check returns a list of failures in words (empty when the persona passes), so a
failing persona says exactly which property broke.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from careerpivot.effort import LONG_PLAN_HOURS
from careerpivot.engine import Engine
from careerpivot.profile import Profile
from careerpivot.rejections import RejectionLog, Review, review_log, validate_record
from careerpivot.rejections.actions import seniority
from careerpivot.rejections.followup import follow_up_kind
from careerpivot.rejections.wording import own_rating
from careerpivot.routes import PHASE_NAMES, LearningPlan, WhatIfOption
from careerpivot.tool_families import families

HERE = Path(__file__).parent
SETS = {"holdout": HERE / "personas_holdout.json", "dev": HERE / "personas_dev.json"}


def load(which: str) -> list[dict[str, Any]]:
    """The personas of one set (``holdout`` or ``dev``)."""
    path = SETS[which]
    if not path.exists():
        return []
    personas: list[dict[str, Any]] = json.loads(path.read_text(encoding="utf-8"))["personas"]
    return personas


@dataclass
class Outcome:
    """What the Engine gives one persona."""

    profile: Profile
    plan: LearningPlan
    options: list[WhatIfOption]
    review: Review | None
    log: RejectionLog


def run(persona: dict[str, Any], engine: Engine) -> Outcome:
    """Profile (own ratings, or seeded from the role when none), plan, what-if and review."""
    role, ratings = persona["role"], persona["ratings"]
    if ratings is None:
        profile = engine.profile_for(role)
    else:
        profile = Profile(ratings=ratings, current_role=role)
    target = persona["target"]
    plan = engine.plan(profile, target)
    options = engine.what_if_options(profile, target)
    log = RejectionLog()
    for rec in persona["log"]:
        log = log.add(validate_record(rec))
    review = review_log(log, profile, engine, target=target) if log.records else None
    return Outcome(profile, plan, options, review, log)


def advice_texts(out: Outcome) -> list[str]:
    """Every sentence of advice the person would read."""
    if out.review is None:
        return []
    r = out.review
    texts = [p.sentence for p in r.patterns]
    for a in r.plan.actions:
        texts += [a.title, a.why, *a.steps]
    texts += r.plan.projects
    texts += [t.sentence for t in r.redirect.triggers]
    texts += [why for role in r.redirect.roles for why in role.reasons]
    return texts


def check(persona: dict[str, Any], engine: Engine, out: Outcome) -> list[str]:
    """Every general property plus the persona's own; the failures in words."""
    fails = _plan_checks(engine, out) + _whatif_checks(out) + _advice_checks(persona, engine, out)
    return fails + _expectations(persona, engine, out)


# ----- general properties ---------------------------------------------------------------------
def _plan_checks(engine: Engine, out: Outcome) -> list[str]:
    fails = []
    plan, ds = out.plan, engine.dataset
    fam = families(ds)
    tools = [s for s in plan.steps if s.kind == "technology"]
    seen: dict[str, str] = {}
    for s in tools:
        f = fam[s.id].id
        if f in seen:
            fails.append(f"two tools of family {f}: {seen[f]} and {s.name}")
        seen[f] = s.name
        if s.family != f:
            fails.append(f"{s.name} carries family {s.family!r}, not {f!r}")
    # No step for a family the person covers with a tool the target lists.
    i = ds.occupation_index[plan.target_code]
    for s in tools:
        listed = [
            d.id
            for j, d in enumerate(ds.descriptors)
            if d.kind == "technology"
            and ds.importance_matrix[i, j] > 0
            and fam[d.id].id == s.family
        ]
        known = [t for t in listed if out.profile.ratings.get(t, 0.0) > 0]
        if known and s.id not in known:
            fails.append(f"{s.name} asked although the person knows {known} of its family")
    h = plan.hours
    if not (h.low <= plan.total_hours <= h.high) or not h.basis:
        fails.append(f"hours not a range around the estimate with a basis: {h}")
    if plan.steps and h.low <= 0:
        fails.append("a plan with steps and no hours")
    order = [PHASE_NAMES.index(s.phase) if s.phase in PHASE_NAMES else -1 for s in plan.steps]
    if -1 in order or order != sorted(order):
        fails.append(f"phases missing or out of order: {[s.phase for s in plan.steps]}")
    if plan.steps and order[0] != 0:
        fails.append("the first step is not in the first month")
    c = plan.check
    if h.estimate > LONG_PLAN_HOURS and c.status == "fits":
        fails.append(f"{h.estimate:.0f} h plan not flagged as long")
    if c.status != "fits" and not ("stepping-stone" in c.message and "programme" in c.message):
        fails.append(f"long plan does not point to stepping stones and a programme: {c.message}")
    if plan.preparation is None and ds.occupation(plan.target_code).job_zone is not None:
        fails.append("target's typical preparation missing")
    return fails


def _whatif_checks(out: Outcome) -> list[str]:
    fails = []
    planned = {s.id for s in out.plan.steps}
    for o in out.options:
        if not (o.new_rank < o.old_rank or o.new_fit > o.old_fit):
            fails.append(f"what-if offers {o.name}, which does not move the target")
        if o.id not in planned or o.hours <= 0:
            fails.append(f"what-if {o.name} is not a plan step with hours")
        if "top 20" in o.sentence or not re.search(r"\d+-\d+ h", o.sentence.replace(",", "")):
            fails.append(f"what-if sentence wrong: {o.sentence}")
    return fails


def _advice_checks(persona: dict[str, Any], engine: Engine, out: Outcome) -> list[str]:
    if out.review is None:
        return []
    fails = []
    texts = advice_texts(out)
    for t in texts:
        if re.search(r"\d/5\b", t):
            fails.append(f"a /5 scale in advice: {t}")
    own = {d for d in out.profile.ratings if own_rating(out.profile, engine.dataset, d) is not None}
    names_own = {engine.dataset.descriptor(d).name for d in own}
    for t in texts:
        m = re.search(r"^(.+?) was named, yet you rate it", t)
        if m and m.group(1) not in names_own:
            fails.append(f"claims a rating the person did not give: {t}")
        if persona["ratings"] is None and "you rate" in t.lower():
            fails.append(f"claims a rating of someone who rated nothing: {t}")
    plan = out.review.plan
    if plan.follow_up_for:
        rec = out.log.get(plan.follow_up_for)
        if plan.follow_up_kind != follow_up_kind(rec):
            fails.append("follow-up template does not fit its record's outcome")
        if rec.outcome == "ghosted" and "letting me know" in plan.follow_up:
            fails.append("no-reply follow-up thanks them for letting me know")
    named = {a.record.id for a in out.review.analyses if a.skills and a.classification}
    gap = next((a for a in plan.actions if a.category == "skill_gap"), None)
    if named and (gap is None or not named <= set(gap.evidence)):
        fails.append(f"rejections naming skills {sorted(named)} not counted as skill gaps")
    for p in out.review.patterns:
        if p.kind == "category":
            act = next((a for a in plan.actions if a.category == p.key), None)
            if act is None or set(act.evidence) != set(p.evidence):
                fails.append(f"pattern {p.key} and its action count different records")
    level = seniority(out.profile, engine.dataset, out.review.analyses)
    if level == "experienced" and any("internship" in t.lower() for t in texts):
        fails.append("an experienced person is told to look for an internship")
    return fails


# ----- the persona's own properties ------------------------------------------------------------
def _expectations(persona: dict[str, Any], engine: Engine, out: Outcome) -> list[str]:
    exp: dict[str, Any] = persona.get("expect", {})
    fails = []
    plan = out.plan
    names = [s.name for s in plan.steps]
    tools = [s for s in plan.steps if s.kind == "technology"]
    if "plan_max_steps" in exp and len(plan.steps) > exp["plan_max_steps"]:
        fails.append(f"{len(plan.steps)} steps > {exp['plan_max_steps']}")
    if "plan_max_tool_steps" in exp and len(tools) > exp["plan_max_tool_steps"]:
        fails.append(f"{len(tools)} tool steps > {exp['plan_max_tool_steps']}: {names}")
    if "plan_max_hours_high" in exp and plan.hours.high > exp["plan_max_hours_high"]:
        fails.append(f"high end {plan.hours.high:.0f} h > {exp['plan_max_hours_high']}")
    if "plan_min_hours_high" in exp and plan.hours.high < exp["plan_min_hours_high"]:
        fails.append(f"high end {plan.hours.high:.0f} h < {exp['plan_min_hours_high']}")
    for fam, tool in exp.get("plan_tools", {}).items():
        got = [s.name for s in tools if s.family == fam]
        if got != [tool]:
            fails.append(f"family {fam}: expected {tool}, plan has {got}")
    for n in exp.get("plan_excludes", []):
        if n in names:
            fails.append(f"plan includes {n}")
    for n in exp.get("plan_includes", []):
        if n not in names:
            fails.append(f"plan lacks {n}")
    if "plan_exceeds" in exp and (plan.check.status != "fits") != exp["plan_exceeds"]:
        fails.append(f"plan check {plan.check.status}, expected exceeds={exp['plan_exceeds']}")
    texts = advice_texts(out)
    if "internship" in exp:
        offered = any("internship" in t.lower() for t in texts)
        if offered and not exp["internship"]:
            fails.append("internship offered")
        if exp["internship"] and not offered:
            fails.append("no internship offered to someone starting out")
    if "followup" in exp:
        got = out.review.plan.follow_up_kind if out.review else None
        if got != exp["followup"]:
            fails.append(f"follow-up {got}, expected {exp['followup']}")
    gap = None
    if out.review is not None:
        gap = next((a for a in out.review.plan.actions if a.category == "skill_gap"), None)
    for n in exp.get("skill_gaps_named", []):
        if gap is None or not any(n in s for s in gap.steps):
            fails.append(f"skill-gap action does not cover {n}")
    for n in exp.get("not_rated_note", []):
        if not any(t.startswith(n) and "not rated yet" in t for t in texts):
            fails.append(f"no 'not rated yet' note for {n}")
    return fails
