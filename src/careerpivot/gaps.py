"""Skill-gap comparison: person vs role and role vs role, per descriptor, sorted by priority."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from careerpivot.errors import NotScorableError
from careerpivot.model import Dataset, DescriptorKind, FloatArray
from careerpivot.profile import Profile, stand_in

#: Importance at or above which O*NET calls a descriptor "important" to a role.
IMPORTANT = 3.0
#: A strength counts as unused by a role when the role rates it below this importance.
UNUSED_BELOW = 2.5


@dataclass(frozen=True)
class GapRow:
    """One descriptor compared: required level, current level, deficit and priority."""

    id: str
    name: str
    kind: str
    importance: float  # role's importance, 1-5 (0 = the role does not rate it)
    required: float  # role's level, 0-7
    current: float  # person's (or source role's) level, 0-7
    rated: bool  # False when the person has not rated it (current counts as 0)

    @property
    def unknown_tool(self) -> bool:
        """A tool the source never mentioned: maybe known, maybe not (sorted after real gaps)."""
        return self.kind == "technology" and not self.rated and self.current == 0

    @property
    def deficit(self) -> float:
        """Level points missing (0 when met)."""
        return max(0.0, self.required - self.current)

    @property
    def priority(self) -> float:
        """Importance x deficit: what to work on first."""
        return self.importance * self.deficit

    @property
    def surplus(self) -> float:
        """Level points above what the role needs."""
        return max(0.0, self.current - self.required)


@dataclass(frozen=True)
class GapReport:
    """The comparison of a source (person or role) with a target role."""

    source: str  # "you" or a role title
    target_code: str
    target_title: str
    rows: list[GapRow]  # every descriptor the target rates: known gaps by priority, then tools
    # the source never mentioned (by priority too)

    @property
    def gaps(self) -> list[GapRow]:
        """Rows with a deficit, highest priority first."""
        return [r for r in self.rows if r.deficit > 0]

    @property
    def met(self) -> list[GapRow]:
        """Important requirements already met: what transfers."""
        return sorted(
            (r for r in self.rows if r.deficit == 0 and r.importance >= IMPORTANT),
            key=lambda r: (-r.importance, -r.required, r.name),
        )

    @property
    def unused(self) -> list[GapRow]:
        """What the source has that the target hardly uses (importance below 2.5)."""
        return sorted(
            (r for r in self.rows if r.current >= 2.0 and r.importance < UNUSED_BELOW),
            key=lambda r: (-r.current, r.name),
        )

    def total_deficit(self, min_importance: float = IMPORTANT) -> float:
        """Sum of deficits over requirements of at least ``min_importance``."""
        return sum(r.deficit for r in self.rows if r.importance >= min_importance)


def compare_vector(
    dataset: Dataset,
    current: FloatArray,
    target: str,
    *,
    source: str = "you",
    rated: Sequence[bool] | None = None,
    kinds: Sequence[DescriptorKind] | None = None,
) -> GapReport:
    """Compare a level vector (aligned with ``dataset.descriptors``) with a target role."""
    i = _scorable_row(dataset, target)
    imp = dataset.importance_matrix[i]
    lev = dataset.level_matrix[i]
    wanted = set(kinds) if kinds else None
    rows: list[GapRow] = []
    for j, d in enumerate(dataset.descriptors):
        if wanted is not None and d.kind not in wanted:
            continue
        if imp[j] == 0 and current[j] == 0:
            continue  # neither the role nor the source involves it
        rows.append(
            GapRow(
                id=d.id,
                name=d.name,
                kind=d.kind,
                importance=float(imp[j]),
                required=float(lev[j]),
                current=float(current[j]),
                rated=True if rated is None else bool(rated[j]),
            )
        )
    rows.sort(key=lambda r: (r.unknown_tool, -r.priority, -r.importance, r.name))
    occ = dataset.occupations[i]
    return GapReport(source, occ.code, occ.title, rows)


def person_gap(
    dataset: Dataset,
    profile: Profile,
    target: str,
    *,
    kinds: Sequence[DescriptorKind] | None = None,
) -> GapReport:
    """Person vs role: every descriptor the role rates, with the person's level beside it.

    >>> from careerpivot.datasets.starter import load_starter
    >>> from careerpivot.profile import Profile
    >>> ds = load_starter()
    >>> report = person_gap(ds, Profile(ratings={"2.B.3.e": 2.0}), "15-1252.00")
    >>> report.gaps[0].priority >= report.gaps[-1].priority
    True
    """
    profile.check(dataset)
    vec = np.zeros(len(dataset.descriptors))
    rated = np.zeros(len(dataset.descriptors), dtype=bool)
    for d, v in profile.ratings.items():
        j = dataset.descriptor_index[d]
        vec[j] = v
        rated[j] = True
    return compare_vector(dataset, vec, target, source="you", rated=list(rated), kinds=kinds)


def role_gap(
    dataset: Dataset, source: str, target: str, *, kinds: Sequence[DescriptorKind] | None = None
) -> GapReport:
    """Role vs role: what someone in ``source`` would need to move into ``target``.

    A source without ratings is described by its stand-in (see
    :func:`careerpivot.profile.stand_in`), named in the report's ``source``.
    """
    dataset.occupation(source)
    proxy = stand_in(dataset, source)
    i = _scorable_row(dataset, proxy)
    label = dataset.occupations[i].title
    if proxy != source:
        label = f"{dataset.occupation(source).title} (rated as {label})"
    levels = np.asarray(dataset.level_matrix[i])
    # The source role rates every skill and knowledge area; a tool it does not list is unknown.
    listed = (dataset.importance_matrix[i] > 0) | np.array(
        [d.kind != "technology" for d in dataset.descriptors]
    )
    return compare_vector(dataset, levels, target, source=label, rated=list(listed), kinds=kinds)


def _scorable_row(dataset: Dataset, code: str) -> int:
    dataset.occupation(code)  # raises UnknownRoleError
    i = dataset.occupation_index[code]
    if not dataset.scorable[i]:
        other = stand_in(dataset, code)
        hint = (
            f"; its closest rated role is {other} {dataset.occupation(other).title}"
            if other != code
            else ""
        )
        raise NotScorableError(
            f"{code} {dataset.occupations[i].title} has no skill or knowledge ratings in "
            f"data set {dataset.name!r}, so gaps cannot be computed{hint}"
        )
    return i
