"""Plain text everywhere: on every page, text from people and files renders as itself.

Every page is run (AppTest) with a hostile data set (titles, descriptions and alternate
titles that are Markdown links, images and HTML) and a hostile client (name, contact,
notes, shortlist note, rejection log). Every string Streamlit would render as Markdown
is parsed with a CommonMark parser: none may produce a link, an image or HTML, and
none may hold an address that GitHub-flavoured Markdown would turn into a link.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Any

import pytest
from markdown_it import MarkdownIt
from streamlit.testing.v1 import AppTest

from careerpivot.ui import nav, state
from tests.security.hostile import MARKUP, OUTSIDE, TRIED
from tests.security.hostile_data import CODES, DATASET, PASSCODE, load_hostile
from tests.ui.conftest import APP, TIMEOUT, button, page

PARSER = MarkdownIt("commonmark").enable(["table", "strikethrough"])
#: What GitHub-flavoured Markdown links by itself in text (Streamlit uses remark-gfm, which
#: looks for these after backslash escapes are read).
AUTOLINK = re.compile(r"(?i)(https?://|www\.)[-.\w]+|[-.+\w]+@[-\w]+(\.[-\w]+)+")
ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")


def markdown_strings(at: AppTest) -> list[tuple[str, str]]:
    """(where, text) of everything on the page that Streamlit renders as Markdown."""
    out: list[tuple[str, str]] = []
    for kind in ("markdown", "caption", "info", "error", "warning", "success", "title",
                 "header", "subheader", "toast", "exception"):  # fmt: skip
        for el in at.get(kind):
            out.append((kind, str(getattr(el, "value", "") or "")))
    for kind in ("button", "checkbox", "toggle", "radio", "selectbox", "text_input", "text_area",
                 "number_input", "slider", "multiselect", "download_button", "expander", "tab",
                 "metric", "select_slider"):  # fmt: skip
        for el in at.get(kind):
            label = getattr(el, "label", None) or getattr(getattr(el, "proto", None), "label", "")
            out.append((f"{kind} label", str(label or "")))
            if kind == "radio":
                out += [("radio option", str(o)) for o in el.options]
    return out


def bad_markdown(text: str) -> list[str]:
    """Links, images, HTML or autolinked outside addresses that ``text`` would render."""
    problems = []
    for token in PARSER.parseInline(text) + PARSER.parse(text):
        kids = [token, *(token.children or [])]
        for t in kids:
            if t.type in ("link_open", "image", "html_inline", "html_block"):
                problems.append(f"{t.type}: {t.content or t.attrs}")
    shown = ESCAPE.sub(r"\1", text)  # the text node remark-gfm searches for addresses
    if any(OUTSIDE in m.group(0) for m in AUTOLINK.finditer(shown)):
        problems.append("autolinkable address")
    return problems


def plotly_problems(at: AppTest) -> list[str]:
    out = []
    for el in at.get("plotly_chart"):
        spec = json.dumps(json.loads(el.proto.spec))
        if re.search(r"<a\b|<img\b|<svg|<iframe|href", spec, re.IGNORECASE):
            out.append("plotly chart holds a link or image tag")
    return out


def check(at: AppTest, where: str) -> None:
    assert not at.exception, (where, [e.value for e in at.exception])
    found = []
    strings = markdown_strings(at)
    for kind, text in strings:
        TRIED["page strings"] += 1
        found += [f"{where} {kind}: {p} in {text[:80]!r}" for p in bad_markdown(text)]
    found += [f"{where}: {p}" for p in plotly_problems(at)]
    assert not found, "\n".join(found)
    assert any(OUTSIDE in ESCAPE.sub(r"\1", t) for _, t in strings) or where in (
        "Start",
        "Self-assessment",
    ), f"{where}: the hostile text was not on the page at all (is the test reaching it?)"


@pytest.fixture
def hostile(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> int:
    data = tmp_path / "user-data"
    monkeypatch.setenv("CAREERPIVOT_DATA_DIR", str(data))
    monkeypatch.delenv("CAREERPIVOT_DB_URL", raising=False)
    return load_hostile(tmp_path, data, f"sqlite:///{data / 'careerpivot.db'}")


def test_every_page_renders_hostile_text_as_plain_text(hostile: int):
    at = AppTest.from_file(str(APP), default_timeout=TIMEOUT)
    at.session_state[state.DATASET] = DATASET
    at.run()
    check(at, "Start")
    at.switch_page(page(nav.CLIENTS)).run()
    at.text_input(key="w_passcode").input(PASSCODE).run()
    at.selectbox(key="w_cl_pick").set_value(hostile).run()
    check(at, "Clients")
    button(at, "Work with this client's profile").click().run()
    check(at, "Pivots")
    at.session_state[state.TARGET] = CODES[1]
    for spec in (nav.COMPARE, nav.PLAN, nav.ASSESSMENT, nav.START):
        at.switch_page(page(spec)).run()
        check(at, spec.title)
    at.switch_page(page(nav.CLIENTS)).run()
    button(at, "Open the rejection log").click().run()
    check(at, "Rejections")
    for tab_button in [b for b in at.button if "pattern" in b.label.lower()][:1]:
        tab_button.click().run()
        check(at, "Rejections (patterns)")


@pytest.mark.parametrize(
    "text",
    ["plain words", "C# and .NET", "50% of $60,000", "a_b*c", "x\\y", "<b>", "1. 2."],
)
def test_md_shows_text_as_typed(text: str):
    from careerpivot.ui.tables import md

    TRIED["page strings"] += 1
    html = PARSER.render(md(text))
    assert bad_markdown(md(text)) == []
    assert re.sub(r"<[^>]+>", "", html).strip() == (
        text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    )


#: File names as a browser hands them to the app: links, addresses and markup.
HOSTILE_FILE_NAMES = [
    f"www.{OUTSIDE}.json",
    f"mallory@{OUTSIDE}.json",
    f"http://{OUTSIDE}/x.json",
    f"[me](http://{OUTSIDE}).json",
    f"![i](http://{OUTSIDE}/i.png).json",
    f"<img src=http://{OUTSIDE}/i.png>.json",
]


def _upload(name: str, content: bytes) -> None:  # an AppTest script: imports inside
    from careerpivot.ui import my_data

    my_data._read("start", name, content)


@pytest.mark.parametrize("name", HOSTILE_FILE_NAMES)
@pytest.mark.parametrize(
    "content",
    [b"\xff\xfe not text", b'{"format": "careerpivot-workspace"}', b"[1, 2"],
    ids=["not-utf8", "refused", "not-json"],
)
def test_upload_my_data_names_a_hostile_file_as_plain_text(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str, content: bytes
):
    """The uploaded file's name (and what the refusal quotes of it) shows as typed: it was
    escaped by a separate function that left ``www.``, ``http://`` and ``a@b.c`` to
    GitHub-flavoured Markdown's autolinks."""
    monkeypatch.setenv("CAREERPIVOT_DATA_DIR", str(tmp_path))
    # AppTest makes its script sys.modules["__main__"] and leaves it there: processes the
    # store tests spawn later would run it again (without its arguments) and fail.
    monkeypatch.setitem(sys.modules, "__main__", sys.modules["__main__"])
    at = AppTest.from_function(_upload, args=(name, content), default_timeout=TIMEOUT).run()
    assert not at.exception, [e.value for e in at.exception]
    shown = [t for _, t in markdown_strings(at)]
    assert shown, "the upload said nothing"
    found = [p for t in shown for p in bad_markdown(t)]
    assert not found, (shown, found)
    TRIED["page strings"] += len(shown)


@pytest.mark.parametrize("text", [*MARKUP, f"see http://{OUTSIDE}/x or www.{OUTSIDE}"])
def test_the_markdown_report_shows_hostile_text_as_plain_text(text: str):
    """Client notes, names and titles in a Markdown report (``--format md``) render as the
    text typed in a GFM viewer: bare addresses were left for it to turn into links."""
    from careerpivot.report.markdown import cell, escape_inline, inline, paragraphs

    for escape in (cell, escape_inline, inline, paragraphs):
        TRIED["report strings"] += 1
        assert bad_markdown(escape(text)) == [], (escape.__name__, escape(text))


def _unused(x: Any) -> None:  # keep typing imports honest
    return None
