"""Where deliveries may go: no private, loopback or link-local address unless settings allow
it (SSRF guard), optionally HTTPS only. Checked when an endpoint is saved and again, on the
resolved address, for every connection a send opens, so DNS cannot be re-pointed inside the
network later."""

import ipaddress
import socket
from urllib.parse import urlsplit

from aiohttp.abc import ResolveResult
from aiohttp.resolver import ThreadedResolver

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


class CheckedResolver(ThreadedResolver):
    """Resolves a name for each new connection, which then goes to the addresses checked here
    (all must be allowed), while the URL, the Host header and the TLS server name (SNI and the
    certificate check) keep the name. IP-literal hosts are connected to without a resolver:
    ``check_literal`` is their check."""

    def __init__(self, *, allow_private: bool) -> None:
        super().__init__()
        self.allow_private = allow_private

    def check_literal(self, host: str) -> None:
        if self.allow_private:
            return
        try:
            ipaddress.ip_address(host)
        except ValueError:
            return  # a name: ``resolve`` checks what it resolves to
        if not _public(host):
            raise TargetRefused(f"{host} is a non-public address")

    async def resolve(
        self, host: str, port: int = 0, family: socket.AddressFamily = socket.AF_INET
    ) -> list[ResolveResult]:
        found = await super().resolve(host, port, family)
        if not self.allow_private:
            refused = [result["host"] for result in found if not _public(result["host"])]
            if refused:
                raise TargetRefused(f"{host} resolves to a non-public address ({refused[0]})")
        return found
