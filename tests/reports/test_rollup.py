"""Closed hours are rolled up once: the same figures as the raw rows, never counted twice."""

import asyncio
from datetime import timedelta

from sqlalchemy import func, select

from punchcard.db.engine import Database
from punchcard.kit.clock import utcnow
from punchcard.reports.models import HourFigures
from punchcard.reports.rollup import fill
from tests.conftest import Tenant
from tests.support.factories import card, coffee_program, ok, stamp


async def rolled_up(db: Database, business_id: str) -> tuple[int, int, int, int]:
    async with db.transaction() as session:
        row = (
            await session.execute(
                select(
                    func.sum(HourFigures.stamps),
                    func.sum(HourFigures.cards),
                    func.sum(HourFigures.vouchers_issued),
                    func.sum(HourFigures.vouchers_redeemed),
                ).where(HourFigures.business_id == business_id)
            )
        ).one()
    return tuple(int(value or 0) for value in row)  # type: ignore[return-value]


async def test_an_hour_is_rolled_up_once_with_removals_and_rollbacks(
    tenant: Tenant, db: Database
) -> None:
    api = tenant.client
    the_card = await card(api, (await coffee_program(api))["id"])
    voucher = (await stamp(api, the_card["id"], 6))["vouchers_issued"][0]
    ok(await api.post(f"/v1/vouchers/{voucher['id']}/redeem"))
    ok(await api.post(f"/v1/vouchers/{voucher['id']}/redemption/rollback", json={}))
    body = {"count": 1, "reason": "oops"}
    ok(await api.post(f"/v1/cards/{the_card['id']}/stamp-removals", json=body), 201)
    later = utcnow() + timedelta(hours=2)

    for _ in range(2):
        async with db.transaction() as session:
            await fill(session, tenant.business_id, later)

    assert await rolled_up(db, tenant.business_id) == (5, 1, 1, 0)


async def test_many_overviews_at_once_roll_each_hour_up_once(tenant: Tenant, db: Database) -> None:
    api = tenant.client
    the_card = await card(api, (await coffee_program(api))["id"])
    await stamp(api, the_card["id"], 3)
    later = utcnow() + timedelta(hours=2)

    async def one() -> None:
        async with db.transaction() as session:
            await fill(session, tenant.business_id, later)

    await asyncio.gather(*(one() for _ in range(8)))

    assert await rolled_up(db, tenant.business_id) == (3, 1, 0, 0)
