"""What each process counts for Prometheus (prometheus-client): requests, its database pool,
webhook deliveries, wallet pushes and campaign deliveries.

``punchcard serve --workers N`` runs N processes: prometheus-client's multiprocess mode
(``PROMETHEUS_MULTIPROC_DIR``, set by the CLI before the workers start) keeps each process's
values in a file of that directory, and the exporter adds them up. Gauges that describe the
database as a whole (the outbox, code pools) are read at scrape time instead
(``observability.database_gauges``). Label values are bounded: route templates, never paths.
"""

import asyncio
import collections
import contextlib
from collections.abc import Iterable

from prometheus_client import Counter, Gauge, Histogram
from sqlalchemy.ext.asyncio import AsyncEngine

METHODS = frozenset({"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"})
POOL_SAMPLE_SECONDS = 1.0

REQUESTS = Counter(
    "punchcard_http_requests",
    "HTTP requests answered, by method, route template and status.",
    ["method", "route", "status"],
)
REQUEST_SECONDS = Histogram(
    "punchcard_http_request_duration_seconds",
    "Time to answer an HTTP request, by method and route template.",
    ["method", "route"],
    buckets=(0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10),
)
# Summed over the live processes: what the whole server holds and waits for.
POOL_SIZE = Gauge(
    "punchcard_db_pool_size",
    "Database connections the pools may hold.",
    multiprocess_mode="livesum",
)
POOL_CHECKED_OUT = Gauge(
    "punchcard_db_pool_checked_out",
    "Database connections in use.",
    multiprocess_mode="livesum",
)
POOL_WAITING = Gauge(
    "punchcard_db_pool_waiting",
    "Requests and jobs waiting for a database connection (or for one being opened).",
    multiprocess_mode="livesum",
)
WEBHOOK_DELIVERIES = Counter(
    "punchcard_webhook_deliveries",
    "Webhook delivery attempts recorded, by result: succeeded, retrying (failed, tried "
    "again later) or failed (retries exhausted, or refused for good).",
    ["result"],
)
WALLET_PUSHES = Counter(
    "punchcard_wallet_pushes",
    "Wallet pass updates pushed, by wallet (apple, google) and result (succeeded, failed).",
    ["wallet", "result"],
)
CAMPAIGN_DELIVERIES = Counter(
    "punchcard_campaign_deliveries",
    "Campaign and transactional message deliveries recorded, by channel and status: sent, "
    "retry (tried again later), failed or skipped.",
    ["channel", "status"],
)


class RequestMetrics:
    """Counts and times requests. Each label set's children are looked up once: ``labels()``
    takes a lock and builds its key on every call, which the hot path should not pay."""

    def __init__(self) -> None:
        self._children: dict[tuple[str, str, int], tuple[Counter, Histogram]] = {}

    def observe(self, method: str, route: str, status: int, seconds: float) -> None:
        if method not in METHODS:  # any word is a method to HTTP: keep labels bounded
            method = "OTHER"
        key = (method, route, status)
        children = self._children.get(key)
        if children is None:
            children = (
                REQUESTS.labels(method, route, str(status)),
                REQUEST_SECONDS.labels(method, route),
            )
            self._children[key] = children
        children[0].inc()
        children[1].observe(seconds)


_WEBHOOK_RESULTS = {"succeeded": "succeeded", "pending": "retrying", "failed": "failed"}


def webhook_results(statuses: Iterable[str]) -> None:
    """Count recorded attempts by the state they left their message in: one increment per
    state of a batch, not one per attempt (each takes the metric's lock)."""
    for status, n in collections.Counter(statuses).items():
        WEBHOOK_DELIVERIES.labels(_WEBHOOK_RESULTS[status]).inc(n)


def sample_pool(engine: AsyncEngine) -> None:
    """The pool's size, connections in use and waiters (db.engine's ``WaitCountingPool``)."""
    pool = engine.sync_engine.pool  # read each time: a dispose replaces it
    size = getattr(pool, "size", None)
    checked_out = getattr(pool, "checkedout", None)
    POOL_SIZE.set(size() if callable(size) else 0)
    POOL_CHECKED_OUT.set(checked_out() if callable(checked_out) else 0)
    POOL_WAITING.set(getattr(pool, "waiting", 0))


async def sample_pool_forever(engine: AsyncEngine, stop: asyncio.Event) -> None:
    """A gauge is a value its own process writes (the scrape may be answered by another
    process), so the pool is sampled every second rather than read at scrape time."""
    while not stop.is_set():
        sample_pool(engine)
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(stop.wait(), POOL_SAMPLE_SECONDS)
