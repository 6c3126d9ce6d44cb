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
