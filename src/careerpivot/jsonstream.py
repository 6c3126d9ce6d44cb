"""Write a large JSON document piece by piece: the text ``json.dumps`` gives, byte for
byte, without holding all of it (or a dict per graph edge) in memory at once.

An O*NET import saves an 11.6 MB graph and a 6 MB data set; built whole, their text
and the graph's 108,000 edge records came on top of everything else the import held.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from itertools import islice
from typing import Any, TextIO

#: Items of a streamed list encoded per call (one C-encoder call per batch, not per item).
BATCH = 2000


def write_json(
    out: TextIO,
    obj: Any,
    *,
    separators: tuple[str, str] = (", ", ": "),
    depth: int = 1,
) -> None:
    """Write ``json.dumps(obj, separators=separators)`` to ``out``.

    Dicts with text keys and lists (tuples, and iterators, which are written as
    lists) are written member by member down to ``depth`` levels; deeper values,
    and lists' items in batches of :data:`BATCH`, by the standard encoder.

    >>> import io
    >>> buf = io.StringIO()
    >>> doc = {"a": [1, {"b": (2.5, None)}], "c": iter(["x", "y"])}
    >>> write_json(buf, doc, depth=2)
    >>> buf.getvalue() == json.dumps({"a": [1, {"b": (2.5, None)}], "c": ["x", "y"]})
    True
    """
    encode = json.JSONEncoder(separators=separators).encode
    item_sep, key_sep = separators

    def write(value: Any, level: int) -> None:
        if level >= depth:
            out.write(encode(value))
        elif isinstance(value, dict) and value and all(isinstance(k, str) for k in value):
            out.write("{")
            for i, (key, member) in enumerate(value.items()):
                out.write((item_sep if i else "") + encode(key) + key_sep)
                write(member, level + 1)
            out.write("}")
        elif isinstance(value, (list, tuple, Iterator)):
            out.write("[")
            items = iter(value)
            first = True
            while batch := list(islice(items, BATCH)):
                out.write(("" if first else item_sep) + encode(batch)[1:-1])
                first = False
            out.write("]")
        else:
            out.write(encode(value))

    write(obj, 0)
