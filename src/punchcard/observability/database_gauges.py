"""Gauges read from the database when Prometheus scrapes: the outbox's backlog and the age of
the oldest undelivered event, and the code pools' stock.

They describe the database, not a process, so the exporter reads them itself, at most once per
``CACHE_SECONDS`` (scrapes in between get the same figures) and within ``TIMEOUT_SECONDS``
(statement timeout on PostgreSQL too): a scrape never loads the database much, and a database
that does not answer costs a scrape two seconds and ``punchcard_database_metrics_up 0``.
Every query runs on a partial or leading index.
"""

import asyncio
import logging
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from prometheus_client.core import GaugeMetricFamily
from prometheus_client.registry import Collector
from sqlalchemy import and_, func, select
from sqlalchemy.ext.asyncio import AsyncConnection, create_async_engine
from sqlalchemy.pool import NullPool

from punchcard.codes.models import VoucherCode
from punchcard.db.base import table_of
from punchcard.db.engine import async_url
from punchcard.events.models import Event
from punchcard.kit.clock import utcnow
from punchcard.vouchers.models import VoucherTemplate
from punchcard.webhooks.models import PENDING, WebhookMessage

log = logging.getLogger("punchcard.metrics")
CACHE_SECONDS = 10.0
TIMEOUT_SECONDS = 2.0
# Code pools with their own series: the emptiest ones. The rest are in the aggregates, so
# a server with thousands of templates still exposes a bounded number of series.
MAX_POOL_SERIES = 50

events = table_of(Event)
messages = table_of(WebhookMessage)
templates = table_of(VoucherTemplate)
codes = table_of(VoucherCode)


@dataclass
class Pool:
    business_id: str
    template_id: str
    available: int
    low_stock: int | None


@dataclass
class Readings:
    undispatched: int
    pending: int
    oldest_undelivered: datetime | None
    pools: list[Pool] = field(default_factory=list)


async def read(connection: AsyncConnection) -> Readings:
    undispatched = events.c.dispatched_at.is_(None)
    oldest_event = await connection.scalar(  # ids are time-ordered: the index's first entry
        select(events.c.created_at).where(undispatched).order_by(events.c.id).limit(1)
    )
    oldest_message = await connection.scalar(
        select(func.min(messages.c.event_created_at)).select_from(messages).where(PENDING)
    )
    available = (
        select(func.count())
        .where(
            codes.c.business_id == templates.c.business_id,
            codes.c.template_id == templates.c.id,
            codes.c.status == "available",
        )
        .scalar_subquery()
    )
    pools = await connection.execute(
        select(
            templates.c.business_id, templates.c.id, available, templates.c.code_pool_low_stock
        ).where(and_(templates.c.code_type == "pool", templates.c.archived_at.is_(None)))
    )
    return Readings(
        undispatched=await connection.scalar(
            select(func.count()).select_from(events).where(undispatched)
        )
        or 0,
        pending=await connection.scalar(select(func.count()).select_from(messages).where(PENDING))
        or 0,
        oldest_undelivered=min((t for t in (oldest_event, oldest_message) if t), default=None),
        pools=[Pool(*row) for row in pools],
    )


def gauges(readings: Readings, now: datetime) -> Iterator[GaugeMetricFamily]:
    yield GaugeMetricFamily(
        "punchcard_outbox_events_undispatched",
        "Events written but not yet fanned out to webhook endpoints.",
        value=readings.undispatched,
    )
    yield GaugeMetricFamily(
        "punchcard_webhook_messages_pending",
        "Webhook messages waiting for delivery (first attempts and retries).",
        value=readings.pending,
    )
    oldest = readings.oldest_undelivered
    yield GaugeMetricFamily(
        "punchcard_outbox_oldest_undelivered_age_seconds",
        "Age of the oldest event not yet delivered to every endpoint (0: none waiting).",
        value=max(0.0, (now - oldest).total_seconds()) if oldest else 0.0,
    )
    stock = GaugeMetricFamily(
        "punchcard_code_pool_available",
        f"Codes left in a template's pool (the {MAX_POOL_SERIES} emptiest pools).",
        labels=["business_id", "template_id"],
    )
    emptiest = sorted(readings.pools, key=lambda pool: (pool.available, pool.template_id))
    for pool in emptiest[:MAX_POOL_SERIES]:
        stock.add_metric([pool.business_id, pool.template_id], pool.available)
    yield stock
    yield GaugeMetricFamily(
        "punchcard_code_pools", "Voucher templates that take codes from a pool.", len(emptiest)
    )
    yield GaugeMetricFamily(
        "punchcard_code_pools_empty",
        "Code pools with no code left (issuing such a voucher fails).",
        value=sum(1 for pool in emptiest if pool.available == 0),
    )
    yield GaugeMetricFamily(
        "punchcard_code_pools_low",
        "Code pools below their template's low-stock mark.",
        value=sum(1 for p in emptiest if p.low_stock is not None and p.available < p.low_stock),
    )


class DatabaseGauges(Collector):
    """A collector (prometheus-client calls ``collect`` on each scrape, from the exporter's
    threads); one scrape at a time reads the database, the others wait for its figures."""

    def __init__(self, database_url: str) -> None:
        self.url = async_url(database_url)
        self.lock = threading.Lock()
        self.read_at = -CACHE_SECONDS
        self.readings: Readings | None = None

    def collect(self) -> Iterator[Any]:
        with self.lock:
            if time.monotonic() - self.read_at >= CACHE_SECONDS:
                self.readings = self._read()
                self.read_at = time.monotonic()
            readings = self.readings
        yield GaugeMetricFamily(
            "punchcard_database_metrics_up",
            "1 if the database gauges were read on the last try, 0 if it failed.",
            value=0 if readings is None else 1,
        )
        if readings is not None:
            yield from gauges(readings, utcnow())

    def _read(self) -> Readings | None:
        try:
            return asyncio.run(self._read_once())
        except Exception as exc:  # a scrape reports the failure as a gauge, never a 500
            log.warning("database gauges not read: %s", type(exc).__name__)
            return None

    async def _read_once(self) -> Readings:
        options: dict[str, Any] = {}
        if self.url.startswith("postgresql"):
            milliseconds = str(int(TIMEOUT_SECONDS * 1000))
            options["connect_args"] = {
                "timeout": TIMEOUT_SECONDS,
                "server_settings": {"statement_timeout": milliseconds},
            }
        # One connection for the read, closed after: the exporter holds none between scrapes.
        engine = create_async_engine(self.url, poolclass=NullPool, **options)
        try:
            async with asyncio.timeout(TIMEOUT_SECONDS), engine.connect() as connection:
                return await read(connection)
        finally:
            await engine.dispose()
