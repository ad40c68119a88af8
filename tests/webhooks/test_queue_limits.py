"""Per-endpoint rate limits and concurrency caps, decided when messages are claimed."""

import itertools
from datetime import timedelta

from punchcard.db.engine import Database
from punchcard.kit.clock import utcnow
from punchcard.webhooks import queue
from tests.conftest import Tenant
from tests.support.factories import card, coffee_program
from tests.webhooks.conftest import endpoint

LEASE = timedelta(seconds=60)


async def _queued(tenant: Tenant, db: Database, count: int, **limits: object) -> None:
    await endpoint(tenant, "http://127.0.0.1:9/never", **limits)
    prg = await coffee_program(tenant.client)
    for _ in range(count):
        await card(tenant.client, prg["id"])
    async with db.transaction() as session:
        while await queue.fan_out(session, utcnow(), 500):
            pass


async def _claim(db: Database, tenant: Tenant) -> list[queue.Claim]:
    async with db.transaction() as session:
        claims = await queue.claim(session, utcnow(), 100, LEASE)
    return [c for c in claims if c.business_id == tenant.business_id]


async def test_concurrency_cap_limits_messages_in_flight(tenant: Tenant, db: Database) -> None:
    await _queued(tenant, db, 5, max_concurrency=2)
    assert len(await _claim(db, tenant)) == 2
    assert await _claim(db, tenant) == []  # both still in flight


async def test_rate_limit_hands_out_send_slots(tenant: Tenant, db: Database) -> None:
    await _queued(tenant, db, 6, rate_limit_per_second=2)
    claims = await _claim(db, tenant)
    slots = sorted(c.send_at for c in claims)
    assert len(claims) == 3  # slots now, +0.5 s and +1 s; the rest wait for later claims
    assert [round(b - a, 3) for a, b in itertools.pairwise(slots)] == [0.5, 0.5]
