"""Reward reminders: a voucher not redeemed N days after issue, or expiring within N days,
is reminded of once (voucher_reminder); redeemed ones and later expiries are not."""

from datetime import datetime
from typing import Any

import httpx

from tests.automations.conftest import Runner, automation, customer, days, events, runs
from tests.conftest import Tenant
from tests.support.factories import coffee_program, ok, template


async def _voucher(api: httpx.AsyncClient, card_id: str, template_id: str) -> dict[str, Any]:
    body = {"card_id": card_id, "template_id": template_id}
    return ok(await api.post("/v1/vouchers", json=body), 201)  # type: ignore[no-any-return]


async def test_a_voucher_unredeemed_for_n_days_is_reminded_once(
    runner: Runner, tenant: Tenant
) -> None:
    api = tenant.client
    card = await customer(api, (await coffee_program(api))["id"])
    rule = await automation(api, kind="reward_reminder", reminder="unredeemed", days=7, hour=10)
    cookie = await template(api)
    waiting = await _voucher(api, card["id"], cookie["id"])
    used = await _voucher(api, card["id"], cookie["id"])
    ok(await api.post(f"/v1/vouchers/{used['id']}/redeem"))
    issued = datetime.fromisoformat(str(waiting["issued_at"]))

    await runner.at(issued + days(6))
    assert await events(api, "voucher_reminder") == []
    await runner.at(issued + days(8))
    await runner.at(issued + days(9))
    (event,) = await events(api, "voucher_reminder")
    assert event["voucher"]["id"] == waiting["id"]
    assert event["reminder"] == {"kind": "unredeemed", "days": 7}
    assert event["automation"]["id"] == rule["id"]
    (run,) = await runs(api, rule["id"])
    assert (run["reminded_voucher_id"], run["period"]) == (waiting["id"], waiting["id"])


async def test_a_voucher_expiring_within_n_days_is_reminded_once_before_it_expires(
    runner: Runner, tenant: Tenant
) -> None:
    api = tenant.client
    card = await customer(api, (await coffee_program(api))["id"])
    await automation(api, kind="reward_reminder", reminder="expiring", days=3)
    soon = await _voucher(api, card["id"], (await template(api, validity_days=5))["id"])
    later = await _voucher(api, card["id"], (await template(api, validity_days=60))["id"])
    expires = datetime.fromisoformat(str(soon["expires_at"]))

    await runner.at(expires - days(4))
    assert await events(api, "voucher_reminder") == []
    await runner.at(expires - days(2))
    await runner.at(expires - days(1))
    reminded = [event["voucher"]["id"] for event in await events(api, "voucher_reminder")]
    assert reminded == [soon["id"]]
    assert later["id"] not in reminded
