"""One access log line per request, with secrets and personal data taken out of the request
line; the request's id; its metrics.

Uvicorn's own access log writes the request line as it came, and a web-card link carries its
token in the path (``/c/{business}/{card}/{token}``), a customer search its email in the
query. This middleware logs instead, through ``redact``, the one function every request log
uses. Each request gets an id (the client's ``X-Request-Id`` if acceptable, else a new one),
returned as ``X-Request-Id`` and kept in the request context (kit.requestcontext), so the
events it writes and their webhook attempts carry it too.
"""

import logging
import re
import time
from collections.abc import Callable
from typing import Any
from urllib.parse import parse_qsl, urlencode

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from punchcard.kit import requestcontext
from punchcard.kit.requestcontext import RequestContext

log = logging.getLogger("punchcard.access")
HIDDEN = "[redacted]"
# Paths whose segments stand in for a login: the token segment is replaced.
SECRET_SEGMENTS = (
    re.compile(r"^(/c/[^/]+/[^/]+/)[^/]+"),
    re.compile(r"^(/unsubscribe/[^/]+/[^/]+/[^/]+/)[^/]+"),
)
# Query parameters whose values are logged; any other's value (an email, a phone number, a
# redeem code, a verification token) is not. Ids are opaque (``*_id``), except a customer's
# id in the business's own CRM, which may be anything.
SHOWN_PARAMETERS = frozenset(
    {"limit", "cursor", "status", "type", "event_type", "lang", "since", "until", "format"}
)
UNMATCHED = "unmatched"  # the route label of a request no route took (404s): never its path
Observe = Callable[[str, str, int, float], None]


def printable(text: str, limit: int = 2000) -> str:
    """``text`` on one line: control characters (newlines that would forge log lines, terminal
    escapes) written as escapes, at most ``limit`` characters."""
    text = text[:limit]
    if text.isprintable():
        return text
    return "".join(c if c.isprintable() else c.encode("unicode_escape").decode() for c in text)


def _shown(key: str) -> bool:
    key = key.lower()
    return key in SHOWN_PARAMETERS or (key.endswith("_id") and key != "source_id")


def redact(path: str, query: str = "") -> str:
    """The request target as it may be logged: token path segments, and the values of query
    parameters that are not known to be harmless, replaced by ``[redacted]``."""
    for pattern in SECRET_SEGMENTS:
        path = pattern.sub(rf"\g<1>{HIDDEN}", path)
    if not query:
        return printable(path)
    pairs = parse_qsl(query, keep_blank_values=True)
    shown = [(k, v if _shown(k) else HIDDEN) for k, v in pairs]
    return printable(f"{path}?{urlencode(shown, safe='[]')}")


_templates: dict[int, tuple[Any, str]] = {}  # id(route) -> (route, template)


def route_template(scope: Scope) -> str:
    """The template of the route that took the request (``/v1/cards/{card_ref}/stamps``),
    never its path: ids and tokens must not become metric labels."""
    route = scope.get("route")
    if route is None:
        # Starlette's own routes (the docs) have no parameters: their path is their template.
        return scope["path"] if "endpoint" in scope and not scope.get("path_params") else UNMATCHED
    cached = _templates.get(id(route))  # the route is kept, so its id is never another's
    if cached is None or cached[0] is not route:
        cached = _templates[id(route)] = (route, _full_template(route, scope))
    return cached[1]


def _full_template(route: Any, scope: Scope) -> str:
    """A route included under a prefix (``/v1``) knows only its own part of the path: the
    prefix is what the path has before the route's part, rendered with its parameters."""
    suffix: str = route.path_format
    try:
        rendered = str(route.url_path_for(route.name, **scope.get("path_params", {})))
    except Exception:  # a route that cannot render its path: its own template is the label
        return suffix
    path: str = scope["path"]
    return path[: len(path) - len(rendered)] + suffix if path.endswith(rendered) else suffix


class AccessLog:
    """Pure ASGI. ``log_requests`` writes the line; ``observe`` (request metrics) gets each
    request's method, route template, status and seconds."""

    def __init__(self, app: ASGIApp, log_requests: bool = True, observe: Observe | None = None):
        self.app = app
        self.log_requests = log_requests
        self.observe = observe
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
        context = RequestContext(requestcontext.request_id_from(scope["headers"]))
        header = (requestcontext.HEADER, context.request_id.encode())
        status = 500  # what the client gets if the app fails before answering

        async def noted(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                message["headers"] = [*message.get("headers", ()), header]
            await send(message)

        token = requestcontext.enter(context)
        try:
            await self.app(scope, receive, noted)
        finally:
            requestcontext.leave(token)
            seconds = time.perf_counter() - started
            if self.observe is not None:
                self.observe(scope["method"], route_template(scope), status, seconds)
            if self.log_requests:
                _log_line(scope, context, status, seconds)


def _log_line(scope: Scope, context: RequestContext, status: int, seconds: float) -> None:
    client = scope.get("client")
    address = f"{client[0]}:{client[1]}" if client else "-"
    target = redact(scope["path"], scope.get("query_string", b"").decode("latin-1"))
    method = printable(scope["method"], 20)
    version = scope.get("http_version", "1.1")
    fields: dict[str, Any] = {
        "method": method,
        "route": route_template(scope),
        "path": target,
        "status": status,
        "duration_ms": round(seconds * 1000, 2),
        "client": address,
        "request_id": context.request_id,
    }
    identity = ""
    if context.business_id is not None:
        fields |= {
            "business_id": context.business_id,
            "staff_id": context.staff_id,
            "api_key_id": context.api_key_id,
        }
        identity = (
            f" business={context.business_id} staff={context.staff_id} key={context.api_key_id}"
        )
    log.info(
        '%s - "%s %s HTTP/%s" %d %.1fms request_id=%s%s',
        address,
        method,
        target,
        version,
        status,
        seconds * 1000,
        context.request_id,
        identity,
        extra={"fields": fields},
    )
