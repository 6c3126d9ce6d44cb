"""Reading JSON documents (profiles, answers, client files) with errors that name the field."""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from careerpivot.reading import open_to_read

M = TypeVar("M", bound=BaseModel)


def validation_message(exc: ValidationError) -> str:
    """A pydantic error as ``field a.b: message; ...``.

    >>> from pydantic import BaseModel
    >>> class M(BaseModel):
    ...     level: float
    >>> try:
    ...     M.model_validate({"level": "high"})
    ... except ValidationError as exc:
    ...     print(validation_message(exc))
    field level: Input should be a valid number, unable to parse string as a number
    """
    parts = []
    for err in exc.errors():
        loc = ".".join(str(x) for x in err["loc"]) or "(top level)"
        parts.append(f"field {loc}: {err['msg']}")
    return "; ".join(parts)


#: Builds the exception to raise from a one-line message (an exception class will do).
ErrorType = Callable[[str], Exception]

#: Documents people hand in (profiles, answers, client files, logs) are small; this is ample.
MAX_DOCUMENT_BYTES = 32 * 1024 * 1024
_ESCAPED_SURROGATE = re.compile(r"\\u[dD][89a-fA-F][0-9a-fA-F]{2}")
_SURROGATE = re.compile("[\ud800-\udfff]")


def read_document(path: Path, error: ErrorType, *, source: str | None = None) -> str:
    """A file's UTF-8 text; a missing, unreadable, oversized or non-UTF-8 file raises ``error``
    with one line naming the file."""
    where = source or str(path)
    try:
        with open_to_read(path) as fh:  # a pipe nobody writes to reads as empty, no hang
            raw = fh.read(MAX_DOCUMENT_BYTES + 1)
    except FileNotFoundError:
        raise error(f"{where}: file not found") from None
    except IsADirectoryError:
        raise error(f"{where}: is a folder, not a file") from None
    except OSError as exc:
        raise error(f"{where}: cannot read ({exc.strerror or exc})") from None
    if len(raw) > MAX_DOCUMENT_BYTES:
        raise error(f"{where}: larger than {MAX_DOCUMENT_BYTES // (1024 * 1024)} MiB")
    return decode_document(raw, where, error)


def decode_document(raw: bytes, source: str, error: ErrorType) -> str:
    """Bytes as UTF-8 text (a leading byte-order mark is dropped), or ``error`` naming where
    the first bad byte is."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise error(
            f"{source}: not UTF-8 text (bad byte at position {exc.start}); save it as UTF-8"
        ) from None


def loads(text: str, source: str, error: ErrorType) -> Any:
    """Parse JSON text; malformed JSON, deep nesting, lone surrogates, a key given twice in
    one object, and numbers JSON does not have (``NaN``, ``Infinity``, ``1e999``, integers
    of hundreds of digits) raise ``error`` naming the problem.

    A leading byte-order mark (Notepad and Excel write one) is dropped, as
    :func:`decode_document` drops it from files read by path: an uploaded file that the
    command line reads must not be refused by the app.

    >>> loads('{"level": 3, "level": 5}', "me.json", ValueError)
    Traceback (most recent call last):
    ValueError: me.json: key 'level' appears twice in one object; keep one
    >>> loads('{"ratings": {"2.A.1.a": NaN}}', "me.json", ValueError)
    Traceback (most recent call last):
    ValueError: me.json: field ratings.2.A.1.a: not a finite number (NaN, Infinity, 1e999 or \
an integer of over 30 digits); use a number or null
    """
    text = text.removeprefix("\ufeff")
    if _SURROGATE.search(text):
        raise error(f"{source}: contains an unpaired surrogate character (not valid Unicode)")
    try:
        data = json.loads(
            text, object_pairs_hook=_unique_keys, parse_constant=float, parse_int=_int_or_inf
        )
    except _NotAllowed as exc:
        raise error(f"{source}: {exc}") from None
    except json.JSONDecodeError as exc:
        raise error(f"{source}: not valid JSON (line {exc.lineno}: {exc.msg})") from None
    except RecursionError:
        raise error(f"{source}: JSON nested too deeply") from None
    bad = _non_finite(data)
    if bad is not None:
        raise error(
            f"{source}: field {bad}: not a finite number (NaN, Infinity, 1e999 or an integer "
            f"of over {MAX_INT_DIGITS} digits); use a number or null"
        )
    if _ESCAPED_SURROGATE.search(text):
        try:
            json.dumps(data, ensure_ascii=False).encode("utf-8")
        except UnicodeEncodeError:
            raise error(
                f"{source}: contains an unpaired surrogate escape (\\udXXX) - not valid Unicode"
            ) from None
        except RecursionError:
            raise error(f"{source}: JSON nested too deeply") from None
    return data


class _NotAllowed(ValueError):
    """Something the JSON parser read that a document may not hold (its message says what)."""


#: Longest integer a document may hold: far past any count, level or wage, and well under
#: Python's limit for turning text into a number (4300 digits, a ValueError of its own).
MAX_INT_DIGITS = 30


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """An object's pairs as a dict, refusing a key given twice (which would silently keep
    only the last value)."""
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise _NotAllowed(f"key {key[:80]!r} appears twice in one object; keep one")
        out[key] = value
    return out


def _int_or_inf(text: str) -> float:
    """An integer, or infinity when it has over :data:`MAX_INT_DIGITS` digits (Python refuses
    to read 4300 or more with a ValueError of its own); :func:`_non_finite` then names it."""
    if len(text.lstrip("-")) > MAX_INT_DIGITS:
        return math.inf
    return int(text)


def _non_finite(data: Any) -> str | None:
    """Where in ``data`` the first NaN or infinite number is (``a.b.0``), or None.

    Walked with a stack, not recursion: a document may be nested as deep as the parser
    allows.
    """
    stack: list[tuple[str, Any]] = [("", data)]
    while stack:
        where, value = stack.pop()
        if isinstance(value, float) and not math.isfinite(value):
            return where or "(top level)"
        if isinstance(value, dict):
            stack.extend((f"{where}.{k}" if where else str(k), v) for k, v in value.items())
        elif isinstance(value, list):
            stack.extend((f"{where}.{n}" if where else str(n), v) for n, v in enumerate(value))
    return None


def json_object(text: str, source: str, error: ErrorType, what: str = "the file") -> dict[str, Any]:
    """Parse ``text`` as a JSON object or raise ``error`` naming ``source`` and the line."""
    data = loads(text, source, error)
    if not isinstance(data, dict):
        raise error(f"{source}: {what} is a JSON object, got {type(data).__name__}")
    return data


def format_document(
    text: str,
    model: type[M],
    *,
    fmt: str,
    source: str,
    error: ErrorType,
    what: str,
    hint: str,
) -> M:
    """Parse a CareerPivot exchange file: a JSON object whose ``format`` is ``fmt``, checked
    against ``model``; every problem raises ``error`` with one line naming ``source``."""
    raw = json_object(text, source, error, what)
    if raw.get("format") != fmt:
        raise error(f"{source}: field format: expected {fmt!r}, got {raw.get('format')!r} ({hint})")
    try:
        return model.model_validate(raw)
    except ValidationError as exc:
        raise error(f"{source}: {validation_message(exc)}") from None
