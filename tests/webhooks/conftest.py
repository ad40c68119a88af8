import asyncio
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import func, select, update

from punchcard.config import Settings
from punchcard.db.engine import Database
from punchcard.kit.clock import utcnow
from punchcard.webhooks.dispatcher import Dispatcher
from punchcard.webhooks.models import WebhookAttempt, WebhookMessage
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
    async with running(db, database_url) as worker:
        yield worker


@asynccontextmanager
async def running(db: Database, database_url: str, **settings: Any) -> AsyncIterator[Dispatcher]:
    """A dispatcher working until the block ends, then stopped gracefully."""
    worker = Dispatcher(
        db,
        Settings(
            database_url=database_url,
            **{"webhook_timeout_seconds": 2, "webhook_poll_seconds": 0.02, **settings},
        ),
    )
    stop = asyncio.Event()
    task = asyncio.create_task(worker.run(stop))
    try:
        yield worker
    finally:
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


async def settled(
    worker: Dispatcher, check: Callable[[], Awaitable[bool]], timeout: float = 30
) -> None:
    """Wait (bounded) until ``check`` holds, checking again after each attempt the dispatcher
    records (it also delivers other tests' leftovers, so counting its attempts is not enough)."""
    async with asyncio.timeout(timeout):
        while True:
            seen = worker.recorded
            if await check():
                return
            async with worker.progress:
                await worker.progress.wait_for(lambda: worker.recorded > seen)  # noqa: B023


async def recorded(worker: Dispatcher, tenant: Tenant, count: int) -> None:
    """Wait until ``count`` attempts to the tenant's endpoints are recorded."""
    attempts = select(func.count()).where(WebhookAttempt.business_id == tenant.business_id)

    async def enough() -> bool:
        async with worker.db.transaction() as session:
            return (await session.scalar(attempts) or 0) >= count

    await settled(worker, enough)
