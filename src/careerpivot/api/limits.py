"""A cap on request bodies: a body over the limit gets a 413 problem before it is parsed.

Without it a caller could send a body of any size and the server would read and parse all
of it (a 25 MB body took seven seconds and hundreds of MB). The cap applies to a declared
``Content-Length`` at once and to a chunked body as it arrives.
"""

from __future__ import annotations

import contextlib
from typing import Any

from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from careerpivot.api.problems import problem

#: The largest request body the API reads: a profile is a few KiB, the largest feedback
#: batch (100 texts of 5000 characters) under 1 MiB, a long rejection log a few hundred KiB.
MAX_BODY_BYTES = 4 * 1024 * 1024


class _TooLarge(Exception):
    """The body grew past the cap while it was read."""


class BodyLimit:
    """ASGI middleware: refuse request bodies over ``max_bytes`` with a 413 problem."""

    def __init__(self, app: ASGIApp, max_bytes: int = MAX_BODY_BYTES) -> None:
        self.app = app
        self.max_bytes = max_bytes

    def _too_large(self) -> Response:
        return problem(
            413,
            "Request body too large",
            f"the request body is over the limit of {self.max_bytes} bytes "
            f"({self.max_bytes // (1024 * 1024)} MiB); send a smaller profile, log or batch "
            "of texts (split a long list over several requests)",
        )

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope.get("headers") or []).get(b"content-length")
        if declared is not None:
            try:
                size = int(declared)
            except ValueError:
                size = -1
            if size < 0:
                bad = problem(400, "Bad request", "the Content-Length header is not a size")
                await bad(scope, receive, send)
                return
            if size > self.max_bytes:
                await self._too_large()(scope, receive, send)
                return

        state: dict[str, Any] = {"read": 0, "over": False, "started": False}

        async def counted() -> Message:
            msg = await receive()
            if msg["type"] == "http.request":
                state["read"] += len(msg.get("body", b""))
                if state["read"] > self.max_bytes:
                    state["over"] = True
                    raise _TooLarge
            return msg

        async def guarded(msg: Message) -> None:
            if state["over"] and not state["started"]:
                return  # the app's answer to the cut-off body is replaced by the 413 below
            if msg["type"] == "http.response.start":
                state["started"] = True
            await send(msg)

        with contextlib.suppress(_TooLarge):
            await self.app(scope, counted, guarded)
        if state["over"] and not state["started"]:
            await self._too_large()(scope, receive, send)
