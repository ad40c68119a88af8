"""Every change of a card saved to Google Wallet reaches its object, after commit; Google
being down keeps the pass due for a retry."""

import asyncio
from collections.abc import AsyncIterator, Callable
from typing import Any

import pytest

from punchcard.db.engine import Database
from punchcard.kit.clock import utcnow
from punchcard.wallet import events as wallet_events
from punchcard.wallet.models import WalletPass
from punchcard.wallet.pushers import configured_pushers
from punchcard.wallet.sync import PassSync
from punchcard.wallet.view import load_pass_view
from punchcard.webhooks.dispatcher import Dispatcher
from tests.conftest import Tenant
from tests.support.factories import card, coffee_program, ok, stamp
from tests.support.images import png_base64
from tests.wallet.google.conftest import ISSUER_ID, Google


@pytest.fixture
async def worker(google: Google, db: Database) -> AsyncIterator[PassSync]:
    """The worker's wallet push and webhook fan-out, with the pushers configuration gives."""
    sync = PassSync(db, google.settings, configured_pushers(google.settings))
    stop = asyncio.Event()
    tasks = [
        asyncio.create_task(sync.run(stop)),
        asyncio.create_task(Dispatcher(db, google.settings).run(stop)),
    ]
    yield sync
    stop.set()
    await asyncio.wait_for(asyncio.gather(*tasks), 30)


async def saved_card(tenant: Tenant) -> dict[str, Any]:
    program = await coffee_program(tenant.client)
    issued: dict[str, Any] = await card(tenant.client, program["id"])
    ok(await tenant.client.post(f"/v1/cards/{issued['id']}/wallet/google"))
    return issued


def balance(google: Google, card_id: str) -> int:
    saved = google.fake.objects[f"{ISSUER_ID}.{card_id}"]
    points: int = saved["loyaltyPoints"]["balance"]["int"]
    return points


async def test_a_stamp_updates_the_objects_balance(
    tenant: Tenant, google: Google, worker: PassSync
) -> None:
    issued = await saved_card(tenant)

    await stamp(tenant.client, issued["id"], 3)

    await google.fake.until(lambda: balance(google, issued["id"]) == 3)
    assert google.fake.calls("PATCH", "loyaltyObject") >= 1


async def test_reaching_a_goal_shows_the_voucher_on_the_card(
    tenant: Tenant, google: Google, worker: PassSync
) -> None:
    issued = await saved_card(tenant)
    object_id = f"{ISSUER_ID}.{issued['id']}"

    reached = await stamp(tenant.client, issued["id"], 5)

    def voucher_shown() -> bool:
        modules = google.fake.objects[object_id]["textModulesData"]
        return any("FREECOOKIE" in module["body"] for module in modules)

    # A push may have read the card just before the stamp committed and its vouchers just
    # after; the stamp's own push follows and shows both.
    await google.fake.until(lambda: voucher_shown() and balance(google, issued["id"]) == 5)
    assert reached["vouchers_issued"]


async def settled_pass(
    worker: PassSync, db: Database, tenant: Tenant, card_id: str, done: Callable[[WalletPass], bool]
) -> WalletPass:
    """The card's pass once a settled push leaves it as ``done`` says (bounded wait)."""
    async with asyncio.timeout(30):
        while True:
            pushes = worker.pushed
            async with db.transaction() as session:
                row = await session.get(WalletPass, (tenant.business_id, card_id))
            assert row is not None
            if done(row):
                return row
            async with worker.progress:
                await worker.progress.wait_for(lambda n=pushes: worker.pushed > n)


async def test_google_down_keeps_the_pass_due_with_the_error(
    tenant: Tenant, google: Google, db: Database, worker: PassSync
) -> None:
    issued = await saved_card(tenant)
    google.fake.failing = 500

    await stamp(tenant.client, issued["id"])

    row = await settled_pass(worker, db, tenant, issued["id"], lambda row: row.push_attempts > 0)
    assert "Google Wallet is unavailable" in (row.push_error or "")
    assert "500 Internal error encountered" in (row.push_error or "")
    assert row.push_due_at is not None
    assert row.push_due_at > utcnow()
    assert balance(google, issued["id"]) == 0


async def test_a_card_never_saved_to_google_gets_no_object_from_its_pushes(
    tenant: Tenant, google: Google, db: Database, worker: PassSync
) -> None:
    program = await coffee_program(tenant.client)
    issued = await card(tenant.client, program["id"])
    async with db.transaction() as session:  # held by the web card alone
        view = await load_pass_view(session, tenant.business_id, issued["id"])
        await wallet_events.opened(session, view, "web", utcnow())
    before = utcnow()

    await stamp(tenant.client, issued["id"])
    await settled_pass(
        worker,
        db,
        tenant,
        issued["id"],
        lambda row: row.updated_at > before and row.push_due_at is None,
    )

    assert f"{ISSUER_ID}.{issued['id']}" not in google.fake.objects
    assert google.fake.calls("POST", "loyaltyObject") == 0


@pytest.mark.parametrize(
    "change", [{"name": "Café Neu"}, {"logo_png": png_base64((300, 90))}], ids=["name", "logo"]
)
async def test_a_business_change_reaches_the_class_once_not_with_every_push(
    tenant: Tenant, google: Google, worker: PassSync, change: dict[str, str]
) -> None:
    issued = await saved_card(tenant)
    class_id = google.fake.objects[f"{ISSUER_ID}.{issued['id']}"]["classId"]
    shown = {
        "issuer": google.fake.classes[class_id]["issuerName"],
        "logo": google.fake.classes[class_id]["programLogo"]["sourceUri"]["uri"],
    }

    ok(await tenant.client.patch("/v1/business", json=change))

    def class_changed() -> bool:
        sent = google.fake.classes[class_id]
        now = {"issuer": sent["issuerName"], "logo": sent["programLogo"]["sourceUri"]["uri"]}
        return now != shown

    await google.fake.until(class_changed)
    class_patches = google.fake.calls("PATCH", "loyaltyClass")
    await stamp(tenant.client, issued["id"])
    await google.fake.until(lambda: balance(google, issued["id"]) == 1)
    assert google.fake.calls("PATCH", "loyaltyClass") == class_patches
