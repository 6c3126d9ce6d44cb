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
    422: {"model": Problem, "description": "The request body or query does not fit the schema"},
}


def _message(exc: Exception) -> str:
    text = str(exc)
    # KeyError-based errors print their argument quoted; show the plain sentence instead.
    if isinstance(exc, KeyError) and exc.args and isinstance(exc.args[0], str):
        text = exc.args[0]
    return text.strip("'\"")


def _fields(exc: RequestValidationError) -> list[dict[str, Any]]:
    out = []
    for e in exc.errors():
        where = ".".join(str(p) for p in e.get("loc", ()))
        out.append({"field": where, "problem": str(e.get("msg", ""))})
    return out


def status_of(exc: Exception) -> tuple[int, str, str] | None:
    """Status, title and detail of the problem an expected error is (None: unexpected)."""
    if isinstance(exc, HTTPException):
        return exc.status_code, _title(exc.status_code), str(exc.detail)
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
    async def _invalid(_: Request, exc: RequestValidationError) -> JSONResponse:
        errors = _fields(exc)
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
    }.get(status, "Error")
