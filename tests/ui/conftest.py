"""AppTest plumbing: fresh Streamlit caches per test, an isolated data dir, flow helpers."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from careerpivot.ui import nav
from tests.conftest import REPO

APP = REPO / "app.py"
TIMEOUT = 60


@pytest.fixture(autouse=True)
def _fresh_streamlit(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[None]:
    """Every test starts with empty caches and sees the starter set only."""
    monkeypatch.setenv("CAREERPIVOT_DATA_DIR", str(tmp_path / "user-data"))
    st.cache_data.clear()
    st.cache_resource.clear()
    yield
    st.cache_data.clear()
    st.cache_resource.clear()


def page(spec: nav.PageSpec) -> str:
    """A page's path relative to app.py (what AppTest.switch_page takes)."""
    return str(spec.path.relative_to(REPO))


def new_app() -> AppTest:
    """The app, run once (on the Start page)."""
    at = AppTest.from_file(str(APP), default_timeout=TIMEOUT).run()
    assert not at.exception, at.exception
    return at


def start_from(title: str) -> AppTest:
    """Type a title on Start, keep the first match, click "Show my pivots"."""
    at = new_app()
    at.text_input(key="w_start_query").input(title).run()
    button(at, "Show my pivots").click().run()
    assert not at.exception, at.exception
    return at


def button(at: AppTest, label: str, index: int = 0) -> Any:
    """The ``index``-th button with this exact label."""
    found = [b for b in at.button if plain(b.label) == label]
    assert found, f"no button {label!r}; buttons: {[b.label for b in at.button]}"
    return found[index]


_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")


def plain(markdown: str) -> str:
    """What a person reads of Markdown that escapes text from people and files
    (``careerpivot.ui.tables.md``): backslash escapes and word joiners removed."""
    return _ESCAPE.sub(r"\1", str(markdown)).replace("\u2060", "")


def texts(at: AppTest) -> str:
    """All markdown, captions, info and error text on the page, joined (as read)."""
    parts = [m.value for m in at.markdown]
    parts += [c.value for c in at.caption]
    parts += [i.value for i in at.info]
    parts += [e.value for e in at.error]
    parts += [w.value for w in at.warning]
    parts += [s.value for s in at.success]
    parts += [h.value for h in at.subheader]
    return plain("\n".join(str(p) for p in parts))


def chart_specs(at: AppTest, kind: str) -> list[Any]:
    """Specs of the charts AppTest cannot render: plotly as JSON dicts, graphviz as DOT."""
    out = []
    for el in at.get(kind):
        spec = el.proto.spec
        out.append(json.loads(spec) if kind == "plotly_chart" else spec)
    return out


def footer(at: AppTest) -> str:
    """The last caption on the page: the data set footer."""
    assert at.caption, "no caption on the page"
    return plain(str(at.caption[-1].value))
