"""What a role is, in the source's words: description, top tasks, and shared BLS figures.

O*NET describes each occupation and lists its tasks (core tasks first); the card shows
the description and the first few tasks, attributed. BLS publishes wages and outlook
per SOC code, so O*NET occupations under one code (``15-2051.01`` and ``15-2051.02``)
or under a combined or broad code share one figure: :func:`shared_figures` finds them,
so the card can say the number is for the whole group.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from careerpivot.model import Dataset
from careerpivot.presentation import uses_onet


@dataclass(frozen=True)
class RoleFacts:
    """One role's description and top tasks, where they come from, and the roles that
    share its BLS wage and outlook figure (titles, itself excluded)."""

    code: str
    description: str
    tasks: tuple[str, ...]
    source: str  # e.g. "O*NET 29.2 (CC BY 4.0)"
    shares_figures_with: tuple[str, ...] = ()

    @property
    def figures_note(self) -> str:
        """'' or a sentence saying the wage and outlook are one figure for a group."""
        others = self.shares_figures_with
        if not others:
            return ""
        names = ", ".join(others[:4]) + (f" and {len(others) - 4} more" if len(others) > 4 else "")
        return (
            f"BLS publishes one wage and outlook figure for this role together with "
            f"{len(others)} other{'s' if len(others) != 1 else ''} here ({names})."
        )


def shared_figures(dataset: Dataset) -> dict[str, tuple[str, ...]]:
    """Code -> codes of the other roles with the same BLS figures.

    Roles share a figure when they sit in one SOC broad group and carry the same median
    wage, employment and annual openings (BLS publishes those per SOC code, so equal
    triples within a group come from one published row).

    >>> from careerpivot.testing import tiny_dataset
    >>> shared_figures(tiny_dataset())
    {}
    """
    groups: dict[tuple[object, ...], list[str]] = defaultdict(list)
    for o in dataset.occupations:
        if o.median_wage is None and o.annual_openings is None:
            continue
        groups[(o.code[:6], o.median_wage, o.employment, o.annual_openings)].append(o.code)
    out: dict[str, tuple[str, ...]] = {}
    for codes in groups.values():
        if len(codes) > 1:
            for c in codes:
                out[c] = tuple(x for x in codes if x != c)
    return out


def role_facts(
    dataset: Dataset,
    code: str,
    *,
    n_tasks: int = 3,
    shared: dict[str, tuple[str, ...]] | None = None,
) -> RoleFacts:
    """The description, first ``n_tasks`` tasks and their source for one role."""
    occ = dataset.occupation(code)
    tasks = tuple(dataset.extras.get("tasks", {}).get(code, [])[:n_tasks])
    p = dataset.provenance
    source = (
        f"O*NET {p.version} (CC BY 4.0)"
        if uses_onet(dataset)
        else f"data set {dataset.name} ({p.source})"
    )
    others = (shared if shared is not None else shared_figures(dataset)).get(code, ())
    return RoleFacts(
        code,
        occ.description,
        tasks,
        source,
        tuple(dataset.occupation(c).title for c in others),
    )
