"""Reading JSON documents (profiles, answers, client files) with errors that name the field."""

from __future__ import annotations

import json
from typing import Any

from pydantic import ValidationError


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


def json_object(
    text: str, source: str, error: type[Exception], what: str = "the file"
) -> dict[str, Any]:
    """Parse ``text`` as a JSON object or raise ``error`` naming ``source`` and the line."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise error(f"{source}: not valid JSON (line {exc.lineno}: {exc.msg})") from None
    if not isinstance(data, dict):
        raise error(f"{source}: {what} is a JSON object, got {type(data).__name__}")
    return data
