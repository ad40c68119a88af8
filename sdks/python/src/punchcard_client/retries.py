"""Retries on 429 and 503 (honouring ``Retry-After``), an ``Idempotency-Key`` on every write,
and typed errors, as httpx transports under the generated client."""

import asyncio
import email.utils
import itertools
import random
import time
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime

import httpx

from punchcard_client.errors import error_for

WRITES = frozenset({"POST", "PUT", "PATCH", "DELETE"})
IDEMPOTENCY_KEY = "Idempotency-Key"


@dataclass(frozen=True)
class Retry:
    """How often and how long to try again when the API says 429 or 503."""

    attempts: int = 4  # tries in all, the first included
    backoff: float = 0.5  # seconds: the jittered wait doubles from here when no Retry-After
    max_backoff: float = 8.0
    max_retry_after: float = 60.0  # a longer Retry-After is not waited for: the error is raised
    statuses: frozenset[int] = frozenset({429, 503})

    def wait(self, attempt: int, response: httpx.Response) -> float | None:
        """Seconds to wait before the next try after ``attempt`` got ``response``, or None."""
        if response.status_code not in self.statuses or attempt >= self.attempts:
            return None
        asked = retry_after(response.headers.get("retry-after"))
        if asked is None:
            return random.uniform(0, min(self.max_backoff, self.backoff * 2 ** (attempt - 1)))
        return asked if asked <= self.max_retry_after else None


def retry_after(value: str | None) -> float | None:
    """``Retry-After`` in seconds: delay-seconds or an HTTP date (RFC 9110 §10.2.3)."""
    if value is None:
        return None
    if value.strip().isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, (when - datetime.now(UTC)).total_seconds())


def _with_idempotency_key(request: httpx.Request) -> None:
    """One key per call, so every retry of a write is the same write to the server."""
    if request.method in WRITES and IDEMPOTENCY_KEY not in request.headers:
        request.headers[IDEMPOTENCY_KEY] = str(uuid.uuid4())


class RetryingTransport(httpx.BaseTransport):
    def __init__(self, retry: Retry) -> None:
        self.retry, self.inner = retry, httpx.HTTPTransport()

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        _with_idempotency_key(request)
        request.read()  # a body sent again must be the same bytes
        for attempt in itertools.count(1):
            response = self.inner.handle_request(request)
            wait = self.retry.wait(attempt, response)
            if wait is None:
                break
            response.close()
            time.sleep(wait)
        if response.is_error:
            response.read()
            response.close()
            raise error_for(response)
        return response

    def close(self) -> None:
        self.inner.close()


class AsyncRetryingTransport(httpx.AsyncBaseTransport):
    def __init__(self, retry: Retry) -> None:
        self.retry, self.inner = retry, httpx.AsyncHTTPTransport()

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        _with_idempotency_key(request)
        await request.aread()
        for attempt in itertools.count(1):
            response = await self.inner.handle_async_request(request)
            wait = self.retry.wait(attempt, response)
            if wait is None:
                break
            await response.aclose()
            await asyncio.sleep(wait)
        if response.is_error:
            await response.aread()
            await response.aclose()
            raise error_for(response)
        return response

    async def aclose(self) -> None:
        await self.inner.aclose()
