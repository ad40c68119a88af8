"""A stamp on a card held in Apple Wallet reaches every registered device through APNs: the
API commits, the webhook fan-out marks the pass changed, PassSync pushes over HTTP/2."""

import asyncio
from collections.abc import Awaitable, Callable

from sqlalchemy import select

from punchcard.db.engine import Database
from punchcard.kit.clock import utcnow
from punchcard.wallet.apple.registrations import DeviceRegistration
from punchcard.wallet.models import WalletPass
from punchcard.wallet.sync import PassSync
from tests.conftest import Tenant
from tests.support.factories import stamp
from tests.support.fake_apns import FakeApns
from tests.support.passkit import PASS_TYPE, ApplePass, held_on


async def until(sync: PassSync, check: Callable[[], Awaitable[bool]], timeout: float = 30) -> None:
    """Wait (bounded) until ``check`` holds, looking again after each push PassSync settles."""
    async with asyncio.timeout(timeout):
        while True:
            async with sync.progress:
                settled = sync.pushed
                if await check():
                    return
                await sync.progress.wait_for(lambda seen=settled: sync.pushed > seen)


async def push_tokens_of(db: Database, held: ApplePass) -> set[str]:
    async with db.transaction() as session:
        tokens = await session.scalars(
            select(DeviceRegistration.push_token).where(
                DeviceRegistration.business_id == held.business_id,
                DeviceRegistration.card_id == held.card_id,
            )
        )
        return set(tokens)


async def pass_row(db: Database, held: ApplePass) -> WalletPass:
    async with db.transaction() as session:
        row = await session.get(WalletPass, (held.business_id, held.card_id))
    assert row is not None
    return row


async def test_a_stamp_pushes_every_registered_device_over_http2(
    tenant: Tenant, apns: FakeApns, pass_sync: PassSync
) -> None:
    held, phones = await held_on(tenant, devices=2)

    await stamp(tenant.client, held.card_id)

    for phone in phones:
        push = await apns.wait_for_push(phone.push_token)
        assert push.http_version == "2"
        assert push.headers["apns-topic"] == PASS_TYPE
        assert push.body == b"{}"


async def test_a_device_apns_calls_unregistered_loses_its_registration(
    tenant: Tenant, db: Database, apns: FakeApns, pass_sync: PassSync
) -> None:
    held, (kept, removed) = await held_on(tenant, devices=2)
    apns.answer(removed.push_token, 410, "Unregistered")

    await stamp(tenant.client, held.card_id)

    async def only_kept_left() -> bool:
        return await push_tokens_of(db, held) == {kept.push_token}

    await until(pass_sync, only_kept_left)
    assert apns.to(kept.push_token)
    assert apns.to(removed.push_token)


async def test_an_apns_outage_leaves_the_pass_due_for_a_retry(
    tenant: Tenant, db: Database, apns: FakeApns, pass_sync: PassSync
) -> None:
    held, [phone] = await held_on(tenant, devices=1)
    apns.answer(phone.push_token, 500, "InternalServerError")
    before = (await pass_row(db, held)).updated_at

    await stamp(tenant.client, held.card_id)

    seen: list[WalletPass] = []

    async def failed() -> bool:
        seen.append(await pass_row(db, held))
        return seen[-1].updated_at > before and seen[-1].push_error is not None

    await until(pass_sync, failed)
    row = seen[-1]  # later changes may already be pushing again: judge the failed one
    assert "APNs answered 500 (InternalServerError)" in (row.push_error or "")
    assert row.push_due_at is not None
    assert row.push_due_at > utcnow()
    assert await push_tokens_of(db, held) == {phone.push_token}
