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
