"""Headings and number formats shared by the renderers, so every format says the same thing."""

from __future__ import annotations

from careerpivot.effort import RANGE_HIGH, RANGE_LOW, weeks_at
from careerpivot.model import RIASEC_NAMES
from careerpivot.presentation import SAME_WAGE_FIGURE, percent_change, usd_change
from careerpivot.report.model import Report

TITLE = "Career pivot report"
H_SUMMARY = "Assessment summary"
H_PIVOTS = "Top pivots"
H_SHORTLIST = "Shortlisted roles"
H_REJECTIONS = "Rejection patterns and actions"
H_NOTES = "Counselor notes"

PIVOT_COLUMNS = ("#", "Role", "Fit", "What transfers", "What is missing", "Wage change", "Outlook")
GAP_COLUMNS = (
    "Requirement",
    "Kind",
    "Status",
    "Importance (1-5)",
    "Required (0-7)",
    "Current (0-7)",
    "Priority",
    "Hours (est.)",
)
FIT_NOTE = (
    "Fit measures how close the client is overall (how far short each level is, weighted "
    "by importance, with interests, how alike the work is, tools and the job-zone step), "
    "not how many requirements are met in full; the gap table counts those."
)
PLAN_COLUMNS = ("#", "Learn", "From → to (0-7)", "Hours (est.)", "How")

NO_PROFILE = "No profile saved yet: the pivots, gaps and plan appear once one is."
NO_PIVOTS = "No roles pass the client's constraints."
NO_ROUTES = "No stepping-stone route found within the client's job-zone limit."
NO_NOTES = "No session notes yet."
EFFORT_NOTE = "Hours are the team's effort-model estimates for comparing options, not promises."


def h_gaps(report: Report) -> str:
    """Heading of the gap table."""
    return f"Gaps to {report.target_title} ({report.target_code})"


def h_plan(report: Report) -> str:
    """Heading of the upskilling plan."""
    return f"Upskilling plan to {report.target_title}"


def h_routes() -> str:
    """Heading of the routes list."""
    return "Routes through stepping-stone roles"


def holland(code: str) -> str:
    """``ICS (Investigative, Conventional, Social)``, or a note when not assessed.

    >>> holland("ICS")
    'ICS (Investigative, Conventional, Social)'
    """
    if not code:
        return "not assessed (no interest profile)"
    return f"{code} ({', '.join(RIASEC_NAMES[c] for c in code)})"


def fit(value: float) -> str:
    """A 0-1 score as a percentage."""
    return f"{value:.0%}"


def level(value: float) -> str:
    """A level or importance with one decimal."""
    return f"{value:.1f}"


def hours(value: float) -> str:
    """Hours, rounded, with thousands separators."""
    return f"{value:,.0f}"


def wage_change(value: float | None) -> str:
    """A signed wage change in USD per year, or a dash.

    >>> wage_change(-1500.0), wage_change(None)
    ('−$1,500', '—')
    """
    return usd_change(value)


def outlook(value: float | None) -> str:
    """A signed ten-year growth percentage, or a dash."""
    return percent_change(value)


def left_out(report: Report) -> str:
    """Says when the profile has ratings this data set lacks ("" when none): the figures
    then differ from those seen on the data set the profile was made on."""
    n = report.summary.left_out
    if not n:
        return ""
    return (
        f"{n} of the client's ratings (or their current role) are not in data set "
        f"{report.dataset} and are left out: "
        "the profile was made on another data set, so these figures differ from the ones "
        "seen there. Make the report on that data set (choose it on the Start page, or "
        "--dataset on the command line)."
    )


def plan_total(report: Report) -> str:
    """The plan's total effort as a range of hours and weeks at 10 hours a week, the
    target's typical preparation, and what the plan's length means against it."""
    lo, hi = report.plan_hours * RANGE_LOW, report.plan_hours * RANGE_HIGH
    text = (
        f"Total about {hours(lo)}-{hours(hi)} hours (≈ {weeks_at(lo, 10)}-{weeks_at(hi, 10)} "
        f"weeks at 10 hours a week)."
    )
    if report.plan_preparation:
        text += f" Typical preparation for the role: {report.plan_preparation}."
    if report.plan_check:
        text += f" {report.plan_check}"
    return text


def applications(report: Report) -> str:
    """How many applications the rejection log holds."""
    return f"Applications logged: {report.applications_logged}."


def no_rejection_analysis(report: Report) -> str:
    """What the rejection section says when no findings were passed in."""
    return f"No rejection patterns analysed for this report. {applications(report)}"


def gap_rows(report: Report) -> list[tuple[str, ...]]:
    """The gap table's cells, shared by the Markdown and PDF renderers: each row's
    status, priority in words and hours as the gap model gives them."""
    return [
        (
            g.name + (" (est.)" if g.estimated else ""),
            g.kind,
            g.status,
            level(g.importance),
            level(g.required),
            "not stated" if g.status == "tool to check" else level(g.current),
            f"{g.priority_words} ({g.priority:.1f})" if g.priority_words else "—",
            (f"{hours(g.hours)} if new" if g.status == "tool to check" else hours(g.hours)),
        )
        for g in report.gaps
    ]


def gap_notes(report: Report) -> list[str]:
    """Sentences beside the gap table: the summary (as on the card and Compare), rows
    left out, and how the target's ratings were estimated."""
    out = [report.gap_summary] if report.gap_summary else []
    if report.gaps_not_shown:
        out.append(
            f"{report.gaps_not_shown} more to close, not shown here: the plan lists every one."
        )
    if report.gap_estimate_note:
        out.append(f"{report.target_title}: {report.gap_estimate_note}. (est.) marks them.")
    if any(g.status == "tool to check" for g in report.gaps):
        out.append(
            "Tools to check are tools the role uses that the client has not said whether "
            "they know; their hours count only if they are new, and are not in the total."
        )
    return out


def pivot_rows(report: Report) -> list[tuple[str, ...]]:
    """The top-pivots table's cells, shared by the Markdown and PDF renderers."""
    return [
        (
            str(p.rank),
            f"{p.title} ({p.code})",
            fit(p.fit),
            ", ".join(p.strengths) or "—",
            ", ".join(p.gaps) or "nothing important",
            SAME_WAGE_FIGURE if p.same_wage_figure else wage_change(p.wage_change),
            outlook(p.outlook_pct),
        )
        for p in report.pivots
    ]
