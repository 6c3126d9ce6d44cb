"""Markdown: the sample report matches its golden file; people's text never becomes markup.

The golden file follows the engine's scores on the starter data: when scoring or the
data change on purpose, regenerate it with
``CAREERPIVOT_UPDATE_GOLDEN=1 .venv/bin/pytest tests/report/test_markdown.py``
and review the diff.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from careerpivot.report import render_markdown
from careerpivot.report.markdown import cell, inline, paragraphs

GOLDEN = Path(__file__).parent / "golden" / "ana_diaz.md"
MD = MarkdownIt("commonmark").enable("table").enable("strikethrough")

plain_text = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"),
    max_size=120,
)
# Text rich in Markdown's special characters, so the search finds the tricky cases fast.
markdownish = st.lists(
    st.sampled_from(
        [
            "#",
            "-",
            "+",
            "*",
            "_",
            "`",
            "~",
            "|",
            "[",
            "]",
            "(",
            ")",
            "!",
            "<",
            ">",
            "&",
            "\\",
            "=",
            ":",
            "1.",
            "2)",
            "$",
            "    ",
            "\t",
            "\n",
            "\n\n",
            "a",
            "b c",
            "http://x.org",
            "&amp;",
            "<div>",
            "-->",
            "```",
            "---",
            "***",
            "  \n",
            "\r\n",
            "é",
            "\u2028",
        ]
    ),
    max_size=30,
).map("".join)


def test_matches_golden_file(report):
    text = render_markdown(report)
    if os.environ.get("CAREERPIVOT_UPDATE_GOLDEN"):
        GOLDEN.write_text(text, encoding="utf-8")
    assert text == GOLDEN.read_text(encoding="utf-8")


def test_golden_report_has_every_section(report):
    tokens = MD.parse(render_markdown(report))
    headings = [tokens[i + 1].content for i, t in enumerate(tokens) if t.type == "heading_open"]
    assert headings[0] == "Career pivot report: Ana Díaz"
    for h in (
        "Assessment summary",
        "Top pivots",
        "Shortlisted roles",
        "Gaps to Data Scientists (15-2051.00)",
        "Upskilling plan to Data Scientists",
        "Routes through stepping-stone roles",
        "Rejection patterns and actions",
        "Counselor notes",
    ):
        assert h in headings
    # the note's would-be heading, list, HTML and link stay text inside the notes
    assert "# She wrote *this* herself: <b>not HTML</b> | [a link](http://example.org) $x$" not in (
        headings
    )
    assert not [t for t in tokens if t.type in ("html_block", "html_inline", "link_open")]


#: The invisible word joiner the escaper puts into addresses so GFM does not link them.
JOINER = "\u2060"


def _blocks(text: str) -> list[list[str]]:
    """The text's paragraphs (split at blank lines) as stripped non-empty lines."""
    blocks: list[list[str]] = [[]]
    for line in text.replace(JOINER, "").splitlines():
        if line.strip():
            blocks[-1].append(line.strip())
        elif blocks[-1]:
            blocks.append([])
    return [b for b in blocks if b]


def _inline_text(token) -> str:
    out = []
    for child in token.children:
        assert child.type in ("text", "text_special", "softbreak", "hardbreak"), child.type
        out.append("\n" if child.type.endswith("break") else child.content)
    return "".join(out).replace(JOINER, "")  # what a reader sees


@settings(max_examples=300, deadline=None)
@given(st.one_of(plain_text, markdownish))
def test_notes_render_as_exactly_their_text(note):
    tokens = MD.parse(paragraphs(note))
    assert {t.type for t in tokens} <= {"paragraph_open", "inline", "paragraph_close"}
    rendered = [_inline_text(t).split("\n") for t in tokens if t.type == "inline"]
    assert rendered == _blocks(note)


@settings(max_examples=300, deadline=None)
@given(st.one_of(plain_text, markdownish))
def test_names_in_headings_and_lines_stay_text(name):
    tokens = MD.parse(f"# Report: {inline(name)}\n\n- Shortlist: {inline(name)}\n")
    kinds = [t.type for t in tokens]
    assert kinds[:3] == ["heading_open", "inline", "heading_close"]
    expected = " ".join(name.replace(JOINER, "").split())
    assert _inline_text(tokens[1]) == f"Report: {expected}".strip()
    items = [t for t in tokens if t.type == "inline"][1:]
    assert [_inline_text(t) for t in items] == [f"Shortlist: {expected}".strip()]


@settings(max_examples=300, deadline=None)
@given(st.one_of(plain_text, markdownish))
def test_table_cells_stay_in_their_cell(value):
    tokens = MD.parse(f"| a | b |\n|---|---|\n| {cell(value)} | end |\n")
    cells = [t for t in tokens if t.type == "inline"]
    assert len(cells) == 4
    assert _inline_text(cells[2]) == " ".join(value.replace(JOINER, "").split())
    assert _inline_text(cells[3]) == "end"


@pytest.mark.parametrize(
    "note",
    [
        "<script>alert(1)</script>",
        "[x](javascript:alert(1))",
        "![img](http://x/y.png)",
        "<img src=x onerror=alert(1)>",
        "&lt;b&gt;",
    ],
)
def test_html_rendering_of_notes_has_no_tags_or_links(note):
    html = MD.render(paragraphs(note))
    assert html.count("<") == 2  # only <p> and </p>
    assert "href" not in html and "src=" not in html.replace("src=x", "")
