"""Which hosts the server answers for, and redirects that never name the Host header.

Only configured hosts are served (the host of ``PUNCHCARD_PUBLIC_URL``, loopback for health
checks on the machine, and ``PUNCHCARD_ALLOWED_HOSTS``): a request for any other name (a
forged Host header, DNS rebinding) is a 400 before any route runs. The trailing-slash redirect
is relative, so it cannot send a visitor to whatever host a request named.
"""

import json
from collections.abc import Iterable
from urllib.parse import urlsplit

from starlette.responses import RedirectResponse
from starlette.routing import Match, Router
from starlette.types import ASGIApp, Receive, Scope, Send

LOOPBACK = ("localhost", "127.0.0.1", "::1")


def allowed_hosts(public_url: str, extra: Iterable[str]) -> frozenset[str]:
    """Host names (no ports) the server answers for; ``*`` among them allows any."""
    names = {urlsplit(public_url).hostname or "", *LOOPBACK, *extra}
    return frozenset(name.lower().strip("[]") for name in names if name)


def host_name(host_header: bytes) -> str:
    """The name of a Host header value (``[::1]:8000`` -> ``::1``, ``Cafe.Example`` ->
    ``cafe.example``)."""
    host = host_header.decode("latin-1").strip().lower()
    if host.startswith("["):
        return host[1 : host.find("]")] if "]" in host else host
    return host.rsplit(":", 1)[0] if host.count(":") == 1 else host


def _refusal() -> bytes:
    return json.dumps(
        {
            "type": "https://punchcard.dev/problems/host-not-allowed",
            "title": "Bad request",
            "status": 400,
            "code": "host_not_allowed",
            "detail": "This server does not answer for that host name.",
        }
    ).encode()


class AllowedHosts:
    def __init__(self, app: ASGIApp, *, hosts: frozenset[str]) -> None:
        self.app = app
        self.hosts = hosts
        self.any = "*" in hosts

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if self.any or scope["type"] not in ("http", "websocket"):
            await self.app(scope, receive, send)
            return
        for name, value in scope["headers"]:
            if name == b"host":
                if host_name(value) not in self.hosts:
                    await _refuse(send)
                    return
                break
        await self.app(scope, receive, send)


async def _refuse(send: Send) -> None:
    body = _refusal()
    headers = [
        (b"content-type", b"application/problem+json"),
        (b"content-length", str(len(body)).encode()),
    ]
    await send({"type": "http.response.start", "status": 400, "headers": headers})
    await send({"type": "http.response.body", "body": body})


def relative_slash_redirects(router: Router) -> None:
    """Replace Starlette's trailing-slash redirect (an absolute URL built from the Host header)
    with one to a relative path, tried only once no route matched."""
    router.redirect_slashes = False
    not_found = router.default

    async def default(scope: Scope, receive: Receive, send: Send) -> None:
        path = scope["path"]
        if scope["type"] == "http" and path != "/":
            other = path.rstrip("/") if path.endswith("/") else path + "/"
            moved = {**scope, "path": other}
            if any(route.matches(moved)[0] is not Match.NONE for route in router.routes):
                query = scope.get("query_string", b"").decode("latin-1")
                # "//evil.example" would be a host: only single-slash paths are redirected.
                location = "/" + other.lstrip("/") + (f"?{query}" if query else "")
                await RedirectResponse(location, status_code=307)(scope, receive, send)
                return
        await not_found(scope, receive, send)

    router.default = default
