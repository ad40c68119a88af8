"""The queue: fresh messages handed out already leased where nothing holds them back;
per-endpoint rate limits, concurrency caps and order, decided when messages are claimed."""

import itertools
import json
from datetime import timedelta

from punchcard.db.engine import Database
from punchcard.kit.clock import utcnow
from punchcard.webhooks import queue
from tests.conftest import Tenant
from tests.support.factories import card, coffee_program
from tests.webhooks.conftest import endpoint

LEASE = timedelta(seconds=60)


async def _queued(
    tenant: Tenant, db: Database, count: int, room: int = 0, **fields: object
) -> list[queue.Claim]:
    """``count`` events for a new endpoint, fanned out; the tenant's messages handed out."""
    await endpoint(tenant, "http://127.0.0.1:9/never", **fields)
    prg = await coffee_program(tenant.client)
    for _ in range(count):
        await card(tenant.client, prg["id"])
    handed: list[queue.Claim] = []
    async with db.transaction() as session:
        while (
            fanned := await queue.fan_out(session, utcnow(), 500, lease=LEASE, room=room)
        ).events:
            handed += [c for c in fanned.claims if c.business_id == tenant.business_id]
    return handed


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


async def test_fresh_messages_are_handed_out_leased_up_to_the_room(
    tenant: Tenant, db: Database
) -> None:
    handed = await _queued(tenant, db, 5, room=3)
    assert len(handed) == 3
    assert {c.attempts for c in handed} == {1}
    assert all(c.secrets and json.loads(c.body)["id"] == c.event_id for c in handed)
    claimed = await _claim(db, tenant)
    assert len(claimed) == 2  # the two beyond the room; the handed-out ones are leased
    assert {c.id for c in claimed}.isdisjoint({c.id for c in handed})


async def test_limited_or_ordered_endpoints_are_never_handed_out(
    tenant: Tenant, db: Database
) -> None:
    for limits in ({"max_concurrency": 5}, {"rate_limit_per_second": 5}, {"ordered": True}):
        assert await _queued(tenant, db, 1, room=10, **limits) == []
