"""One signed HTTP delivery: pinned to a checked address, 15 s timeout, redirects not followed."""

import asyncio
import json
import time
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import httpx

from punchcard import __version__
from punchcard.webhooks import signing
from punchcard.webhooks.retry import parse_retry_after
from punchcard.webhooks.targets import TargetRefused, resolve

RESPONSE_BODY_LIMIT = 2048


@dataclass
class Outcome:
    status_code: int | None
    latency_ms: float
    response_body: str | None
    error: str | None
    retry_after: timedelta | None

    @property
    def succeeded(self) -> bool:
        # 3xx counts as a failure: a receiver must answer the URL it registered.
        return self.status_code is not None and 200 <= self.status_code < 300


def body_of(payload: dict[str, Any]) -> bytes:
    return json.dumps(payload, separators=(",", ":"), ensure_ascii=False).encode()


async def _pinned(url: str) -> tuple[str, dict[str, str], dict[str, Any]]:
    """The URL rewritten to the checked IP, the Host header and TLS name to keep."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    port = parts.port or (443 if parts.scheme == "https" else 80)
    address = await resolve(host, port)
    netloc = f"[{address}]" if ":" in address else address
    if parts.port:
        netloc += f":{parts.port}"
    extensions = {"sni_hostname": host} if parts.scheme == "https" else {}
    return urlunsplit(parts._replace(netloc=netloc)), {"Host": parts.netloc}, extensions


async def send(
    client: httpx.AsyncClient,
    url: str,
    secrets: list[str],
    event_id: str,
    payload: dict[str, Any],
    now: datetime,
    max_seconds: float | None = None,
) -> Outcome:
    """``max_seconds`` bounds the whole exchange: the client's timeout bounds each read only,
    so a receiver answering byte by byte would outlive the lease and get a twin delivery."""
    body = body_of(payload)
    timestamp = int(time.time())
    headers = {
        "content-type": "application/json",
        "user-agent": f"Punchcard-Webhooks/{__version__}",
        "webhook-id": event_id,
        "webhook-timestamp": str(timestamp),
        "webhook-signature": signing.signature_header(secrets, event_id, timestamp, body),
    }
    started = time.perf_counter()
    try:
        async with asyncio.timeout(max_seconds):
            target, host, extensions = await _pinned(url)
            async with client.stream(
                "POST", target, content=body, headers={**headers, **host}, extensions=extensions
            ) as response:
                received = b""
                async for chunk in response.aiter_raw():
                    received += chunk
                    if len(received) >= RESPONSE_BODY_LIMIT:
                        break
        return Outcome(
            response.status_code,
            (time.perf_counter() - started) * 1000,
            received[:RESPONSE_BODY_LIMIT].decode("utf-8", "replace"),
            None,
            parse_retry_after(response.headers.get("retry-after"), now),
        )
    except TargetRefused as exc:
        error = f"refused: {exc}"
    except (httpx.TimeoutException, TimeoutError):
        error = "timeout"
    except httpx.HTTPError as exc:
        error = f"{type(exc).__name__}: {exc}"[:500]
    except OSError as exc:  # name resolution and socket errors
        error = f"{type(exc).__name__}: {exc}"[:500]
    return Outcome(None, (time.perf_counter() - started) * 1000, None, error, None)
