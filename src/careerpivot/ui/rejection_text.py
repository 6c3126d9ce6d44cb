"""Words and tables for the Rejections page as plain functions (no Streamlit): labels for the
form, the log as a table, each record's feedback in words, the funnel and plan as tables.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import pandas as pd

from careerpivot.errors import DataValidationError
from careerpivot.rejections import CATEGORY_NAMES, RecordAnalysis, RejectionLog
from careerpivot.rejections.records import STAGE_NAMES, Channel, Outcome, Stage
from careerpivot.routes import LearningPlan
from careerpivot.ui.tables import KIND_LABELS, LEARNING_LABELS, md

CHANNEL_LABELS: dict[Channel, str] = {
    "posting": "Job posting",
    "referral": "Referral",
    "recruiter": "Recruiter",
    "other": "Other",
}
STAGE_LABELS: dict[Stage, str] = {
    "applied": "Applied",
    "screened": "Screened (first call or test)",
    "interviewed": "Interviewed",
    "final_round": "Final round",
    "offer": "Offer",
}
OUTCOME_LABELS: dict[Outcome, str] = {
    "rejected": "Rejected",
    "ghosted": "No answer",
    "withdrawn": "I withdrew",
    "offer": "Offer",
    "pending": "Still waiting",
}
#: Record fields as the form labels them (for error messages).
FIELD_LABELS: dict[str, str] = {
    "role_title": "Role title",
    "occupation_code": "Matching occupation",
    "organisation": "Organisation",
    "date": "Date applied",
    "channel": "How you applied",
    "stage_reached": "Furthest stage reached",
    "outcome": "Outcome",
    "feedback": "What they told you",
    "notes": "Your own notes",
}


def plain(text: str) -> str:
    """Text typed by a person, shown as itself in Streamlit markdown (no links, emphasis,
    colours, emoji codes or maths).

    >>> plain("C# *lead* [x](y) $5 :red[z]")
    'C\\\\# \\\\*lead\\\\* \\\\[x\\\\]\\\\(y\\\\) \\\\$5 \\\\:red\\\\[z\\\\]'
    """
    return md(" ".join(text.split()))


def form_error(exc: DataValidationError) -> str:
    """A validation error in the form's own words.

    >>> from careerpivot.rejections import RecordValidationError
    >>> form_error(RecordValidationError("value is empty", record="a1", field="organisation"))
    'Organisation: value is empty.'
    """
    label = FIELD_LABELS.get(exc.field or "", "This application")
    reason = exc.reason.replace("stage_reached", "stage reached")
    return f"{label}: {reason}."


def short(text: str, width: int = 70) -> str:
    """One line of at most ``width`` characters.

    >>> short("We went with someone\\nmore experienced.", 25)
    'We went with someone mor…'
    """
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1].rstrip() + "…"


def records_frame(log: RejectionLog) -> pd.DataFrame:
    """The log as a table, newest first; the result comes early so it stays in view."""
    records = sorted(log.records, key=lambda r: (r.date, r.id), reverse=True)
    return pd.DataFrame(
        {
            "Role": [r.role_title for r in records],
            "Result": [r.result for r in records],
            "Organisation": [r.organisation for r in records],
            "Date": [r.date.isoformat() for r in records],
            "Feedback": [short(r.feedback) if r.feedback else "—" for r in records],
            "Channel": [CHANNEL_LABELS[r.channel] for r in records],
        }
    )


def evidence(log: RejectionLog, ids: Sequence[str]) -> str:
    """The applications behind a finding, by name: ``Data Analyst at Acme (2025-03-01); ...``."""
    known = set(log.ids)
    return "; ".join(log.get(i).label if i in known else i for i in ids)


def analysis_line(a: RecordAnalysis) -> str:
    """What one rejection's feedback says, and why CareerPivot reads it so (markdown)."""
    r = a.record
    head = (
        f"**{plain(r.role_title)}** at {plain(r.organisation)} ({r.date.isoformat()}), {r.result}"
    )
    c = a.classification
    if c is None:
        return f"{head}."
    name = CATEGORY_NAMES[c.category]
    words = ", ".join(plain(t.term) for t in c.top_terms)
    if c.reason == "empty":
        said = f"**{name}**: no feedback given"
    elif c.reason == "no_known_words":
        said = f"**{name}**: none of its words are ones the classifier knows"
    elif c.reason == "named_tool":
        tool = plain(c.named or "")
        said = f"**{name}**: it asks for experience with {tool}, a named tool or skill"
    elif c.fell_back:
        said = (
            f"**{name}**: it looked most like {CATEGORY_NAMES[c.predicted].lower()}, but only "
            f"{c.confidence:.0%} sure, too unsure to act on (words: {words or '—'})"
        )
    else:
        said = f"**{name}** ({c.confidence:.0%} sure); the words behind it: {words or '—'}"
    line = f"{head}: {said}."
    if a.skills:
        line += " Skills named: " + ", ".join(plain(s.name) for s in a.skills)
        line += "." if c.category == "skill_gap" else " (so it counts as a skill gap too)."
    return line


def funnel_frame(counts: Mapping[Stage, int]) -> pd.DataFrame:
    """How many applications reached each stage (the funnel chart as a table)."""
    first = max(counts.values(), default=0)
    return pd.DataFrame(
        {
            "Stage": [STAGE_NAMES[s].capitalize() for s in counts],
            "Applications that got this far": list(counts.values()),
            "Share (%)": [round(100 * n / first) if first else 0 for n in counts.values()],
        }
    )


def boosted_plan_frame(plan: LearningPlan, boost: Mapping[str, float]) -> pd.DataFrame:
    """The learning plan in order, saying which steps rejections named (and how often)."""
    return pd.DataFrame(
        {
            "Step": list(range(1, len(plan.steps) + 1)),
            "Learn": [s.name for s in plan.steps],
            "Named in rejections": [
                f"{boost[s.id] - 1:.0f}×" if s.boosted and s.id in boost else "" for s in plan.steps
            ],
            "Hours (est.)": [round(s.hours) for s in plan.steps],
            "From → to (0-7)": [f"{s.current:.1f} → {s.target:.1f}" for s in plan.steps],
            "Kind": [KIND_LABELS.get(s.kind, s.kind) for s in plan.steps],
            "How": [LEARNING_LABELS.get(s.learning, s.learning) for s in plan.steps],
        }
    )
