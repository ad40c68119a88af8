import asyncio
import logging
from collections import Counter
from datetime import timedelta
from typing import Any

import pytest
from aiohttp import web
from prometheus_client import REGISTRY
from sqlalchemy import func, select, update
from standardwebhooks import Webhook

from punchcard.db.engine import Database
from punchcard.events.models import Event
from punchcard.kit.clock import utcnow
from punchcard.webhooks.dispatcher import Dispatcher
from punchcard.webhooks.models import WebhookAttempt, WebhookEndpoint, WebhookMessage
from tests.conftest import Tenant
from tests.support.factories import card, coffee_program, ok, stamp
from tests.support.receiver import Receiver
from tests.webhooks.conftest import endpoint, make_due, recorded, running


async def test_events_arrive_signed_as_standard_webhooks(
    tenant: Tenant, receiver: Receiver, dispatcher: Dispatcher
) -> None:
    created = await endpoint(tenant, receiver.url())
    issued = await card(tenant.client, (await coffee_program(tenant.client))["id"])
    [delivery] = await receiver.wait_for(1)
    payload = Webhook(created["secret"]).verify(delivery.body, delivery.headers)
    assert payload["event"] == "card_issued"
    assert payload["card"]["id"] == issued["id"]
    stored = ok(await tenant.client.get("/v1/events", params={"card_id": issued["id"]}))["data"][0]
    assert payload == stored
    assert delivery.webhook_id == stored["id"]


async def test_endpoint_receives_only_its_event_types(
    tenant: Tenant, receiver: Receiver, dispatcher: Dispatcher
) -> None:
    await endpoint(tenant, receiver.url("/redeemed"), event_types=["voucher_redeemed"])
    await endpoint(tenant, receiver.url("/all"))
    api = tenant.client
    the_card = await card(api, (await coffee_program(api))["id"])
    voucher = (await stamp(api, the_card["id"], 5))["vouchers_issued"][0]
    ok(await api.post(f"/v1/vouchers/{voucher['id']}/redeem"))
    everything = await receiver.wait_for(6, path="/all")
    [redeemed] = await receiver.wait_for(1, path="/redeemed")
    assert redeemed.json["event"] == "voucher_redeemed"
    assert {d.json["event"] for d in everything} == {
        "card_issued",
        "stamp_added",
        "goal_reached",
        "reward_issued",
        "voucher_issued",
        "voucher_redeemed",
    }


async def test_receiver_down_then_up_gets_every_event_with_the_same_id(
    tenant: Tenant, receiver: Receiver, dispatcher: Dispatcher, db: Database
) -> None:
    created = await endpoint(tenant, receiver.url())
    receiver.responder = lambda _: web.Response(status=503, text="maintenance")
    api = tenant.client
    prg = await coffee_program(api)
    cards = [await card(api, prg["id"]) for _ in range(3)]
    await receiver.wait_for(3)
    await recorded(dispatcher, tenant, 3)
    failed = ok(
        await api.get(f"/v1/webhooks/{created['id']}/messages", params={"status": "pending"})
    )
    assert len(failed["data"]) == 3
    assert {m["last_status_code"] for m in failed["data"]} == {503}
    log = ok(
        await api.get(f"/v1/webhooks/{created['id']}/messages/{failed['data'][0]['id']}/attempts")
    )["data"]
    assert (log[0]["status_code"], log[0]["response_body"]) == (503, "maintenance")
    assert log[0]["next_attempt_at"] is not None

    receiver.responder = None
    await make_due(db, tenant.business_id)
    deliveries = await receiver.wait_for(6)
    first, retried = deliveries[:3], deliveries[3:]
    assert sorted(d.webhook_id for d in first) == sorted(d.webhook_id for d in retried)
    assert {d.json["card"]["id"] for d in retried} == {c["id"] for c in cards}
    await recorded(dispatcher, tenant, 6)
    done = ok(
        await api.get(f"/v1/webhooks/{created['id']}/messages", params={"status": "succeeded"})
    )
    assert {m["attempts"] for m in done["data"]} == {2}


async def test_redirect_counts_as_failure(
    tenant: Tenant, receiver: Receiver, dispatcher: Dispatcher
) -> None:
    created = await endpoint(tenant, receiver.url())
    receiver.responder = lambda d: web.Response(status=302, headers={"Location": "/elsewhere"})
    await card(tenant.client, (await coffee_program(tenant.client))["id"])
    await receiver.wait_for(1)
    await recorded(dispatcher, tenant, 1)
    [message] = ok(await tenant.client.get(f"/v1/webhooks/{created['id']}/messages"))["data"]
    assert (message["status"], message["last_status_code"]) == ("pending", 302)
    assert [d.path for d in receiver.deliveries] == ["/hooks"]  # the redirect was not followed


async def test_retry_after_is_honoured(
    tenant: Tenant, receiver: Receiver, dispatcher: Dispatcher, db: Database
) -> None:
    await endpoint(tenant, receiver.url())
    receiver.responder = lambda _: web.Response(status=429, headers={"Retry-After": "3600"})
    before = utcnow()
    await card(tenant.client, (await coffee_program(tenant.client))["id"])
    await receiver.wait_for(1)
    await recorded(dispatcher, tenant, 1)
    async with db.transaction() as session:
        message = (
            await session.scalars(
                select(WebhookMessage).where(WebhookMessage.business_id == tenant.business_id)
            )
        ).one()
    assert message.next_attempt_at >= before + timedelta(seconds=3600)


async def test_gone_disables_the_endpoint_and_says_so(
    tenant: Tenant, receiver: Receiver, dispatcher: Dispatcher
) -> None:
    gone = await endpoint(tenant, receiver.url("/gone"), event_types=["card_issued"])
    await endpoint(tenant, receiver.url("/ops"), event_types=["webhook_endpoint_disabled"])
    receiver.responder = lambda d: web.Response(status=410) if d.path == "/gone" else None
    await card(tenant.client, (await coffee_program(tenant.client))["id"])
    [notice] = await receiver.wait_for(1, path="/ops")
    assert notice.json["endpoint"] == {
        "id": gone["id"],
        "url": receiver.url("/gone"),
        "reason": "gone (410)",
    }
    state = ok(await tenant.client.get(f"/v1/webhooks/{gone['id']}"))
    assert (state["enabled"], state["disabled_reason"]) == (False, "gone (410)")


async def test_slow_receiver_times_out_and_is_logged(
    tenant: Tenant, receiver: Receiver, dispatcher: Dispatcher
) -> None:
    import asyncio

    created = await endpoint(tenant, receiver.url())
    receiver.hold = asyncio.Event()  # never answers within the dispatcher's 2 s timeout
    await card(tenant.client, (await coffee_program(tenant.client))["id"])
    await recorded(dispatcher, tenant, 1)
    receiver.hold.set()
    [message] = ok(await tenant.client.get(f"/v1/webhooks/{created['id']}/messages"))["data"]
    assert (message["status"], message["last_error"]) == ("pending", "timeout")


async def test_rotation_signs_with_old_and_new_secret(
    tenant: Tenant, receiver: Receiver, dispatcher: Dispatcher
) -> None:
    created = await endpoint(tenant, receiver.url())
    rotated = ok(await tenant.client.post(f"/v1/webhooks/{created['id']}/rotate-secret"))
    assert rotated["secret"] != created["secret"]
    assert rotated["previous_secret_expires_at"] is not None
    await card(tenant.client, (await coffee_program(tenant.client))["id"])
    [delivery] = await receiver.wait_for(1)
    assert len(delivery.headers["webhook-signature"].split(" ")) == 2
    for secret in (created["secret"], rotated["secret"]):
        assert Webhook(secret).verify(delivery.body, delivery.headers)["event"] == "card_issued"


async def test_a_rotated_secret_signs_the_next_delivery(
    tenant: Tenant, receiver: Receiver, dispatcher: Dispatcher
) -> None:
    created = await endpoint(tenant, receiver.url())
    prg = await coffee_program(tenant.client)
    await card(tenant.client, prg["id"])
    [before] = await receiver.wait_for(1)  # the worker has unsealed (and kept) the secret
    assert len(before.headers["webhook-signature"].split(" ")) == 1
    rotated = ok(await tenant.client.post(f"/v1/webhooks/{created['id']}/rotate-secret"))
    await card(tenant.client, prg["id"])
    after = (await receiver.wait_for(2))[1]
    assert len(after.headers["webhook-signature"].split(" ")) == 2
    assert Webhook(rotated["secret"]).verify(after.body, after.headers)["event"] == "card_issued"


async def test_test_event_replay_and_recover(
    tenant: Tenant, receiver: Receiver, dispatcher: Dispatcher
) -> None:
    api = tenant.client
    created = await endpoint(tenant, receiver.url())
    sent = ok(
        await api.post(f"/v1/webhooks/{created['id']}/test", json={"event_type": "goal_reached"}),
        202,
    )
    [delivery] = await receiver.wait_for(1)
    assert delivery.json["test"] is True
    assert delivery.json["event"] == "goal_reached"
    await recorded(dispatcher, tenant, 1)
    replayed = ok(await api.post(f"/v1/webhooks/{created['id']}/messages/{sent['id']}/replay"), 202)
    assert replayed["status"] == "pending"
    again = (await receiver.wait_for(2))[1]
    assert again.webhook_id == delivery.webhook_id
    await recorded(dispatcher, tenant, 2)

    ok(await api.patch(f"/v1/webhooks/{created['id']}", json={"enabled": False}))
    await endpoint(tenant, receiver.url("/witness"))
    await card(api, (await coffee_program(api))["id"])  # queued as failed: endpoint disabled
    await receiver.wait_for(1, path="/witness")  # the event has been fanned out
    since = (utcnow() - timedelta(minutes=5)).isoformat()
    ok(await api.patch(f"/v1/webhooks/{created['id']}", json={"enabled": True}))
    recovered = ok(
        await api.post(f"/v1/webhooks/{created['id']}/recover", json={"since": since}), 202
    )
    assert recovered == {"recovered": 1}
    [late] = (await receiver.wait_for(3, path="/hooks"))[2:]
    assert late.json["event"] == "card_issued"


async def test_ordered_endpoint_holds_a_cards_events_behind_a_failure(
    tenant: Tenant, receiver: Receiver, dispatcher: Dispatcher, db: Database
) -> None:
    api = tenant.client
    the_card = await card(api, (await coffee_program(api))["id"])
    await endpoint(tenant, receiver.url(), ordered=True, event_types=["stamp_added"])
    receiver.responder = lambda d: (
        web.Response(status=500) if d.json["stamp"]["count"] == 1 else None
    )
    for count in (1, 2, 3):
        await stamp(api, the_card["id"], count)
    await receiver.wait_for(1)
    await recorded(dispatcher, tenant, 1)
    assert [d.json["stamp"]["count"] for d in receiver.deliveries] == [1]  # 2 and 3 wait
    receiver.responder = None
    await make_due(db, tenant.business_id)
    deliveries = await receiver.wait_for(4)
    assert [d.json["stamp"]["count"] for d in deliveries] == [1, 1, 2, 3]


async def test_a_destination_refused_at_send_time_fails_at_once(
    tenant: Tenant, receiver: Receiver, dispatcher: Dispatcher, monkeypatch: pytest.MonkeyPatch
) -> None:
    created = await endpoint(tenant, receiver.url())  # allowed when saved (private allowed) ...
    monkeypatch.setattr(dispatcher.sender.resolver, "allow_private", False)  # ... not any more
    await card(tenant.client, (await coffee_program(tenant.client))["id"])
    await recorded(dispatcher, tenant, 1)
    [message] = ok(await tenant.client.get(f"/v1/webhooks/{created['id']}/messages"))["data"]
    assert message["status"] == "failed"  # not pending for three days of retries
    assert message["attempts"] == 1
    assert message["last_error"].startswith("refused: ")
    assert receiver.arrivals == []


async def test_test_sends_stay_out_of_the_event_log_and_the_samples(
    tenant: Tenant, receiver: Receiver, dispatcher: Dispatcher
) -> None:
    api = tenant.client
    created = await endpoint(tenant, receiver.url())
    for event_type in ("goal_reached", "voucher_redeemed"):
        body = {"event_type": event_type}
        ok(await api.post(f"/v1/webhooks/{created['id']}/test", json=body), 202)
    deliveries = await receiver.wait_for(2)
    assert {d.json["customer"]["id"] for d in deliveries} == {"cus_sample"}
    assert ok(await api.get("/v1/events"))["data"] == []
    samples = ok(await api.get("/v1/hooks/samples/voucher_redeemed"))
    assert [sample.get("test") for sample in samples] == [None]  # the catalogue's sample


async def test_retry_now_delivers_what_waits_for_its_next_retry(
    tenant: Tenant, receiver: Receiver, dispatcher: Dispatcher
) -> None:
    api = tenant.client
    created = await endpoint(tenant, receiver.url())
    receiver.responder = lambda _: web.Response(status=503)  # the receiver is down
    await card(api, (await coffee_program(api))["id"])
    await receiver.wait_for(1)
    await recorded(dispatcher, tenant, 1)  # failed once: next try in about 5 s
    receiver.responder = None  # back
    answer = ok(await api.post(f"/v1/webhooks/{created['id']}/retry-now"), 202)
    assert answer == {"retried": 1}
    [_, delivered] = await receiver.wait_for(2)
    assert delivered.webhook_id == receiver.deliveries[0].webhook_id
    again = ok(await api.post(f"/v1/webhooks/{created['id']}/retry-now"), 202)
    assert again == {"retried": 0}  # nothing is waiting any more


async def test_an_attempt_records_the_request_id_and_its_log_line_names_both(
    tenant: Tenant,
    receiver: Receiver,
    dispatcher: Dispatcher,
    caplog: pytest.LogCaptureFixture,
) -> None:
    api = tenant.client
    created = await endpoint(tenant, receiver.url("/traced"), event_types=["stamp_added"])
    issued = await card(api, (await coffee_program(api))["id"])
    succeeded = {"result": "succeeded"}
    before = REGISTRY.get_sample_value("punchcard_webhook_deliveries_total", succeeded) or 0
    with caplog.at_level(logging.INFO, logger="punchcard.webhooks"):
        stamped = await api.post(
            f"/v1/cards/{issued['id']}/stamps", json={"count": 1}, headers={"X-Request-Id": "t-1"}
        )
        ok(stamped, 201)
        [delivery] = await receiver.wait_for(1, path="/traced")
        await recorded(dispatcher, tenant, 1)
    [message] = ok(await api.get(f"/v1/webhooks/{created['id']}/messages"))["data"]
    [attempt] = ok(
        await api.get(f"/v1/webhooks/{created['id']}/messages/{message['id']}/attempts")
    )["data"]
    [line] = [
        r for r in caplog.records if getattr(r, "fields", {}).get("message_id") == message["id"]
    ]

    assert delivery.json["request_id"] == attempt["request_id"] == "t-1"
    assert line.fields == line.fields | {  # type: ignore[attr-defined]
        "attempt_id": attempt["id"],
        "event_id": delivery.webhook_id,
        "request_id": "t-1",
        "result": "succeeded",
        "status_code": 204,
    }
    assert f"{attempt['id']} (#1) of {message['id']}" in line.getMessage()
    assert "request t-1" in line.getMessage()
    after = REGISTRY.get_sample_value("punchcard_webhook_deliveries_total", succeeded)
    assert (after or 0) > before


async def _failing_since(db: Database, endpoint_id: object) -> tuple[object, bool]:
    async with db.transaction() as session:
        row = (
            await session.execute(
                select(WebhookEndpoint.failing_since, WebhookEndpoint.enabled).where(
                    WebhookEndpoint.id == endpoint_id
                )
            )
        ).one()
    return row.failing_since, row.enabled


async def test_a_failure_starts_a_streak_and_the_next_success_ends_it(
    tenant: Tenant, receiver: Receiver, dispatcher: Dispatcher, db: Database
) -> None:
    created = await endpoint(tenant, receiver.url())
    receiver.responder = lambda _: web.Response(status=503)
    await card(tenant.client, (await coffee_program(tenant.client))["id"])
    await recorded(dispatcher, tenant, 1)
    assert (await _failing_since(db, created["id"]))[0] is not None

    receiver.responder = None
    await make_due(db, tenant.business_id)
    await recorded(dispatcher, tenant, 2)
    assert await _failing_since(db, created["id"]) == (None, True)


async def test_an_endpoint_failing_for_five_days_is_disabled(
    tenant: Tenant, receiver: Receiver, dispatcher: Dispatcher, db: Database
) -> None:
    created = await endpoint(tenant, receiver.url())
    async with db.transaction() as session:
        await session.execute(
            update(WebhookEndpoint)
            .where(WebhookEndpoint.id == created["id"])
            .values(failing_since=utcnow() - timedelta(days=5, minutes=1))
        )
    receiver.responder = lambda _: web.Response(status=503)
    await card(tenant.client, (await coffee_program(tenant.client))["id"])
    await recorded(dispatcher, tenant, 1)
    assert (await _failing_since(db, created["id"]))[1] is False


async def test_an_answer_with_a_nul_byte_is_recorded(
    tenant: Tenant, receiver: Receiver, dispatcher: Dispatcher
) -> None:
    """PostgreSQL text cannot hold NUL: the record must not fail (the lease would run out and
    the event be sent again, forever)."""
    created = await endpoint(tenant, receiver.url())
    receiver.responder = lambda _: web.Response(status=200, body=b"ok\x00done")
    await card(tenant.client, (await coffee_program(tenant.client))["id"])
    await recorded(dispatcher, tenant, 1)
    [message] = ok(await tenant.client.get(f"/v1/webhooks/{created['id']}/messages"))["data"]
    assert message["status"] == "succeeded"
    attempts = f"/v1/webhooks/{created['id']}/messages/{message['id']}/attempts"
    [attempt] = ok(await tenant.client.get(attempts))["data"]
    assert attempt["response_body"] == "ok\ufffddone"


async def test_a_backlog_beyond_the_room_arrives_once_per_event(
    tenant: Tenant, receiver: Receiver, db: Database, database_url: str
) -> None:
    """With room for four claims (on PostgreSQL several steps are under way at once while
    there is a backlog, each reserving its share of the room), every event arrives once."""
    await endpoint(tenant, receiver.url())
    api = tenant.client
    issued = await card(api, (await coffee_program(api))["id"])
    for _ in range(12):
        await stamp(api, issued["id"])
    async with db.transaction() as session:
        count = await session.scalar(
            select(func.count()).where(Event.business_id == tenant.business_id)
        )
    assert (count or 0) > 4
    async with running(db, database_url, webhook_max_in_flight=2) as worker:
        await recorded(worker, tenant, count)
    arrived = Counter(delivery.webhook_id for delivery in receiver.deliveries)
    assert len(arrived) == count
    assert set(arrived.values()) == {1}


async def _message_and_attempts(db: Database, business_id: str) -> tuple[Any, list[Any]]:
    async with db.transaction() as session:
        message = (
            await session.scalars(
                select(WebhookMessage).where(WebhookMessage.business_id == business_id)
            )
        ).one()
        tried = await session.scalars(
            select(WebhookAttempt).where(WebhookAttempt.message_id == message.id)
        )
        return message, list(tried)


async def test_a_fanned_out_message_is_leased_until_its_attempt_is_recorded_at_one_time(
    tenant: Tenant, receiver: Receiver, dispatcher: Dispatcher, db: Database
) -> None:
    """A step's and a record's times are one parameter a statement: a message sent at once is
    leased from its creation, and its record times the attempt, the delivery and the message
    alike."""
    await endpoint(tenant, receiver.url())
    receiver.hold = asyncio.Event()
    await card(tenant.client, (await coffee_program(tenant.client))["id"])
    await receiver.first(lambda _: True)
    leased, _ = await _message_and_attempts(db, tenant.business_id)
    lease = dispatcher.settings.webhook_lease
    assert (leased.status, leased.attempts) == ("pending", 1)
    assert leased.next_attempt_at == leased.in_flight_until == leased.created_at + lease
    receiver.hold.set()
    await recorded(dispatcher, tenant, 1)
    done, [attempt] = await _message_and_attempts(db, tenant.business_id)
    assert (done.status, done.in_flight_until) == ("succeeded", None)
    assert done.delivered_at == done.next_attempt_at == attempt.at
    assert attempt.next_attempt_at is None


async def test_a_failed_attempt_leaves_its_message_due_at_the_retry_and_undelivered(
    tenant: Tenant, receiver: Receiver, dispatcher: Dispatcher, db: Database
) -> None:
    await endpoint(tenant, receiver.url())
    receiver.responder = lambda _: web.Response(status=503)
    await card(tenant.client, (await coffee_program(tenant.client))["id"])
    await recorded(dispatcher, tenant, 1)
    message, [attempt] = await _message_and_attempts(db, tenant.business_id)
    assert (message.status, message.delivered_at, message.in_flight_until) == (
        "pending",
        None,
        None,
    )
    assert message.next_attempt_at == attempt.next_attempt_at > attempt.at
