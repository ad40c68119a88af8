"""One signed HTTP delivery: connections pinned to checked addresses, a bounded exchange,
redirects not followed."""

import asyncio
import time
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import lru_cache

import aiohttp
from yarl import URL

from punchcard import __version__
from punchcard.kit.outbound import TargetRefused, refusal
from punchcard.kit.outbound_clients import GuardedResolver
from punchcard.webhooks import signing
from punchcard.webhooks.retry import parse_retry_after

RESPONSE_BODY_LIMIT = 2048
DNS_CACHE_SECONDS = 10  # each answer was checked; a re-pointed name is seen this much later
USER_AGENT = f"Punchcard-Webhooks/{__version__}"
HEADERS = {"content-type": "application/json", "user-agent": USER_AGENT}


@dataclass
class Outcome:
    status_code: int | None
    latency_ms: float
    response_body: str | None
    error: str | None
    retry_after: timedelta | None
    refused: bool = False  # the guard refused the destination: trying again will not help

    @property
    def succeeded(self) -> bool:
        # 3xx counts as a failure: a receiver must answer the URL it registered.
        return self.status_code is not None and 200 <= self.status_code < 300


@lru_cache(maxsize=4096)
def _target(url: str, allow_private: bool) -> tuple[URL, str | None]:
    """An endpoint's URL parsed, and why its literal host is refused, once per URL instead of
    once per delivery (names are checked again on every address they resolve to)."""
    target = URL(url)
    return target, refusal(target.raw_host or "", allow_private)


class Sender:
    """Keep-alive connections shared by every send of a worker; open it inside the event loop
    and close it when done. ``allow_private`` lifts the SSRF guard (tests, intranets)."""

    def __init__(self, *, timeout_seconds: float, connections: int, allow_private: bool) -> None:
        self.timeout = timeout_seconds
        self.resolver = GuardedResolver(allow_private=allow_private)
        self.session = aiohttp.ClientSession(
            connector=aiohttp.TCPConnector(
                limit=connections,
                limit_per_host=0,  # endpoints have their own caps
                ttl_dns_cache=DNS_CACHE_SECONDS,
                resolver=self.resolver,
            ),
            timeout=aiohttp.ClientTimeout(total=None),  # ``send`` bounds the whole exchange
            cookie_jar=aiohttp.DummyCookieJar(),  # a receiver's cookie must not reach another
            auto_decompress=False,  # the log keeps the answer's first bytes as they came
            skip_auto_headers=("Accept-Encoding",),
            trust_env=False,
        )

    async def close(self) -> None:
        await self.session.close()

    async def send(
        self,
        url: str,
        secrets: list[str],
        event_id: str,
        body: bytes,
        now: datetime,
    ) -> Outcome:
        """Post ``body`` (JSON) signed. The timeout bounds the whole exchange, the answer's
        body included: a receiver answering byte by byte would otherwise outlive the lease and
        get a twin delivery."""
        timestamp = int(time.time())
        headers = {
            **HEADERS,
            "webhook-id": event_id,
            "webhook-timestamp": str(timestamp),
            "webhook-signature": signing.signature_header(secrets, event_id, timestamp, body),
        }
        started = time.perf_counter()
        try:
            async with asyncio.timeout(self.timeout):
                target, refused = _target(url, self.resolver.allow_private)
                if refused is not None:
                    raise TargetRefused(refused)
                async with self.session.post(
                    target, data=body, headers=headers, allow_redirects=False
                ) as response:
                    received = b""
                    while len(received) < RESPONSE_BODY_LIMIT and (
                        chunk := await response.content.read(RESPONSE_BODY_LIMIT - len(received))
                    ):
                        received += chunk
            return Outcome(
                response.status,
                (time.perf_counter() - started) * 1000,
                # PostgreSQL text holds no NUL: a record refused for one would be redelivered.
                received.decode("utf-8", "replace").replace("\x00", "\ufffd"),
                None,
                parse_retry_after(response.headers.get("retry-after"), now),
            )
        except TargetRefused as exc:
            latency = (time.perf_counter() - started) * 1000
            return Outcome(None, latency, None, f"refused: {exc}", None, refused=True)
        except TimeoutError:
            error = "timeout"
        except (aiohttp.ClientError, OSError) as exc:  # OSError: name resolution, sockets
            error = f"{type(exc).__name__}: {exc}"[:500]
        return Outcome(None, (time.perf_counter() - started) * 1000, None, error, None)
