"""10,000 plays: how often each variant comes up fits its weight.

A chi-square goodness-of-fit test over three variants weighted 1, 3 and 6 (10 %, 30 %, 60 %).
With two degrees of freedom the chi-square tail is exactly exp(-x / 2), so the test fails when
p = exp(-chi2 / 2) < 1e-6, that is chi2 > 2 ln(10^6) = 27.6: a correct draw fails by chance
once in a million runs, while a draw off by two points (12 % instead of 10 %) scores about 44
and fails every time.

The plays go through the play service in batches of 500 per transaction (10,000 HTTP requests
would test the HTTP stack, not the draw); the first few go through the API.
"""

import math

from sqlalchemy import func, select

from punchcard.db.engine import Database
from punchcard.lotteries.models import LotteryDraw
from punchcard.lotteries.service import play
from punchcard.staff.actor import Actor
from punchcard.vouchers.models import Voucher
from tests.conftest import Tenant
from tests.support.factories import lottery, lottery_card, ok, stamp, template

PLAYS = 10_000
THROUGH_HTTP = 20
BATCH = 500
WEIGHTS = {"free_coffee": 1, "free_cookie": 3, "no_prize": 6}
SIGNIFICANCE = 1e-6


async def test_ten_thousand_plays_come_up_as_often_as_their_weights_say(
    tenant: Tenant, db: Database
) -> None:
    api = tenant.client
    coffee = await template(api, title="Free coffee")
    cookie = await template(api)
    variants = [
        {"key": "free_coffee", "template_id": coffee["id"], "weight": WEIGHTS["free_coffee"]},
        {"key": "free_cookie", "template_id": cookie["id"], "weight": WEIGHTS["free_cookie"]},
        {"key": "no_prize", "weight": WEIGHTS["no_prize"]},
    ]
    lucky = await lottery(api, variants)
    the_card = await lottery_card(api, lucky["id"])
    for _ in range(PLAYS // 1000):
        await stamp(api, the_card["id"], 1000)  # a ticket per stamp
    async with db.transaction() as session:
        ticket_ids = list(
            await session.scalars(
                select(Voucher.id)
                .where(Voucher.business_id == tenant.business_id, Voucher.card_id == the_card["id"])
                .order_by(Voucher.id)
            )
        )
    assert len(ticket_ids) == PLAYS

    for ticket_id in ticket_ids[:THROUGH_HTTP]:
        ok(await api.post(f"/v1/vouchers/{ticket_id}/play"))
    actor = Actor.system(tenant.business_id)
    for start in range(THROUGH_HTTP, PLAYS, BATCH):
        async with db.transaction() as session:
            for ticket_id in ticket_ids[start : start + BATCH]:
                await play(session, actor, ticket_id=ticket_id)

    async with db.transaction() as session:
        counted = dict(
            (
                await session.execute(
                    select(LotteryDraw.variant_key, func.count())
                    .where(
                        LotteryDraw.business_id == tenant.business_id,
                        LotteryDraw.lottery_id == lucky["id"],
                    )
                    .group_by(LotteryDraw.variant_key)
                )
            ).all()
        )
    assert sum(counted.values()) == PLAYS
    total = sum(WEIGHTS.values())
    expected = {key: PLAYS * weight / total for key, weight in WEIGHTS.items()}
    chi2 = sum((counted.get(key, 0) - e) ** 2 / e for key, e in expected.items())
    p_value = math.exp(-chi2 / 2)  # the chi-square tail for 2 degrees of freedom
    assert p_value >= SIGNIFICANCE, f"{counted} against {expected}: chi2 {chi2:.1f}"
    async with db.transaction() as session:
        prizes = await session.scalar(
            select(func.count()).where(
                Voucher.business_id == tenant.business_id,
                Voucher.card_id == the_card["id"],
                Voucher.type == "voucher",
            )
        )
    assert prizes == counted["free_coffee"] + counted["free_cookie"]
