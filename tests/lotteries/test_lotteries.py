"""Lotteries as a resource: variants with weights and stock, chances, edits, archiving, and bad
input refused whole, naming the field."""

from typing import Any

import pytest

from tests.conftest import Tenant
from tests.support.factories import lottery, lottery_card, ok, problem, staff_key, template


async def test_a_lottery_shows_each_variants_chance(tenant: Tenant) -> None:
    api = tenant.client
    cookie = await template(api)
    coffee = await template(api, title="Free coffee")
    made = await lottery(
        api,
        [
            {"key": "free_coffee", "template_id": coffee["id"], "weight": 10, "stock": 50},
            {"key": "free_cookie", "template_id": cookie["id"], "weight": 30, "title": "Cookie!"},
            {"key": "no_prize", "weight": 60},
        ],
    )

    assert made["id"].startswith("lot_")
    assert [(v["key"], v["title"], v["stock"], v["chance"]) for v in made["variants"]] == [
        ("free_coffee", "Free coffee", 50, 0.1),
        ("free_cookie", "Cookie!", None, 0.3),
        ("no_prize", "No prize", None, 0.6),
    ]
    assert (made["sold_out"], made["archived"]) == (False, False)
    assert ok(await api.get(f"/v1/lotteries/{made['id']}")) == made
    assert [item["id"] for item in ok(await api.get("/v1/lotteries"))["data"]] == [made["id"]]


async def test_a_used_up_prize_drops_out_and_the_others_share_its_chance(tenant: Tenant) -> None:
    api = tenant.client
    coffee = await template(api, title="Free coffee")
    cookie = await template(api)
    made = await lottery(
        api,
        [
            {"key": "free_coffee", "template_id": coffee["id"], "weight": 10, "stock": 0},
            {"key": "free_cookie", "template_id": cookie["id"], "weight": 30},
            {"key": "no_prize", "weight": 60},
        ],
    )

    chances = [v["chance"] for v in made["variants"]]

    assert chances == [0.0, pytest.approx(30 / 90), pytest.approx(60 / 90)]
    assert made["sold_out"] is False


async def test_every_prize_used_up_and_no_no_prize_variant_is_sold_out(tenant: Tenant) -> None:
    api = tenant.client
    cookie = await template(api)

    made = await lottery(
        api, [{"key": "cookie", "template_id": cookie["id"], "weight": 1, "stock": 0}]
    )

    assert made["sold_out"] is True
    assert made["variants"][0]["chance"] == 0.0


async def test_editing_keeps_variants_by_key_and_sets_their_stock(tenant: Tenant) -> None:
    api = tenant.client
    cookie = await template(api)
    made = await lottery(
        api,
        [
            {"key": "cookie", "template_id": cookie["id"], "weight": 1, "stock": 0},
            {"key": "no_prize", "weight": 1},
        ],
    )
    variants = [
        {"key": "cookie", "template_id": cookie["id"], "weight": 2, "stock": 20},
        {"key": "try_again", "title": "So close!", "weight": 8},
    ]

    edited = ok(
        await api.patch(
            f"/v1/lotteries/{made['id']}",
            json={"title": "Scratch card", "description": "Scratch to win", "variants": variants},
        )
    )

    assert (edited["title"], edited["description"]) == ("Scratch card", "Scratch to win")
    assert [(v["key"], v["title"], v["stock"], v["chance"]) for v in edited["variants"]] == [
        ("cookie", "Free cookie", 20, 0.2),
        ("try_again", "So close!", None, 0.8),
    ]
    renamed = ok(await api.patch(f"/v1/lotteries/{made['id']}", json={"title": "Wheel"}))
    assert (renamed["description"], renamed["variants"]) == ("Scratch to win", edited["variants"])


async def test_a_lottery_in_use_cannot_be_archived_nor_an_archived_one_used(
    tenant: Tenant,
) -> None:
    api = tenant.client
    used = await lottery(api)
    await lottery_card(api, used["id"])
    spare = await lottery(api)

    problem(await api.delete(f"/v1/lotteries/{used['id']}"), 409, "lottery_in_use")
    assert (await api.delete(f"/v1/lotteries/{spare['id']}")).status_code == 204

    goals = [{"stamps": 3, "lottery_id": spare["id"]}]
    body = problem(
        await api.post("/v1/programs", json={"name": "P", "goals": goals}), 422, "lottery_not_found"
    )
    assert body["errors"][0]["field"] == "body.goals.0.lottery_id"
    listed = ok(await api.get("/v1/lotteries"))["data"]
    assert [item["id"] for item in listed] == [used["id"]]
    everything = ok(await api.get("/v1/lotteries", params={"include_archived": "true"}))["data"]
    assert {item["id"]: item["archived"] for item in everything} == {
        used["id"]: False,
        spare["id"]: True,
    }


@pytest.mark.parametrize(
    "goal",
    [
        {"stamps": 3},
        {"stamps": 3, "template_id": "TEMPLATE", "lottery_id": "LOTTERY"},
        {"stamps": 3, "lottery_id": None},
    ],
)
async def test_a_goal_rewards_a_template_or_a_lottery(tenant: Tenant, goal: dict[str, Any]) -> None:
    api = tenant.client
    refs = {"TEMPLATE": (await template(api))["id"], "LOTTERY": (await lottery(api))["id"]}
    goal = {key: refs.get(value, value) for key, value in goal.items()}

    body = problem(
        await api.post("/v1/programs", json={"name": "P", "goals": [goal]}), 422, "validation_error"
    )

    assert body["errors"][0]["field"] == "body.goals.0"
    assert "exactly one of template_id or lottery_id" in body["detail"]


async def test_a_goal_cannot_name_another_businesss_lottery(
    tenant: Tenant, stranger: Tenant
) -> None:
    foreign = await lottery(stranger.client)
    goals = [{"stamps": 3, "lottery_id": foreign["id"]}]

    body = problem(
        await tenant.client.post("/v1/programs", json={"name": "P", "goals": goals}),
        422,
        "lottery_not_found",
    )

    assert body["errors"][0]["field"] == "body.goals.0.lottery_id"


def _prize(**changes: Any) -> dict[str, Any]:
    return {"key": "cookie", "template_id": "TEMPLATE", "weight": 1, **changes}


# (body, field named, code): each refused whole.
BAD_LOTTERIES = {
    "weight zero": ({"variants": [_prize(weight=0)]}, "body.variants.0.weight", None),
    "weight negative": ({"variants": [_prize(weight=-5)]}, "body.variants.0.weight", None),
    "weight too big": ({"variants": [_prize(weight=10**12)]}, "body.variants.0.weight", None),
    "weight a word": ({"variants": [_prize(weight="ten")]}, "body.variants.0.weight", None),
    "weight a fraction": ({"variants": [_prize(weight=1.5)]}, "body.variants.0.weight", None),
    "weight null": ({"variants": [_prize(weight=None)]}, "body.variants.0.weight", None),
    "weight missing": (
        {"variants": [{"key": "cookie", "template_id": "TEMPLATE"}]},
        "body.variants.0.weight",
        None,
    ),
    "stock negative": ({"variants": [_prize(stock=-1)]}, "body.variants.0.stock", None),
    "stock a list": ({"variants": [_prize(stock=[3])]}, "body.variants.0.stock", None),
    "stock without a prize": (
        {"variants": [_prize(), {"key": "no_prize", "weight": 1, "stock": 3}]},
        "body.variants.1.stock",
        None,
    ),
    "no variants": ({"variants": []}, "body.variants", None),
    "too many variants": (
        {"variants": [_prize(key=f"v{i}") for i in range(51)]},
        "body.variants",
        None,
    ),
    "title too long": ({"title": "x" * 201, "variants": [_prize()]}, "body.title", None),
    "variants null": ({"variants": None}, "body.variants", None),
    "variants an object": ({"variants": {"key": "cookie"}}, "body.variants", None),
    "variants missing": ({}, "body.variants", None),
    "no prize at all": ({"variants": [{"key": "no_prize", "weight": 1}]}, "body.variants", None),
    "keys repeated": ({"variants": [_prize(), _prize()]}, "body.variants", None),
    "key with spaces": ({"variants": [_prize(key="free cookie")]}, "body.variants.0.key", None),
    "key with a NUL byte": ({"variants": [_prize(key="cookie\x00")]}, "body.variants.0.key", None),
    "title with a NUL byte": ({"title": "Spin\x00", "variants": [_prize()]}, "body.title", None),
    "variant title with a NUL byte": (
        {"variants": [_prize(title="Cookie\x00")]},
        "body.variants.0.title",
        None,
    ),
    "template id with a NUL byte": (
        {"variants": [_prize(template_id="vtp_\x00")]},
        "body.variants.0.template_id",
        None,
    ),
    "title null": ({"title": None, "variants": [_prize()]}, "body.title", None),
    "title a number": ({"title": 7, "variants": [_prize()]}, "body.title", None),
    "unknown field": ({"variants": [_prize(odds=0.5)]}, "body.variants.0.odds", None),
    "unknown template": (
        {"variants": [_prize(template_id="vtp_nope")]},
        "body.variants.0.template_id",
        "voucher_template_not_found",
    ),
    "another business's template": (
        {"variants": [_prize(template_id="FOREIGN")]},
        "body.variants.0.template_id",
        "voucher_template_not_found",
    ),
}


@pytest.mark.parametrize("case", BAD_LOTTERIES, ids=list(BAD_LOTTERIES))
async def test_bad_lotteries_are_refused_naming_the_field_and_nothing_is_saved(
    tenant: Tenant, stranger: Tenant, case: str
) -> None:
    api = tenant.client
    body, field, code = BAD_LOTTERIES[case]
    refs = {
        "TEMPLATE": (await template(api))["id"],
        "FOREIGN": (await template(stranger.client))["id"],
    }
    sent = _resolved({"title": "Spin the wheel", **body}, refs)

    refused = problem(await api.post("/v1/lotteries", json=sent), 422, code or "validation_error")

    assert field in [error["field"] for error in refused["errors"]], refused
    assert ok(await api.get("/v1/lotteries", params={"include_archived": "true"}))["data"] == []


@pytest.mark.parametrize(
    "case", ["weight zero", "no variants", "unknown template", "title a number"]
)
async def test_bad_edits_are_refused_and_change_nothing(tenant: Tenant, case: str) -> None:
    api = tenant.client
    made = await lottery(api)
    body, field, code = BAD_LOTTERIES[case]
    refs = {"TEMPLATE": made["variants"][0]["template_id"]}

    refused = problem(
        await api.patch(f"/v1/lotteries/{made['id']}", json=_resolved(body, refs)),
        422,
        code or "validation_error",
    )

    assert field in [error["field"] for error in refused["errors"]], refused
    assert ok(await api.get(f"/v1/lotteries/{made['id']}")) == made


async def test_an_unknown_or_foreign_lottery_is_a_404(tenant: Tenant, stranger: Tenant) -> None:
    foreign = await lottery(stranger.client)

    for ref in (foreign["id"], "lot_nope"):
        problem(await tenant.client.get(f"/v1/lotteries/{ref}"), 404, "lottery_not_found")
        problem(
            await tenant.client.patch(f"/v1/lotteries/{ref}", json={"title": "Mine"}),
            404,
            "lottery_not_found",
        )
        problem(await tenant.client.delete(f"/v1/lotteries/{ref}"), 404, "lottery_not_found")
    problem(await tenant.client.get("/v1/lottery-draws/drw_nope"), 404, "lottery_draw_not_found")
    for path in ("/v1/lotteries/lot%00x", "/v1/lottery-draws/drw%00x", "/v1/vouchers/vch%00/play"):
        refused = problem(
            await tenant.client.request("GET" if "play" not in path else "POST", path),
            422,
            "validation_error",
        )
        assert refused["errors"][0]["field"].startswith("path.")
    refused = problem(
        await tenant.client.get("/v1/lottery-draws", params={"card_id": "card_\x00"}),
        422,
        "validation_error",
    )
    assert refused["errors"][0]["field"] == "query.card_id"


async def test_a_scanner_reads_lotteries_but_may_not_manage_them(tenant: Tenant) -> None:
    made = await lottery(tenant.client)
    _, key = await staff_key(tenant.client, "scanner")
    prize = {key: value for key, value in made["variants"][0].items() if key != "chance"}
    body = {"title": "Mine", "variants": [prize]}

    async with await tenant.client_for(key) as till:
        problem(await till.post("/v1/lotteries", json=body), 403, "insufficient_role")
        problem(
            await till.patch(f"/v1/lotteries/{made['id']}", json={"title": "Mine"}),
            403,
            "insufficient_role",
        )
        assert ok(await till.get(f"/v1/lotteries/{made['id']}")) == made


def _resolved(value: Any, refs: dict[str, str]) -> Any:
    """``value`` with placeholder template ids swapped for real ones."""
    if isinstance(value, dict):
        return {key: _resolved(item, refs) for key, item in value.items()}
    if isinstance(value, list):
        return [_resolved(item, refs) for item in value]
    return refs.get(value, value) if isinstance(value, str) else value
