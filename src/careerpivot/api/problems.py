"""Errors as JSON problem documents (RFC 9457): status, title and a detail a person can act
on; never a traceback."""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from starlette.exceptions import HTTPException

from careerpivot.errors import (
    CareerPivotError,
    DatasetNotFoundError,
    UnknownDescriptorError,
    UnknownRoleError,
)

log = logging.getLogger("careerpivot.api")
PROBLEM_JSON = "application/problem+json"


class Problem(BaseModel):
    """What went wrong: HTTP status, a short title and the detail naming the problem."""

    type: str = "about:blank"
    title: str
    status: int
    detail: str
    errors: list[dict[str, Any]] | None = None


def problem(status: int, title: str, detail: str, **extra: Any) -> JSONResponse:
    """A problem response."""
    body = Problem(title=title, status=status, detail=detail, **extra)
    return JSONResponse(
        body.model_dump(exclude_none=True), status_code=status, media_type=PROBLEM_JSON
    )


#: Which status each domain error maps to: unknown things are 404, bad input 400.
NOT_FOUND = (UnknownRoleError, UnknownDescriptorError, DatasetNotFoundError)

#: The problem responses every endpoint may give, for the OpenAPI document.
RESPONSES: dict[int | str, dict[str, Any]] = {
    400: {"model": Problem, "description": "The request names something it cannot use"},
    404: {"model": Problem, "description": "A role, descriptor or data set that does not exist"},
    413: {"model": Problem, "description": "The request body is over the size limit (4 MiB)"},
    422: {"model": Problem, "description": "The request body or query does not fit the schema"},
}


#: Hints the engine words for the command line, as an API caller follows them.
_API_HINTS = {"`careerpivot roles search TITLE`": "GET /v1/roles/search?q=TITLE"}


def _message(exc: Exception) -> str:
    text = str(exc)
    # KeyError-based errors print their argument quoted; show the plain sentence instead.
    if isinstance(exc, KeyError) and exc.args and isinstance(exc.args[0], str):
        text = exc.args[0]
    for cli, api in _API_HINTS.items():
        text = text.replace(cli, api)
    return text.strip("'\"")


#: FastAPI's own words for a body it could not parse at all (e.g. JSON nested too deep).
_UNPARSED = "There was an error parsing the body"
_SEND_JSON = "send a JSON object with the header Content-Type: application/json"


def _fields(exc: RequestValidationError, content_type: str) -> list[dict[str, Any]]:
    out = []
    for e in exc.errors():
        loc = tuple(e.get("loc", ()))
        where = ".".join(str(p) for p in loc)
        msg = str(e.get("msg", "")).removeprefix("Value error, ")
        kind = e.get("type")
        if kind == "json_invalid":  # loc is ("body", character offset)
            reason = str((e.get("ctx") or {}).get("error", "")).strip()
            where = "body"
            at = f" at character {loc[1]}" if len(loc) > 1 else ""
            msg = f"the body is not valid JSON{at}" + (f" ({reason})" if reason else "")
        elif loc == ("body",) and kind == "missing":
            msg = f"the request has no body: {_SEND_JSON}"
        elif loc == ("body",) and "json" not in content_type:
            msg = f"the body was not read as JSON (Content-Type: {content_type or 'none'}): "
            msg += _SEND_JSON
        out.append({"field": where, "problem": msg})
    return out


def status_of(exc: Exception) -> tuple[int, str, str] | None:
    """Status, title and detail of the problem an expected error is (None: unexpected)."""
    if isinstance(exc, HTTPException):
        detail = str(exc.detail)
        if exc.status_code == 400 and detail == _UNPARSED:
            detail = f"the body could not be read (malformed or nested too deeply): {_SEND_JSON}"
        return exc.status_code, _title(exc.status_code), detail
    if isinstance(exc, NOT_FOUND):
        return 404, "Not found", _message(exc)
    if isinstance(exc, CareerPivotError):
        return 400, "Cannot answer this request", _message(exc)
    return None


def unexpected() -> JSONResponse:
    """The answer to an error nobody expected (logged where it happened)."""
    return problem(500, "Internal error", "the server could not answer; this is logged")


def install(app: FastAPI) -> None:
    """Register the handlers that turn every error into a problem document."""

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        errors = _fields(exc, request.headers.get("content-type", "").lower())
        detail = "; ".join(f"{e['field']}: {e['problem']}" for e in errors[:5])
        return problem(422, "Invalid request", detail or "invalid request", errors=errors)

    @app.exception_handler(HTTPException)
    async def _http(_: Request, exc: HTTPException) -> JSONResponse:
        resp = problem(*(status_of(exc) or (exc.status_code, "Error", str(exc.detail))))
        if exc.headers:
            resp.headers.update(exc.headers)
        return resp

    @app.exception_handler(CareerPivotError)
    async def _domain(_: Request, exc: CareerPivotError) -> JSONResponse:
        return problem(*(status_of(exc) or (400, "Cannot answer this request", str(exc))))

    @app.exception_handler(Exception)
    async def _unexpected(_: Request, exc: Exception) -> JSONResponse:  # pragma: no cover
        log.exception("unexpected error")
        return unexpected()


def _title(status: int) -> str:
    return {
        400: "Bad request",
        401: "Not signed in",
        403: "Not allowed",
        404: "Not found",
        405: "Method not allowed",
        413: "Request body too large",
        429: "Too many attempts",
    }.get(status, "Error")
