"""The gap model: one comparison of a person (or a role) with a target role.

Every page and command renders this one object, so the card, Compare, Plan, routes,
reports and JSON agree by construction. For each descriptor the target rates, a
:class:`GapRow` holds the levels, a **status**, a **priority in words** and the
**hours** to close it:

* a *requirement* is a descriptor the target rates at importance >= :data:`IMPORTANT`
  (O*NET's "important"); everything below is ``"minor"`` and never a gap;
* ``"transfers"``: the source is at most :data:`MEETS_WITHIN` level points below the
  required level (rating noise), so it counts as met;
* ``"small gap"``: short by less than :data:`SMALL_GAP_BELOW` level points;
* ``"gap"``: short by more;
* ``"tool to check"``: a tool the source never mentioned (maybe known, maybe not):
  listed with the hours it would take if new, never counted in the totals.

A row has exactly one status, so a requirement is never both a strength and a gap.
The missing set (:attr:`GapReport.to_close`) is ordered by importance x shortfall
(highest first), and :attr:`GapReport.total_hours` sums exactly its rows' hours.
When the target's ratings are estimated (not surveyed), each row says so.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from typing import TYPE_CHECKING, Any, ClassVar, Literal

import numpy as np
import numpy.typing as npt

from careerpivot.effort import base_hours, hours_array
from careerpivot.errors import NotScorableError
from careerpivot.levels import anchor_text
from careerpivot.model import Dataset, DescriptorKind, FloatArray, as_saved
from careerpivot.profile import Profile, stand_in
from careerpivot.tool_families import TYPICAL, covered_by_pairs, tool_relevance_table

Status = Literal["transfers", "small gap", "gap", "tool to check", "minor"]
#: Statuses in the order pages list them.
STATUSES: tuple[Status, ...] = ("gap", "small gap", "tool to check", "transfers", "minor")

#: Importance at or above which O*NET calls a descriptor "important" to a role: a requirement.
IMPORTANT = 3.0
#: A shortfall below this many level points counts as met (within the noise of ratings).
MEETS_WITHIN = 0.25
#: A shortfall below this many level points is a "small gap".
SMALL_GAP_BELOW = 1.0
#: A strength counts as unused by a role when the role rates it below this importance.
UNUSED_BELOW = 2.5
#: Priority (importance x shortfall) at or above which a gap is "high" / "medium" priority.
HIGH_PRIORITY, MEDIUM_PRIORITY = 6.0, 2.5

#: O*NET's importance scale anchors (scale IM, 1-5).
IMPORTANCE_WORDS = {
    1: "not important",
    2: "somewhat important",
    3: "important",
    4: "very important",
    5: "extremely important",
}


#: What an empty cell of a gap table reads on every page and in the command line: never
#: "None" (a missing value shown raw) nor 0.0 (a level the person never gave).
EMPTY_CELL = "—"
#: The same in a sentence ("you: not rated yet").
NOT_RATED = "not rated yet"
#: Help lines saying what an empty cell means, per column.
NOT_RATED_HELP = (
    "— = not rated yet: you have not given your level (for a tool: whether you use it); "
    "rate it on the Self-assessment page"
)
NOT_RATED_BY_ROLE_HELP = "— = the role you compare from does not rate it"
NO_HOURS_HELP = (
    "— = nothing to close: already met, not important to the role, or a tool to check "
    "(its hours if new are under Tools to check)"
)


def importance_words(importance: float) -> str:
    """O*NET's anchor for an importance rating (rounded to the nearest whole point).

    >>> importance_words(4.2), importance_words(3.5)
    ('very important', 'very important')
    """
    return IMPORTANCE_WORDS[min(5, max(1, int(importance + 0.5)))]


def classify(importance: float, required: float, current: float, unknown_tool: bool) -> Status:
    """The status of one descriptor (see the module docstring).

    >>> classify(4.0, 4.0, 3.9, False), classify(4.0, 4.0, 3.5, False)
    ('transfers', 'small gap')
    >>> classify(4.0, 4.0, 2.0, False), classify(4.0, 3.0, 0.0, True), classify(2.0, 6, 0, False)
    ('gap', 'tool to check', 'minor')
    """
    if importance < IMPORTANT:
        return "minor"
    if unknown_tool:
        return "tool to check"
    short = required - current
    if short < MEETS_WITHIN:
        return "transfers"
    return "small gap" if short < SMALL_GAP_BELOW else "gap"


@dataclass(frozen=True)
class GapRow:
    """One descriptor compared: levels, status, priority and the hours to close it."""

    id: str
    name: str
    kind: str
    importance: float  # role's importance, 1-5 (0 = the role does not rate it)
    required: float  # role's level, 0-7
    current: float  # person's (or source role's) level, 0-7
    rated: bool  # False when the source has not rated it (current counts as 0)
    status: Status = "minor"
    hours: float = 0.0  # to reach the required level; for a tool to check: if it is new
    estimated: bool = False  # the role's rating is estimated, not surveyed
    note: str = ""  # how it was estimated, when it was

    @property
    def unknown_tool(self) -> bool:
        """A tool the source never mentioned: maybe known, maybe not."""
        return self.kind == "technology" and not self.rated and self.current == 0

    @property
    def current_if_rated(self) -> float | None:
        """The source's level, ``None`` when it has not rated it (shown as
        :data:`EMPTY_CELL`, never as a level of 0)."""
        return self.current if self.rated else None

    @property
    def hours_to_close(self) -> float | None:
        """Hours to close the row, ``None`` when there is nothing to close (shown as
        :data:`EMPTY_CELL`; a tool to check's hours-if-new stay in :attr:`hours`)."""
        return self.hours if self.missing else None

    @property
    def deficit(self) -> float:
        """Level points missing (0 when met)."""
        return max(0.0, self.required - self.current)

    @property
    def priority(self) -> float:
        """Importance x deficit: what to work on first (0 unless the row is to close)."""
        if self.status not in ("gap", "small gap"):  # not missing (read per row of answers)
            return 0.0
        return self.importance * max(0.0, self.required - self.current)

    @property
    def missing(self) -> bool:
        """True for the rows still to close (small gaps and gaps)."""
        return self.status in ("gap", "small gap")

    @property
    def priority_words(self) -> str:
        """Priority in words: high, medium or low for rows to close, else ''.

        Monotone in :attr:`priority`, so a list sorted by priority reads high, then
        medium, then low.
        """
        if not self.missing:
            return ""
        p = self.priority
        return "high" if p >= HIGH_PRIORITY else "medium" if p >= MEDIUM_PRIORITY else "low"

    @property
    def why(self) -> str:
        """The row in a phrase: how much the role needs it and how far the source is."""
        need = importance_words(self.importance)
        if self.status == "tool to check":
            return f"{need} to the role; you have not said whether you use it"
        if self.status == "transfers":
            return f"{need} to the role; already at the level it needs"
        if self.missing:
            return f"{need} to the role; {self.deficit:.1f} levels short"
        return f"{need} to the role"

    @property
    def required_words(self) -> str:
        """The scale example nearest the required level: "level 4 is like: ..." (the
        team's anchor, from any line of work; '' for tools; see :func:`anchor_text`)."""
        return anchor_text(self.id, self.required)

    @property
    def current_words(self) -> str:
        """The same for the source's level ('' for tools or when not rated)."""
        return anchor_text(self.id, self.current) if self.rated else ""

    @property
    def surplus(self) -> float:
        """Level points above what the role needs."""
        return max(0.0, self.current - self.required)


@dataclass(frozen=True)
class GapReport:
    """The comparison of a source (person or role) with a target role: the one gap model."""

    source: str  # "you" or a role title
    target_code: str
    target_title: str
    rows: list[GapRow]  # to close (by priority), tools to check, transfers, then minor rows
    estimated: bool = False  # the target's ratings are estimated, not surveyed
    estimate_note: str = ""  # e.g. "Estimated from 6 similar rated roles (...): ..."
    #: Tool to check -> what it is for the target in words ("typical of roles like this",
    #: "used by most roles", ...: careerpivot.tool_families.tool_relevance). Tools to
    #: check are ordered typical first, then by relevance.
    tool_words: Mapping[str, str] = field(default_factory=dict)
    #: For a role source: the skills and knowledge it rates important (descriptor ids), so
    #: "what the source uses" means what that role uses, not any level it happens to have;
    #: None for a person (whatever they rated is theirs).
    source_uses: frozenset[str] | None = None

    #: Set on a report made by :func:`compare_many`: its rows as arrays. Rows are then
    #: built when read (a list of 20 pivots reads about 10 rows of each ~150), and the
    #: counts and totals come from the arrays; a report made from a list of rows has none.
    _table: ClassVar[_Table | None] = None

    @classmethod
    def lazy(
        cls,
        source: str,
        target_code: str,
        target_title: str,
        table: _Table,
        estimated: bool,
        estimate_note: str,
        tool_words: Mapping[str, str] | None = None,
        source_uses: frozenset[str] | None = None,
    ) -> GapReport:
        """A report whose :attr:`rows` are built from ``table`` when first read; it is
        equal to the one made from those rows."""
        report: GapReport = _new_object(cls)
        report.__dict__.update(
            source=source,
            target_code=target_code,
            target_title=target_title,
            estimated=estimated,
            estimate_note=estimate_note,
            tool_words={} if tool_words is None else tool_words,
            source_uses=source_uses,
            _table=table,
        )
        return report

    if not TYPE_CHECKING:  # for type checkers ``rows`` is the plain field it also is

        def __getattr__(self, name: str) -> Any:
            """``rows`` of a lazy report, built on first read (then an ordinary field)."""
            table = self.__dict__.get("_table")
            if name != "rows" or table is None:
                raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")
            rows = self.__dict__["rows"] = table.rows()
            return rows

    def with_status(self, *statuses: Status) -> list[GapRow]:
        """Rows of the given statuses, in the report's order."""
        if self._table is not None:
            return self._table.first(self._table.n, _codes(statuses))
        return [r for r in self.rows if r.status in statuses]

    def first(self, n: int, *statuses: Status) -> list[GapRow]:
        """The first ``n`` rows of the given statuses, in the report's order (of a lazy
        report, only those rows are built)."""
        if self._table is not None:
            return self._table.first(n, _codes(statuses))
        return [r for r in self.rows if r.status in statuses][: max(n, 0)]

    @cached_property
    def requirements(self) -> list[GapRow]:
        """Every requirement (importance >= :data:`IMPORTANT`), in the report's order."""
        if self._table is not None:  # minor rows come last
            return self._table.rows(0, self._table.n_required)
        return [r for r in self.rows if r.status != "minor"]

    @cached_property
    def to_close(self) -> list[GapRow]:
        """The missing set: small gaps and gaps, highest priority first (worked out once:
        a card, its summary and the API's answer each ask for it)."""
        if self._table is not None:  # they come first
            return self._table.rows(0, self._table.n_missing)
        return [r for r in self.rows if r.missing]

    @property
    def n_to_close(self) -> int:
        """How many rows are to close (``len(to_close)``, without building them)."""
        return self._table.n_missing if self._table is not None else len(self.to_close)

    @property
    def n_tools_to_check(self) -> int:
        """How many tools are to check (``len(tools_to_check)``, without building them)."""
        if self._table is not None:
            return self._table.counts[_CHECK]
        return len(self.tools_to_check)

    @property
    def gaps(self) -> list[GapRow]:
        """Same as :attr:`to_close` (the name older callers use)."""
        return self.to_close

    @property
    def transfers(self) -> list[GapRow]:
        """Requirements already met: what transfers, most important first."""
        return self.with_status("transfers")

    @property
    def met(self) -> list[GapRow]:
        """Same as :attr:`transfers`."""
        return self.transfers

    @property
    def tools_to_check(self) -> list[GapRow]:
        """Tools the role uses that the source never mentioned: those typical of roles like
        the target first, most relevant first (see :attr:`tool_words`)."""
        return self.with_status("tool to check")

    @property
    def tools_named(self) -> list[GapRow]:
        """The tools to check worth naming on a card: those typical of roles like the
        target (they come first in :attr:`tools_to_check`, most relevant first)."""
        if self._table is not None:  # the first of the tools to check
            return self.first(self._table.n_named, "tool to check")
        words = self.tool_words
        return [r for r in self.tools_to_check if words.get(r.id, TYPICAL) == TYPICAL]

    def first_named(self, n: int) -> list[GapRow]:
        """The first ``n`` of :attr:`tools_named` (of a lazy report, only those are built)."""
        if self._table is not None:
            return self.first(min(n, self._table.n_named), "tool to check")
        return self.tools_named[: max(n, 0)]

    @property
    def n_tools_named(self) -> int:
        """How many tools to check are worth naming (``len(tools_named)``, without building
        them): they come first among the tools to check."""
        return self._table.n_named if self._table is not None else len(self.tools_named)

    def tools_text(self, n: int = 3) -> str:
        """The tools to check in a phrase, the most relevant ``n`` named ('' if none):
        "Selenium, Jenkins CI and 4 more; 3 more not typical of roles like it"."""
        n_named = self.n_tools_named  # counted, not built: a card names only the first n
        head = ", ".join(r.name for r in self.first_named(n))
        if n_named > n:
            head += f" and {n_named - n} more"
        rest = self.n_tools_to_check - n_named
        if not rest:
            return head
        if not head:
            return f"{rest} listed, none typical of roles like it"
        return f"{head}; {rest} more not typical of roles like it"

    @property
    def unused(self) -> list[GapRow]:
        """Skills and knowledge the source has that the target hardly uses (importance
        below 2.5); tools the target does not list are left out (there are thousands).
        A role source "has" only what it rates important itself, so a role compared with
        itself, or with one that uses the same things, lists nothing here."""
        uses = self.source_uses
        return sorted(
            (
                r
                for r in self.rows
                if r.current >= 2.0
                and r.importance < UNUSED_BELOW
                and r.kind != "technology"
                and (uses is None or r.id in uses)
            ),
            key=lambda r: (-r.current, r.name),
        )

    @property
    def total_hours(self) -> float:
        """Estimated hours to close every row of :attr:`to_close` (tools to check excluded)."""
        t = self._table
        if t is not None:  # the same floats added in the same order
            return float(sum(t.batch.values[6][t.lo : t.lo + t.n_missing].tolist()))
        return float(sum(r.hours for r in self.to_close))

    def total_deficit(self) -> float:
        """Level points missing over :attr:`to_close`."""
        return float(sum(r.deficit for r in self.to_close))

    @property
    def counts(self) -> dict[str, int]:
        """How many rows have each status (one pass: the API summarises 20 reports an answer)."""
        if self._table is not None:
            return dict(zip(_STATUS_OF_CODE, self._table.counts, strict=True))
        n = Counter(r.status for r in self.rows)
        return {s: n[s] for s in STATUSES}

    @property
    def summary(self) -> str:
        """The comparison in one sentence (the same on every page), skills and knowledge
        counted apart from tools.

        "Meets 26 of 33 important skills and knowledge areas and 40 of 41 tools (2 more to
        check); 7 to close (1 gap, 6 small), about 569 hours."
        """
        c = self.counts
        t = self._table
        if t is not None:  # counted over the arrays
            n_tools, tools_met = t.tool_req, t.tool_met
            n_sk, sk_met = t.n_required - n_tools, c["transfers"] - tools_met
        else:
            tools = [r for r in self.requirements if r.kind == "technology"]
            n_tools, tools_met = len(tools), sum(r.status == "transfers" for r in tools)
            n_sk = len(self.requirements) - n_tools
            sk_met = sum(r.status == "transfers" for r in self.requirements) - tools_met
        parts = []
        if n_sk:
            parts.append(f"{sk_met} of {n_sk} important skills and knowledge areas")
        if n_tools:
            check = c["tool to check"]
            known = n_tools - check
            met = tools_met
            text = f"{met} of {known} tools" if known else "no tools yet"
            if check:
                text += f" ({check} {'more ' if known else ''}to check)"
            parts.append(text)
        text = "Meets " + " and ".join(parts) if parts else "The role rates nothing important"
        n = self.n_to_close
        if n:
            text += (
                f"; {n} to close ({c['gap']} gap{'s' if c['gap'] != 1 else ''}, "
                f"{c['small gap']} small), about {self.total_hours:,.0f} hours"
            )
        else:
            text += "; nothing important to close"
        return text + "."


def to_close_mask(
    importance: FloatArray, required: FloatArray, current: FloatArray, unknown_tool: np.ndarray
) -> np.ndarray:
    """Vectorised: which descriptors are small gaps or gaps (as :func:`classify` decides).

    Routes cost each role on a path with it, so a direct route costs what the plan does.
    """
    out: np.ndarray = (
        (importance >= IMPORTANT) & ~unknown_tool & (required - current >= MEETS_WITHIN)
    )
    return out


def _order(r: GapRow) -> tuple[int, float, float, float, str]:
    """Rows to close by priority; then tools to check; then what transfers (skills and
    knowledge before tools, most important first); then minor rows."""
    rank = {"gap": 0, "small gap": 0, "tool to check": 1, "transfers": 2, "minor": 3}[r.status]
    if r.missing:
        return (rank, -r.priority, -r.importance, 0.0, r.name)
    tool = 1.0 if r.kind == "technology" and r.status == "transfers" else 0.0
    return (rank, tool, -r.importance, -r.required, r.name)


@dataclass(frozen=True, eq=False)
class _Columns:
    """Per-descriptor facts of one data set that every comparison reads (computed once)."""

    ids: tuple[str, ...]
    names: tuple[str, ...]
    kinds: tuple[str, ...]
    kind: npt.NDArray[np.str_]
    kind_names: tuple[str, ...]  # the kinds present, in order
    kind_code: npt.NDArray[np.int_]  # position of each descriptor's kind in kind_names
    tool: npt.NDArray[np.bool_]
    base: FloatArray  # hours per level point at level 0 (see careerpivot.effort)
    name_rank: npt.NDArray[np.int_]  # position of the name in sorted order (ties equal)


@lru_cache(maxsize=8)
def _columns(dataset: Dataset) -> _Columns:
    descs = dataset.descriptors
    names = tuple(d.name for d in descs)
    rank = {name: r for r, name in enumerate(sorted(set(names)))}
    kinds = tuple(str(d.kind) for d in descs)
    kind_names = tuple(sorted(set(kinds)))
    return _Columns(
        ids=tuple(d.id for d in descs),
        names=names,
        kinds=kinds,
        kind=np.array(kinds, dtype=str),
        kind_names=kind_names,
        kind_code=np.array([kind_names.index(k) for k in kinds], dtype=np.int64),
        tool=np.array([k == "technology" for k in kinds], dtype=bool),
        base=base_hours(descs),
        name_rank=np.array([rank[n] for n in names], dtype=np.int64),
    )


_new_object = object.__new__
_set_dict = object.__setattr__


def _row(
    id: str,
    name: str,
    kind: str,
    importance: float,
    required: float,
    current: float,
    rated: bool,
    status: Status,
    hours: float,
    estimated: bool,
    note: str,
) -> GapRow:
    """A :class:`GapRow` as its ``__init__`` would make it (the dataclass has no
    ``__post_init__``) at about half the cost: a list of 20 pivots builds ~200."""
    row: GapRow = _new_object(GapRow)
    _set_dict(
        row,
        "__dict__",
        {
            "id": id, "name": name, "kind": kind, "importance": importance,
            "required": required, "current": current, "rated": rated, "status": status,
            "hours": hours, "estimated": estimated, "note": note,
        },
    )  # fmt: skip
    return row


#: Status codes of the vectorised comparison, in :func:`_order`'s group order.
_GAP, _SMALL, _CHECK, _TRANSFERS, _MINOR = range(5)
_STATUS_OF_CODE: tuple[Status, ...] = ("gap", "small gap", "tool to check", "transfers", "minor")
_CODE_OF_STATUS: dict[str, int] = {s: c for c, s in enumerate(_STATUS_OF_CODE)}


@lru_cache(maxsize=64)
def _codes(statuses: tuple[str, ...]) -> frozenset[int]:
    """The status codes of ``statuses`` (a name that is no status matches no row)."""
    return frozenset(_CODE_OF_STATUS.get(s, -1) for s in statuses)


#: The report's order puts rows in four groups of status codes, one after the other.
_GROUPS: tuple[frozenset[int], ...] = (
    frozenset({_GAP, _SMALL}),
    frozenset({_CHECK}),
    frozenset({_TRANSFERS}),
    frozenset({_MINOR}),
)


@lru_cache(maxsize=64)
def _groups_of(codes: frozenset[int]) -> tuple[int, int] | None:
    """The groups ``first..last`` (inclusive) that hold exactly the status ``codes``, or
    None when the codes split a group or skip one (their rows are then not one run)."""
    whole = [g for g, members in enumerate(_GROUPS) if members <= codes]
    if not whole or codes - frozenset().union(*(_GROUPS[g] for g in whole)):
        return None
    if whole != list(range(whole[0], whole[-1] + 1)):
        return None
    return whole[0], whole[-1]


class _Batch:
    """Rows of several reports compared at once, as arrays in the reports' order (report
    after report); :class:`_Table` builds a report's :class:`GapRow` objects from them only
    when they are read."""

    def __init__(
        self,
        col: _Columns,
        values: list[npt.NDArray[Any]],
        by: npt.NDArray[np.int64],
        notes: list[str],
        card: npt.NDArray[np.int64],
    ) -> None:
        self.col = col
        # column, importance, required, current, stated, status code, hours, estimated;
        # arrays: a summary reads a few rows of each report, so only those become Python
        self.values = values
        self.by = by  # covering tool's column, else -1
        self.notes = notes  # per report: how its ratings were estimated
        self.card = card  # per row: which report

    def rows(self, lo: int, hi: int) -> list[GapRow]:
        """Rows ``lo`` to ``hi`` of the batch as :class:`GapRow` objects."""
        return self.rows_at(slice(lo, hi))

    def rows_at(self, at: slice | npt.NDArray[np.intp]) -> list[GapRow]:
        """The batch's rows at ``at`` (a slice or positions) as :class:`GapRow` objects."""
        col, notes = self.col, self.notes
        ids, names, kinds = col.ids, col.names, col.kinds
        out = []
        for j, im, need, have, known, c, h, e, by, card in zip(
            *(v[at].tolist() for v in self.values),
            self.by[at].tolist(),
            self.card[at].tolist(),
            strict=True,
        ):
            note = (
                f"one tool per family: covered by {names[by]}"
                if by >= 0
                else notes[card]
                if e
                else ""
            )
            out.append(
                _row(
                    ids[j],
                    names[j],
                    kinds[j],
                    im,
                    need,
                    have,
                    known,
                    _STATUS_OF_CODE[c],
                    h,
                    e,
                    note,
                )
            )
        return out


class _MinorRows:
    """The minor rows of a batch's reports (about three in four of every row: importance
    below :data:`IMPORTANT`, or a tool another of its family covers). A summary never
    reads them, so they are compared and ordered only when a report's whole table is
    read, all reports of the batch at once, as a :class:`_Batch` of their own."""

    def __init__(
        self,
        dataset: Dataset,
        col: _Columns,
        rows: npt.NDArray[np.intp],
        current: FloatArray,
        stated: npt.NDArray[np.bool_],
        est_kind: npt.NDArray[np.bool_],
        notes: list[str],
        card: npt.NDArray[np.int64],
        sel: npt.NDArray[np.int64],
        im: FloatArray,
        covered: npt.NDArray[np.int64],
    ) -> None:
        self._args = (dataset, col, rows, current, stated, est_kind, notes, card, sel, im, covered)
        self._batch: _Batch | None = None
        #: where each report's minor rows start and end in the batch
        self.bounds: list[int] = np.searchsorted(card, np.arange(len(rows) + 1)).tolist()

    @property
    def batch(self) -> _Batch:
        """The minor rows compared, in each report's order: most important first, then
        the higher required level, then by name (as :func:`_order` sorts them)."""
        if self._batch is None:
            dataset, col, rows, current, stated, est_kind, notes, card, sel, im, covered = (
                self._args
            )
            need = as_saved(dataset.level_matrix[rows[card], sel])
            by_name = col.name_rank[sel] * len(col.ids) + sel
            order = np.lexsort((by_name, -need, -im, card))
            est = (im > 0) & est_kind[card, col.kind_code[sel]]
            code = np.full(len(sel), _MINOR)
            hours = np.zeros(len(sel))
            values = [
                x[order] for x in (sel, im, need, current[sel], stated[sel], code, hours, est)
            ]
            self._batch = _Batch(col, values, covered[order], notes, card[order])
        return self._batch


class _Table:
    """One report's rows with its counts worked out over arrays: the rows it requires (a
    range of a :class:`_Batch`), then its minor rows (a range of :class:`_MinorRows`);
    each :class:`GapRow` is built once, when first read."""

    def __init__(
        self,
        batch: _Batch,
        lo: int,
        hi: int,
        counts: list[int],
        tool_req: int,
        tool_met: int,
        n_named: int,
        minor: _MinorRows,
        minor_lo: int,
    ) -> None:
        self.batch, self.lo, self.hi = batch, lo, hi
        self.minor, self.minor_lo = minor, minor_lo
        self.counts = counts  # rows per status code
        self.tool_req, self.tool_met = tool_req, tool_met  # tools required / transferring
        self.n_named = n_named  # tools to check typical of roles like the target
        c = counts  # where each group of _GROUPS starts, and where the last ends
        self.n = n = hi - lo + c[_MINOR]  # rows in all
        self.ends = (
            0,
            c[_GAP] + c[_SMALL],
            c[_GAP] + c[_SMALL] + c[_CHECK],
            n - c[_MINOR],
            n,
        )
        self._built: list[GapRow | None] = [None] * n
        self._done = bytearray(n)  # 1 where the row is built

    def row(self, k: int) -> GapRow:
        """The report's row ``k`` (built on first read, then the same object)."""
        return self.rows(k, k + 1)[0]

    def _make(self, start: int, stop: int) -> list[GapRow]:
        """Rows ``start`` to ``stop`` built anew: required ones from the batch, minor ones
        from the minor rows."""
        split = self.hi - self.lo  # rows kept in the batch; the minor rest after them
        out = self.batch.rows(self.lo + start, self.lo + min(stop, split)) if start < split else []
        if stop > split:
            a, b = max(start, split) - split, stop - split
            out += self.minor.batch.rows(self.minor_lo + a, self.minor_lo + b)
        return out

    def rows(self, start: int = 0, stop: int | None = None) -> list[GapRow]:
        """Rows ``start`` to ``stop`` (default: to the end) in the report's order."""
        stop = self.n if stop is None else stop
        built = self._built
        if 0 in self._done[start:stop]:
            for k, r in enumerate(self._make(start, stop), start):
                if built[k] is None:
                    built[k] = r
            self._done[start:stop] = b"\x01" * (stop - start)
        return built[start:stop]  # type: ignore[return-value]  # every one is built

    def span(self, n: int, codes: frozenset[int]) -> tuple[int, int] | None:
        """Where the first ``n`` rows whose status code is in ``codes`` lie (``start``,
        ``stop``), when those rows are one run (see :func:`_groups_of`); else None."""
        groups = _groups_of(codes)
        if groups is None:
            return None
        ends = self.ends
        start, stop = ends[groups[0]], ends[groups[1] + 1]
        return start, min(stop, start + max(n, 0))

    def codes(self) -> list[int]:
        """Every row's status code, in the report's order."""
        kept: list[int] = self.batch.values[5][self.lo : self.hi].tolist()
        return kept + [_MINOR] * (self.n - len(kept))

    def first(self, n: int, codes: frozenset[int]) -> list[GapRow]:
        """The first ``n`` rows whose status code is in ``codes``."""
        span = self.span(n, codes)
        if span is not None:  # one run of rows
            return self.rows(*span)
        out: list[GapRow] = []
        for k, code in enumerate(self.codes()):
            if len(out) >= n:
                break
            if code in codes:
                out.append(self.row(k))
        return out

    @property
    def n_missing(self) -> int:
        """How many rows are to close (they come first in the report's order)."""
        return self.counts[_GAP] + self.counts[_SMALL]

    @property
    def n_required(self) -> int:
        """How many rows are requirements (every row before the minor ones)."""
        return self.n - self.counts[_MINOR]


def compare_vector(
    dataset: Dataset,
    current: FloatArray,
    target: str,
    *,
    source: str = "you",
    rated: Sequence[bool] | npt.NDArray[np.bool_] | None = None,
    kinds: Sequence[DescriptorKind] | None = None,
    source_uses: frozenset[str] | None = None,
) -> GapReport:
    """Compare a level vector (aligned with ``dataset.descriptors``) with a target role.

    ``rated`` marks what the source has stated (a tool not stated is "to check").
    Statuses, hours and the order are computed over whole arrays (a card on O*NET
    reads about 500 descriptors); rows become :class:`GapRow` objects when read.
    """
    return compare_many(
        dataset, current, [target], source=source, rated=rated, kinds=kinds, source_uses=source_uses
    )[0]


def compare_many(
    dataset: Dataset,
    current: FloatArray,
    targets: Sequence[str],
    *,
    source: str = "you",
    rated: Sequence[bool] | npt.NDArray[np.bool_] | None = None,
    kinds: Sequence[DescriptorKind] | None = None,
    source_uses: frozenset[str] | None = None,
) -> list[GapReport]:
    """:func:`compare_vector` for each of ``targets``, computed in one pass over the
    target roles' rows (a list of 20 pivots costs about what one card did)."""
    rows = [_scorable_row(dataset, t) for t in targets]
    if not rows:
        return []
    col = _columns(dataset)
    rows_at = np.asarray(rows)
    imp = dataset.importance_matrix[rows]
    current = np.asarray(current, dtype=float)
    estimates = [_estimate(dataset, i) for i in rows]
    stated = np.ones(len(col.ids), dtype=bool) if rated is None else np.asarray(rated, dtype=bool)
    unknown = col.tool & ~stated & (current == 0)
    keep = (imp > 0) | (current > 0)
    card, sel = np.nonzero(keep)  # report by report, columns ascending
    im = as_saved(imp[card, sel])
    covered = covered_by_pairs(dataset, card, sel, im, current, unknown)
    if kinds:
        wanted = np.isin(col.kind[sel], list(kinds))
        card, sel, im, covered = card[wanted], sel[wanted], im[wanted], covered[wanted]
    est_kind = np.array([[k in ks for k in col.kind_names] for ks, _ in estimates], dtype=bool)
    m = len(rows)
    # Minor rows (not important, or covered by a tool of the same family) are most rows and
    # no summary reads them: they are compared only when a whole table is read.
    is_minor = (im < IMPORTANT) | (covered >= 0)
    lesser = np.flatnonzero(is_minor)
    minor = _MinorRows(
        dataset, col, rows_at, current, stated, est_kind, [n for _, n in estimates],
        card[lesser], sel[lesser], im[lesser], covered[lesser],
    )  # fmt: skip
    req = np.flatnonzero(~is_minor)
    card, sel, im = card[req], sel[req], im[req]
    need = as_saved(dataset.level_matrix[rows_at[card], sel])
    have = current[sel]
    tool = col.tool[sel]
    short = need - have
    code = np.select(
        [unknown[sel], short < MEETS_WITHIN, short < SMALL_GAP_BELOW],
        [_CHECK, _TRANSFERS, _SMALL],
        _GAP,
    )
    costed = code <= _CHECK
    hours = np.where(costed & (need > have), hours_array(col.base[sel], have, need), 0.0)
    # Each report's rows in :func:`_order`'s order (rows to close by priority, then tools
    # to check by relevance, then what transfers, tools first), computed over all reports
    # at once: the report's index leads the sort.
    missing = code <= _SMALL
    group = np.where(missing, 0, code - 1)
    tool_transfers = (tool & (code == _TRANSFERS)).astype(float)
    second = np.where(missing, -(im * np.maximum(short, 0.0)), tool_transfers)
    # Tools to check: typical of roles like the target first, then the most relevant.
    k = np.flatnonzero(code == _CHECK)
    score, typical, words = tool_relevance_table(dataset).at(rows_at[card[k]], sel[k])
    second[k] = -(score + 1e6 * typical)
    tool_words: list[dict[str, str]] = [{} for _ in rows]
    ids = col.ids
    for r, j, w in zip(card[k].tolist(), sel[k].tolist(), words, strict=True):
        tool_words[r][ids[j]] = w
    n_named = np.bincount(card[k][typical], minlength=m).tolist()  # come first
    fourth = np.where(missing, 0.0, -need)
    by_name = col.name_rank[sel] * len(col.ids) + sel
    order = np.lexsort((by_name, fourth, -im, second, card * 4 + group))
    est = (im > 0) & est_kind[card, col.kind_code[sel]]
    values = [x[order] for x in (sel, im, need, have, stated[sel], code, hours, est)]
    card, code, tool = card[order], code[order], tool[order]
    batch = _Batch(col, values, np.full(len(sel), -1), [n for _, n in estimates], card)
    counts = np.bincount(card * 5 + code, minlength=m * 5).reshape(m, 5)
    counts[:, _MINOR] = np.diff(minor.bounds)
    n_of = counts.tolist()
    tool_req = np.bincount(card[tool], minlength=m).tolist()
    tool_met = np.bincount(card[tool & (code == _TRANSFERS)], minlength=m).tolist()
    bounds = np.searchsorted(card, np.arange(m + 1)).tolist()
    out = []
    for r, i in enumerate(rows):
        occ = dataset.occupations[i]
        kinds_r, note = estimates[r]
        table = _Table(
            batch, bounds[r], bounds[r + 1], n_of[r], tool_req[r], tool_met[r], n_named[r],
            minor, minor.bounds[r],
        )  # fmt: skip
        out.append(
            GapReport.lazy(
                source,
                occ.code,
                occ.title,
                table,
                bool(kinds_r),
                note,
                tool_words[r],
                source_uses=source_uses,
            )
        )
    return out


def build_first(
    reports: Sequence[GapReport], wanted: Mapping[tuple[Status, ...], int], named: int = 0
) -> None:
    """Build now, in one pass over their batch, the first ``n`` rows of each status set in
    ``wanted`` and the first ``named`` of :attr:`GapReport.tools_named` of each lazy report:
    what a list of cards reads (its strengths, gaps and tools), built together rather than
    a few rows a call. Reading them later gives the same objects; reports that are not
    lazy, or rows already built, are left as they are."""
    tables: list[_Table] = []
    starts: list[int] = []
    stops: list[int] = []
    for report in reports:
        t = report._table
        if t is None:
            continue
        asked = [(_codes(statuses), n) for statuses, n in wanted.items()]
        if named:
            asked.append((_codes(("tool to check",)), min(named, t.n_named)))
        for codes, n in asked:
            span = t.span(n, codes)
            if span is None or 0 not in t._done[span[0] : span[1]]:
                continue
            if span[1] > t.hi - t.lo:  # reaches the minor rows: built from those
                t.rows(*span)
            else:
                tables.append(t)
                starts.append(span[0])
                stops.append(span[1])
    if not tables:
        return
    batch = tables[0].batch
    if any(t.batch is not batch for t in tables):  # reports of several batches: one by one
        for t, start, stop in zip(tables, starts, stops, strict=True):
            t.rows(start, stop)
        return
    sizes = [b - a for a, b in zip(starts, stops, strict=True)]
    at = np.concatenate(
        [np.arange(t.lo + a, t.lo + b) for t, a, b in zip(tables, starts, stops, strict=True)]
    )
    built = iter(batch.rows_at(at))
    for t, start, size in zip(tables, starts, sizes, strict=True):
        for k in range(start, start + size):
            r = next(built)
            if t._built[k] is None:
                t._built[k] = r
        t._done[start : start + size] = b"\x01" * size


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
    vec, rated = person_levels(dataset, profile)
    return compare_vector(dataset, vec, target, source="you", rated=list(rated), kinds=kinds)


def person_levels(dataset: Dataset, profile: Profile) -> tuple[FloatArray, np.ndarray]:
    """The profile as a level vector over all descriptors, and which of them it rates."""
    vec = np.zeros(len(dataset.descriptors))
    rated = np.zeros(len(dataset.descriptors), dtype=bool)
    for d, v in profile.ratings.items():
        j = dataset.descriptor_index[d]
        vec[j] = v
        rated[j] = True
    return vec, rated


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
    levels = as_saved(dataset.level_matrix[i])
    # The source role rates every skill and knowledge area; a tool it does not list is unknown.
    listed = (dataset.importance_matrix[i] > 0) | np.array(
        [d.kind != "technology" for d in dataset.descriptors]
    )
    own = np.asarray(dataset.importance_matrix[i], dtype=float)
    uses = frozenset(
        d.id
        for d, im in zip(dataset.descriptors, own.tolist(), strict=True)
        if d.kind != "technology" and im >= IMPORTANT
    )
    return compare_vector(
        dataset,
        levels,
        target,
        source=label,
        rated=list(listed),
        kinds=kinds,
        source_uses=uses,
    )


#: What an estimated role's ``Occupation.estimated`` names, per descriptor kind.
_ESTIMATED_PART = {"skill": "skills", "knowledge": "knowledge", "technology": "tools"}


def _estimate(dataset: Dataset, i: int) -> tuple[set[str], str]:
    """The descriptor kinds whose ratings of role row ``i`` are estimated, and the note
    saying from what (both empty for a role with survey ratings)."""
    occ = dataset.occupations[i]
    kinds = {k for k, part in _ESTIMATED_PART.items() if part in occ.estimated}
    return kinds, occ.estimate_note if kinds else ""


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
