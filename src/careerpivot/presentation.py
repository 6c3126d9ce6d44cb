"""Words shown wherever data is shown: data set, provenance, estimates notice, attribution."""

from __future__ import annotations

from typing import TYPE_CHECKING

from careerpivot.model import Dataset
from careerpivot.profile import stand_in

if TYPE_CHECKING:
    from careerpivot.gaps import GapReport
    from careerpivot.search import TitleMatch

ONET_ATTRIBUTION = (
    "This product includes information from the O*NET Database by the U.S. Department of "
    "Labor, Employment and Training Administration (USDOL/ETA), used under the CC BY 4.0 "
    "license. USDOL/ETA has not approved, endorsed, or tested these modifications."
)

#: A pivot's wage change where BLS publishes one wage for it and the current role ("+$0"
#: would read as "the same pay"); every page and command says it in these words.
SAME_WAGE_FIGURE = "one BLS figure for both"

ESTIMATES_NOTICE = (
    "Skill, knowledge, interest and work-value ratings in the starter data set are the "
    "CareerPivot team's estimates, not survey results."
)


def uses_onet(dataset: Dataset) -> bool:
    """True when the data set carries O*NET data (and so needs the attribution)."""
    return "o*net" in dataset.provenance.source.lower() or dataset.name.startswith("onet")


def dataset_footer(dataset: Dataset) -> str:
    """One paragraph naming the data set, its version and provenance, with notices."""
    p = dataset.provenance
    parts = [
        f"Data set: {dataset.name} (version {p.version}). Source: {p.source}. Licence: {p.licence}."
    ]
    if p.estimates:
        parts.append(ESTIMATES_NOTICE)
    if p.attribution:
        parts.append(p.attribution)
    if uses_onet(dataset) and ONET_ATTRIBUTION not in parts:
        parts.append(ONET_ATTRIBUTION)
    return " ".join(parts)


# ----- numbers with units (one convention for the CLI, the app and reports) ------------------
MINUS = "\u2212"


def usd(value: float | None, *, unit: str = "", missing: str = "—") -> str:
    """A wage in US dollars, e.g. ``usd(61250.4, unit="/year")`` -> ``'$61,250/year'``.

    >>> usd(61250.4), usd(None, missing="not known")
    ('$61,250', 'not known')
    """
    return missing if value is None else f"${value:,.0f}{unit}"


def usd_change(value: float | None, *, unit: str = "", missing: str = "—") -> str:
    """A signed wage change (typographic minus).

    >>> usd_change(-3000.0), usd_change(1500.0, unit="/year")
    ('−$3,000', '+$1,500/year')
    """
    if value is None:
        return missing
    return f"{'+' if value >= 0 else MINUS}${abs(value):,.0f}{unit}"


def percent_change(value: float | None, *, missing: str = "—") -> str:
    """A signed percentage, e.g. projected ten-year employment change.

    >>> percent_change(4.0), percent_change(-6.0)
    ('+4.0%', '−6.0%')
    """
    if value is None:
        return missing
    return f"{'+' if value >= 0 else MINUS}{abs(value):.1f}%"


# ----- fit beside the requirements met (card, Compare, reports) -------------------------------
def level_coverage(report: GapReport) -> float | None:
    """Share of the required levels the source reaches over the role's important skills
    and knowledge, weighted by importance (1.0 when every one is met); None when the
    role rates none. Levels above the requirement count as the requirement."""
    rows = [r for r in report.requirements if r.kind != "technology"]
    need = sum(r.importance * r.required for r in rows)
    if not rows or need <= 0:
        return None
    return sum(r.importance * min(r.current, r.required) for r in rows) / need


def fit_explained(score: float, report: GapReport | None) -> str:
    """What the fit percentage measures, counted from the same gap model as "Meets N of M",
    so "Fit 85%" beside "13 of 34 met" reads as two views of one comparison.

    Fit weighs how far short each level is (a quarter of a level short costs little),
    while "met" counts only requirements reached in full; the sentence gives both.
    """
    head = (
        f"Fit {score:.0%} measures how close you are overall, "
        "not how many requirements you meet in full"
    )
    coverage = None if report is None else level_coverage(report)
    if report is None or coverage is None:
        return head + "."
    rows = [r for r in report.requirements if r.kind != "technology"]
    met = sum(r.status == "transfers" for r in rows)
    near = sum(r.status == "small gap" for r in rows)
    far = sum(r.status == "gap" for r in rows)
    return (
        f"{head}: your levels reach {coverage:.0%} of what its {len(rows)} important skills "
        f"and knowledge areas need (weighted by importance); {met} met in full, {near} within "
        f"a level, {far} a level or more short. Interests, how alike the work is, tools and "
        "the job-zone step count too."
    )


def matched_note(text: str, match: TitleMatch) -> str:
    """The sentence saying which role a typed title was taken for (CLI and API alike)."""
    return f"Matched {text!r} to {match.code} {match.title} (via {match.matched!r})."


def stand_in_note(dataset: Dataset, code: str) -> tuple[str, str]:
    """The role to compare with for ``code``: itself, or its closest rated role when it has
    no ratings, and the sentence saying so ("" when it is itself)."""
    other = stand_in(dataset, code)
    if other == code:
        return code, ""
    asked, used = dataset.occupation(code).title, dataset.occupation(other).title
    return other, (
        f"{dataset.name} has no skill ratings for {asked}; "
        f"comparing with its closest rated role, {other} {used}."
    )
