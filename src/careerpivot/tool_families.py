"""Tool families: alternative tools a role can be done with one of (Python or Java or C++).

A learning plan asks for one tool per family. A tool's family comes from the team's
table (``data/tools/tool_families.csv``: general-purpose programming languages,
statistics packages, BI tools, ...) and, for tools the table does not list, from
the O*NET commodity class the import stores as the tool's category, split so that
only tools whose users do the same kind of work are alternatives (a class such as
"Data base user interface and query software" holds ServiceNow and Yardi). Within a
family the tool to learn is the one the person already knows, else the one the
target role flags most in demand (O*NET Hot Technology + In Demand raise a tool's
importance), then the one most roles in the data set rely on.

Tools to check (tools a role lists that the person never mentioned) are ranked by
:func:`tool_relevance`: how alike the role and the other roles listing the tool are (a
tool listed by most roles, like Microsoft Office, says little; AutoCAD on a software
tester's O*NET list is a tool of other domains) and the role's Hot Technology / In
Demand flags.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from careerpivot.errors import DataValidationError
from careerpivot.model import Dataset, Descriptor, FloatArray, slugify
from careerpivot.resources import data_dir

FAMILIES_FILE = "tool_families.csv"
CLASS_SOURCE = "O*NET commodity class"


@dataclass(frozen=True)
class ToolFamily:
    """A group of alternative tools; ``source`` says who grouped them."""

    id: str
    name: str
    source: str  # "CareerPivot team", "O*NET commodity class" or "" (a tool on its own)


def tools_dir() -> Path:
    """Where the team's tool tables live (``data/tools``, shipped as ``careerpivot.data``)."""
    return data_dir("tools")


@lru_cache(maxsize=2)
def load_team_families(path: Path | None = None) -> Mapping[str, ToolFamily]:
    """Tool slug -> its family, from the team's table; a malformed row is a clear error."""
    file = path or tools_dir() / FAMILIES_FILE
    out: dict[str, ToolFamily] = {}
    with file.open(encoding="utf-8", newline="") as fh:
        for line, row in enumerate(csv.DictReader(fh), start=2):
            fid, name, tool = (row.get(k, "") or "" for k in ("family", "family_name", "tool"))
            if not (fid and name and tool):
                raise DataValidationError(f"{file.name}, line {line}: family, name and tool needed")
            if tool in out:
                raise DataValidationError(f"{file.name}, line {line}: {tool!r} is listed twice")
            out[tool] = ToolFamily(fid, name, "CareerPivot team")
    return out


def family_of(descriptor: Descriptor, team: Mapping[str, ToolFamily] | None = None) -> ToolFamily:
    """The family of one tool: the team's, else its O*NET commodity class, else its own.

    >>> from careerpivot.model import Descriptor
    >>> family_of(Descriptor("tech:python", "Python", "technology")).id
    'programming'
    >>> family_of(Descriptor("tech:x", "X", "technology", category="Medical software")).name
    'Medical software'
    """
    team = load_team_families() if team is None else team
    slug = descriptor.id.removeprefix("tech:")
    if slug in team:
        return team[slug]
    if descriptor.category:
        cid = f"class:{slugify(descriptor.category)}"
        return ToolFamily(cid, descriptor.category, CLASS_SOURCE)
    return ToolFamily(f"tool:{slug}", descriptor.name, "")


#: Two tools of one O*NET commodity class are alternatives only when the rated roles that
#: list them do the same kind of work: the cosine of their users' summed centred skill and
#: knowledge profiles (:func:`_tool_users`) is at least this for every pair of a family
#: (complete linkage). A commodity class alone is too broad: ServiceNow (IT service desks)
#: and Yardi (property management) share "Data base user interface and query software",
#: at a cosine of 0.20; Tableau and Power BI sit at 0.95, SAS and SPSS at 0.97. Set by
#: reading O*NET 29.2 pairs: below about 0.8 the pairs cross kinds of work.
SAME_WORK_FROM = 0.8


def families(dataset: Dataset) -> dict[str, ToolFamily]:
    """Descriptor id -> family for every tool of ``dataset``.

    The team's families stand as written. A tool the table does not list falls back to
    its O*NET commodity class, split into groups whose users do the same kind of work
    (:data:`SAME_WORK_FROM`): a tool with no like tool in its class is a family of its own.
    """
    return dict(_families(dataset))


@lru_cache(maxsize=8)
def _families(dataset: Dataset) -> Mapping[str, ToolFamily]:
    team = load_team_families()
    out = {d.id: family_of(d, team) for d in dataset.descriptors if d.kind == "technology"}
    by_class: dict[str, list[str]] = {}
    for did, fam in out.items():
        if fam.source == CLASS_SOURCE:
            by_class.setdefault(fam.id, []).append(did)
    if not by_class:
        return out
    _, sums, _, _ = _tool_users(dataset)
    for fid, members in by_class.items():
        cols = [dataset.descriptor_index[t] for t in members]
        for k, group in enumerate(same_work_groups(sums[cols])):
            for m in group:
                t = members[m]
                name = out[t].name
                out[t] = (
                    ToolFamily(f"{fid}~{k}", name, CLASS_SOURCE)
                    if len(group) > 1
                    else ToolFamily(
                        f"tool:{t.removeprefix('tech:')}", dataset.descriptor(t).name, ""
                    )
                )
    return out


def same_work_groups(users: FloatArray, threshold: float = SAME_WORK_FROM) -> list[list[int]]:
    """Rows of ``users`` (each tool's summed user profile) grouped so that every pair in a
    group has a cosine of at least ``threshold`` (complete linkage); a row of zeros (no
    rated user) stands alone. Groups in order of their first row.

    >>> same_work_groups(np.array([[1.0, 0.0], [0.9, 0.1], [0.0, 1.0], [0.0, 0.0]]))
    [[0, 1], [2], [3]]
    """
    from scipy.cluster.hierarchy import fcluster, linkage

    norm = np.linalg.norm(users, axis=1)
    live = np.flatnonzero(norm > 0)
    label = np.full(len(users), -1, dtype=int)
    if len(live) == 1:
        label[live] = 0
    elif len(live) > 1:
        unit = users[live] / norm[live, None]
        dist = np.clip(1.0 - unit @ unit.T, 0.0, 2.0)
        condensed = dist[np.triu_indices(len(live), k=1)]
        tree = linkage(condensed, method="complete")
        label[live] = fcluster(tree, t=1.0 - threshold, criterion="distance")
    groups: dict[int, list[int]] = {}
    for i, lab in enumerate(label.tolist()):
        groups.setdefault(lab if lab >= 0 else -1 - i, []).append(i)
    return sorted(groups.values(), key=lambda g: g[0])


@dataclass(frozen=True)
class FamilyChoice:
    """Which tool of one family a plan asks for, and the alternatives it leaves out."""

    family: ToolFamily
    chosen: str  # descriptor id
    reason: str  # "named in your rejections" | "you know it" | "most in demand for the role"
    alternatives: tuple[str, ...]  # other ids of the family the role lists, most in demand first


def choose_tools(
    dataset: Dataset,
    target: str,
    known: Mapping[str, float],
    *,
    ids: Iterable[str] | None = None,
    prefer: Iterable[str] = (),
) -> dict[str, FamilyChoice]:
    """Family id -> the one tool to learn for ``target``.

    ``known`` maps tool ids to the person's level (> 0 means they know it);
    ``ids`` limits the choice to some of the role's tools (default: every tool it lists);
    ``prefer`` names tools to pick first (those rejections asked for).
    Otherwise the chosen tool is the best-known tool of the family that the role lists, else
    the one the role rates most important (Hot Technology / In Demand), then the one
    most roles rate at that importance, then the most widely listed, then by name.
    """
    i = dataset.occupation_index[target]
    imp = dataset.importance_matrix[i]
    fam = families(dataset)
    listed = [
        d.id for j, d in enumerate(dataset.descriptors) if d.kind == "technology" and imp[j] > 0
    ]
    wanted = set(ids) if ids is not None else set(listed)
    groups: dict[str, list[str]] = {}
    for tid in listed:
        if tid in wanted:
            groups.setdefault(fam[tid].id, []).append(tid)
    demand = _demand_order(dataset)
    preferred = set(prefer)
    out: dict[str, FamilyChoice] = {}
    for fid, members in groups.items():
        ranked = sorted(
            members,
            key=lambda t: (
                -imp[dataset.descriptor_index[t]],
                demand.get(t, 0),
                dataset.descriptor(t).name,
            ),
        )
        have = [t for t in ranked if known.get(t, 0.0) > 0]
        asked = [t for t in ranked if t in preferred]
        if asked:
            chosen, reason = asked[0], "named in your rejections"
        elif have:
            chosen = max(have, key=lambda t: known[t])
            reason = "you know it"
        else:
            chosen, reason = ranked[0], "most in demand for the role"
        rest = tuple(t for t in ranked if t != chosen)
        out[fid] = FamilyChoice(fam[chosen], chosen, reason, rest)
    return out


@lru_cache(maxsize=4)
def _demand_order(dataset: Dataset) -> Mapping[str, int]:
    """Tool id -> position by how many roles rate it at the top importance, then list it."""
    imp = np.asarray(dataset.importance_matrix)
    tools = [j for j, d in enumerate(dataset.descriptors) if d.kind == "technology"]
    if not tools:
        return {}
    sub = imp[:, tools]
    top = (sub >= sub.max()).sum(axis=0) if sub.size else np.zeros(len(tools))
    anywhere = (sub > 0).sum(axis=0)
    order = sorted(range(len(tools)), key=lambda k: (-int(top[k]), -int(anywhere[k])))
    return {dataset.descriptors[tools[k]].id: pos for pos, k in enumerate(order)}


#: A tool to check is "typical of roles like this" when the rated roles that list it are,
#: on average, at least this similar to the role (centred cosine of skill and knowledge
#: profiles). Set by reading O*NET 29.2 lists: a tester's AutoCAD (0.13), MicroStation (0.23)
#: and Epic Systems (0.10) fall below it, its Selenium (0.43) and Jenkins (0.33) above.
TYPICAL_FROM = 0.25
#: A tool listed by at least this share of the roles that list tools is "used by most roles"
#: (Microsoft Office, Excel, Word): it says little about any one role.
COMMON_FROM = 0.5
#: Shrinkage of the average towards :data:`PRIOR` as if this many more roles listed the tool,
#: so one or two other users do not decide alone; a tool only the role lists gets the prior.
SHRINK, PRIOR = 3.0, 0.4

#: What a tool to check is for the role, in words (the Compare table, the API).
TYPICAL = "typical of roles like this"
COMMON = "used by most roles"
OTHER = "mostly used by other kinds of roles"


@dataclass(frozen=True, eq=False)
class ToolRelevance:
    """How relevant each tool (column of a data set) is to one role."""

    score: FloatArray  # ranking key: likeness x flags (0 for non-tools)
    likeness: FloatArray  # how alike the role and the tool's other users are (shrunk mean)
    common: npt.NDArray[np.bool_]  # listed by most roles

    @property
    def typical(self) -> npt.NDArray[np.bool_]:
        """Tools typical of roles like this one: alike users, and not listed by most roles."""
        out: npt.NDArray[np.bool_] = ~self.common & (self.likeness >= TYPICAL_FROM)
        return out

    def word(self, j: int) -> str:
        """Column ``j`` in words: :data:`TYPICAL`, :data:`COMMON` or :data:`OTHER`."""
        if self.common[j]:
            return COMMON
        return TYPICAL if self.likeness[j] >= TYPICAL_FROM else OTHER


def tool_relevance(dataset: Dataset, row: int) -> ToolRelevance:
    """How relevant each tool is to the role in row ``row``.

    A tool says something about a role when the other roles that list it are like the
    role: its *likeness* is the mean centred cosine between the role's skill and
    knowledge profile (importance x level) and those of the rated roles (survey
    ratings, not estimated) that list it, shrunk towards :data:`PRIOR`. A tool most
    roles list averages about 0 (Microsoft Office says little); a tool of another
    domain is low (AutoCAD for a software tester). The ranking score is the likeness
    times ``(importance - 1) / 2``: 1 with one of O*NET's Hot Technology / In Demand
    flags, 1.5 with both.
    """
    tool = _tool_mask(dataset)
    unit, sums, count, common = _tool_users(dataset)
    u = unit[row]
    own = _rated(dataset)[row] & (np.asarray(dataset.importance_matrix[row]) > 0)
    others = count - own
    total = sums @ u - own * float(u @ u)
    likeness = np.where(tool, (total + SHRINK * PRIOR) / (others + SHRINK), 0.0)
    imp = np.asarray(dataset.importance_matrix[row], dtype=float)
    score = likeness * np.clip((imp - 1.0) / 2.0, 0.0, None)
    return ToolRelevance(score, likeness, common)


@dataclass(frozen=True, eq=False)
class ToolRelevanceTable:
    """:func:`tool_relevance` of every role at the tools it lists, worked out once per data
    set (about 0.1 s on O*NET): what a comparison reads for its tools to check, so a list
    of 20 pivots does not redo it per role and request."""

    key: npt.NDArray[np.int_]  # role row x number of columns + tool column, ascending
    score: FloatArray  # ToolRelevance.score at each (role, tool)
    typical: npt.NDArray[np.bool_]  # ToolRelevance.typical at each (role, tool)
    common: npt.NDArray[np.bool_]  # ToolRelevance.common at each (role, tool)
    columns: int

    def at(
        self, rows: npt.NDArray[np.int_], cols: npt.NDArray[np.int_]
    ) -> tuple[FloatArray, npt.NDArray[np.bool_], list[str]]:
        """Score, typical flag and words (as :meth:`ToolRelevance.word`) at each pair of
        role ``rows`` and tool ``cols`` (tools the roles list)."""
        pos = np.searchsorted(self.key, rows * self.columns + cols)
        typical, common = self.typical[pos], self.common[pos]
        words = [
            COMMON if c else TYPICAL if t else OTHER
            for c, t in zip(common.tolist(), typical.tolist(), strict=True)
        ]
        return self.score[pos], typical, words


@lru_cache(maxsize=8)
def tool_relevance_table(dataset: Dataset) -> ToolRelevanceTable:
    """The :class:`ToolRelevanceTable` of ``dataset`` (computed on first use)."""
    tool = _tool_mask(dataset)
    imp = np.asarray(dataset.importance_matrix)
    n = len(dataset.descriptors)
    keys, score, typical, common = [], [], [], []
    for row in range(len(dataset.occupations)):
        cols = np.flatnonzero(tool & (imp[row] > 0))
        rel = tool_relevance(dataset, row)
        keys.append(row * n + cols)
        score.append(rel.score[cols])
        typical.append(rel.typical[cols])
        common.append(rel.common[cols])

    def cat(parts: list[Any], dtype: Any) -> Any:
        out = np.concatenate(parts) if parts else np.zeros(0, dtype=dtype)
        out.setflags(write=False)
        return out

    return ToolRelevanceTable(
        cat(keys, np.int64), cat(score, float), cat(typical, bool), cat(common, bool), n
    )


@lru_cache(maxsize=8)
def _rated(dataset: Dataset) -> npt.NDArray[np.bool_]:
    """Roles with survey ratings (scorable and not estimated)."""
    out: npt.NDArray[np.bool_] = np.asarray(dataset.scorable, dtype=bool) & ~dataset.estimated
    out.setflags(write=False)
    return out


@lru_cache(maxsize=8)
def _tool_users(
    dataset: Dataset,
) -> tuple[FloatArray, FloatArray, FloatArray, npt.NDArray[np.bool_]]:
    """Per data set: unit-length centred skill and knowledge profiles; per column, the sum
    of the profiles of the rated roles that list it and how many they are; and which
    tools most roles list."""
    tool = _tool_mask(dataset)
    imp = np.asarray(dataset.importance_matrix)
    cols = ~tool
    x = imp[:, cols] * np.asarray(dataset.level_matrix)[:, cols]
    rated = _rated(dataset)
    if rated.any():
        x = x - x[rated].mean(axis=0)
    norm = np.linalg.norm(x, axis=1, keepdims=True)
    unit: FloatArray = np.divide(x, norm, out=np.zeros_like(x), where=norm > 0)
    listed = imp > 0
    users = listed & rated[:, None]
    sums: FloatArray = users.T.astype(float) @ unit
    count: FloatArray = users.sum(axis=0).astype(float)
    with_tools = max(int(listed[:, tool].any(axis=1).sum()), 1)
    common = tool & (listed.sum(axis=0) >= COMMON_FROM * with_tools)
    for a in (unit, sums, count, common):
        a.setflags(write=False)
    return unit, sums, count, common


@lru_cache(maxsize=8)
def _tool_mask(dataset: Dataset) -> npt.NDArray[np.bool_]:
    out = np.array([d.kind == "technology" for d in dataset.descriptors], dtype=bool)
    out.setflags(write=False)
    return out


def family_names(dataset: Dataset, ids: Sequence[str]) -> list[str]:
    """Display names of the tools ``ids``."""
    return [dataset.descriptor(t).name for t in ids]


@lru_cache(maxsize=8)
def _family_groups(dataset: Dataset) -> tuple[tuple[int, ...], ...]:
    """Column indices of the tools of each family with two or more tools."""
    fam = families(dataset)
    groups: dict[str, list[int]] = {}
    for j, d in enumerate(dataset.descriptors):
        if d.id in fam:
            groups.setdefault(fam[d.id].id, []).append(j)
    return tuple(tuple(g) for g in groups.values() if len(g) > 1)


def covered_by(
    dataset: Dataset,
    importance: FloatArray,
    current: FloatArray,
    unknown_tool: npt.NDArray[np.bool_],
) -> npt.NDArray[np.int_]:
    """Per descriptor, the column of the tool that covers it for the role, else -1.

    Within each family of tools the role lists (``importance`` > 0), the tool the
    person knows best (highest ``current`` among the tools they have stated) stands
    for the family; the family's other tools are covered by it, known or not. A family
    where the person knows none is left alone (its tools are "to check").
    """
    importance = np.asarray(importance, dtype=float)
    by = np.full(len(dataset.descriptors), -1, dtype=int)
    cols = np.flatnonzero(importance > 0)
    by[cols] = covered_by_pairs(
        dataset, np.zeros(len(cols), dtype=int), cols, importance[cols], current, unknown_tool
    )
    return by


def covered_by_pairs(
    dataset: Dataset,
    role: npt.NDArray[np.int_],
    col: npt.NDArray[np.int_],
    importance: FloatArray,
    current: FloatArray,
    unknown_tool: npt.NDArray[np.bool_],
) -> npt.NDArray[np.int_]:
    """:func:`covered_by` for several roles at once, at (``role``, ``col``) pairs: the
    pairs must include every tool each role lists, with the role's ``importance`` of it;
    ``current`` and ``unknown_tool`` are the person's, per column. Gives the covering
    column per pair, else -1."""
    out = np.full(len(col), -1, dtype=int)
    family = _family_column(dataset)
    current = np.asarray(current, dtype=float)
    fam = family[col]
    listed = np.flatnonzero((fam >= 0) & (importance > 0))  # pairs: tools the roles list
    if not listed.size:
        return out
    c = col[listed]
    known = ~np.asarray(unknown_tool, dtype=bool)[c] & (current[c] > 0)
    if not known.any():
        return out
    n_fam = int(family.max()) + 1
    key = role[listed] * n_fam + fam[listed]  # (role, family)
    size = np.bincount(key)  # tools listed per role and family
    kc, kk, ki = c[known], key[known], importance[listed][known]
    # Per role and family the anchor is the best-known tool: highest level, then most
    # important to the role, then the first column.
    o = np.lexsort((kc, -ki, -current[kc], kk))
    kc, kk = kc[o], kk[o]
    first = np.r_[True, kk[1:] != kk[:-1]]
    anchor = np.full(len(size), -1, dtype=int)
    anchor[kk[first]] = kc[first]
    a = anchor[key]
    take = (a >= 0) & (size[key] >= 2) & (c != a)
    out[listed[take]] = a[take]
    return out


@lru_cache(maxsize=8)
def _family_column(dataset: Dataset) -> npt.NDArray[np.int_]:
    """Per descriptor, the number of its family among :func:`_family_groups`, else -1."""
    out = np.full(len(dataset.descriptors), -1, dtype=int)
    for g, group in enumerate(_family_groups(dataset)):
        out[list(group)] = g
    out.setflags(write=False)
    return out


def covered_by_family(
    dataset: Dataset,
    importance: FloatArray,
    current: FloatArray,
    unknown_tool: npt.NDArray[np.bool_],
) -> npt.NDArray[np.bool_]:
    """Which descriptors another tool of their family covers (see :func:`covered_by`)."""
    out: npt.NDArray[np.bool_] = covered_by(dataset, importance, current, unknown_tool) >= 0
    return out
