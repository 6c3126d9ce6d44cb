"""A plain-text rendering of a :class:`Review` (for the command line and the examples)."""

from __future__ import annotations

from careerpivot.rejections.categories import CATEGORY_NAMES
from careerpivot.rejections.records import STAGE_NAMES
from careerpivot.rejections.review import Review


def format_review(review: Review) -> str:
    """The review as readable text: records, patterns, actions, redirect, follow-up note."""
    lines: list[str] = ["APPLICATIONS"]
    for a in review.analyses:
        r = a.record
        lines.append(f"  [{r.id}] {r.label}: {r.outcome} at stage '{STAGE_NAMES[r.stage_reached]}'")
        if r.feedback:
            lines.append(f"      feedback: {r.feedback!r}")
        if a.classification is not None:
            c = a.classification
            lines.append(f"      -> {CATEGORY_NAMES[c.category]}: {c.describe()}")
        if a.skills:
            named = ", ".join(f"{s.name} [{s.id}]" for s in a.skills)
            lines.append(f"      -> skills named: {named}")
    lines += ["", "PATTERNS"]
    lines += [f"  - {p.sentence}  (evidence: {', '.join(p.evidence)})" for p in review.patterns]
    if not review.patterns:
        lines.append("  (none yet: patterns need at least two applications behind them)")
    plan = review.plan
    lines += [
        "",
        f"ACTIONS (target: {plan.target_title} {plan.target_code or ''})".replace(" )", ")"),
    ]
    for act in plan.actions:
        lines.append(f"  * {act.title}  [{act.why} evidence: {', '.join(act.evidence)}]")
        lines += [f"      - {s}" for s in act.steps]
    lines += ["", "REDIRECT"]
    if not review.redirect.triggers:
        lines.append("  (no trigger: rejections do not concentrate on a skill or a role family)")
    for t in review.redirect.triggers:
        lines.append(f"  trigger: {t.sentence}  (evidence: {', '.join(t.evidence)})")
    for n, role in enumerate(review.redirect.roles, start=1):
        lines.append(
            f"  {n}. {role.title} ({role.code}, {role.major_group}) score {role.score:.2f}"
        )
        lines += [f"       - {why}" for why in role.reasons]
    if plan.follow_up:
        lines += ["", "FOLLOW-UP NOTE", *(f"  {x}" for x in plan.follow_up.splitlines())]
    return "\n".join(lines)
