"""Welcome automations: a card issued after the automation was made is welcomed by the next
worker pass (not in the request), once per customer and program."""

from punchcard.kit.clock import utcnow
from tests.automations.conftest import Runner, automation, customer, events, runs
from tests.conftest import Tenant
from tests.support.factories import coffee_program, ok, template


async def test_a_new_card_is_welcomed_once_by_the_next_pass(runner: Runner, tenant: Tenant) -> None:
    api = tenant.client
    program = await coffee_program(api)
    before = await customer(api, program["id"])  # before the automation: not welcomed
    gift = await template(api, title="Welcome coffee")
    rule = await automation(api, kind="welcome", voucher={"template_id": gift["id"]})
    card = await customer(api, program["id"])
    assert await runs(api, rule["id"]) == []  # the request did not do it

    dry = ok(await api.post(f"/v1/automations/{rule['id']}/dry-run"))
    assert [match["card_id"] for match in dry["sample"]] == [card["id"]]
    await runner.at(utcnow())
    await runner.at(utcnow())
    (run,) = await runs(api, rule["id"])
    assert (run["card_id"], run["period"], run["status"]) == (card["id"], program["id"], "done")
    voucher = ok(await api.get(f"/v1/vouchers/{run['voucher_id']}"))
    assert voucher["title"] == "Welcome coffee"
    assert [e["voucher"]["id"] for e in await events(api, "voucher_issued")] == [voucher["id"]]
    assert before["id"] not in [r["card_id"] for r in await runs(api, rule["id"])]


async def test_a_second_card_of_another_program_is_welcomed_too(
    runner: Runner, tenant: Tenant
) -> None:
    api = tenant.client
    rule = await automation(api, kind="welcome")
    coffee = await customer(api, (await coffee_program(api))["id"])
    tea_program = await coffee_program(api, name="Tea card")
    body = {"program_id": tea_program["id"], "customer_id": coffee["customer_id"]}
    tea = ok(await api.post("/v1/cards", json=body), 201)
    ok(await api.post("/v1/cards", json=body))  # issued again: the same card
    await runner.at(utcnow())
    assert sorted(run["card_id"] for run in await runs(api, rule["id"])) == sorted(
        [coffee["id"], tea["id"]]
    )
