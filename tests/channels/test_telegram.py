"""Telegram: the bot token checked and the webhook set on save, a chat linked from the web card
by a one-time /start token, /stop and blocking the bot unlinking, and Telegram's errors mapped to
retry or give up."""

import asyncio
import json
from typing import Any

import httpx

from punchcard.channels import delivery
from punchcard.channels.adapter import GiveUp, Message, RetryLater, Sent
from punchcard.channels.reach import Skip
from punchcard.db.engine import Database
from tests.channels.conftest import TELEGRAM, Member, Providers, member, set_up
from tests.conftest import Tenant
from tests.support.factories import ok, problem
from tests.support.fake_telegram import USERNAME, blocked_update, message_update

CHAT = 511_223_344


async def post_update(
    providers: Providers, webhook: dict[str, Any], update: dict[str, Any]
) -> httpx.Response:
    """Telegram delivering an update: to the URL it was given, with its secret token."""
    return await providers.public.post(
        httpx.URL(webhook["url"]).path,
        content=json.dumps(update),
        headers={
            "Content-Type": "application/json",
            "X-Telegram-Bot-Api-Secret-Token": webhook["secret_token"],
        },
    )


async def start_token(providers: Providers, card_path: str) -> str:
    """Tap "Get updates on Telegram" on the web card: the deep link's start parameter."""
    answer = await providers.public.get(f"{card_path}/connect/telegram")
    assert answer.status_code == 303, answer.text
    location = httpx.URL(answer.headers["location"])
    assert (location.host, location.path) == ("t.me", f"/{USERNAME}")
    return str(location.params["start"])


async def linked_member(tenant: Tenant, providers: Providers) -> Member:
    await set_up(tenant.client, "telegram", TELEGRAM)
    customer = await member(tenant)
    providers.telegram.known.add(str(CHAT))
    token = await start_token(providers, customer.card_path)
    update = message_update(CHAT, f"/start {token}")
    ok(await post_update(providers, providers.telegram.webhook, update))
    return customer


def news(key: str = "dlv_1") -> Message:
    return Message(key=key, text="Double stamps today <3", html="<b>Double stamps</b> today")


async def test_saving_checks_the_token_and_points_the_webhook_at_us(
    api: httpx.AsyncClient, providers: Providers
) -> None:
    saved = await set_up(api, "telegram", TELEGRAM)

    assert saved["account"]["username"] == USERNAME
    assert saved["webhook_url"] == providers.telegram.webhook["url"]
    assert saved["webhook_url"] == f"https://punchcard.test/channels/{saved['id']}/webhook"
    assert providers.telegram.webhook["allowed_updates"] == ["message", "my_chat_member"]
    assert len(providers.telegram.webhook["secret_token"]) >= 32
    assert saved["credentials_set"] is True
    assert TELEGRAM["bot_token"] not in json.dumps(saved)


async def test_a_wrong_token_is_refused_with_telegrams_reason_and_nothing_is_saved(
    api: httpx.AsyncClient, providers: Providers
) -> None:
    refused = await api.put(
        "/v1/channels/telegram", json={"bot_token": "123456:AAwrongwrongwrongwrongwrong"}
    )

    assert problem(refused, 422, "channel_credentials_refused")["detail"] == (
        "Telegram: Unauthorized"
    )
    problem(await api.get("/v1/channels/telegram"), 404, "channel_not_found")


async def test_a_public_url_without_https_is_a_clear_conflict(
    api: httpx.AsyncClient, providers: Providers, monkeypatch: Any
) -> None:
    from punchcard.config import get_settings

    monkeypatch.setenv("PUNCHCARD_PUBLIC_URL", "http://127.0.0.1:8000")
    get_settings.cache_clear()

    refused = await api.put("/v1/channels/telegram", json=TELEGRAM)

    assert "PUNCHCARD_PUBLIC_URL" in problem(refused, 409, "public_url_not_https")["detail"]
    assert providers.telegram.webhook == {}


async def test_start_with_the_cards_token_links_the_chat_and_replies(
    tenant: Tenant, providers: Providers
) -> None:
    await set_up(tenant.client, "telegram", TELEGRAM)
    customer = await member(tenant)
    token = await start_token(providers, customer.card_path)

    answer = await post_update(
        providers, providers.telegram.webhook, message_update(CHAT, f"/start {token}")
    )

    reply = ok(answer)
    assert reply["method"] == "sendMessage"
    assert reply["chat_id"] == str(CHAT)
    assert "Test Café" in reply["text"]
    shown = ok(await tenant.client.get(f"/v1/customers/{customer.customer_id}"))
    telegram = shown["channels"]["telegram"]
    assert telegram["address"] == str(CHAT)
    assert (telegram["consent"], telegram["consent_source"]) == ("granted", "messenger_link")
    assert telegram["marketing"] == "send"


async def test_a_start_token_links_once(tenant: Tenant, providers: Providers) -> None:
    await set_up(tenant.client, "telegram", TELEGRAM)
    customer = await member(tenant)
    token = await start_token(providers, customer.card_path)
    webhook = providers.telegram.webhook
    ok(await post_update(providers, webhook, message_update(CHAT, f"/start {token}")))

    again = ok(await post_update(providers, webhook, message_update(CHAT + 1, f"/start {token}")))

    assert "expired" in again["text"]
    shown = ok(await tenant.client.get(f"/v1/customers/{customer.customer_id}"))
    assert shown["channels"]["telegram"]["address"] == str(CHAT)


async def test_an_unknown_token_links_nobody(tenant: Tenant, providers: Providers) -> None:
    await set_up(tenant.client, "telegram", TELEGRAM)
    update = message_update(CHAT, "/start " + "x" * 32)

    answer = ok(await post_update(providers, providers.telegram.webhook, update))

    assert "expired" in answer["text"]


async def test_an_expired_token_links_nobody(
    tenant: Tenant, providers: Providers, monkeypatch: Any
) -> None:
    from punchcard.config import get_settings

    await set_up(tenant.client, "telegram", TELEGRAM)
    customer = await member(tenant)
    monkeypatch.setenv("PUNCHCARD_CHANNEL_LINK_MINUTES", "-1")  # expired when made
    get_settings.cache_clear()
    token = await start_token(providers, customer.card_path)

    answer = await post_update(
        providers, providers.telegram.webhook, message_update(CHAT, f"/start {token}")
    )

    assert "expired" in ok(answer)["text"]


async def test_stop_unlinks_the_chat_and_withdraws_consent(
    tenant: Tenant, providers: Providers
) -> None:
    customer = await linked_member(tenant, providers)

    answer = await post_update(providers, providers.telegram.webhook, message_update(CHAT, "/stop"))

    assert "no longer" in ok(answer)["text"]
    shown = ok(await tenant.client.get(f"/v1/customers/{customer.customer_id}"))
    telegram = shown["channels"]["telegram"]
    assert telegram["address"] is None
    assert (telegram["consent"], telegram["consent_source"]) == ("withdrawn", "inbound_stop")
    assert telegram["marketing"] == "not_linked"


async def test_blocking_the_bot_unlinks_the_chat(tenant: Tenant, providers: Providers) -> None:
    customer = await linked_member(tenant, providers)

    ok(await post_update(providers, providers.telegram.webhook, blocked_update(CHAT)))

    shown = ok(await tenant.client.get(f"/v1/customers/{customer.customer_id}"))
    assert shown["channels"]["telegram"]["address"] is None


async def test_an_update_without_the_secret_token_is_refused_before_anything_happens(
    tenant: Tenant, providers: Providers
) -> None:
    customer = await linked_member(tenant, providers)
    forged = {**providers.telegram.webhook, "secret_token": "guess"}

    refused = await post_update(providers, forged, message_update(CHAT, "/stop"))

    problem(refused, 401, "channel_signature_invalid")
    shown = ok(await tenant.client.get(f"/v1/customers/{customer.customer_id}"))
    assert shown["channels"]["telegram"]["address"] == str(CHAT)


async def test_a_marketing_message_goes_as_html_to_the_linked_chat(
    tenant: Tenant, providers: Providers, db: Database
) -> None:
    customer = await linked_member(tenant, providers)

    sent = await delivery.send(
        db,
        tenant.business_id,
        customer_id=customer.customer_id,
        channel="telegram",
        kind="marketing",
        message=news(),
    )

    assert isinstance(sent, Sent)
    assert sent.provider_message_id.isdigit()
    assert providers.telegram.sent[-1]["chat_id"] == str(CHAT)
    assert providers.telegram.sent[-1]["text"] == "<b>Double stamps</b> today"
    assert providers.telegram.sent[-1]["parse_mode"] == "HTML"


async def test_plain_text_is_escaped_for_htmls_parse_mode(
    tenant: Tenant, providers: Providers, db: Database
) -> None:
    customer = await linked_member(tenant, providers)

    await delivery.send(
        db,
        tenant.business_id,
        customer_id=customer.customer_id,
        channel="telegram",
        kind="marketing",
        message=Message(key="dlv_2", text="2 < 3 & cookies"),
    )

    assert providers.telegram.sent[-1]["text"] == "2 &lt; 3 &amp; cookies"


async def test_flood_control_is_a_retry_after_telegrams_wait(
    tenant: Tenant, providers: Providers, db: Database
) -> None:
    customer = await linked_member(tenant, providers)
    providers.telegram.flood_wait = 17

    result = await delivery.send(
        db,
        tenant.business_id,
        customer_id=customer.customer_id,
        channel="telegram",
        kind="marketing",
        message=news(),
    )

    assert result == RetryLater("rate_limited", "Telegram: Too Many Requests: retry after 17", 17.0)


async def test_telegram_being_down_is_a_retry(
    tenant: Tenant, providers: Providers, db: Database
) -> None:
    customer = await linked_member(tenant, providers)
    providers.telegram.down = True

    result = await delivery.send(
        db,
        tenant.business_id,
        customer_id=customer.customer_id,
        channel="telegram",
        kind="marketing",
        message=news(),
    )

    assert isinstance(result, RetryLater)
    assert result.reason == "provider_unavailable"


async def test_a_blocked_bot_gives_up_and_drops_the_link(
    tenant: Tenant, providers: Providers, db: Database
) -> None:
    customer = await linked_member(tenant, providers)
    providers.telegram.blocked.add(str(CHAT))

    result = await delivery.send(
        db,
        tenant.business_id,
        customer_id=customer.customer_id,
        channel="telegram",
        kind="marketing",
        message=news(),
    )
    again = await delivery.send(
        db,
        tenant.business_id,
        customer_id=customer.customer_id,
        channel="telegram",
        kind="marketing",
        message=news("dlv_2"),
    )

    assert isinstance(result, GiveUp)
    assert result.reason == "recipient_blocked"
    assert "blocked by the user" in result.detail
    assert again == Skip("not_linked", "The customer has no telegram address.")
    changes = ok(await tenant.client.get(f"/v1/customers/{customer.customer_id}/consent-changes"))
    assert changes["data"][0]["source"] == "provider_blocked"


async def test_a_chat_telegram_does_not_know_is_an_invalid_address(
    tenant: Tenant, providers: Providers, db: Database
) -> None:
    customer = await linked_member(tenant, providers)
    providers.telegram.known.clear()

    result = await delivery.send(
        db,
        tenant.business_id,
        customer_id=customer.customer_id,
        channel="telegram",
        kind="marketing",
        message=news(),
    )

    assert isinstance(result, GiveUp)
    assert result.reason == "invalid_address"


async def test_the_web_card_offers_telegram_until_the_chat_is_linked(
    tenant: Tenant, providers: Providers
) -> None:
    await set_up(tenant.client, "telegram", TELEGRAM)
    customer = await member(tenant)
    before = (await providers.public.get(customer.card_path)).text
    token = await start_token(providers, customer.card_path)
    providers.telegram.known.add(str(CHAT))
    ok(
        await post_update(
            providers, providers.telegram.webhook, message_update(CHAT, f"/start {token}")
        )
    )

    after = (await providers.public.get(customer.card_path)).text

    assert 'data-channel="telegram"' in before
    assert "Get updates on Telegram" in before
    assert 'data-channel="telegram"' not in after


async def test_deleting_the_channel_removes_telegrams_webhook(
    api: httpx.AsyncClient, providers: Providers
) -> None:
    await set_up(api, "telegram", TELEGRAM)

    ok(await api.delete("/v1/channels/telegram"), 204)

    assert providers.telegram.webhook == {}
    assert ok(await api.get("/v1/channels"))["data"][2] == {
        "type": "telegram",
        "configured": False,
        "id": None,
        "transactional": None,
        "settings": {},
        "account": {},
        "credentials_set": False,
        "webhook_url": None,
        "created_at": None,
        "updated_at": None,
    }


async def test_a_token_sent_by_many_chats_at_once_links_exactly_one(
    tenant: Tenant, providers: Providers
) -> None:
    await set_up(tenant.client, "telegram", TELEGRAM)
    customer = await member(tenant)
    token = await start_token(providers, customer.card_path)
    chats = [CHAT + n for n in range(12)]

    answers = await asyncio.gather(
        *(
            post_update(
                providers, providers.telegram.webhook, message_update(chat, f"/start {token}")
            )
            for chat in chats
        )
    )

    replies = [ok(answer)["text"] for answer in answers]
    assert sum("will now get updates" in reply for reply in replies) == 1
    shown = ok(await tenant.client.get(f"/v1/customers/{customer.customer_id}"))
    winner = chats[next(i for i, reply in enumerate(replies) if "will now" in reply)]
    assert shown["channels"]["telegram"]["address"] == str(winner)
    changes = ok(await tenant.client.get(f"/v1/customers/{customer.customer_id}/consent-changes"))
    assert [change["source"] for change in changes["data"]] == ["messenger_link"]
