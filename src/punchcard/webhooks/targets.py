"""Where deliveries may go: no private, loopback or link-local address unless settings allow
it (SSRF guard), optionally HTTPS only. Checked when an endpoint is saved and again, on the
resolved address, at every send, so DNS cannot be re-pointed inside the network later."""

import asyncio
import ipaddress
import socket
from urllib.parse import urlsplit

from punchcard.config import get_settings
from punchcard.kit.errors import Unprocessable


class TargetRefused(Exception):
    """The address a URL resolves to is not allowed."""


def _public(address: str) -> bool:
    ip = ipaddress.ip_address(address)
    return ip.is_global and not ip.is_multicast


def check_url(url: str) -> None:
    """Static checks when an endpoint is saved (a name is resolved at send time)."""
    settings = get_settings()
    parts = urlsplit(url)
    if settings.webhook_https_only and parts.scheme != "https":
        raise Unprocessable("url_not_allowed", "Webhook URLs must use https.", field="url")
    host = parts.hostname or ""
    try:
        literal = ipaddress.ip_address(host)
    except ValueError:
        literal = None
    private = literal is not None and not _public(host)
    if (private or host == "localhost") and not settings.webhook_allow_private_networks:
        raise Unprocessable(
            "url_not_allowed",
            "Webhook URLs may not point at private, loopback or link-local addresses.",
            field="url",
        )


async def resolve(host: str, port: int) -> str:
    """The address to connect to, checked; the connection is pinned to it."""
    infos = await asyncio.get_running_loop().getaddrinfo(host, port, type=socket.SOCK_STREAM)
    addresses = [str(info[4][0]) for info in infos]
    if not addresses:
        raise TargetRefused(f"{host} does not resolve")
    if not get_settings().webhook_allow_private_networks:
        refused = [a for a in addresses if not _public(a)]
        if refused:
            raise TargetRefused(f"{host} resolves to a non-public address ({refused[0]})")
    return addresses[0]
