"""A TCP proxy on loopback that a test can cut: a process reaches a server (PostgreSQL)
through it, and the test takes the network away and gives it back."""

import asyncio
import contextlib
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

CHUNK = 65536


class TcpProxy:
    def __init__(self, upstream_host: str, upstream_port: int) -> None:
        self.upstream = (upstream_host, upstream_port)
        self.port = 0  # chosen on the first start, kept across restarts
        self.accepted = 0  # connections accepted so far
        self._server: asyncio.Server | None = None
        self._open: set[asyncio.StreamWriter] = set()
        self._changed = asyncio.Condition()

    async def start(self) -> None:
        """Listen (again, on the same port)."""
        self._server = await asyncio.start_server(self._handle, "127.0.0.1", self.port)
        self.port = self._server.sockets[0].getsockname()[1]

    async def stop(self) -> None:
        """The outage: stop listening (new connections are refused) and reset every open one."""
        if self._server is not None:
            self._server.close()
            await self._server.wait_closed()
            self._server = None
        for writer in list(self._open):
            writer.transport.abort()
        self._open.clear()

    async def wait_accepted(self, count: int, timeout: float = 30) -> None:
        """Wait (bounded) until ``count`` connections were accepted in total."""
        async with asyncio.timeout(timeout), self._changed:
            await self._changed.wait_for(lambda: self.accepted >= count)

    async def _handle(self, client_in: asyncio.StreamReader, client: asyncio.StreamWriter) -> None:
        try:
            server_in, server = await asyncio.open_connection(*self.upstream)
        except OSError:
            client.transport.abort()
            return
        self._open |= {client, server}
        async with self._changed:
            self.accepted += 1
            self._changed.notify_all()
        await asyncio.gather(self._pipe(client_in, server), self._pipe(server_in, client))
        self._open -= {client, server}

    async def _pipe(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        """Copy one direction until either side closes; then close both."""
        with contextlib.suppress(OSError):
            while data := await reader.read(CHUNK):
                writer.write(data)
                await writer.drain()
        writer.transport.abort()


@asynccontextmanager
async def tcp_proxy(upstream_host: str, upstream_port: int) -> AsyncIterator[TcpProxy]:
    proxy = TcpProxy(upstream_host, upstream_port)
    await proxy.start()
    try:
        yield proxy
    finally:
        await proxy.stop()
