"""What a person chose on the pages (filters, order, ...), kept in their workspace.

Kept: the Pivots page's filters, order and number of roles; what the Compare page
compares (you vs a role or role vs role), its "From role", "Only what is missing" and
the kinds shown; the Plan page's "What if I learn" choice; the role the Rejections
actions aim at and an application typed in the add form but not added yet; the skills
and CV text typed on the Self-assessment page; the tab open on the Pivots, Rejections and
Self-assessment pages. (The page open is the
address's path; the role compared with and planned for is the workspace's ``target``.)

The pages keep these choices in the session under ``cp_`` keys (:mod:`careerpivot.ui.state`);
:func:`collect` turns the ones a person set into the workspace's ``choices`` (page name
-> that page's choices as JSON) and :func:`apply` puts them back after a reload or when
the private link is opened. Every value is checked on the way back: one this version
cannot use is left out, with a message naming it and what the page shows instead, and
the rest still comes back. Pages this version does not know are kept as they are.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import streamlit as st
from pydantic import ValidationError

from careerpivot.filters import Filters
from careerpivot.jsondoc import validation_message
from careerpivot.model import ONET_SOC_PATTERN
from careerpivot.profile import Profile
from careerpivot.ui import state

PIVOTS = "pivots"
REJECTIONS = "rejections"
ASSESSMENT = "assessment"
#: The Compare page's kinds of requirement (its pills), as kept.
COMPARE_KINDS = ("skill", "knowledge", "technology")
#: The add form's text fields and the longest text kept of each.
DRAFT_TEXTS = {"title": 200, "org": 300, "feedback": 20_000, "notes": 20_000}
#: The longest skills and CV text kept from the Self-assessment page (what its box takes,
#: ``careerpivot.ui.assess.CV_TEXT_MAX``).
CV_TEXT_MOST = 10_000
#: The add form's choice fields (checked against the rejection log's own lists).
DRAFT_CHOICES = ("channel", "stage", "outcome")


def _role_code(value: Any) -> bool:
    return isinstance(value, str) and bool(ONET_SOC_PATTERN.match(value))


@dataclass(frozen=True)
class Kept:
    """One choice kept as it is; a saved value is used only when ``valid`` says so."""

    page: str
    name: str
    key: str  # the session key (:mod:`careerpivot.ui.state`)
    what: str  # the choice, in words
    expected: str  # what a usable value is, in words
    fallback: str  # what the page shows without it
    valid: Callable[[Any], bool]


def _tab(page: str, key: str, names: tuple[str, ...]) -> Kept:
    """The tab open on a page, kept by its stable name."""
    return Kept(
        page,
        "tab",
        key,
        f"the tab open on the {page.title()} page",
        f"one of {', '.join(names)}",
        "the first tab",
        lambda v: v in names,
    )


KEPT = (
    _tab(PIVOTS, state.PIVOTS_TAB, state.PIVOTS_TABS),
    _tab(REJECTIONS, state.REJECTIONS_TAB, state.REJECTIONS_TABS),
    _tab(ASSESSMENT, state.ASSESSMENT_TAB, state.ASSESSMENT_TABS),
    Kept(
        "compare",
        "mode",
        state.COMPARE_MODE,
        "what the Compare page compares",
        "'you' or 'roles'",
        "you vs a role",
        lambda v: v in ("you", "roles"),
    ),
    Kept(
        "compare",
        "source",
        state.COMPARE_SOURCE,
        "the Compare page's “From role”",
        "a role code like 15-1252.00",
        "your own role",
        _role_code,
    ),
    Kept(
        "compare",
        "only_gaps",
        state.COMPARE_ONLY_GAPS,
        "“Only what is missing” on the Compare page",
        "true or false",
        "on",
        lambda v: isinstance(v, bool),
    ),
    Kept(
        "compare",
        "kinds",
        state.COMPARE_KINDS,
        "the kinds of requirement the Compare page shows",
        f"a list of {', '.join(COMPARE_KINDS)}",
        "all of them",
        lambda v: isinstance(v, list) and len(set(v)) == len(v) and set(v) <= set(COMPARE_KINDS),
    ),
    Kept(
        "plan",
        "what_if",
        state.PLAN_WHAT_IF,
        "the Plan page's “What if I learn” choice",
        "a skill, knowledge area or tool",
        "the first one offered",
        lambda v: isinstance(v, str) and 0 < len(v) <= 200,
    ),
    Kept(
        ASSESSMENT,
        "cv_text",
        state.ASSESSMENT_CV_TEXT,
        "the skills and CV text typed on the Self-assessment page",
        f"text of at most {CV_TEXT_MOST:,} characters",
        "an empty box",
        lambda v: isinstance(v, str) and 0 < len(v) <= CV_TEXT_MOST,
    ),
    Kept(
        REJECTIONS,
        "actions_for",
        state.REJECTIONS_FOR,
        "the role the Rejections actions aim at",
        "a role code like 15-1252.00",
        "the role most rejections were for",
        _role_code,
    ),
)
#: Choices kept for pages this version does not know (a newer version's), written back as read.
OTHERS = "cp_choice_others"


def collect() -> dict[str, Any]:
    """The choices the session holds, by page (only those a person set)."""
    out: dict[str, Any] = {}
    others = st.session_state.get(OTHERS)
    if isinstance(others, dict):
        out.update(others)
    pivots: dict[str, Any] = {}
    f = st.session_state.get(state.FILTERS)
    if isinstance(f, Filters):
        pivots["filters"] = f.model_dump(mode="json")
    if state.PIVOT_COUNT in st.session_state:
        pivots["count"] = state.pivot_count()
    if state.PIVOT_SORT in st.session_state:
        pivots["sort"] = state.pivot_sort()
    if pivots:
        out[PIVOTS] = pivots
    for c in KEPT:
        value = st.session_state.get(c.key)
        if value is not None and c.valid(value):
            out.setdefault(c.page, {})[c.name] = value
    draft = st.session_state.get(state.REJECTION_DRAFT)
    if isinstance(draft, dict) and draft:
        out.setdefault(REJECTIONS, {})["draft"] = draft
    return out


def apply(choices: dict[str, Any], profile: Profile | None) -> list[str]:
    """Put saved choices into the session; returns what was left out, in words.

    ``profile`` is the restored profile: its constraints are the filters a filter
    that cannot be used falls back to.
    """
    problems: list[str] = []
    known = [PIVOTS, "compare", "plan"]
    for page in (REJECTIONS, ASSESSMENT):  # else kept as they are, for an installation with them
        if importlib.util.find_spec(f"careerpivot.{page}") is not None:
            known.append(page)
    others = {page: value for page, value in choices.items() if page not in known}
    if others:
        st.session_state[OTHERS] = others
    for page in known:
        if page not in choices:
            continue
        value = choices[page]
        if not isinstance(value, dict):
            problems.append(f"your choices on the {page.title()} page (not a JSON object)")
        elif page == PIVOTS:
            problems += _apply_pivots(value, profile)
        else:
            problems += _apply_kept(page, value)
    return problems


def _apply_kept(page: str, saved: dict[str, Any]) -> list[str]:
    problems = []
    names = {c.name: c for c in KEPT if c.page == page}
    for name, value in saved.items():
        c = names.get(name)
        if page == REJECTIONS and name == "draft":
            problems += _apply_draft(value)
        elif c is None:
            problems.append(
                f"a choice on the {page.title()} page this version does not know ({name!r})"
            )
        elif c.valid(value):
            st.session_state[c.key] = value
        else:
            problems.append(
                f"{c.what} ({_shown(value)} is not {c.expected}; it shows {c.fallback})"
            )
    return problems


def _apply_draft(raw: Any) -> list[str]:
    """The add form's fields as typed (each checked; one that cannot be used starts empty)."""
    what = "the application you were adding on the Rejections page"
    if not isinstance(raw, dict):
        return [f"{what} ({_shown(raw)} is not a JSON object)"]
    from careerpivot.rejections import CHANNELS, OUTCOMES, STAGES

    options = {"channel": CHANNELS, "stage": STAGES, "outcome": OUTCOMES}
    draft, bad = {}, []
    for name, value in raw.items():
        if name in DRAFT_TEXTS:
            ok = isinstance(value, str) and len(value) <= DRAFT_TEXTS[name]
        elif name in options:
            ok = isinstance(value, str) and value in options[name]
        elif name == "date":
            ok = isinstance(value, str) and _iso_date(value)
        else:
            ok = False
        if ok:
            draft[name] = value
        else:
            bad.append(str(name))
    if draft:
        st.session_state[state.REJECTION_DRAFT] = draft
    return [f"{what}: field(s) {', '.join(map(repr, bad))} left empty"] if bad else []


def _iso_date(text: str) -> bool:
    try:
        dt.date.fromisoformat(text)
    except ValueError:
        return False
    return True


def _apply_pivots(saved: dict[str, Any], profile: Profile | None) -> list[str]:
    problems: list[str] = []
    if "filters" in saved:
        problems += _apply_filters(saved["filters"], profile)
    if "count" in saved:
        k = saved["count"]
        if type(k) is int and k in state.PIVOT_COUNTS:
            state.set_pivot_count(k)
        else:
            problems.append(
                f"the number of roles the Pivots page shows ({_shown(k)} is not one of "
                f"{_listed(state.PIVOT_COUNTS)}; it shows {state.pivot_count()})"
            )
    if "sort" in saved:
        order = saved["sort"]
        if isinstance(order, str) and order in state.PIVOT_SORTS:
            state.set_pivot_sort(order)
        else:
            problems.append(
                f"the order of the Pivots page ({_shown(order)} is not one of "
                f"{_listed(state.PIVOT_SORTS)}; it shows the realistic next steps first)"
            )
    kept = {c.name for c in KEPT if c.page == PIVOTS}
    problems += _apply_kept(PIVOTS, {k: v for k, v in saved.items() if k in kept})
    unknown = sorted(set(saved) - {"filters", "count", "sort"} - kept)
    if unknown:
        problems.append(f"Pivots page choices this version does not know ({_listed(unknown)})")
    return problems


def _apply_filters(raw: Any, profile: Profile | None) -> list[str]:
    """The saved filters, field by field: a field that cannot be used keeps the profile's own."""
    if not isinstance(raw, dict):
        return [f"the Pivots page's filters ({_shown(raw)} is not a JSON object; using yours)"]
    base = Filters() if profile is None else profile.constraints
    f, problems, kept = base, [], 0
    for field, value in raw.items():
        if field not in Filters.model_fields:
            problems.append(f"the Pivots page's filter {field!r} (no such filter here)")
            continue
        try:
            f = f.but(**{field: value})
        except (ValidationError, ValueError, TypeError) as exc:
            why = validation_message(exc) if isinstance(exc, ValidationError) else str(exc)
            why = why.removeprefix(f"field {field}: ")
            problems.append(f"the Pivots page's filter {field!r} ({why}; using the default)")
        else:
            kept += 1
    if kept:
        st.session_state[state.FILTERS] = f
    return problems


def _shown(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def _listed(values: Any) -> str:
    return ", ".join(str(v) for v in values)
