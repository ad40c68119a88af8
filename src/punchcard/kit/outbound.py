"""The guard for every outbound request a business can point somewhere (webhook endpoints, a
POS API's base URL, and soon messenger channels and CRM sync): no loopback, private,
link-local or otherwise non-public destination unless settings allow private networks (tests,
intranets).

Checked twice: statically when the URL is saved (``check_url``: IP literals in every spelling,
``localhost``), and on the resolved addresses for every connection a request opens, which then
goes to the checked address (pinned), so a name cannot be re-pointed inside the network later.
Two clients get that pinning (kit.outbound_clients): aiohttp through ``GuardedResolver``, httpx
through ``guarded_client``. They live apart so that saving a URL (an API request) does not
import both HTTP clients (about 13 MB resident) into a server process that never sends.
"""

import ipaddress
import socket
from collections.abc import Iterable
from urllib.parse import urlsplit

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


def check_resolved(host: str, addresses: Iterable[str], allow_private: bool) -> None:
    if allow_private:
        return
    refused = [address for address in addresses if not is_public(address)]
    if refused:
        raise TargetRefused(f"{host} resolves to a non-public address ({refused[0]})")
