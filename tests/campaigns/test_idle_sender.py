"""An idle campaign sender (no campaign to start or sending, no delivery due) asks the
database one question per poll instead of running its three transactions: each test has a
database of its own, as other tests' leftovers would be work to it."""

from collections.abc import AsyncIterator, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import update

from punchcard.app import create_app
from punchcard.campaigns import sending
from punchcard.campaigns.tasks import CampaignSender
from punchcard.config import Settings
from punchcard.db.engine import Database
from punchcard.kit.clock import utcnow
from tests.campaigns.conftest import campaign, consenting, email_template
from tests.channels.conftest import email_settings, set_up
from tests.conftest import Tenant, fresh_database, onboarded
from tests.support.factories import ok
from tests.support.smtp_server import SmtpServer
from tests.support.statements import statements


@pytest.fixture
def own_url(database_url: str, tmp_path: Path) -> Iterator[str]:
    """A database of its own, on the backend of ``database_url`` (migrated synchronously)."""
    backend = "postgresql" if database_url.startswith("postgresql") else "sqlite"
    with fresh_database(backend, tmp_path, "idle") as url:
        yield url


@pytest.fixture
async def alone(own_url: str) -> AsyncIterator[tuple[Tenant, Database]]:
    """A business on a server of its own, over that database."""
    settings = Settings(database_url=own_url, run_worker=False)
    app = create_app(settings)
    db = Database(settings)
    try:
        async with app.router.lifespan_context(app):
            transport = httpx.ASGITransport(app=app)
            async with onboarded(db, transport, "Quiet Café", "Main Street") as tenant:
                yield tenant, db
    finally:
        await db.dispose()


async def test_an_idle_sender_asks_one_read_and_writes_nothing(
    alone: tuple[Tenant, Database],
) -> None:
    _, db = alone
    sender = CampaignSender(db, Settings(database_url=str(db.engine.url)))
    async with statements(db.engine) as seen:
        assert await sender.step() is False
    assert len(seen) == 1
    assert seen[0].lstrip().startswith("SELECT"), seen


async def test_the_idle_check_sees_every_kind_of_work(
    alone: tuple[Tenant, Database], mail: SmtpServer
) -> None:
    """A campaign due to start or sending, a delivery due, or one a dead worker left sending
    (its lease run out) is work; a campaign scheduled later, a retry or a lease still to
    come is not."""
    tenant, db = alone
    api = tenant.client
    sender = CampaignSender(db, Settings(database_url=str(db.engine.url)))
    await set_up(api, "email", email_settings(mail))
    await consenting(tenant)
    made = await campaign(api, (await email_template(api))["id"], send_at="2099-05-11T09:00:00")

    async def due(at: datetime) -> bool:
        async with db.reading() as connection:
            return await sending.anything_due(connection, at)

    assert not await due(utcnow())  # scheduled for later
    assert await due(datetime(2099, 5, 12, tzinfo=UTC))
    ok(await api.post(f"/v1/campaigns/{made['id']}/send"))
    assert await due(utcnow())  # sending
    await sender.until_idle()
    assert ok(await api.get(f"/v1/campaigns/{made['id']}"))["status"] == "sent"
    assert not await due(utcnow())

    async def left(**values: Any) -> None:
        async with db.transaction() as session:
            await session.execute(update(sending.deliveries).values(**values))

    now = utcnow()
    later = now + timedelta(minutes=2)
    await left(status="queued", next_attempt_at=now + timedelta(minutes=1))  # a retry
    assert not await due(now)
    assert await due(later)
    await left(status="sending", lease_until=now + timedelta(minutes=1))
    assert not await due(now)
    assert await due(later)  # its worker died: recover it
