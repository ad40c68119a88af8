"""Viber: the token checked and the webhook set on save (Viber calls it back at once), a user
linked by the one-time context of the deep link, unsubscribing, signatures, Viber's statuses."""

import httpx

from punchcard.channels import delivery
from punchcard.channels.adapter import GiveUp, Message, RetryLater, Sent
from punchcard.db.engine import Database
from tests.channels.conftest import VIBER, Member, Providers, member, set_up
from tests.conftest import Tenant
from tests.support.factories import ok, problem
from tests.support.fake_viber import URI, callback, signature, user

USER = "01234567890A="
NEWS = Message(key="dlv_9", text="Double stamps today!")


async def viber_posts(
    providers: Providers, channel_id: str, body: bytes, sig: str | None = None
) -> httpx.Response:
    return await providers.public.post(
        f"/channels/{channel_id}/webhook",
        content=body,
        headers={"X-Viber-Content-Signature": sig or signature(body)},
    )


async def context_token(providers: Providers, card_path: str) -> str:
    answer = await providers.public.get(f"{card_path}/connect/viber")
    location = httpx.URL(answer.headers["location"])
    assert location.scheme == "viber"
    assert location.params["chatURI"] == URI
    return str(location.params["context"])


async def linked(tenant: Tenant, providers: Providers) -> tuple[Member, str]:
    saved = await set_up(tenant.client, "viber", VIBER)
    customer = await member(tenant)
    token = await context_token(providers, customer.card_path)
    started = callback("conversation_started", type="open", context=token, user=user(USER))
    ok(await viber_posts(providers, saved["id"], started))
    providers.viber.subscribed.add(USER)
    return customer, saved["id"]


async def send(db: Database, tenant: Tenant, customer_id: str) -> object:
    return await delivery.send(
        db,
        tenant.business_id,
        customer_id=customer_id,
        channel="viber",
        kind="marketing",
        message=NEWS,
    )


async def test_saving_sets_the_webhook_which_viber_checks_at_once(
    api: httpx.AsyncClient, providers: Providers
) -> None:
    saved = await set_up(api, "viber", VIBER)

    assert saved["account"]["uri"] == URI
    assert providers.viber.webhook["url"] == saved["webhook_url"]
    assert providers.viber.webhook["event_types"] == [
        "subscribed",
        "unsubscribed",
        "conversation_started",
    ]


async def test_a_wrong_token_is_refused_with_vibers_status(
    api: httpx.AsyncClient, providers: Providers
) -> None:
    refused = await api.put("/v1/channels/viber", json={"auth_token": "nope"})

    assert problem(refused, 422, "channel_credentials_refused")["detail"] == (
        "Viber (2): invalidAuthToken"
    )


async def test_a_refused_webhook_puts_the_previous_settings_back(
    api: httpx.AsyncClient, providers: Providers
) -> None:
    before = await set_up(api, "viber", {**VIBER, "sender_name": "Café"})

    async def unreachable(url: str, body: bytes, headers: dict[str, str]) -> int:
        return 503

    providers.viber.caller = unreachable
    refused = await api.put("/v1/channels/viber", json={**VIBER, "sender_name": "Other"})

    assert "invalidUrl" in problem(refused, 422, "channel_credentials_refused")["detail"]
    after = ok(await api.get("/v1/channels/viber"))
    assert after["settings"] == {"sender_name": "Café"}
    assert after["id"] == before["id"]


async def test_the_deep_links_context_links_the_user_with_a_welcome(
    tenant: Tenant, providers: Providers
) -> None:
    saved = await set_up(tenant.client, "viber", VIBER)
    customer = await member(tenant)
    token = await context_token(providers, customer.card_path)
    started = callback("conversation_started", type="open", context=token, user=user(USER))

    welcome = ok(await viber_posts(providers, saved["id"], started))

    assert welcome["type"] == "text"
    assert "Test Café" in welcome["text"]
    assert welcome["sender"]["name"] == "Café Nord"
    viber = ok(await tenant.client.get(f"/v1/customers/{customer.customer_id}"))["channels"][
        "viber"
    ]
    assert (viber["address"], viber["consent"]) == (USER, "granted")


async def test_a_linked_subscriber_gets_the_message(
    tenant: Tenant, providers: Providers, db: Database
) -> None:
    customer, _ = await linked(tenant, providers)

    result = await send(db, tenant, customer.customer_id)

    assert isinstance(result, Sent)
    [sent] = providers.viber.sent
    assert sent["receiver"] == USER
    assert sent["type"] == "text"
    assert sent["text"] == "Double stamps today!"
    assert sent["tracking_data"] == "dlv_9"


async def test_unsubscribing_in_viber_unlinks(
    tenant: Tenant, providers: Providers, db: Database
) -> None:
    customer, channel_id = await linked(tenant, providers)

    ok(await viber_posts(providers, channel_id, callback("unsubscribed", user_id=USER)))

    viber = ok(await tenant.client.get(f"/v1/customers/{customer.customer_id}"))["channels"][
        "viber"
    ]
    assert (viber["address"], viber["consent"]) == (None, "withdrawn")


async def test_a_callback_signed_with_another_token_is_refused(
    tenant: Tenant, providers: Providers
) -> None:
    customer, channel_id = await linked(tenant, providers)
    body = callback("unsubscribed", user_id=USER)

    refused = await viber_posts(providers, channel_id, body, signature(body, "another-token"))

    problem(refused, 401, "channel_signature_invalid")
    viber = ok(await tenant.client.get(f"/v1/customers/{customer.customer_id}"))["channels"][
        "viber"
    ]
    assert viber["address"] == USER


async def test_a_user_who_is_not_subscribed_is_given_up_but_stays_linked(
    tenant: Tenant, providers: Providers, db: Database
) -> None:
    customer, _ = await linked(tenant, providers)
    providers.viber.subscribed.clear()

    result = await send(db, tenant, customer.customer_id)

    assert result == GiveUp("recipient_blocked", "Viber (6): receiverNotSubscribed")
    viber = ok(await tenant.client.get(f"/v1/customers/{customer.customer_id}"))["channels"][
        "viber"
    ]
    assert viber["address"] == USER  # Viber says when they subscribe or leave


async def test_vibers_rate_limit_is_a_retry(
    tenant: Tenant, providers: Providers, db: Database
) -> None:
    customer, _ = await linked(tenant, providers)
    providers.viber.rate_limited = True

    result = await send(db, tenant, customer.customer_id)

    assert isinstance(result, RetryLater)
    assert result.reason == "rate_limited"
