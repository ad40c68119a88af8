import asyncio
from collections.abc import AsyncIterator
from datetime import timedelta

import pytest
from sqlalchemy import update

from punchcard.config import Settings
from punchcard.db.engine import Database
from punchcard.kit.clock import utcnow
from punchcard.webhooks.dispatcher import Dispatcher
from punchcard.webhooks.models import WebhookMessage
from tests.conftest import Tenant
from tests.support.factories import ok
from tests.support.receiver import Receiver, receiving


@pytest.fixture
async def receiver() -> AsyncIterator[Receiver]:
    async with receiving() as running:
        yield running


@pytest.fixture
async def dispatcher(database_url: str, db: Database) -> AsyncIterator[Dispatcher]:
    """A real dispatcher over the test database, stopped (gracefully) after the test."""
    settings = Settings(
        database_url=database_url, webhook_timeout_seconds=2, webhook_poll_seconds=0.02
    )
    worker = Dispatcher(db, settings)
    stop = asyncio.Event()
    task = asyncio.create_task(worker.run(stop))
    yield worker
    stop.set()
    await asyncio.wait_for(task, 30)


async def make_due(db: Database, business_id: str) -> None:
    """Time travel: every pending retry of the business is due now."""
    async with db.transaction() as session:
        await session.execute(
            update(WebhookMessage)
            .where(WebhookMessage.business_id == business_id, WebhookMessage.status == "pending")
            .values(next_attempt_at=utcnow() - timedelta(seconds=1), in_flight_until=None)
        )


async def endpoint(tenant: Tenant, url: str, **fields: object) -> dict[str, object]:
    body = {"url": url, **fields}
    return ok(await tenant.client.post("/v1/webhooks", json=body), 201)  # type: ignore[no-any-return]


async def recorded(worker: Dispatcher, count: int, timeout: float = 30) -> None:
    """Wait (bounded) until the dispatcher has recorded ``count`` attempts in total."""
    async with asyncio.timeout(timeout), worker.progress:
        await worker.progress.wait_for(lambda: worker.recorded >= count)
