"""Outbound HTTP of every channel: one client per process (per event loop), so connections to a
provider are kept alive and reused across sends; each call sets its provider's timeout.

Telegram's sends go through aiohttp (``post_json``): a campaign sends hundreds a second, and
httpx's connection pool costs several times aiohttp's CPU per request with many in flight."""

import asyncio
import email.utils
import json
import weakref
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import aiohttp
import httpx

from punchcard.channels.adapter import ProviderUnavailable, RetryLater

_clients: "weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, httpx.AsyncClient]" = (
    weakref.WeakKeyDictionary()
)
_sessions: "weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, aiohttp.ClientSession]" = (
    weakref.WeakKeyDictionary()
)
LIMITS = httpx.Limits(max_connections=200, max_keepalive_connections=50)
TransportError = httpx.HTTPError | aiohttp.ClientError | TimeoutError
TRANSPORT_ERRORS = (httpx.HTTPError, aiohttp.ClientError, TimeoutError)  # for ``except``


def client() -> httpx.AsyncClient:
    loop = asyncio.get_running_loop()
    found = _clients.get(loop)
    if found is None or found.is_closed:
        found = _clients[loop] = httpx.AsyncClient(limits=LIMITS, follow_redirects=False)
    return found


def session() -> aiohttp.ClientSession:
    loop = asyncio.get_running_loop()
    found = _sessions.get(loop)
    if found is None or found.closed:
        found = _sessions[loop] = aiohttp.ClientSession(
            connector=aiohttp.TCPConnector(limit=LIMITS.max_connections or 0),
            cookie_jar=aiohttp.DummyCookieJar(),  # one provider's cookie must not reach another
        )
    return found


async def close() -> None:
    """Close this event loop's clients (the server or worker is stopping)."""
    loop = asyncio.get_running_loop()
    found = _clients.pop(loop, None)
    if found is not None:
        await found.aclose()
    opened = _sessions.pop(loop, None)
    if opened is not None:
        await opened.close()


@dataclass(frozen=True)
class Answer:
    """A provider's answer to ``post_json``: read whole, the connection already back in the
    pool."""

    status: int
    reason: str
    headers: Mapping[str, str]
    body: dict[str, Any]  # the JSON object, or {} (an HTML error page, say)

    @property
    def is_success(self) -> bool:
        return 200 <= self.status < 300


async def post_json(url: str, payload: dict[str, Any], seconds: float) -> Answer:
    """POST ``payload`` as JSON, answered within ``seconds``; raises one of
    ``TRANSPORT_ERRORS`` when no answer came."""
    async with session().post(
        url, json=payload, timeout=aiohttp.ClientTimeout(total=seconds), allow_redirects=False
    ) as response:
        raw = await response.read()
        return Answer(response.status, response.reason or "", response.headers, parsed_object(raw))


def json_body(response: httpx.Response) -> dict[str, Any]:
    """The response's JSON object, or {} when it is not one (an HTML error page, say)."""
    try:
        body = response.json()
    except (ValueError, UnicodeDecodeError):
        return {}
    return body if isinstance(body, dict) else {}


def retry_after(headers: Mapping[str, str]) -> float | None:
    """The Retry-After header in seconds (delta-seconds or an HTTP date), if any."""
    value = headers.get("retry-after", "").strip()
    if not value:
        return None
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - datetime.now(UTC)).total_seconds())


def transport_failure(provider: str, exc: TransportError) -> RetryLater:
    """A call that got no answer: worth another try. The exception's name only, since messages
    may carry the request URL (Telegram's holds the bot token)."""
    if isinstance(exc, httpx.TimeoutException | TimeoutError):
        return RetryLater("timeout", f"{provider} did not answer in time.")
    return RetryLater("network_error", f"{provider} unreachable: {type(exc).__name__}.")


def unavailable(provider: str, exc: TransportError) -> ProviderUnavailable:
    return ProviderUnavailable(transport_failure(provider, exc).detail)


def parsed_object(body: bytes) -> dict[str, Any]:
    """A verified inbound body as a JSON object ({} when it is not one)."""
    try:
        parsed = json.loads(body)
    except (ValueError, UnicodeDecodeError):
        return {}
    return parsed if isinstance(parsed, dict) else {}
