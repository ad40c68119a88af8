"""Lottery tickets through the API: issued by a goal, played once, the prize on the normal
voucher path, the draw recorded and replayable, stock taken and never oversold."""

import httpx

from punchcard.lotteries.draw import Entry, pick
from tests.conftest import Tenant
from tests.support.factories import (
    card,
    lottery,
    lottery_card,
    ok,
    problem,
    staff_key,
    stamp,
    template,
    tickets,
)


async def events_of(api: httpx.AsyncClient, **filters: str) -> list[dict]:  # type: ignore[type-arg]
    return ok(await api.get("/v1/events", params={"limit": 100, **filters}))["data"]  # type: ignore[no-any-return]


async def only_prize(api: httpx.AsyncClient, **variant: object) -> dict:  # type: ignore[type-arg]
    """A lottery every play wins (a unique CAFE-#### code), unless its stock runs out."""
    coffee = await template(
        api, title="Free coffee", redeem_code={"type": "pattern", "pattern": "CAFE-####"}
    )
    prize = {"key": "free_coffee", "template_id": coffee["id"], "weight": 1, **variant}
    return await lottery(api, [prize])


async def test_reaching_a_lottery_goal_issues_a_ticket_with_the_stamp(tenant: Tenant) -> None:
    api = tenant.client
    lucky = await lottery(api, description="One spin per visit")
    the_card = await lottery_card(api, lucky["id"])

    stamped = await stamp(api, the_card["id"])

    [ticket] = stamped["vouchers_issued"]
    assert ticket["type"] == "lottery"
    assert ticket["lottery_id"] == lucky["id"]
    assert (ticket["title"], ticket["description"]) == ("Spin the wheel", "One spin per visit")
    assert (ticket["status"], ticket["redeem_code"], ticket["redeem_code_formats"]) == (
        "issued",
        "",
        [],
    )
    assert stamped["goals_reached"][0]["lottery_id"] == lucky["id"]
    written = await events_of(api, card_id=the_card["id"])
    assert [e["event"] for e in written] == [
        "voucher_issued",
        "reward_issued",
        "goal_reached",
        "stamp_added",
        "card_issued",
    ]
    assert written[0]["voucher"]["type"] == "lottery"
    assert written[1]["goal"]["lottery_id"] == lucky["id"]
    listed = ok(
        await api.get("/v1/vouchers", params={"card_id": the_card["id"], "type": "lottery"})
    )
    assert [v["id"] for v in listed["data"]] == [ticket["id"]]


async def test_a_win_issues_the_prize_voucher_and_lottery_played_in_one_go(
    tenant: Tenant,
) -> None:
    api = tenant.client
    lucky = await only_prize(api)
    the_card = await lottery_card(api, lucky["id"])
    [ticket] = await tickets(api, the_card["id"])

    played = ok(await api.post(f"/v1/vouchers/{ticket['id']}/play"))

    assert (played["variant"], played["variant_title"], played["won"]) == (
        "free_coffee",
        "Free coffee",
        True,
    )
    prize = played["voucher"]
    assert prize["redeem_code"].startswith("CAFE-")
    assert prize["type"] == "voucher"
    assert (prize["card_id"], prize["status"]) == (the_card["id"], "issued")
    assert ok(await api.get(f"/v1/vouchers/{ticket['id']}"))["status"] == "played"
    played_event, issued_event = (
        await events_of(api, type="lottery_played"),
        await events_of(api, type="voucher_issued", voucher_id=prize["id"]),
    )
    assert played_event[0]["voucher"]["id"] == ticket["id"]
    assert played_event[0]["voucher"]["status"] == "played"
    assert played_event[0]["lottery"] == {
        "lottery_id": lucky["id"],
        "variant": "free_coffee",
        "won": True,
        "voucher_id": prize["id"],
        "draw_id": played["id"],
        "title": "Spin the wheel",
        "variant_title": "Free coffee",
    }
    assert issued_event[0]["voucher"]["redeem_code"] == prize["redeem_code"]
    redeemed = ok(await api.post("/v1/vouchers/redeem", json={"code": prize["redeem_code"]}))
    assert redeemed["status"] == "redeemed"


async def test_the_draw_is_recorded_so_it_can_be_replayed(tenant: Tenant) -> None:
    api = tenant.client
    lucky = await lottery(api)
    the_card = await lottery_card(api, lucky["id"])
    [ticket] = await tickets(api, the_card["id"])
    played = ok(await api.post(f"/v1/vouchers/{ticket['id']}/play"))

    draw = ok(await api.get(f"/v1/lottery-draws/{played['id']}"))

    assert draw == {key: value for key, value in played.items() if key != "voucher"}
    assert [v["key"] for v in draw["variants"]] == ["free_cookie", "no_prize"]
    assert [v["weight"] for v in draw["variants"]] == [1, 1]
    assert (draw["total_weight"], draw["via"], draw["redraws"]) == (2, "api", 0)
    assert 0 <= draw["random_number"] < 2
    entries = [
        Entry("", v["key"], v["title"], v["template_id"], v["weight"], v["stock"])
        for v in draw["variants"]
    ]
    assert entries[pick(entries, draw["random_number"])].key == draw["variant"]
    assert draw["won"] == (draw["variant"] == "free_cookie")
    by_ticket = ok(await api.get("/v1/lottery-draws", params={"ticket_id": ticket["id"]}))
    assert [d["id"] for d in by_ticket["data"]] == [draw["id"]]
    by_lottery = ok(await api.get("/v1/lottery-draws", params={"lottery_id": lucky["id"]}))
    assert [d["id"] for d in by_lottery["data"]] == [draw["id"]]


async def test_a_ticket_is_played_once(tenant: Tenant) -> None:
    api = tenant.client
    the_card = await lottery_card(api, (await lottery(api))["id"])
    [ticket] = await tickets(api, the_card["id"])
    first = ok(await api.post(f"/v1/vouchers/{ticket['id']}/play"))

    again = problem(
        await api.post(f"/v1/vouchers/{ticket['id']}/play"), 409, "lottery_ticket_played"
    )

    assert again["draw_id"] == first["id"]
    assert len(await events_of(api, type="lottery_played")) == 1


async def test_tickets_are_played_not_redeemed_and_vouchers_redeemed_not_played(
    tenant: Tenant,
) -> None:
    api = tenant.client
    the_card = await lottery_card(api, (await lottery(api))["id"])
    [ticket] = await tickets(api, the_card["id"])
    voucher = ok(
        await api.post(
            "/v1/vouchers", json={"card_id": the_card["id"], "custom": {"title": "Gift"}}
        ),
        201,
    )

    problem(await api.post(f"/v1/vouchers/{ticket['id']}/redeem"), 409, "voucher_is_lottery_ticket")
    problem(await api.post(f"/v1/vouchers/{voucher['id']}/play"), 409, "voucher_not_lottery_ticket")
    problem(await api.post("/v1/vouchers/vch_nope/play"), 404, "voucher_not_found")
    assert ok(await api.get(f"/v1/vouchers/{ticket['id']}"))["status"] == "issued"
    assert ok(await api.get(f"/v1/vouchers/{voucher['id']}"))["status"] == "issued"


async def test_another_business_cannot_play_a_ticket(tenant: Tenant, stranger: Tenant) -> None:
    the_card = await lottery_card(tenant.client, (await lottery(tenant.client))["id"])
    [ticket] = await tickets(tenant.client, the_card["id"])

    problem(
        await stranger.client.post(f"/v1/vouchers/{ticket['id']}/play"), 404, "voucher_not_found"
    )

    assert ok(await tenant.client.get(f"/v1/vouchers/{ticket['id']}"))["status"] == "issued"


async def test_a_win_takes_the_prize_from_its_stock(tenant: Tenant) -> None:
    api = tenant.client
    coffee = await template(api, title="Free coffee")
    lucky = await lottery(
        api,
        [
            {"key": "free_coffee", "template_id": coffee["id"], "weight": 1_000_000, "stock": 1},
            {"key": "no_prize", "weight": 1},
        ],
    )
    the_card = await lottery_card(api, lucky["id"])
    first, second = await tickets(api, the_card["id"], 2)

    won = ok(await api.post(f"/v1/vouchers/{first['id']}/play"))
    after = ok(await api.get(f"/v1/lotteries/{lucky['id']}"))
    lost = ok(await api.post(f"/v1/vouchers/{second['id']}/play"))

    # A million to one: the prize in stock is (practically) certain to be drawn first.
    assert (won["variant"], won["stock_left"]) == ("free_coffee", 0)
    assert [(v["key"], v["stock"], v["chance"]) for v in after["variants"]] == [
        ("free_coffee", 0, 0.0),
        ("no_prize", None, 1.0),
    ]
    assert (lost["variant"], lost["won"], lost["voucher"]) == ("no_prize", False, None)
    assert [(v["key"], v["in_draw"]) for v in lost["variants"]] == [
        ("free_coffee", False),
        ("no_prize", True),
    ]
    assert lost["total_weight"] == 1


async def test_a_sold_out_lottery_refuses_the_play_and_the_ticket_waits_for_a_restock(
    tenant: Tenant,
) -> None:
    api = tenant.client
    lucky = await only_prize(api, stock=1)
    the_card = await lottery_card(api, lucky["id"])
    first, second = await tickets(api, the_card["id"], 2)
    ok(await api.post(f"/v1/vouchers/{first['id']}/play"))

    problem(await api.post(f"/v1/vouchers/{second['id']}/play"), 409, "lottery_sold_out")

    assert ok(await api.get(f"/v1/lotteries/{lucky['id']}"))["sold_out"] is True
    assert ok(await api.get(f"/v1/vouchers/{second['id']}"))["status"] == "issued"
    assert len(await events_of(api, type="lottery_played")) == 1
    variants = ok(await api.get(f"/v1/lotteries/{lucky['id']}"))["variants"]
    restock = [
        {k: v for k, v in variant.items() if k != "chance"} | {"stock": 5} for variant in variants
    ]
    ok(await api.patch(f"/v1/lotteries/{lucky['id']}", json={"variants": restock}))
    assert ok(await api.post(f"/v1/vouchers/{second['id']}/play"))["stock_left"] == 4


async def test_a_prize_that_cannot_be_issued_leaves_the_ticket_and_stock_untouched(
    tenant: Tenant,
) -> None:
    api = tenant.client
    empty_pool = await template(api, title="Gift card", redeem_code={"type": "pool"})
    lucky = await lottery(
        api, [{"key": "gift", "template_id": empty_pool["id"], "weight": 1, "stock": 3}]
    )
    the_card = await lottery_card(api, lucky["id"])
    [ticket] = await tickets(api, the_card["id"])

    problem(await api.post(f"/v1/vouchers/{ticket['id']}/play"), 409, "code_pool_empty")

    assert ok(await api.get(f"/v1/vouchers/{ticket['id']}"))["status"] == "issued"
    assert ok(await api.get(f"/v1/lotteries/{lucky['id']}"))["variants"][0]["stock"] == 3
    assert ok(await api.get("/v1/lottery-draws"))["data"] == []


async def test_a_till_plays_at_its_location_and_the_draw_says_who(tenant: Tenant) -> None:
    api = tenant.client
    the_card = await lottery_card(api, (await lottery(api))["id"])
    [ticket] = await tickets(api, the_card["id"])
    staff, key = await staff_key(api, "scanner", tenant.location_id)
    till = await tenant.client_for(key)

    async with till:
        played = ok(
            await till.post(f"/v1/vouchers/{ticket['id']}/play", json={"via": "staff_scanner"})
        )

    assert (played["via"], played["staff_id"], played["location_id"]) == (
        "staff_scanner",
        staff["id"],
        tenant.location_id,
    )
    [event] = await events_of(api, type="lottery_played")
    assert (event["staff_id"], event["location_id"]) == (staff["id"], tenant.location_id)


async def test_a_retried_play_with_the_same_idempotency_key_answers_the_same(
    tenant: Tenant,
) -> None:
    api = tenant.client
    the_card = await lottery_card(api, (await lottery(api))["id"])
    [ticket] = await tickets(api, the_card["id"])
    headers = {"Idempotency-Key": f"play-{ticket['id']}"}

    first = ok(await api.post(f"/v1/vouchers/{ticket['id']}/play", headers=headers))
    retried = await api.post(f"/v1/vouchers/{ticket['id']}/play", headers=headers)

    assert ok(retried) == first
    assert retried.headers["Idempotent-Replayed"] == "true"


async def test_template_goals_still_issue_vouchers_beside_lottery_goals(tenant: Tenant) -> None:
    api = tenant.client
    cookie = await template(api)
    lucky = await lottery(api)
    body = {
        "name": "Mixed",
        "goals": [
            {"stamps": 2, "template_id": cookie["id"]},
            {"stamps": 4, "lottery_id": lucky["id"], "title": "Mystery prize"},
        ],
        "after_last_goal": "continue",
    }
    mixed = ok(await api.post("/v1/programs", json=body), 201)
    the_card = await card(api, mixed["id"])

    first = await stamp(api, the_card["id"], 2)
    second = await stamp(api, the_card["id"], 2)

    assert [v["type"] for v in first["vouchers_issued"]] == ["voucher"]
    assert first["card"]["next_goal"]["lottery_id"] == lucky["id"]
    assert first["card"]["next_goal"]["title"] == "Mystery prize"
    [ticket] = second["vouchers_issued"]
    assert (ticket["type"], ticket["title"], ticket["goal_index"]) == (
        "lottery",
        "Spin the wheel",
        1,
    )


async def test_bad_play_requests_are_refused_and_play_nothing(
    tenant: Tenant, stranger: Tenant
) -> None:
    api = tenant.client
    the_card = await lottery_card(api, (await lottery(api))["id"])
    [ticket] = await tickets(api, the_card["id"])
    play = f"/v1/vouchers/{ticket['id']}/play"
    elsewhere = stranger.location_id

    for body, field in (
        ({"via": "moon"}, "body.via"),
        ({"via": None}, "body.via"),
        ({"location_id": 7}, "body.location_id"),
        ({"location_id": "loc_\x00"}, "body.location_id"),
        ({"luck": "please"}, "body.luck"),
        ([], "body"),
    ):
        refused = problem(await api.post(play, json=body), 422, "validation_error")
        assert refused["errors"][0]["field"] == field, body
    problem(await api.post(play, json={"location_id": elsewhere}), 404, "location_not_found")

    assert ok(await api.get(f"/v1/vouchers/{ticket['id']}"))["status"] == "issued"
    assert ok(await api.get("/v1/lottery-draws"))["data"] == []
