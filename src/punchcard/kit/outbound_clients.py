"""The outbound guard (kit.outbound) inside the two HTTP clients: every connection a request
opens goes to a resolved address the guard allowed (pinned), while the URL, the Host header and
the TLS server name keep the name."""

import socket
import ssl
from collections.abc import Iterable
from typing import Any

import anyio
import httpcore
import httpx
from aiohttp.abc import ResolveResult
from aiohttp.resolver import ThreadedResolver

from punchcard.kit.outbound import TargetRefused, check_resolved, refusal


class GuardedResolver(ThreadedResolver):
    """aiohttp: resolves a name for each new connection, which then goes to the addresses
    checked here (all must be allowed), while the URL, the Host header and the TLS server name
    keep the name. IP-literal hosts are connected to without a resolver: check them
    (``refusal``) before the request."""

    def __init__(self, *, allow_private: bool) -> None:
        super().__init__()
        self.allow_private = allow_private

    def check_literal(self, host: str) -> None:
        reason = refusal(host, self.allow_private)
        if reason is not None:
            raise TargetRefused(reason)

    async def resolve(
        self, host: str, port: int = 0, family: socket.AddressFamily = socket.AF_INET
    ) -> list[ResolveResult]:
        self.check_literal(host)
        found = await super().resolve(host, port, family)
        check_resolved(host, (result["host"] for result in found), self.allow_private)
        return found


class _GuardedBackend(httpcore.AsyncNetworkBackend):
    """httpx (through httpcore): resolve, check every address, connect to the first one. TLS
    still checks the certificate against the name (httpcore passes it to ``start_tls``)."""

    def __init__(self, allow_private: bool) -> None:
        self.allow_private = allow_private
        self.inner = httpcore.AnyIOBackend()

    async def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,  # noqa: ASYNC109 (httpcore's interface)
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        reason = refusal(host, self.allow_private)
        if reason is not None:
            raise TargetRefused(reason)
        infos = await _getaddrinfo(host, port)
        addresses = [str(info[4][0]) for info in infos]
        check_resolved(host, addresses, self.allow_private)
        return await self.inner.connect_tcp(
            addresses[0], port, timeout, local_address, socket_options
        )

    async def connect_unix_socket(
        self,
        path: str,
        timeout: float | None = None,  # noqa: ASYNC109
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        raise TargetRefused("unix sockets are not a destination")

    async def sleep(self, seconds: float) -> None:
        await self.inner.sleep(seconds)


async def _getaddrinfo(host: str, port: int) -> list[Any]:
    try:
        return list(await anyio.getaddrinfo(host, port, type=socket.SOCK_STREAM))
    except OSError as exc:
        raise httpcore.ConnectError(f"cannot resolve {host}: {exc}") from exc


def guarded_client(
    *, allow_private: bool, timeout: float, verify: ssl.SSLContext | bool = True
) -> httpx.AsyncClient:
    """An httpx client whose every connection passes the guard; redirects are not followed
    (a redirect is a new destination nobody checked when the URL was saved)."""
    transport = httpx.AsyncHTTPTransport()
    # httpx has no resolver hook; its connection pool (httpcore) takes a network backend.
    transport._pool = httpcore.AsyncConnectionPool(
        ssl_context=httpx.create_ssl_context(verify=verify),
        network_backend=_GuardedBackend(allow_private),
    )
    return httpx.AsyncClient(
        transport=transport, timeout=timeout, follow_redirects=False, trust_env=False
    )
