"""Closed hours are rolled up once: the same figures as the raw rows, never counted twice, a
backlog in chunks by the worker."""

import asyncio
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import func, select, update

from punchcard.businesses.models import Business
from punchcard.cards.models import Stamp
from punchcard.db.engine import Database
from punchcard.kit.clock import utcnow
from punchcard.kit.ids import id_at
from punchcard.reports.models import FiguresFilled, HourFigures
from punchcard.reports.rollup import daily, raw_figures, roll_up
from punchcard.reports.tasks import Rollup, behind
from tests.conftest import Tenant
from tests.support.factories import card, coffee_program, ok, stamp

DAY = timedelta(days=1)


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


async def opened_days_ago(db: Database, business_id: str, days: int) -> datetime:
    """Back-date the business's opening: its figures have a backlog of ``days``."""
    async with db.transaction() as session:
        mine = Business.id == business_id
        opened = await session.scalar(select(Business.created_at).where(mine))
        assert opened is not None
        opened -= days * DAY
        await session.execute(update(Business).where(mine).values(created_at=opened))
    return opened


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
            await roll_up(session, tenant.business_id, later, most=DAY)

    assert await rolled_up(db, tenant.business_id) == (5, 1, 1, 0)


async def test_many_rollups_at_once_roll_each_hour_up_once(tenant: Tenant, db: Database) -> None:
    api = tenant.client
    the_card = await card(api, (await coffee_program(api))["id"])
    await stamp(api, the_card["id"], 3)
    later = utcnow() + timedelta(hours=2)

    async def one() -> None:
        async with db.transaction() as session:
            await roll_up(session, tenant.business_id, later, most=DAY)

    await asyncio.gather(*(one() for _ in range(8)))

    assert await rolled_up(db, tenant.business_id) == (3, 1, 0, 0)


async def test_the_worker_rolls_a_backlog_up_in_chunks_exactly_once_with_two_runs_at_once(
    tenant: Tenant, db: Database
) -> None:
    api = tenant.client
    the_card = await card(api, (await coffee_program(api))["id"])
    await stamp(api, the_card["id"], 3)
    opened = await opened_days_ago(db, tenant.business_id, 4)
    later = utcnow() + timedelta(hours=2)
    assert tenant.business_id in await behind(db, later)
    job = Rollup(db, chunk=DAY)

    chunks = await asyncio.gather(*(job.catch_up(tenant.business_id, later) for _ in range(2)))

    assert sum(chunks) == 5  # four days and a few hours, a day at a time, each once
    assert tenant.business_id not in await behind(db, later)
    assert await rolled_up(db, tenant.business_id) == (3, 1, 0, 0)
    async with db.transaction() as session:
        until = await session.scalar(
            select(FiguresFilled.until).where(FiguresFilled.business_id == tenant.business_id)
        )
        assert until is not None
        raw = await raw_figures(session, tenant.business_id, opened - DAY, until)
        rows = await session.execute(
            select(HourFigures).where(HourFigures.business_id == tenant.business_id)
        )
        stored = {
            (row.hour, row.location_id): {
                "stamps": row.stamps,
                "cards": row.cards,
                "vouchers_issued": row.vouchers_issued,
                "vouchers_redeemed": row.vouchers_redeemed,
            }
            for row in rows.scalars()
        }
    assert stored == raw


async def test_the_worker_counts_active_and_lapsing_customers_for_the_overview(
    tenant: Tenant, db: Database
) -> None:
    api = tenant.client
    the_card = await card(api, (await coffee_program(api))["id"])
    await stamp(api, the_card["id"], 1)
    later = utcnow() + timedelta(hours=2)

    await Rollup(db).run_due(later)

    async with db.transaction() as session:
        row = (
            await session.execute(
                select(FiguresFilled).where(FiguresFilled.business_id == tenant.business_id)
            )
        ).scalar_one()
    assert (row.active, row.lapsing, row.activity_at) == (1, 0, later)


async def test_the_overview_figures_match_the_raw_rows_with_past_days_summed_once(
    tenant: Tenant, db: Database
) -> None:
    api = tenant.client
    the_card = await card(api, (await coffee_program(api))["id"])
    await stamp(api, the_card["id"], 2)
    await opened_days_ago(db, tenant.business_id, 5)
    now = utcnow()
    async with db.transaction() as session:
        for days_ago, count in ((4, 3), (2, 5)):
            at = now - days_ago * DAY
            session.add(
                Stamp(
                    business_id=tenant.business_id,
                    id=id_at("stp", at, days_ago),
                    card_id=the_card["id"],
                    count=count,
                    created_at=at,
                )
            )
    await Rollup(db).catch_up(tenant.business_id, now)
    zone = ZoneInfo("Europe/Berlin")
    start, end = now - 6 * DAY, now + timedelta(hours=1)

    shown = []
    for _ in range(2):  # summed, then from SETTLED_DAYS
        async with db.transaction() as session:
            shown.append(await daily(session, tenant.business_id, start, end, None, zone))

    async with db.transaction() as session:
        raw = await raw_figures(session, tenant.business_id, start, end)
    expected: dict[date, int] = {}
    for (hour, _), figures in raw.items():
        day = hour.astimezone(zone).date()
        expected[day] = expected.get(day, 0) + figures["stamps"]
    for found in shown:
        assert found.counting is None
        assert {day: figures["stamps"] for day, figures in found.days.items()} == expected
    assert sorted(expected.values()) == [2, 3, 5]
