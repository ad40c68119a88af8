"""A loopback stand-in for a busy Punchcard: it answers the first requests from a script (429 or
503, with or without Retry-After) and forwards the others to the real server."""

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field

import httpx
from aiohttp import web

# What a client needs back from a forwarded answer.
FORWARDED = ("content-type", "idempotent-replayed", "retry-after", "x-request-id")


@dataclass
class Flaky:
    upstream: str
    script: list[tuple[int, dict[str, str]]]  # (status, headers) of the next scripted answers
    base_url: str = ""
    requests: list[dict[str, str]] = field(default_factory=list)  # headers, in arrival order

    async def handle(self, request: web.Request) -> web.Response:
        self.requests.append(dict(request.headers.items()))
        if self.script:
            status, headers = self.script.pop(0)
            problem = {"status": status, "code": "busy", "detail": "Scripted by the test."}
            return web.json_response(
                problem, status=status, headers=headers, content_type="application/problem+json"
            )
        async with httpx.AsyncClient(base_url=self.upstream) as upstream:
            answer = await upstream.request(
                request.method,
                request.path_qs,
                headers={k: v for k, v in request.headers.items() if k.lower() != "host"},
                content=await request.read(),
            )
        headers = {k: v for k, v in answer.headers.items() if k.lower() in FORWARDED}
        return web.Response(status=answer.status_code, body=answer.content, headers=headers)


@asynccontextmanager
async def flaky(upstream: str, script: list[tuple[int, dict[str, str]]]) -> AsyncIterator[Flaky]:
    fake = Flaky(upstream, list(script))
    app = web.Application()
    app.router.add_route("*", "/{tail:.*}", fake.handle)
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    fake.base_url = f"http://127.0.0.1:{site._server.sockets[0].getsockname()[1]}"  # type: ignore[union-attr]
    try:
        yield fake
    finally:
        await runner.cleanup()
