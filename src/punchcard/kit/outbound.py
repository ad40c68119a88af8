"""The guard for every outbound request a business can point somewhere (webhook endpoints, a
POS API's base URL, and soon messenger channels and CRM sync): no loopback, private,
link-local or otherwise non-public destination unless settings allow private networks (tests,
intranets).

Checked twice: statically when the URL is saved (``check_url``: IP literals in every spelling,
``localhost``), and on the resolved addresses for every connection a request opens, which then
goes to the checked address (pinned), so a name cannot be re-pointed inside the network later.
Two clients get that pinning: aiohttp through ``GuardedResolver``, httpx through
``guarded_client``.
"""

import ipaddress
import socket
import ssl
from collections.abc import Iterable
from typing import Any
from urllib.parse import urlsplit

import anyio
import httpcore
import httpx
from aiohttp.abc import ResolveResult
from aiohttp.resolver import ThreadedResolver

from punchcard.kit.errors import Unprocessable

Address = ipaddress.IPv4Address | ipaddress.IPv6Address

# IPv6 ranges that carry an IPv4 address inside (or translate to IPv4): whatever the embedded
# address, a packet may end up at a private IPv4 host (NAT64 64:ff9b::a00:1 is 10.0.0.1).
EMBEDDING_IPV4 = tuple(
    ipaddress.ip_network(net)
    for net in (
        "::ffff:0:0/96",  # IPv4-mapped
        "::/96",  # IPv4-compatible (deprecated)
        "::ffff:0:0:0/96",  # IPv4-translated (SIIT)
        "64:ff9b::/96",  # NAT64, well-known prefix
        "64:ff9b:1::/48",  # NAT64, local-use prefix
        "2002::/16",  # 6to4
        "2001::/32",  # Teredo
    )
)
ISATAP_INTERFACE_IDS = (0x00005EFE, 0x02005EFE)  # ::0:5efe:a.b.c.d in any prefix


class TargetRefused(Exception):
    """A destination that is not allowed; sending to it again will not help."""


def is_public(address: Address | str) -> bool:
    """Whether an address is a public unicast one that embeds no IPv4 address."""
    ip = ipaddress.ip_address(address) if isinstance(address, str) else address
    if isinstance(ip, ipaddress.IPv6Address):
        if any(ip in net for net in EMBEDDING_IPV4):
            return False
        if (int(ip) >> 32) & 0xFFFFFFFF in ISATAP_INTERFACE_IDS:
            return False
    return ip.is_global and not ip.is_multicast


def literal_address(host: str) -> Address | None:
    """The address a host names literally, in any spelling a resolver accepts (``[::1]``,
    ``127.1``, ``2130706433``, ``0x7f.0.0.1``), else None (a name)."""
    host = host.strip("[]")
    try:
        return ipaddress.ip_address(host.split("%", 1)[0])  # a zone id (fe80::1%eth0) too
    except ValueError:
        pass
    if host and all(c in "0123456789abcdefxABCDEFX." for c in host):
        try:  # the shorthand and numeric forms inet_aton (and so getaddrinfo) accepts
            return ipaddress.IPv4Address(socket.inet_aton(host))
        except OSError:
            return None
    return None


def refusal(host: str, allow_private: bool) -> str | None:
    """Why a host may not be a destination (None: allowed, a name is checked once resolved)."""
    if allow_private:
        return None
    name = host.strip("[]").rstrip(".").lower()
    if name == "localhost" or name.endswith(".localhost"):
        return f"{host} is a loopback name"
    address = literal_address(name)
    if address is not None and not is_public(address):
        return f"{host} is a non-public address"
    return None


def check_url(url: str, *, allow_private: bool, https_only: bool = False, field: str) -> None:
    """Static checks when a URL is saved: 422 ``url_not_allowed`` naming ``field``."""
    parts = urlsplit(url)
    if https_only and parts.scheme != "https":
        raise Unprocessable("url_not_allowed", f"{field} must use https.", field=field)
    if refusal(parts.hostname or "", allow_private) is not None:
        raise Unprocessable(
            "url_not_allowed",
            f"{field} may not point at private, loopback or link-local addresses.",
            field=field,
        )


def _check_resolved(host: str, addresses: Iterable[str], allow_private: bool) -> None:
    if allow_private:
        return
    refused = [address for address in addresses if not is_public(address)]
    if refused:
        raise TargetRefused(f"{host} resolves to a non-public address ({refused[0]})")


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
        _check_resolved(host, (result["host"] for result in found), self.allow_private)
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
        _check_resolved(host, addresses, self.allow_private)
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
