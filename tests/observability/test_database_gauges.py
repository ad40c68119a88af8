"""The gauges read from the database at scrape time (outbox backlog, oldest undelivered event,
code pool stock), on a database of their own so every figure is exact."""

import asyncio
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

import httpx
import pytest
from sqlalchemy import update

from punchcard.app import create_app
from punchcard.config import Settings
from punchcard.db.engine import Database
from punchcard.events.models import Event
from punchcard.kit.clock import utcnow
from punchcard.observability.database_gauges import DatabaseGauges
from punchcard.webhooks import queue
from punchcard.webhooks.models import WebhookMessage
from tests.conftest import BACKENDS, Tenant, fresh_database, onboarded
from tests.support.factories import card, coffee_program, ok, template


@pytest.fixture(scope="module", params=BACKENDS)
def own_database(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[str]:
    with fresh_database(request.param, tmp_path_factory.mktemp("gauges"), "gauges") as url:
        yield url


UNDISPATCHED = ("punchcard_outbox_events_undispatched", ())
PENDING = ("punchcard_webhook_messages_pending", ())
OLDEST = ("punchcard_outbox_oldest_undelivered_age_seconds", ())


@dataclass
class Isolated:
    url: str
    db: Database
    tenant: Tenant


@pytest.fixture
async def isolated(own_database: str) -> AsyncIterator[Isolated]:
    settings = Settings(database_url=own_database, run_worker=False)
    app = create_app(settings)
    async with app.router.lifespan_context(app):
        db: Database = app.state.db
        await deliver_everything(db)  # what earlier tests left waiting: none waits now
        async with onboarded(db, httpx.ASGITransport(app=app), "Gauge Café", "Dock") as tenant:
            yield Isolated(own_database, db, tenant)


async def deliver_everything(db: Database) -> None:
    async with db.transaction() as session:
        await session.execute(update(Event).values(dispatched_at=utcnow()))
        await session.execute(update(WebhookMessage).values(status="succeeded"))


def read(collector: DatabaseGauges) -> dict[tuple[str, tuple[str, ...]], float]:
    """What a scrape gets (collected in a thread of its own, as the exporter's threads do)."""
    return {
        (sample.name, tuple(sample.labels.values())): sample.value
        for family in collector.collect()
        for sample in family.samples
    }


async def scrape(collector: DatabaseGauges) -> dict[tuple[str, tuple[str, ...]], float]:
    return await asyncio.to_thread(read, collector)


async def test_the_backlog_counts_events_not_fanned_out_then_messages_not_delivered(
    isolated: Isolated,
) -> None:
    api = isolated.tenant.client
    ok(await api.post("/v1/webhooks", json={"url": "https://crm.example.com/hooks"}), 201)
    for _ in range(3):
        await card(api, (await coffee_program(api))["id"])  # card_issued each

    written = await scrape(DatabaseGauges(isolated.url))
    async with isolated.db.transaction() as session:  # the dispatcher's first step, no sends
        await queue.fan_out(session, utcnow(), 100, lease=timedelta(seconds=15), room=0)
    fanned_out = await scrape(DatabaseGauges(isolated.url))

    assert written[("punchcard_database_metrics_up", ())] == 1
    assert (written[UNDISPATCHED], written[PENDING]) == (3, 0)
    assert (fanned_out[UNDISPATCHED], fanned_out[PENDING]) == (0, 3)
    assert written[OLDEST] > 0
    assert fanned_out[OLDEST] >= written[OLDEST]  # the same event, a little older


async def test_nothing_waiting_is_an_age_of_zero(isolated: Isolated) -> None:
    gauges = await scrape(DatabaseGauges(isolated.url))
    assert (gauges[UNDISPATCHED], gauges[PENDING], gauges[OLDEST]) == (0, 0, 0)


async def test_code_pools_report_their_stock_and_the_empty_and_low_ones(
    isolated: Isolated,
) -> None:
    api = isolated.tenant.client
    before = await scrape(DatabaseGauges(isolated.url))
    stocked = await template(api, title="Gift", redeem_code={"type": "pool"})
    codes = {"codes": ["GIFT-1", "GIFT-2", "GIFT-3"]}
    ok(await api.post(f"/v1/voucher-templates/{stocked['id']}/code-pool/codes", json=codes), 201)
    empty = await template(api, title="Spa day", redeem_code={"type": "pool"})

    gauges = await scrape(DatabaseGauges(isolated.url))

    business = isolated.tenant.business_id
    assert gauges[("punchcard_code_pool_available", (business, stocked["id"]))] == 3
    assert gauges[("punchcard_code_pool_available", (business, empty["id"]))] == 0
    for aggregate, more in {"punchcard_code_pools": 2, "punchcard_code_pools_empty": 1}.items():
        assert gauges[(aggregate, ())] == before[(aggregate, ())] + more


async def test_scrapes_within_the_cache_period_do_not_read_again(isolated: Isolated) -> None:
    api = isolated.tenant.client
    collector = DatabaseGauges(isolated.url)
    first = await scrape(collector)
    await card(api, (await coffee_program(api))["id"])
    again = await scrape(collector)
    fresh = await scrape(DatabaseGauges(isolated.url))
    assert again[UNDISPATCHED] == first[UNDISPATCHED]
    assert fresh[UNDISPATCHED] == first[UNDISPATCHED] + 1


async def test_a_database_that_cannot_be_reached_is_a_gauge_not_an_error() -> None:
    collector = DatabaseGauges("postgresql://nobody@127.0.0.1:9/nothing")
    gauges: dict[Any, float] = await scrape(collector)
    assert gauges == {("punchcard_database_metrics_up", ()): 0}
