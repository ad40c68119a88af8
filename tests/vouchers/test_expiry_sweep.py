"""The expiry sweep marks due vouchers expired and emits `voucher_expired` once per voucher,
however many sweepers run at once (real concurrent transactions on PostgreSQL)."""

import asyncio
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx

from punchcard.app import create_app
from punchcard.config import Settings
from punchcard.db.engine import Database
from punchcard.vouchers.tasks import sweep
from tests.conftest import Tenant
from tests.support.factories import card, coffee_program, expire, ok

SWEEPERS = 6


async def _vouchers(
    api: httpx.AsyncClient, card_id: str, n: int, expires_at: datetime
) -> list[str]:
    body = {"card_id": card_id, "custom": {"title": "Muffin", "expires_at": expires_at.isoformat()}}
    return [ok(await api.post("/v1/vouchers", json=body), 201)["id"] for _ in range(n)]


async def _expired_events(api: httpx.AsyncClient) -> list[dict[str, Any]]:
    page = ok(await api.get("/v1/events", params={"type": "voucher_expired", "limit": 100}))
    return page["data"]  # type: ignore[no-any-return]


async def test_concurrent_sweeps_emit_one_event_per_due_voucher(
    tenant: Tenant, db: Database
) -> None:
    api = tenant.client
    the_card = await card(api, (await coffee_program(api))["id"])
    now = datetime.now(UTC)
    due = await _vouchers(api, the_card["id"], 40, now + timedelta(hours=1))
    await expire(db, due, now - timedelta(seconds=1))
    later = await _vouchers(api, the_card["id"], 2, now + timedelta(days=1))

    await asyncio.gather(*(sweep(db, batch_size=7) for _ in range(SWEEPERS)))

    events = await _expired_events(api)
    assert sorted(event["voucher"]["id"] for event in events) == sorted(due)
    assert {event["voucher"]["status"] for event in events} == {"expired"}
    assert events[0]["customer"]["id"] == the_card["customer_id"]
    assert events[0]["card"]["id"] == the_card["id"]
    listed = ok(await api.get("/v1/vouchers", params={"status": "expired", "limit": 100}))
    assert {v["id"] for v in listed["data"]} == set(due)
    # A later sweep finds nothing new for this business.
    await sweep(db, batch_size=7)
    assert len(await _expired_events(api)) == len(due)
    issued = ok(await api.get("/v1/vouchers", params={"status": "issued", "limit": 100}))
    assert {v["id"] for v in issued["data"]} == set(later)


async def test_server_processes_sweep_on_their_own(
    tenant: Tenant, db: Database, database_url: str
) -> None:
    """The app's background loop runs the sweep every PUNCHCARD_VOUCHER_EXPIRY_SWEEP_SECONDS."""
    api = tenant.client
    the_card = await card(api, (await coffee_program(api))["id"])
    now = datetime.now(UTC)
    due = await _vouchers(api, the_card["id"], 1, now + timedelta(hours=1))
    await expire(db, due, now - timedelta(seconds=1))
    app = create_app(
        Settings(database_url=database_url, run_worker=False, voucher_expiry_sweep_seconds=0.05)
    )
    async with app.router.lifespan_context(app):
        for _ in range(200):  # bounded: the loop sweeps within a few of its 0.05 s intervals
            if await _expired_events(api):
                break
            await asyncio.sleep(0.05)
    assert [event["voucher"]["id"] for event in await _expired_events(api)] == due
