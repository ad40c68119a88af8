"""Many clients at once, through two server processes sharing one PostgreSQL database: each
operation that must happen once happens once, and none of the concurrent work is lost.
"""

import asyncio
import uuid
from collections import Counter
from collections.abc import Awaitable, Callable
from typing import Any

import httpx
import pytest

from tests.support.factories import card, coffee_program, ok


async def concurrently(
    n: int, send: Callable[[], Awaitable[httpx.Response]]
) -> list[httpx.Response]:
    return list(await asyncio.gather(*(send() for _ in range(n))))


def assert_statuses(responses: list[httpx.Response], expected: dict[int, int]) -> None:
    """How many responses had each status (the failure message shows the unexpected ones)."""
    unexpected = {r.text for r in responses if r.status_code not in expected}
    assert Counter(response.status_code for response in responses) == expected, unexpected


async def every_page(api: httpx.AsyncClient, path: str, **params: str) -> list[dict[str, Any]]:
    """All items of a paginated list, following next_cursor."""
    items: list[dict[str, Any]] = []
    cursor: str | None = None
    while True:
        query = {**params, "limit": "100"} | ({"cursor": cursor} if cursor else {})
        page = ok(await api.get(path, params=query))
        items += page["data"]
        cursor = page["next_cursor"]
        if cursor is None:
            return items


def unique(label: str) -> str:
    return f"{label}-{uuid.uuid4().hex[:12]}"


def assert_one_created(responses: list[httpx.Response]) -> None:
    """Exactly one 201, every other answer a 200, all naming the same object."""
    assert_statuses(responses, {201: 1, 200: len(responses) - 1})
    assert len({response.json()["id"] for response in responses}) == 1


@pytest.mark.parametrize("by", ["id", "code"])
async def test_voucher_is_redeemed_exactly_once(live_api: httpx.AsyncClient, by: str) -> None:
    the_card = await card(live_api, (await coffee_program(live_api))["id"])
    voucher = ok(
        await live_api.post(
            "/v1/vouchers", json={"card_id": the_card["id"], "custom": {"title": "Free muffin"}}
        ),
        201,
    )

    def redeem() -> Awaitable[httpx.Response]:
        if by == "id":
            return live_api.post(f"/v1/vouchers/{voucher['id']}/redeem", json={})
        return live_api.post("/v1/vouchers/redeem", json={"code": voucher["redeem_code"]})

    responses = await concurrently(100, redeem)

    assert_statuses(responses, {200: 1, 409: 99})
    refusals = [response.json()["code"] for response in responses if response.status_code == 409]
    assert set(refusals) == {"voucher_already_redeemed"}
    events = {"type": "voucher_redeemed", "voucher_id": voucher["id"]}
    assert len(await every_page(live_api, "/v1/events", **events)) == 1


async def test_parallel_stamps_all_count_and_every_goal_pays_out(
    live_api: httpx.AsyncClient,
) -> None:
    program = await coffee_program(live_api, after_last_goal="restart")  # goals at 5 and 10
    the_card = await card(live_api, program["id"])
    url = f"/v1/cards/{the_card['id']}/stamps"

    responses = await concurrently(200, lambda: live_api.post(url, json={"count": 1}))

    results = [ok(response, 201) for response in responses]
    # Serialized on the card row: each request saw a distinct running total.
    assert sorted(r["card"]["lifetime_stamps"] for r in results) == list(range(1, 201))
    assert sum(len(r["vouchers_issued"]) for r in results) == 40
    final = ok(await live_api.get(f"/v1/cards/{the_card['id']}"))
    assert (final["lifetime_stamps"], final["rounds_completed"], final["stamps"]) == (200, 20, 0)
    vouchers = await every_page(live_api, "/v1/vouchers", card_id=the_card["id"])
    cookie, coffee = (goal["template_id"] for goal in program["goals"])
    assert Counter(v["template_id"] for v in vouchers) == {cookie: 20, coffee: 20}
    stamped = await every_page(live_api, "/v1/events", type="stamp_added", card_id=the_card["id"])
    assert len(stamped) == 200


async def test_parallel_retries_with_one_idempotency_key_stamp_once(
    live_api: httpx.AsyncClient,
) -> None:
    the_card = await card(live_api, (await coffee_program(live_api))["id"])
    url = f"/v1/cards/{the_card['id']}/stamps"
    headers = {"Idempotency-Key": unique("till-receipt")}

    responses = await concurrently(
        20, lambda: live_api.post(url, json={"count": 1}, headers=headers)
    )

    assert_statuses(responses, {201: 20})
    assert all(response.json() == responses[0].json() for response in responses)
    assert sum("idempotent-replayed" not in response.headers for response in responses) == 1
    final = ok(await live_api.get(f"/v1/cards/{the_card['id']}"))
    assert (final["lifetime_stamps"], final["stamps"]) == (1, 1)


async def test_parallel_card_issues_for_a_new_customer_make_one_card(
    live_api: httpx.AsyncClient,
) -> None:
    program = await coffee_program(live_api)
    body = {"program_id": program["id"], "customer": {"email": f"{unique('guest')}@example.com"}}

    responses = await concurrently(20, lambda: live_api.post("/v1/cards", json=body))

    assert_one_created(responses)
    assert len({response.json()["customer_id"] for response in responses}) == 1


async def test_parallel_upserts_of_a_new_customer_make_one_customer(
    live_api: httpx.AsyncClient,
) -> None:
    body = {"source_id": unique("crm")}

    responses = await concurrently(20, lambda: live_api.post("/v1/customers", json=body))

    assert_one_created(responses)
