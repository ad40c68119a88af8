"""Importing cards with stamp balances from another loyalty product."""

from typing import Any

from punchcard.imports.tasks import ImportRunner
from tests.conftest import Tenant
from tests.support.factories import card, coffee_program, ok
from tests.support.imports import imported, report


async def _card_of(tenant: Tenant, card_id: str) -> dict[str, Any]:
    return ok(await tenant.client.get(f"/v1/cards/{card_id}"))  # type: ignore[no-any-return]


async def test_balances_become_cards_and_a_repeat_changes_nothing(
    tenant: Tenant, runner: ImportRunner
) -> None:
    program = await coffee_program(tenant.client)
    text = "email,stamps\nold1@example.com,3\nold2@example.com,0\nold3@example.com,7\n"
    job = await imported(tenant.client, runner, text, kind="cards", program_id=program["id"])
    assert (job["status"], job["created"], job["failed"]) == ("completed", 3, 0)
    rows = await report(tenant.client, job["id"])
    first = await _card_of(tenant, rows[0]["id"])
    assert (first["stamps"], first["lifetime_stamps"], first["vouchers"]) == (3, 3, [])
    third = await _card_of(tenant, rows[2]["id"])
    assert third["goal_index"] == 1  # past the 5-stamp goal, its reward given elsewhere
    issued = ok(await tenant.client.get("/v1/events", params={"type": "card_issued"}))["data"]
    assert sorted(e["card"]["stamps"] for e in issued) == [0, 3, 7]
    again = await imported(tenant.client, runner, text, kind="cards", program_id=program["id"])
    assert again["unchanged"] == 3
    history = ok(await tenant.client.get(f"/v1/cards/{rows[0]['id']}/history"))["data"]
    assert [e["event"] for e in history] == ["card_issued"]  # no stamp_added for a migration


async def test_a_balance_sets_an_existing_card(tenant: Tenant, runner: ImportRunner) -> None:
    program = await coffee_program(tenant.client)
    held = await card(tenant.client, program["id"], "held@example.com")
    text = f"program_id,email,stamps\n{program['id']},held@example.com,4\n"
    job = await imported(tenant.client, runner, text, kind="cards")
    (row,) = await report(tenant.client, job["id"])
    assert (row["result"], row["id"]) == ("updated", held["id"])
    assert (await _card_of(tenant, held["id"]))["stamps"] == 4


async def test_rows_the_program_cannot_hold_are_refused(
    tenant: Tenant, runner: ImportRunner
) -> None:
    program = await coffee_program(tenant.client, after_last_goal="restart")
    text = "program_id,source_id,stamps\n"
    text += f"{program['id']},p-1,10\n"  # the last goal is 10: a restarting card never holds it
    text += "prg_unknown,p-2,1\n"
    text += f"{program['id']},p-3,-1\n"
    text += f"{program['id']},p-4,9\n"
    text += f"{program['id']},p-4,2\n"
    job = await imported(tenant.client, runner, text, kind="cards")
    failed = await report(tenant.client, job["id"], status="failed")
    assert [(r["line"], r["errors"][0]["code"]) for r in failed] == [
        (2, "stamps_beyond_last_goal"),
        (3, "program_not_found"),
        (4, "invalid_value"),
        (6, "duplicate_in_file"),
    ]
    assert job["created"] == 1


async def test_one_customer_gets_a_card_in_each_program(
    tenant: Tenant, runner: ImportRunner
) -> None:
    coffee = await coffee_program(tenant.client)
    tea = await coffee_program(tenant.client, name="Tea card")
    text = "program_id,email,stamps\n"
    text += f"{coffee['id']},two@example.com,1\n{tea['id']},two@example.com,2\n"
    job = await imported(tenant.client, runner, text, kind="cards")
    rows = await report(tenant.client, job["id"])
    cards = [await _card_of(tenant, row["id"]) for row in rows]
    assert cards[0]["customer_id"] == cards[1]["customer_id"]
    assert [c["stamps"] for c in cards] == [1, 2]
