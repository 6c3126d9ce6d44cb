"""What a person chose on the pages (filters, order, ...), kept in their workspace.

The pages keep these choices in the session under ``cp_`` keys (:mod:`careerpivot.ui.state`);
:func:`collect` turns the ones a person set into the workspace's ``choices`` (page name
-> that page's choices as JSON) and :func:`apply` puts them back after a reload or when
the private link is opened. Every value is checked on the way back: one this version
cannot use is left out, with a message naming it and what the page shows instead, and
the rest still comes back. Pages this version does not know are kept as they are.
"""

from __future__ import annotations

from typing import Any

import streamlit as st
from pydantic import ValidationError

from careerpivot.filters import Filters
from careerpivot.jsondoc import validation_message
from careerpivot.profile import Profile
from careerpivot.ui import state

PIVOTS = "pivots"
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
    return out


def apply(choices: dict[str, Any], profile: Profile | None) -> list[str]:
    """Put saved choices into the session; returns what was left out, in words.

    ``profile`` is the restored profile: its constraints are the filters a filter
    that cannot be used falls back to.
    """
    problems: list[str] = []
    known = {PIVOTS: _apply_pivots}
    others = {page: value for page, value in choices.items() if page not in known}
    if others:
        st.session_state[OTHERS] = others
    for page, put in known.items():
        if page not in choices:
            continue
        value = choices[page]
        if not isinstance(value, dict):
            problems.append(f"your choices on the {page.title()} page (not a JSON object)")
            continue
        problems += put(value, profile)
    return problems


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
    unknown = sorted(set(saved) - {"filters", "count", "sort"})
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
