"""A change to a card held in a wallet reaches every pusher after commit, and is retried."""

import asyncio
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta

import pytest
from prometheus_client import REGISTRY
from sqlalchemy import and_, func, select

from punchcard.config import Settings
from punchcard.db.engine import Database
from punchcard.events.models import Event
from punchcard.kit.clock import utcnow
from punchcard.wallet.models import WalletPass
from punchcard.wallet.sync import PassRef, PassSync, bump_versions, next_version
from punchcard.webhooks.dispatcher import Dispatcher
from tests.conftest import Tenant
from tests.support.factories import card, coffee_program, stamp


class Recorder:
    """A wallet that records what it was told; it fails while ``down`` is set."""

    def __init__(self) -> None:
        self.calls: list[PassRef] = []
        self.down = False
        self.closed = False

    async def push(self, db: Database, ref: PassRef) -> None:
        self.calls.append(ref)
        if self.down:
            raise ConnectionError("wallet unreachable")

    async def close(self) -> None:
        self.closed = True


@pytest.fixture
async def wallet(database_url: str, db: Database) -> AsyncIterator[tuple[Recorder, PassSync]]:
    # A short webhook timeout: other tests' endpoints must not hold the fan-out up for long.
    settings = Settings(
        database_url=database_url,
        webhook_timeout_seconds=2,
        webhook_poll_seconds=0.02,
        wallet_poll_seconds=0.02,
    )
    recorder = Recorder()
    sync = PassSync(db, settings, [recorder])
    dispatcher = Dispatcher(db, settings)
    stop = asyncio.Event()
    tasks = [asyncio.create_task(sync.run(stop)), asyncio.create_task(dispatcher.run(stop))]
    yield recorder, sync
    stop.set()
    await asyncio.wait_for(asyncio.gather(*tasks), 30)
    assert recorder.closed  # a stopping worker lets its wallets release their connections


async def held_in_wallet(db: Database, business_id: str, card_id: str) -> None:
    now = utcnow()
    async with db.transaction() as session:
        session.add(WalletPass(business_id=business_id, id=card_id, created_at=now, updated_at=now))


async def pass_row(db: Database, business_id: str, card_id: str) -> WalletPass:
    async with db.transaction() as session:
        row = await session.get(WalletPass, (business_id, card_id))
    assert row is not None
    return row


async def final_push(
    sync: PassSync, recorder: Recorder, db: Database, tenant: Tenant, card_id: str
) -> WalletPass:
    """The card's row once every event about it is fanned out and the push of its final
    version is settled; checked again after each push the sync finishes."""
    undispatched = select(func.count()).where(
        Event.business_id == tenant.business_id,
        Event.card_id == card_id,
        Event.dispatched_at.is_(None),
    )
    async with asyncio.timeout(30):
        while True:
            seen = sync.pushed
            async with db.transaction() as session:
                waiting = await session.scalar(undispatched)
                row = await session.get(WalletPass, (tenant.business_id, card_id))
            assert row is not None
            settled = row.push_due_at is None or row.push_attempts > 0
            pushed = any(
                r.card_id == card_id and r.updated_at == row.updated_at for r in recorder.calls
            )
            if not waiting and settled and pushed and sync.pushed >= len(recorder.calls):
                return row
            async with sync.progress:
                await sync.progress.wait_for(lambda: sync.pushed > seen)  # noqa: B023


async def test_a_stamp_on_a_card_in_a_wallet_is_pushed_with_a_new_version(
    tenant: Tenant, db: Database, wallet: tuple[Recorder, PassSync]
) -> None:
    recorder, sync = wallet
    program = await coffee_program(tenant.client)
    issued = await card(tenant.client, program["id"], "wallet@example.com")
    await held_in_wallet(db, tenant.business_id, issued["id"])
    before = (await pass_row(db, tenant.business_id, issued["id"])).updated_at

    await stamp(tenant.client, issued["id"])
    row = await final_push(sync, recorder, db, tenant, issued["id"])

    assert row.updated_at > before
    assert row.push_due_at is None
    assert row.push_error is None


async def test_a_failed_push_is_retried_later_and_the_error_kept(
    tenant: Tenant, db: Database, wallet: tuple[Recorder, PassSync]
) -> None:
    recorder, sync = wallet
    recorder.down = True
    program = await coffee_program(tenant.client)
    issued = await card(tenant.client, program["id"], "offline@example.com")
    await held_in_wallet(db, tenant.business_id, issued["id"])

    await stamp(tenant.client, issued["id"])
    row = await final_push(sync, recorder, db, tenant, issued["id"])

    assert row.push_attempts >= 1  # a slow machine may have retried once already
    assert "wallet unreachable" in (row.push_error or "")
    assert row.push_due_at is not None
    assert row.push_due_at > utcnow() + timedelta(seconds=0.5)


async def test_pushes_are_counted_for_metrics_by_wallet_and_result(
    tenant: Tenant, db: Database, wallet: tuple[Recorder, PassSync]
) -> None:
    def counted(result: str) -> float:
        labels = {"wallet": "recorder", "result": result}  # the pusher's class name
        return REGISTRY.get_sample_value("punchcard_wallet_pushes_total", labels) or 0.0

    recorder, sync = wallet
    issued = await card(tenant.client, (await coffee_program(tenant.client))["id"])
    await held_in_wallet(db, tenant.business_id, issued["id"])
    recorder.down = True
    failed_before, succeeded_before = counted("failed"), counted("succeeded")
    await stamp(tenant.client, issued["id"])
    await final_push(sync, recorder, db, tenant, issued["id"])
    assert counted("failed") > failed_before
    recorder.down = False
    await stamp(tenant.client, issued["id"])
    await final_push(sync, recorder, db, tenant, issued["id"])
    assert counted("succeeded") > succeeded_before


def test_versions_move_to_a_later_whole_second_so_if_modified_since_tells_them_apart() -> None:
    first = datetime(2026, 11, 29, 12, 0, 0, 400000, tzinfo=UTC)
    same_second = first + timedelta(milliseconds=300)
    assert next_version(first, same_second) == datetime(2026, 11, 29, 12, 0, 1, tzinfo=UTC)
    later = first + timedelta(seconds=5)
    assert next_version(first, later) == later


async def test_two_changes_in_one_second_give_versions_in_different_seconds(
    tenant: Tenant, db: Database
) -> None:
    program = await coffee_program(tenant.client)
    issued = await card(tenant.client, program["id"], "quick@example.com")
    await held_in_wallet(db, tenant.business_id, issued["id"])
    key = WalletPass.business_id == tenant.business_id, WalletPass.id == issued["id"]

    versions = []
    for _ in range(2):
        async with db.transaction() as session:
            await bump_versions(session, and_(*key))
        versions.append((await pass_row(db, tenant.business_id, issued["id"])).updated_at)

    assert versions[1].replace(microsecond=0) > versions[0].replace(microsecond=0)
