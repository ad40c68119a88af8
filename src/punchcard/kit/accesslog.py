"""One access log line per request, with secrets taken out of the request line.

Uvicorn's own access log writes the request line as it came, and a web-card link carries its
token in the path (``/c/{business}/{card}/{token}``). This middleware logs instead, through
``redact``, the one function every request log uses (the structured request logs to come too).
"""

import logging
import re
import time
from urllib.parse import parse_qsl, urlencode

from starlette.types import ASGIApp, Message, Receive, Scope, Send

log = logging.getLogger("punchcard.access")
HIDDEN = "[redacted]"
# Paths whose segments stand in for a login: the token segment is replaced.
SECRET_SEGMENTS = (re.compile(r"^(/c/[^/]+/[^/]+/)[^/]+"),)
SECRET_PARAMETERS = frozenset({"token", "access_token", "key", "api_key", "secret", "signature"})


def printable(text: str, limit: int = 2000) -> str:
    """``text`` on one line: control characters (newlines that would forge log lines, terminal
    escapes) written as escapes, at most ``limit`` characters."""
    text = text[:limit]
    if text.isprintable():
        return text
    return "".join(c if c.isprintable() else c.encode("unicode_escape").decode() for c in text)


def redact(path: str, query: str = "") -> str:
    """The request target as it may be logged: token path segments and secret-looking query
    parameters replaced by ``[redacted]``."""
    for pattern in SECRET_SEGMENTS:
        path = pattern.sub(rf"\g<1>{HIDDEN}", path)
    if not query:
        return printable(path)
    pairs = parse_qsl(query, keep_blank_values=True)
    shown = [(k, HIDDEN if k.lower() in SECRET_PARAMETERS else v) for k, v in pairs]
    return printable(f"{path}?{urlencode(shown, safe='[]')}")


class AccessLog:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app
        log.setLevel(logging.INFO)
        if not log.hasHandlers():  # uvicorn configures only its own loggers: to stderr as they
            handler = logging.StreamHandler()
            handler.setFormatter(logging.Formatter("%(levelname)s:     %(message)s"))
            log.addHandler(handler)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        status = 500  # what the client gets if the app fails before answering

        async def noted(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            await send(message)

        try:
            await self.app(scope, receive, noted)
        finally:
            client = scope.get("client")
            target = redact(scope["path"], scope.get("query_string", b"").decode("latin-1"))
            log.info(
                '%s - "%s %s HTTP/%s" %d %.1fms',
                f"{client[0]}:{client[1]}" if client else "-",
                scope["method"],
                target,
                scope.get("http_version", "1.1"),
                status,
                (time.perf_counter() - started) * 1000,
            )
