"""Outbound HTTP of every channel: one client per process (per event loop), so connections to a
provider are kept alive and reused across sends; each call sets its provider's timeout."""

import asyncio
import email.utils
import json
import weakref
from datetime import UTC, datetime
from typing import Any

import httpx

from punchcard.channels.adapter import ProviderUnavailable, RetryLater

_clients: "weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, httpx.AsyncClient]" = (
    weakref.WeakKeyDictionary()
)
LIMITS = httpx.Limits(max_connections=200, max_keepalive_connections=50)


def client() -> httpx.AsyncClient:
    loop = asyncio.get_running_loop()
    found = _clients.get(loop)
    if found is None or found.is_closed:
        found = _clients[loop] = httpx.AsyncClient(limits=LIMITS, follow_redirects=False)
    return found


async def close() -> None:
    """Close this event loop's client (the server or worker is stopping)."""
    found = _clients.pop(asyncio.get_running_loop(), None)
    if found is not None:
        await found.aclose()


def json_body(response: httpx.Response) -> dict[str, Any]:
    """The response's JSON object, or {} when it is not one (an HTML error page, say)."""
    try:
        body = response.json()
    except (ValueError, UnicodeDecodeError):
        return {}
    return body if isinstance(body, dict) else {}


def retry_after(response: httpx.Response) -> float | None:
    """The Retry-After header in seconds (delta-seconds or an HTTP date), if any."""
    value = response.headers.get("retry-after", "").strip()
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


def transport_failure(provider: str, exc: httpx.HTTPError) -> RetryLater:
    """A call that got no answer: worth another try. The exception's name only, since messages
    may carry the request URL (Telegram's holds the bot token)."""
    if isinstance(exc, httpx.TimeoutException):
        return RetryLater("timeout", f"{provider} did not answer in time.")
    return RetryLater("network_error", f"{provider} unreachable: {type(exc).__name__}.")


def unavailable(provider: str, exc: httpx.HTTPError) -> ProviderUnavailable:
    return ProviderUnavailable(transport_failure(provider, exc).detail)


def parsed_object(body: bytes) -> dict[str, Any]:
    """A verified inbound body as a JSON object ({} when it is not one)."""
    try:
        parsed = json.loads(body)
    except (ValueError, UnicodeDecodeError):
        return {}
    return parsed if isinstance(parsed, dict) else {}
