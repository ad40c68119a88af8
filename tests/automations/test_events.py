"""The events automations emit reach webhook endpoints exactly as the catalogue documents them
(every key, nested ones too): birthday_reached, inactivity_trigger, voucher_reminder, and the
voucher_issued of a gift naming its automation."""

from datetime import datetime, timedelta

from punchcard.events.catalogue import PAYLOADS
from punchcard.webhooks.dispatcher import Dispatcher
from tests.automations.conftest import Runner, automation, customer, local, today_in
from tests.conftest import Tenant
from tests.events.test_catalogue import _undocumented
from tests.support.factories import coffee_program, ok, template
from tests.support.receiver import Delivery, Receiver

EXPECTED = {"birthday_reached", "inactivity_trigger", "voucher_reminder", "voucher_issued"}


async def test_automation_events_are_delivered_with_the_catalogue_payloads(
    runner: Runner, tenant: Tenant, receiver: Receiver, dispatcher: Dispatcher
) -> None:
    api = tenant.client
    body = {"url": receiver.url(), "event_types": sorted(EXPECTED)}
    ok(await api.post("/v1/webhooks", json=body), 201)
    program = await coffee_program(api)
    day = today_in("UTC") + timedelta(days=1)
    card = await customer(api, program["id"], birthday=day.replace(year=1990).isoformat())
    cake = await template(api, title="Cake")
    await automation(api, kind="birthday", voucher={"template_id": cake["id"]})
    await automation(api, kind="inactivity", days=1)
    reminder = await automation(api, kind="reward_reminder", reminder="expiring", days=3)
    soon = await template(api, title="Soon", validity_days=2)
    ok(await api.post("/v1/vouchers", json={"card_id": card["id"], "template_id": soon["id"]}), 201)

    await runner.at(datetime.fromisoformat(reminder["next_scan_at"]))  # before it expires
    await runner.at(local(day + timedelta(days=1), 12, "UTC"))

    def arrived(deliveries: list[Delivery]) -> bool:
        return {delivery.json["event"] for delivery in deliveries} >= EXPECTED

    delivered = await receiver.until(arrived)
    for delivery in delivered:
        payload = delivery.json
        model = PAYLOADS[payload["event"]]
        model.model_validate(payload)
        assert _undocumented(model, payload) == [], payload["event"]
    gifts = [
        d.json for d in receiver.deliveries if (d.json["voucher"] or {}).get("title") == "Cake"
    ]
    assert {gift["event"] for gift in gifts} == {"voucher_issued", "birthday_reached"}
