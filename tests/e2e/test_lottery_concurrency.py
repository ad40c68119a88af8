"""Lottery plays racing through two server processes on PostgreSQL: a ticket is played once,
and a prize's stock is never oversold."""

import httpx

from tests.e2e.test_concurrency import assert_statuses, concurrently, every_page
from tests.support.factories import lottery, lottery_card, ok, template, tickets

RACERS = 50


async def test_parallel_plays_of_one_ticket_play_it_once(live_api: httpx.AsyncClient) -> None:
    the_card = await lottery_card(live_api, (await lottery(live_api))["id"])
    [ticket] = await tickets(live_api, the_card["id"])

    responses = await concurrently(
        RACERS, lambda: live_api.post(f"/v1/vouchers/{ticket['id']}/play")
    )

    assert_statuses(responses, {200: 1, 409: RACERS - 1})
    [won] = [r.json() for r in responses if r.status_code == 200]
    refusals = [r.json() for r in responses if r.status_code == 409]
    assert {(r["code"], r["draw_id"]) for r in refusals} == {("lottery_ticket_played", won["id"])}
    played = await every_page(live_api, "/v1/events", type="lottery_played", card_id=the_card["id"])
    assert len(played) == 1
    draws = await every_page(live_api, "/v1/lottery-draws", ticket_id=ticket["id"])
    assert [d["id"] for d in draws] == [won["id"]]


async def test_parallel_plays_never_take_more_prizes_than_the_stock(
    live_api: httpx.AsyncClient,
) -> None:
    stock = 5
    coffee = await template(live_api, title="Free coffee")
    lucky = await lottery(
        live_api,
        [
            # A million to one: while in stock the prize is (practically) always drawn.
            {
                "key": "free_coffee",
                "template_id": coffee["id"],
                "weight": 1_000_000,
                "stock": stock,
            },
            {"key": "no_prize", "weight": 1},
        ],
    )
    the_card = await lottery_card(live_api, lucky["id"])
    waiting = iter(await tickets(live_api, the_card["id"], RACERS))

    responses = await concurrently(
        RACERS, lambda: live_api.post(f"/v1/vouchers/{next(waiting)['id']}/play")
    )

    assert_statuses(responses, {200: RACERS})
    wins = [r.json() for r in responses if r.json()["won"]]
    after = ok(await live_api.get(f"/v1/lotteries/{lucky['id']}"))
    left = after["variants"][0]["stock"]
    assert len(wins) == stock - left  # never more prizes than the stock, none lost
    assert sorted(w["stock_left"] for w in wins) == list(range(left, stock))
    prizes = await every_page(live_api, "/v1/vouchers", card_id=the_card["id"], type="voucher")
    assert sorted(p["id"] for p in prizes) == sorted(w["voucher"]["id"] for w in wins)
    assert left == 0  # fifty draws a million to one: the stock is used up


async def test_parallel_plays_of_a_lottery_without_no_prize_stop_at_its_stock(
    live_api: httpx.AsyncClient,
) -> None:
    stock = 3
    coffee = await template(live_api, title="Free coffee")
    only_prize = [{"key": "free_coffee", "template_id": coffee["id"], "weight": 1, "stock": stock}]
    lucky = await lottery(live_api, only_prize)
    the_card = await lottery_card(live_api, lucky["id"])
    waiting = iter(await tickets(live_api, the_card["id"], 20))

    responses = await concurrently(
        20, lambda: live_api.post(f"/v1/vouchers/{next(waiting)['id']}/play")
    )

    assert_statuses(responses, {200: stock, 409: 20 - stock})
    assert {r.json()["code"] for r in responses if r.status_code == 409} == {"lottery_sold_out"}
    unplayed = await every_page(
        live_api, "/v1/vouchers", card_id=the_card["id"], type="lottery", status="issued"
    )
    assert len(unplayed) == 20 - stock
