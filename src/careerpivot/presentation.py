"""Words shown wherever data is shown: data set, provenance, estimates notice, attribution."""

from __future__ import annotations

from careerpivot.model import Dataset

ONET_ATTRIBUTION = (
    "This product includes information from the O*NET Database by the U.S. Department of "
    "Labor, Employment and Training Administration (USDOL/ETA), used under the CC BY 4.0 "
    "license. USDOL/ETA has not approved, endorsed, or tested these modifications."
)

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
