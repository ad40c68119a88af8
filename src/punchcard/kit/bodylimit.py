"""Request bodies are bounded before they are read: a pure ASGI middleware (no per-request
objects on the hot path) that answers 413 problem+json.

A declared ``Content-Length`` over the limit is refused before the app runs. A body without
one (chunked) is counted as it streams; once over the limit the app reads no more of it and
the client gets the 413 whatever the app would have answered. A body within its declared
length passes untouched: the server never hands the app more than the length it declared.
"""

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass

from starlette.types import ASGIApp, Message, Receive, Scope, Send

PROBLEM = "application/problem+json"


@dataclass(frozen=True)
class RouteLimit:
    """A smaller limit for the paths ``pattern`` matches (public endpoints)."""

    pattern: re.Pattern[str]
    max_bytes: int


def route_limit(pattern: str, max_bytes: int) -> RouteLimit:
    return RouteLimit(re.compile(pattern), max_bytes)


class _TooLarge(Exception):
    pass


def _problem(limit: int) -> bytes:
    return json.dumps(
        {
            "type": "https://punchcard.dev/problems/content-too-large",
            "title": "Content too large",
            "status": 413,
            "code": "content_too_large",
            "detail": f"The request body is larger than {limit} bytes.",
            "max_bytes": limit,
        }
    ).encode()


async def refuse(send: Send, limit: int) -> None:
    body = _problem(limit)
    headers = [
        (b"content-type", PROBLEM.encode()),
        (b"content-length", str(len(body)).encode()),
        (b"connection", b"close"),  # the rest of the body is not read
    ]
    await send({"type": "http.response.start", "status": 413, "headers": headers})
    await send({"type": "http.response.body", "body": body})


class BodyLimit:
    def __init__(self, app: ASGIApp, *, max_bytes: int, routes: Sequence[RouteLimit] = ()) -> None:
        self.app = app
        self.max_bytes = max_bytes
        self.routes = tuple(routes)

    def limit_of(self, path: str) -> int:
        for route in self.routes:
            if route.pattern.match(path):
                return route.max_bytes
        return self.max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = self.limit_of(scope["path"])
        declared = None
        for name, value in scope["headers"]:
            if name == b"content-length":
                declared = value
                break
        if declared is not None:
            if not declared.isdigit() or int(declared) > limit:
                await refuse(send, limit)
                return
            await self.app(scope, receive, send)
            return
        await self._streamed(scope, receive, send, limit)

    async def _streamed(self, scope: Scope, receive: Receive, send: Send, limit: int) -> None:
        received = 0
        over = False
        started = False

        async def counted() -> Message:
            nonlocal received, over
            if over:  # the app asks again after we said no: the client is gone for it
                return {"type": "http.disconnect"}
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    over = True
                    raise _TooLarge
            return message

        async def guarded_send(message: Message) -> None:
            nonlocal started
            if over:
                return  # whatever the app makes of the refused body, the answer is the 413
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, counted, guarded_send)
        except _TooLarge:
            pass
        except Exception:
            if not over:
                raise
        if over and not started:
            await refuse(send, limit)
