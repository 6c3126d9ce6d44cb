"""Markdown renderer (CommonMark with GFM tables).

Text from people and data sets is escaped so it always renders as the same text:
notes cannot inject headings, lists, links, images, emphasis, raw HTML, tables or
(in Streamlit) math. Line breaks inside notes are kept as hard line breaks.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from careerpivot.report import words
from careerpivot.report.model import Report

_INLINE = re.compile(r"[\\`*_\[\]|~$]|(?:^|(?<=\s))#")
#: Where GitHub-flavoured Markdown's autolinks start (a scheme before ``:``, ``www`` before
#: ``.``, the ``@`` of an address): a word joiner (U+2060, invisible) is put after each.
_AUTOLINK = re.compile(r"(?i)\b(?:https?|ftp|mailto|xmpp)(?=:)|\bwww(?=\.)|@")
_LINE_START = re.compile(r"^([+=-])")
_ORDERED = re.compile(r"^(\d{1,9})([.)])")


def escape_inline(text: str) -> str:
    r"""Text inside a line (a table cell, after a label): emphasis, code, links, HTML,
    table pipes, heading marks and math are escaped, and addresses GitHub-flavoured
    Markdown would turn into links by themselves (``http://``, ``www.``, ``a@b.c``) get an
    invisible word joiner that stops it.

    >>> escape_inline("C# and *stars* <b> | $5")
    'C# and \\*stars\\* &lt;b&gt; \\| \\$5'
    >>> escape_inline("see www.e.example or me@e.example").count("\u2060")
    2
    """
    text = _INLINE.sub(lambda m: "\\" + m.group(0), text)
    text = _AUTOLINK.sub(lambda m: m.group(0) + "\u2060", text)
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def escape_line(line: str) -> str:
    r"""A whole line of plain text (where a block could start) as Markdown showing that text.

    >>> escape_line("# not a *heading*")
    '\\# not a \\*heading\\*'
    >>> escape_line("1. not a list")
    '1\\. not a list'
    """
    line = escape_inline(line.strip())
    line = _LINE_START.sub(r"\\\1", line)
    return _ORDERED.sub(r"\1\\\2", line)


def inline(text: str) -> str:
    """Text for one line where a block could start: line breaks become spaces, then escaped."""
    return escape_line(" ".join(text.split()))


def cell(text: str) -> str:
    """Text for a table cell: line breaks become spaces, then escaped."""
    return escape_inline(" ".join(text.split()))


def paragraphs(text: str) -> str:
    """Multi-line plain text as Markdown paragraphs; single line breaks are kept."""
    blocks: list[list[str]] = [[]]
    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            if blocks[-1]:
                blocks.append([])
            continue
        blocks[-1].append(escape_line(line))
    return "\n\n".join("\\\n".join(b) for b in blocks if b)


def table(header: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    """A GFM table; cells are escaped here."""
    lines = [
        "| " + " | ".join(cell(h) for h in header) + " |",
        "|" + "|".join("---" for _ in header) + "|",
    ]
    lines += ["| " + " | ".join(cell(c) for c in row) + " |" for row in rows]
    return "\n".join(lines)


def render_markdown(report: Report) -> str:
    """The report as a Markdown document."""
    out = [
        f"# {words.TITLE}: {inline(report.client)}",
        f"Date: {report.date.isoformat()} · Data set: {inline(report.dataset)}",
        f"## {words.H_SUMMARY}",
    ]
    s = report.summary
    if s.ratings == 0 and not report.pivots:
        out.append(inline(words.NO_PROFILE))
    else:
        out.append(
            "\n".join(
                [
                    f"- Current role: {inline(s.current_role) if s.current_role else 'not given'}",
                    f"- Holland code: {inline(words.holland(s.holland_code))}",
                    f"- Top strengths: {inline(', '.join(s.strengths)) or 'none rated'}",
                    f"- Skills, knowledge and tools rated: {s.ratings}",
                ]
            )
        )
        if s.left_out:
            out.append(f"**Note:** {inline(words.left_out(report))}")
        out += [f"## {words.H_PIVOTS}", _pivots(report)]
    if report.shortlist:
        out += [f"## {words.H_SHORTLIST}", _shortlist(report)]
    if report.target_code:
        out += [f"## {inline(words.h_gaps(report))}", _gaps(report)]
        out += [f"## {inline(words.h_plan(report))}", _plan(report)]
        out += [f"## {words.h_routes()}", _routes(report)]
    out += [f"## {words.H_REJECTIONS}", _rejections(report)]
    out += [f"## {words.H_NOTES}", _notes(report)]
    out += ["---", f"*{inline(report.footer)}*"]
    return "\n\n".join(out) + "\n"


def _pivots(report: Report) -> str:
    if not report.pivots:
        return inline(words.NO_PIVOTS)
    return table(words.PIVOT_COLUMNS, words.pivot_rows(report)) + "\n\n" + words.FIT_NOTE


def _shortlist(report: Report) -> str:
    return "\n".join(
        f"- {inline(r.title)} ({inline(r.code)})"
        + (f": {inline(r.note)}" if r.note.strip() else "")
        for r in report.shortlist
    )


def _gaps(report: Report) -> str:
    notes = "\n\n".join(inline(n) for n in words.gap_notes(report))
    if not report.gaps:
        return "\n\n".join(x for x in ("No gaps: every requirement is met.", notes) if x)
    return "\n\n".join(x for x in (notes, table(words.GAP_COLUMNS, words.gap_rows(report))) if x)


def _plan(report: Report) -> str:
    if not report.plan:
        return "Nothing to learn: every important requirement is met."
    rows = table(
        words.PLAN_COLUMNS,
        (
            (
                str(s.order),
                s.name,
                f"{words.level(s.current)} → {words.level(s.target)}",
                words.hours(s.hours),
                s.learning,
            )
            for s in report.plan
        ),
    )
    return f"{rows}\n\n{inline(words.plan_total(report))} {inline(words.EFFORT_NOTE)}"


def _routes(report: Report) -> str:
    if not report.routes:
        return inline(words.NO_ROUTES)
    return "\n".join(
        f"{r.order}. {inline(' → '.join(r.roles))} (≈ {words.hours(r.hours)} hours"
        + ("" if r.within_reach else "; a bigger job-zone step than the client allows")
        + ")"
        for r in report.routes
    )


def _rejections(report: Report) -> str:
    if not report.rejections:
        return inline(words.no_rejection_analysis(report))
    parts = [inline(words.applications(report))]
    for section in report.rejections:
        parts.append(f"### {inline(section.title)}")
        if section.items:
            parts.append("\n".join(f"- {inline(item)}" for item in section.items))
    return "\n\n".join(parts)


def _notes(report: Report) -> str:
    if not report.notes:
        return inline(words.NO_NOTES)
    return "\n\n".join(f"### {n.date.isoformat()}\n\n{paragraphs(n.text)}" for n in report.notes)
