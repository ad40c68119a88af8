"""Taking stamps off a card: a correction by a manager or owner, with a reason."""

import asyncio

from punchcard.events.catalogue import PAYLOADS
from tests.conftest import Tenant
from tests.support.factories import card, coffee_program, ok, problem, staff_key, stamp


async def test_a_manager_takes_a_stamp_off_with_a_reason(tenant: Tenant) -> None:
    api = tenant.client
    the_card = await card(api, (await coffee_program(api))["id"])
    await stamp(api, the_card["id"], 3)

    body = {"count": 2, "reason": "Stamped twice by mistake"}
    removed = ok(await api.post(f"/v1/cards/{the_card['id']}/stamp-removals", json=body), 201)

    assert removed["stamps_removed"] == 2
    assert (removed["card"]["stamps"], removed["card"]["lifetime_stamps"]) == (1, 1)
    [event] = ok(await api.get("/v1/events", params={"type": "stamps_removed"}))["data"]
    PAYLOADS["stamps_removed"].model_validate(event)
    assert event["removal"]["count"] == 2
    assert event["removal"]["reason"] == "Stamped twice by mistake"
    assert event["card"]["stamps"] == 1


async def test_no_more_stamps_than_the_round_holds_can_be_taken(tenant: Tenant) -> None:
    api = tenant.client
    the_card = await card(api, (await coffee_program(api))["id"])
    await stamp(api, the_card["id"], 1)
    body = {"count": 2, "reason": "oops"}
    refused = await api.post(f"/v1/cards/{the_card['id']}/stamp-removals", json=body)
    assert problem(refused, 409, "not_enough_stamps")["stamps"] == 1


async def test_a_reason_is_required(tenant: Tenant) -> None:
    api = tenant.client
    the_card = await card(api, (await coffee_program(api))["id"])
    refused = await api.post(f"/v1/cards/{the_card['id']}/stamp-removals", json={"count": 1})
    assert problem(refused, 422, "validation_error")["errors"][0]["field"] == "body.reason"


async def test_a_scanner_may_not_take_stamps_off(tenant: Tenant) -> None:
    api = tenant.client
    the_card = await card(api, (await coffee_program(api))["id"])
    await stamp(api, the_card["id"], 1)
    _, key = await staff_key(api, "scanner")
    scanner = await tenant.client_for(key)
    body = {"count": 1, "reason": "mine"}
    refused = await scanner.post(f"/v1/cards/{the_card['id']}/stamp-removals", json=body)
    problem(refused, 403, "insufficient_role")


async def test_two_corrections_at_once_never_go_below_zero(tenant: Tenant) -> None:
    api = tenant.client
    the_card = await card(api, (await coffee_program(api))["id"])
    await stamp(api, the_card["id"], 1)
    path = f"/v1/cards/{the_card['id']}/stamp-removals"
    answers = await asyncio.gather(
        *(api.post(path, json={"count": 1, "reason": "double"}) for _ in range(4))
    )
    assert sorted(answer.status_code for answer in answers) == [201, 409, 409, 409]
    assert ok(await api.get(f"/v1/cards/{the_card['id']}"))["stamps"] == 0
