"""Self-assessment glue for the app: cached instruments and plain tables of results.

The questionnaires themselves (items, scoring, warnings) live in
:mod:`careerpivot.assessment`; this module only loads them once per server and turns
results into tables for the page.
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd
import streamlit as st

from careerpivot.assessment import (
    Instrument,
    InstrumentResult,
    SkillMatcher,
    SkillQuestion,
    load_interest_instrument,
    load_lexicon,
    load_skill_questions,
    load_values_instrument,
    skill_questions,
)
from careerpivot.ui import cache

PAGE_SIZE = 10


@st.cache_resource(show_spinner=False)
def instrument(name: str) -> Instrument:
    """The interest profiler (``"interests"``) or the work-values instrument (``"values"``)."""
    return load_interest_instrument() if name == "interests" else load_values_instrument()


@st.cache_resource(show_spinner=False)
def questions(dataset: str) -> list[SkillQuestion]:
    """One anchored question per skill and knowledge area of a data set."""
    return skill_questions(cache.engine(dataset).dataset, load_skill_questions())


#: The most CV text the skill matcher reads at once (about four pages): each run of words is
#: looked up among every name, so 10,000 characters take a second or two on O*NET data and
#: a pasted megabyte would hold the server for minutes (``bench/hostile_inputs.py``).
CV_TEXT_MAX = 10_000


@st.cache_resource(show_spinner=False)
def matcher(dataset: str) -> SkillMatcher:
    """The free-text skill matcher, fitted to a data set."""
    return SkillMatcher(load_lexicon()).fit(cache.engine(dataset).dataset)


def scale_frame(result: InstrumentResult, names: Mapping[str, str]) -> pd.DataFrame:
    """One row per scale: its name, score (1-7; a partial result shows the estimates from
    the answers so far, else empty until enough answers) and answers."""
    usable = result.usable
    return pd.DataFrame(
        {
            "Scale": [names.get(s.scale, s.scale) for s in result.scales],
            "Score (1-7)": [s.estimate if usable else s.score for s in result.scales],
            "Answered": [s.count_text() for s in result.scales],
        }
    )


def pages(n_items: int, size: int = PAGE_SIZE) -> int:
    """How many pages of ``size`` items a questionnaire has.

    >>> pages(30), pages(24), pages(1)
    (3, 3, 1)
    """
    return max(1, -(-n_items // size))
