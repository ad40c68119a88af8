from aiohttp import web

from punchcard.webhooks.dispatcher import Dispatcher
from tests.conftest import Tenant
from tests.support.factories import card, coffee_program, ok, problem
from tests.support.receiver import Receiver
from tests.webhooks.conftest import settled


async def test_subscribe_receive_and_unsubscribe(
    tenant: Tenant, receiver: Receiver, dispatcher: Dispatcher
) -> None:
    api = tenant.client
    hook = ok(
        await api.post(
            "/v1/hooks", json={"target_url": receiver.url("/zap"), "event": "card_issued"}
        ),
        201,
    )
    assert hook["id"].startswith("whk_")
    assert hook["event"] == "card_issued"
    issued = await card(api, (await coffee_program(api))["id"])
    [delivery] = await receiver.wait_for(1)
    assert delivery.json["card"]["id"] == issued["id"]
    assert [h["id"] for h in ok(await api.get("/v1/hooks"))["data"]] == [hook["id"]]
    assert ok(await api.get("/v1/webhooks"))["data"] == []  # hooks are not listed as endpoints
    ok(await api.delete(f"/v1/hooks/{hook['id']}"), 204)
    problem(await api.delete(f"/v1/hooks/{hook['id']}"), 404, "hook_not_found")  # gone
    assert ok(await api.get("/v1/hooks"))["data"] == []


async def test_samples_are_real_events_or_a_sample(tenant: Tenant) -> None:
    api = tenant.client
    [sample] = ok(await api.get("/v1/hooks/samples/card_issued"))
    assert sample["id"] == "evt_sample"
    issued = await card(api, (await coffee_program(api))["id"])
    [real] = ok(await api.get("/v1/hooks/samples/card_issued"))
    assert real["card"]["id"] == issued["id"]
    problem(await api.get("/v1/hooks/samples/nope"), 404, "event_type_not_found")


async def test_gone_target_removes_the_subscription(
    tenant: Tenant, receiver: Receiver, dispatcher: Dispatcher
) -> None:
    api = tenant.client
    hook = ok(
        await api.post(
            "/v1/hooks", json={"target_url": receiver.url("/zap"), "event": "card_issued"}
        ),
        201,
    )
    receiver.responder = lambda _: web.Response(status=410)
    await card(api, (await coffee_program(api))["id"])
    await receiver.wait_for(1)

    async def unsubscribed() -> bool:
        return hook["id"] not in [h["id"] for h in ok(await api.get("/v1/hooks"))["data"]]

    await settled(dispatcher, unsubscribed)
