"""A real HTTP server on loopback that receives webhooks and answers as a test scripts it."""

import asyncio
import json
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web

Responder = Callable[["Delivery"], web.StreamResponse | None]


@dataclass
class Delivery:
    path: str
    headers: dict[str, str]
    body: bytes
    peer_port: int | None = None  # the sender's TCP source port: which process sent it

    @property
    def json(self) -> dict[str, Any]:
        payload: dict[str, Any] = json.loads(self.body)
        return payload

    @property
    def webhook_id(self) -> str:
        return self.headers["webhook-id"]


@dataclass
class Receiver:
    base_url: str
    deliveries: list[Delivery] = field(default_factory=list)  # answered
    arrivals: list[Delivery] = field(default_factory=list)  # received, answered or still held
    responder: Responder | None = None  # None: answer 204
    hold: asyncio.Event | None = None  # when set up, requests wait for it before answering
    _arrived: asyncio.Condition = field(default_factory=asyncio.Condition)

    def url(self, path: str = "/hooks") -> str:
        return self.base_url + path

    async def wait_for(
        self, count: int, path: str | None = None, timeout: float = 30
    ) -> list[Delivery]:
        """Wait (bounded) until ``count`` deliveries arrived, optionally on one path."""

        def arrived() -> list[Delivery]:
            return [d for d in self.deliveries if path is None or d.path == path]

        async with asyncio.timeout(timeout), self._arrived:
            await self._arrived.wait_for(lambda: len(arrived()) >= count)
        return arrived()

    async def until(
        self, condition: Callable[[list[Delivery]], bool], timeout: float = 30
    ) -> list[Delivery]:
        """Wait (bounded) until ``condition`` holds for the requests that arrived so far,
        including those still waiting for ``hold``; returns them."""
        async with asyncio.timeout(timeout), self._arrived:
            await self._arrived.wait_for(lambda: condition(self.arrivals))
        return list(self.arrivals)

    async def first(self, wanted: Callable[[Delivery], bool], timeout: float = 30) -> Delivery:
        """Wait (bounded) until a ``wanted`` request arrived; returns the first of them."""
        arrived = await self.until(lambda requests: any(map(wanted, requests)), timeout)
        return next(request for request in arrived if wanted(request))

    async def handle(self, request: web.Request) -> web.StreamResponse:
        peer = request.transport.get_extra_info("peername") if request.transport else None
        delivery = Delivery(
            request.path,
            dict(request.headers.items()),
            await request.read(),
            peer[1] if peer else None,
        )
        self.arrivals.append(delivery)
        async with self._arrived:
            self._arrived.notify_all()
        if self.hold is not None:
            await self.hold.wait()
        answer = self.responder(delivery) if self.responder else None
        self.deliveries.append(delivery)
        async with self._arrived:
            self._arrived.notify_all()
        return answer or web.Response(status=204)


@asynccontextmanager
async def receiving() -> AsyncIterator[Receiver]:
    receiver: Receiver | None = None

    async def handler(request: web.Request) -> web.StreamResponse:
        assert receiver is not None
        return await receiver.handle(request)

    app = web.Application()
    app.router.add_route("POST", "/{tail:.*}", handler)
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
    receiver = Receiver(f"http://127.0.0.1:{port}")
    try:
        yield receiver
    finally:
        if receiver.hold is not None:
            receiver.hold.set()
        await runner.cleanup()
