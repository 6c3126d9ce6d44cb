"""Which characters a one-line text shown to people (a name, a title) may not hold.

Control characters break lines and terminals; the Unicode direction controls (embedding,
override and isolate, U+202A-U+202E and U+2066-U+2069) silently reorder how the rest of
the text is shown, so "Ana\u202eetoN" reads as something other than what is stored (the
"Trojan Source" trick). The marks U+200E/U+200F that right-to-left text needs are fine.
"""

from __future__ import annotations

import unicodedata

DIRECTION_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def line_problem(text: str, *, allow: str = "") -> str | None:
    """What makes ``text`` unfit to show as itself, or None when nothing does.

    >>> line_problem("Ana Díaz"), line_problem("Ana\\x1b[31m")
    (None, "contains a control character ('\\\\x1b')")
    >>> line_problem("Eve\\u202eevil")
    "contains a text-direction control ('\\\\u202e') that reorders how it is shown"
    """
    for ch in text:
        if ch in allow:
            continue
        if ch in DIRECTION_CONTROLS:
            return f"contains a text-direction control ({ch!r}) that reorders how it is shown"
        if unicodedata.category(ch) == "Cc":
            return f"contains a control character ({ch!r})"
    return None


#: Control characters a terminal acts on (C0 but line feed and tab, DEL, C1: ESC starts
#: colour, cursor, title and hyperlink sequences, U+009B is an 8-bit CSI, BEL rings).
_TERMINAL_CONTROLS = {
    c: f"\\x{c:02x}" for c in (*range(0x00, 0x20), *range(0x7F, 0xA0)) if c not in (0x09, 0x0A)
}


def terminal_safe(text: str) -> str:
    r"""``text`` with every control character a terminal would act on shown escaped
    (``\x1b``), so text from people and files cannot clear the screen, retitle the window,
    plant a hyperlink or move the cursor; line feeds and tabs stay.

    >>> terminal_safe("Ana\x1b[2J\x9b31m\x07\n")
    'Ana\\x1b[2J\\x9b31m\\x07\n'
    """
    return text.translate(_TERMINAL_CONTROLS)


_JSON_CONTROLS = {c: f"\\u{c:04x}" for c in range(0x7F, 0xA0)}


def json_terminal_safe(text: str) -> str:
    r"""A JSON document with DEL and the C1 controls written as ``\u`` escapes: the same
    JSON (they can only stand inside strings), but nothing a terminal acts on.

    >>> json_terminal_safe('{"name": "Eve\x9b2J"}')
    '{"name": "Eve\\u009b2J"}'
    """
    return text.translate(_JSON_CONTROLS)
