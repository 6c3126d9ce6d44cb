"""Tables and text for the app as plain functions (no Streamlit): numbers with units, gap
tables, learning plans, route lists and CSV. They are also the text equivalents of the charts.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import pandas as pd

from careerpivot import presentation
from careerpivot.csvsafe import frame_csv
from careerpivot.effort import RANGE_HIGH, RANGE_LOW, weeks_at
from careerpivot.engine import Engine
from careerpivot.gaps import (
    NO_HOURS_HELP,
    NOT_RATED,
    NOT_RATED_BY_ROLE_HELP,
    NOT_RATED_HELP,
    GapReport,
    GapRow,
)
from careerpivot.levels import anchor_text, level_number
from careerpivot.model import Dataset
from careerpivot.routes import LearningPlan, LearningStep, RankChange, Route, WhatIfOption
from careerpivot.scoring import DescriptorNote, Pivot

KIND_LABELS = {"skill": "Skill", "knowledge": "Knowledge", "technology": "Tool"}


def with_kind(name: str, kind: str, extra: str = "") -> str:
    """``name (kind[, extra])``, the kind said once: O*NET names two descriptors
    "Mathematics", so the data calls one "Mathematics (knowledge)" already (the plan read
    "Mathematics (knowledge) (knowledge)")."""
    word = KIND_LABELS.get(kind, kind).lower()
    inner = ", ".join(part for part in (word, extra) if part)
    if name.endswith(f"({word})"):
        return f"{name[: -len(word) - 2]}({inner})"
    return f"{name} ({inner})"


LEARNING_LABELS = {
    "course": "Course",
    "certification": "Certification",
    "project": "Project",
    "mentoring": "Mentoring",
    "formal education": "Formal education",
}


def md(text: str) -> str:
    """Text from a person or a file, shown as itself in Streamlit markdown.

    Every ASCII punctuation mark is backslash-escaped, so no link, image, HTML, emphasis,
    heading, list, maths (``$``), colour (``:red[...]``) or emoji code (``:x:``) can form.
    Streamlit's GitHub-flavoured Markdown also turns ``http://``, ``www.`` and ``a@b.c`` in
    plain text into links after escapes are read, so an invisible word joiner (U+2060)
    is put inside each of those.

    >>> print(md("$50,000 to $60,000"))
    \\$50\\,000 to \\$60\\,000
    >>> md("see http://e.example or www.e.example or me@e.example").count("\u2060")
    3
    """
    escaped = _MD_SPECIAL.sub(r"\\\g<0>", text)
    return _AUTOLINK.sub(lambda m: m.group(0) + "\u2060", escaped)


_MD_SPECIAL = re.compile(r"[!-/:-@\[-`{-~]")  # every ASCII punctuation mark (CommonMark)
#: Where GFM's autolink literals start: a scheme before ``:``, ``www`` before ``.``, an ``@``.
_AUTOLINK = re.compile(r"(?i)\b(?:https?|ftp|mailto|xmpp)(?=\\:)|\bwww(?=\\\.)|\\@")


# ----- numbers with units -------------------------------------------------------------------
def usd(v: float | None) -> str:
    """A wage in USD per year, or "not known".

    >>> usd(61250.4)
    '$61,250/year'
    """
    return presentation.usd(v, unit="/year", missing="not known")


def usd_change(v: float | None) -> str:
    """A wage change with its sign.

    >>> usd_change(-3000.0), usd_change(1500.0)
    ('−$3,000/year', '+$1,500/year')
    """
    return presentation.usd_change(v, unit="/year", missing="not known")


def pct_change(v: float | None) -> str:
    """Projected employment change over ten years.

    >>> pct_change(4.0)
    '+4.0%'
    """
    return presentation.percent_change(v, missing="not known")


def count(v: float | None) -> str:
    """A whole number with thousands separators.

    >>> count(12345.6)
    '12,346'
    """
    return "not known" if v is None else f"{v:,.0f}"


def counted(n: int, noun: str, plural: str = "") -> str:
    """A count with its noun in the right number, not "noun(s)".

    >>> counted(1, "application"), counted(3, "application"), counted(0, "version")
    ('1 application', '3 applications', '0 versions')
    """
    return f"{n:,} {noun if n == 1 else plural or noun + 's'}"


def zone_step(step: int | None) -> str:
    """A job-zone step in words.

    >>> zone_step(0), zone_step(1), zone_step(-2)
    ('same job zone', '1 job zone up', '2 job zones down')
    """
    if step is None:
        return "job zone not known"
    if step == 0:
        return "same job zone"
    n = abs(step)
    return f"{n} job zone{'s' if n > 1 else ''} {'up' if step > 0 else 'down'}"


def numbers_source(dataset: Dataset, *, short: bool = False) -> str:
    """Where a data set's wage and outlook figures come from, for a caption beside them."""
    p = dataset.provenance
    text = f"{p.source} {p.notes} {p.licence}"
    if "OEWS" in text and "Projections" in text:
        if short:
            return "Source: BLS wages and projections"
        return (
            "Wages: BLS Occupational Employment and Wage Statistics (median, USD/year). "
            "Outlook and openings: BLS Employment Projections (10-year change)."
        )
    if short:
        return f"Source: data set {dataset.name}"
    return f"Wages, outlook and openings: data set {dataset.name!r} ({p.source})."


# ----- pivot cards ----------------------------------------------------------------------------
def strength_line(n: DescriptorNote) -> str:
    """One transferable strength in words."""
    return f"{n.name}: you {n.person_level:.1f}, role needs {n.required_level:.1f} (of 7)"


def gap_line(n: DescriptorNote) -> str:
    """One gap in words."""
    return (
        f"{n.name}: {n.deficit:.1f} levels short "
        f"(you {n.person_level:.1f}, needs {n.required_level:.1f} of 7)"
    )


def card_strengths(report: GapReport, n: int = 3) -> list[str]:
    """The card's "Why it fits": the most important requirements that transfer, each
    with what the level means."""
    return [
        f"{_level(r.name, r.id, r.current)} (needs {level_number(r.required)})"
        for r in report.transfers[:n]
    ]


def card_missing(report: GapReport, n: int = 3) -> list[str]:
    """The card's "What is missing": the first rows to close (the same as Compare and
    Plan, in the same order), how many more, and the tools to check."""
    rows = report.to_close
    lines = [
        f"{_level(r.name, r.id, r.required, 'needs ')}; "
        f"{f'you {level_number(r.current)}' if r.rated else f'you: {NOT_RATED}'}. "
        f"{r.priority_words.capitalize()} priority, about {r.hours:,.0f} h"
        for r in rows[:n]
    ]
    if len(rows) > n:
        lines.append(f"and {len(rows) - n} more (see Compare)")
    if report.tools_to_check:  # the most relevant named, those not typical of the role counted
        lines.append(f"Tools to check: {report.tools_text(3)}")
    return lines


def _level(name: str, descriptor_id: str, level: float, prefix: str = "") -> str:
    """ "Programming: needs 4 of 7 (write a script ...)" """
    words = anchor_text(descriptor_id, level)
    head = f"{name}: {prefix}{level_number(level)} of 7"
    return f"{head} ({words})" if words else head


def pivot_numbers(p: Pivot) -> list[tuple[str, str]]:
    """The desirability numbers of a pivot as (label, value) pairs, units included."""
    return [
        ("Median wage", usd(p.median_wage)),
        (
            "Wage change",
            presentation.SAME_WAGE_FIGURE if p.same_wage_figure else usd_change(p.wage_change),
        ),
        ("Outlook, 10 years", pct_change(p.outlook_pct)),
        ("Openings a year", count(p.annual_openings)),
    ]


#: O*NET's related-occupation tiers, as the map table names them.
RELATED_TIERS = {
    "Primary-Short": "closely related (1-5)",
    "Primary-Long": "related (6-10)",
    "Supplemental": "further (11-20)",
}


def neighbours_frame(
    eng: Engine, code: str, related: Sequence[Sequence[Any]] | None = None
) -> pd.DataFrame:
    """Roles one step from ``code`` in the engine's graph, most similar first (the map as a
    table).

    ``related`` is O*NET's own list for ``code`` (``(code, tier, index)`` rows, as an
    import keeps it): expert evidence shown beside the ranker's estimate, never mixed in.
    """
    rows = eng.transitions(code)
    frame = pd.DataFrame(
        {
            "Role": [eng.dataset.occupation(b).title for b, _ in rows],
            "Similarity (%)": [round(100 * float(d["similarity"])) for _, d in rows],
            "Learning (hours, est.)": [round(float(d["effort"])) for _, d in rows],
            "Job-zone step": [zone_step(d.get("job_zone_step")) for _, d in rows],
        }
    )
    if related is not None:
        tier = {str(r[0]): RELATED_TIERS.get(str(r[1]), str(r[1])) for r in related}
        frame["O*NET lists it"] = [tier.get(b, "no") for b, _ in rows]
    return frame


# ----- compare --------------------------------------------------------------------------------
STATUS_LABELS = {
    "gap": "Gap",
    "small gap": "Small gap",
    "tool to check": "Tool to check",
    "transfers": "Transfers",
    "minor": "Not important here",
}


def gap_rows(
    report: GapReport, *, only_gaps: bool = False, kinds: Sequence[str] = ()
) -> list[GapRow]:
    """The rows a gap table shows, in the gap model's order: with ``only_gaps`` the
    missing set (small gaps and gaps, most urgent first), else every row the role rates."""
    rows = report.to_close if only_gaps else [r for r in report.rows if r.importance > 0]
    return [r for r in rows if not kinds or r.kind in kinds]


def gap_frame(
    report: GapReport,
    *,
    only_gaps: bool = False,
    kinds: Sequence[str] = (),
    current_label: str = "You",
) -> pd.DataFrame:
    """The gap table in the gap model's order: the missing set most urgent first
    (importance x gap), then tools to check, what transfers and minor rows; the
    status and gap come first so they stay in view on a narrow screen."""
    rows = gap_rows(report, only_gaps=only_gaps, kinds=kinds)
    return pd.DataFrame(
        {
            "Requirement": [r.name for r in rows],
            "Status": [status_label(r) for r in rows],
            "Priority": [r.priority_words for r in rows],
            "Gap (levels)": [round(r.deficit, 1) if r.missing else 0.0 for r in rows],
            "Needed (0-7)": [round(r.required, 1) for r in rows],
            f"{current_label} (0-7)": [_rounded(r.current_if_rated, 1) for r in rows],
            "Hours (est.)": [_rounded(r.hours_to_close, 0) for r in rows],
            "Importance (1-5)": [round(r.importance, 1) for r in rows],
            "Kind": [KIND_LABELS.get(r.kind, r.kind) for r in rows],
            "Needed level means": [r.required_words for r in rows],
        }
    )


#: How many rows the phone list of the gap table names (the table below has them all).
PHONE_GAP_LINES = 12


def gap_lines(
    report: GapReport, *, kinds: Sequence[str] = (), current_label: str = "You"
) -> list[str]:
    """The most urgent requirements to close, one Markdown line each, for a phone: the
    whole name, the gap with both levels, the priority and the hours, the same numbers as
    the table (which a phone shows only in part). Names are plain text."""
    mine = current_label == "You"
    lines = []
    for r in gap_rows(report, only_gaps=True, kinds=kinds)[:PHONE_GAP_LINES]:
        have = r.current_if_rated
        yours = (
            ("you have not rated it" if mine else "not rated by that role")
            if have is None
            else f"{'you' if mine else 'from'} {have:.1f}"
        )
        hours = r.hours_to_close
        parts = [
            f"**{md(r.name)}** ({KIND_LABELS.get(r.kind, r.kind).lower()}): "
            f"gap {r.deficit:.1f} (needs {r.required:.1f}, {yours})",
            f"{r.priority_words} priority" if r.priority_words else "",
            f"about {hours:,.0f} h" if hours is not None else "",
        ]
        lines.append("- " + " · ".join(p for p in parts if p))
    return lines


def _rounded(value: float | None, digits: int) -> float | None:
    """``value`` rounded, ``None`` kept (the table shows it as :data:`EMPTY_CELL`)."""
    return None if value is None else round(value, digits)


#: Widths (px) of the gap table's first four columns as shown (requirement, gap, needed,
#: you): they fit the table of a 420 px phone window (about 390 px), so "You" stays in view.
GAP_REQUIREMENT_PX = 150
GAP_NUMBER_PX = 64
GAP_NEEDED_PX = 76
GAP_KEY_COLUMNS_PX = (GAP_REQUIREMENT_PX, GAP_NUMBER_PX, GAP_NEEDED_PX, GAP_NUMBER_PX)


@dataclass(frozen=True)
class Header:
    """How a gap-table column is shown: a short header that fits its width in full, and
    the full name with its scale on hover."""

    label: str
    width: int  # px
    help: str


def gap_headers(current_label: str = "You") -> dict[str, Header]:
    """The gap table's fixed-width number columns: short headers, each narrower than its
    column (a cut header such as "Importanc" reads as a typo), the scale in the help."""
    mine = current_label == "You"
    return {
        "Gap (levels)": Header("Gap", GAP_NUMBER_PX, "Levels short of what the role needs"),
        "Needed (0-7)": Header("Needed", GAP_NEEDED_PX, "The level the role needs, 0-7"),
        f"{current_label} (0-7)": Header(
            "You" if mine else "From",
            GAP_NUMBER_PX,
            f"Your level, 0-7. {NOT_RATED_HELP}"
            if mine
            else f"The level of the role you compare from, 0-7. {NOT_RATED_BY_ROLE_HELP}",
        ),
        "Hours (est.)": Header(
            "Hours", GAP_NUMBER_PX, f"Estimated hours to close the gap. {NO_HOURS_HELP}"
        ),
        "Importance (1-5)": Header(
            "Importance", 104, "How important the role rates it, 1-5 (3 = important)"
        ),
    }


def key_columns_first(frame: pd.DataFrame, current_label: str = "You") -> pd.DataFrame:
    """The gap table with requirement, gap, needed and the person's level first (what a
    phone shows without scrolling), the other columns after them in their order."""
    key = ["Requirement", "Gap (levels)", "Needed (0-7)", f"{current_label} (0-7)"]
    first = [c for c in key if c in frame.columns]
    return frame[first + [c for c in frame.columns if c not in first]]


def status_label(row: GapRow) -> str:
    """A row's status in words, with "estimated" when the role's rating is."""
    label = STATUS_LABELS.get(row.status, row.status)
    return f"{label} (estimated)" if row.estimated else label


def tools_frame(report: GapReport) -> pd.DataFrame:
    """Tools the role uses that the source never mentioned, most relevant to the role first
    (typical of roles like it, then the rest): hours only if they are new."""
    rows = report.tools_to_check
    return pd.DataFrame(
        {
            "Tool": [r.name for r in rows],
            "For this role": [report.tool_words.get(r.id, "") for r in rows],
            "Importance (1-5)": [round(r.importance, 1) for r in rows],
            "Hours if new (est.)": [round(r.hours) for r in rows],
        }
    )


def to_check_frame(plan: LearningPlan) -> pd.DataFrame:
    """Tools to check, one row per family: the tool to learn if new, and the alternatives."""
    rows = plan.to_check
    return pd.DataFrame(
        {
            "Family": [r.family for r in rows],
            "Learn (most in demand)": [r.tool for r in rows],
            "Or instead": [", ".join(r.alternatives) for r in rows],
            "Hours if new (est.)": [
                f"{r.hours * RANGE_LOW:,.0f}-{r.hours * RANGE_HIGH:,.0f}" for r in rows
            ],
        }
    )


def gap_csv(report: GapReport) -> str:
    """The full comparison as CSV text (one row per descriptor the role rates)."""
    rows = [r for r in report.rows if r.importance > 0]
    frame = pd.DataFrame(
        {
            "from": report.source,
            "target_role": report.target_title,
            "target_code": report.target_code,
            "requirement": [r.name for r in rows],
            "kind": [KIND_LABELS.get(r.kind, r.kind) for r in rows],
            "status": [r.status for r in rows],
            "priority": [r.priority_words for r in rows],
            "needed_level_0_7": [round(r.required, 2) for r in rows],
            "current_level_0_7": [_rounded(r.current_if_rated, 2) for r in rows],
            "gap_levels": [round(r.deficit, 2) for r in rows],
            "importance_1_5": [round(r.importance, 2) for r in rows],
            "priority_score": [round(r.priority, 2) for r in rows],
            "hours_est": [round(r.hours, 1) for r in rows],
            "rated": [r.rated for r in rows],
            "estimated": [r.estimated for r in rows],
            "estimate_note": [r.note for r in rows],
        }
    )
    return frame_csv(frame)


def names(rows: Sequence[object], limit: int = 10) -> str:
    """Comma-separated names of the first ``limit`` rows, "none" if empty."""
    got = [str(getattr(r, "name", r)) for r in rows[:limit]]
    more = len(rows) - len(got)
    return (", ".join(got) + (f" and {more} more" if more > 0 else "")) if got else "none"


# ----- plan -----------------------------------------------------------------------------------
def plan_frame(plan: LearningPlan) -> pd.DataFrame:
    """Learning steps in order: phase, what, from and to which level, hour range, how."""
    return pd.DataFrame(
        {
            "Step": list(range(1, len(plan.steps) + 1)),
            "Phase": [s.phase for s in plan.steps],
            "Learn": [s.name for s in plan.steps],
            "Or instead": ["; ".join(s.alternatives) for s in plan.steps],
            "Hours low (est.)": [round(s.hours_low) for s in plan.steps],
            "Hours high (est.)": [round(s.hours_high) for s in plan.steps],
            "From → to (0-7)": [f"{s.current:.1f} → {s.target:.1f}" for s in plan.steps],
            "How": [LEARNING_LABELS.get(s.learning, s.learning) for s in plan.steps],
            "Rated by you": [s.rated for s in plan.steps],
        }
    )


def plan_lines(plan: LearningPlan) -> list[tuple[str, str]]:
    """Each learning step as (what, details in words), in order."""
    return [step_line(s) for s in plan.steps]


def step_line(s: LearningStep) -> tuple[str, str]:
    """One learning step as (what, details in words)."""
    unrated = "" if s.rated else " (not rated yet, so counted from 0)"
    family = ""
    if s.family_name:
        family = f"; one tool for {s.family_name.lower()} ({s.choice})"
        if s.alternatives:
            family += f", or instead: {', '.join(s.alternatives[:4])}"
    words = anchor_text(s.id, s.target)
    return (
        with_kind(s.name, s.kind),
        f"level {s.current:.1f} → {s.target:.1f} of 7{unrated}"
        + (f" ({words})" if words else "")
        + f"; about {s.hours_low:,.0f}-{s.hours_high:,.0f} hours; "
        f"{LEARNING_LABELS.get(s.learning, s.learning).lower()}{family}",
    )


def plan_summary(plan: LearningPlan) -> str:
    """Total effort in words: the hour range and the calendar time at the plan's pace."""
    if not plan.steps:
        return f"You already meet the important requirements of {plan.target_title}."
    h = plan.hours
    pace = plan.hours_per_week
    return (
        f"{len(plan.steps)} step{'s' if len(plan.steps) != 1 else ''}, about "
        f"{h.low:,.0f}-{h.high:,.0f} hours in all: roughly "
        f"{weeks_at(h.low, pace)}-{weeks_at(h.high, pace)} weeks at {pace:.0f} hours a week."
    )


def route_lines(routes: Sequence[Route], titles: Mapping[str, str]) -> list[str]:
    """Each route in words (the route diagram's text equivalent)."""
    out = []
    for n, r in enumerate(routes, 1):
        chain = " → ".join(titles.get(c, c) for c in r.codes)
        stones = len(r.steps) - 1
        kind = (
            "direct move"
            if stones == 0
            else f"{stones} stepping stone" + ("" if stones == 1 else "s")
        )
        reach = "" if r.within_reach else " (includes a bigger job-zone step than you allow)"
        out.append(f"Route {n}, {kind}, about {r.total_hours:,.0f} hours: {chain}{reach}")
    return out


def whatif_others_frame(option: WhatIfOption) -> pd.DataFrame:
    """Other roles in the top 20 that move up with one what-if option."""
    return whatif_frame(option.others)


def whatif_frame(changes: Sequence[RankChange]) -> pd.DataFrame:
    """Roles that move up, most places first."""
    return pd.DataFrame(
        {
            "Role": [c.title for c in changes],
            "Rank before": [c.old_rank for c in changes],
            "Rank after": [c.new_rank for c in changes],
            "Places up": [c.gain for c in changes],
            "Fit after (%)": [round(100 * c.new_score) for c in changes],
        }
    )
