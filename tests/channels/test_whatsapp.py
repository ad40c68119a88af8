"""WhatsApp Cloud API: credentials and the webhook (Meta's verification GET) on save, opt-in by
phone number, the 24-hour window (text inside, a template outside), signed inbound messages
(STOP, a link code, any message opening the window), and Graph's error codes."""

import json
from typing import Any

import httpx
import pytest

from punchcard.channels import delivery
from punchcard.channels.adapter import GiveUp, Message, ProviderTemplate, RetryLater, Sent
from punchcard.channels.reach import Skip
from punchcard.db.engine import Database
from tests.channels.conftest import WHATSAPP, Providers, member, set_up
from tests.conftest import Tenant
from tests.support.factories import ok, problem
from tests.support.fake_whatsapp import inbound_body, signature

PHONE = "+4915112345678"
WA_ID = PHONE.lstrip("+")
TEMPLATE = ProviderTemplate("weekly_offer", "en_US", ("Ada", "double stamps"))


def offer(template: ProviderTemplate | None = TEMPLATE) -> Message:
    return Message(key="dlv_7", text="Double stamps today, Ada!", template=template)


async def meta_posts(
    providers: Providers, channel_id: str, body: bytes, sig: str
) -> httpx.Response:
    return await providers.public.post(
        f"/channels/{channel_id}/webhook",
        content=body,
        headers={"Content-Type": "application/json", "X-Hub-Signature-256": sig},
    )


async def opted_in(tenant: Tenant, providers: Providers) -> tuple[str, str]:
    """WhatsApp set up, and a customer who gave their number and ticked consent: (customer id,
    channel id)."""
    saved = await set_up(tenant.client, "whatsapp", WHATSAPP)
    customer = await member(tenant, phone=PHONE, marketing_consent=True)
    return customer.customer_id, saved["id"]


async def send(db: Database, tenant: Tenant, customer_id: str, message: Message) -> Any:
    return await delivery.send(
        db,
        tenant.business_id,
        customer_id=customer_id,
        channel="whatsapp",
        kind="marketing",
        message=message,
    )


async def test_saving_reads_the_number_and_meta_verifies_our_webhook(
    api: httpx.AsyncClient, providers: Providers
) -> None:
    saved = await set_up(api, "whatsapp", WHATSAPP)

    assert saved["account"] == {
        "display_phone_number": "+1 555-010-0200",
        "verified_name": "Café Nord",
    }
    assert saved["settings"] == {"phone_number_id": WHATSAPP["phone_number_id"]}
    assert providers.whatsapp.webhook["override_callback_uri"] == saved["webhook_url"]
    assert WHATSAPP["access_token"] not in json.dumps(saved)
    assert WHATSAPP["app_secret"] not in json.dumps(saved)


async def test_an_expired_token_is_refused_with_metas_reason(
    api: httpx.AsyncClient, providers: Providers
) -> None:
    refused = await api.put("/v1/channels/whatsapp", json={**WHATSAPP, "access_token": "EAAnope"})

    detail = problem(refused, 422, "channel_credentials_refused")["detail"]
    assert detail.startswith("WhatsApp (190):")


async def test_the_verification_get_needs_the_channels_verify_token(
    api: httpx.AsyncClient, providers: Providers
) -> None:
    saved = await set_up(api, "whatsapp", WHATSAPP)
    query = {"hub.mode": "subscribe", "hub.challenge": "42", "hub.verify_token": "guess"}

    refused = await providers.public.get(f"/channels/{saved['id']}/webhook", params=query)

    problem(refused, 403, "channel_verification_failed")


async def test_consent_with_a_phone_number_opts_in_on_whatsapp(
    tenant: Tenant, providers: Providers
) -> None:
    customer_id, _ = await opted_in(tenant, providers)

    whatsapp = ok(await tenant.client.get(f"/v1/customers/{customer_id}"))["channels"]["whatsapp"]

    assert (whatsapp["address"], whatsapp["consent"]) == (PHONE, "granted")
    assert whatsapp["window_open_until"] is None
    assert whatsapp["marketing"] == "send"  # as a template: the window is closed


async def test_outside_the_window_a_message_without_a_template_is_skipped(
    tenant: Tenant, providers: Providers, db: Database
) -> None:
    customer_id, _ = await opted_in(tenant, providers)

    result = await send(db, tenant, customer_id, offer(template=None))

    assert isinstance(result, Skip)
    assert result.reason == "outside_window_no_template"
    assert providers.whatsapp.sent == []


async def test_outside_the_window_the_template_goes(
    tenant: Tenant, providers: Providers, db: Database
) -> None:
    customer_id, _ = await opted_in(tenant, providers)

    result = await send(db, tenant, customer_id, offer())

    assert isinstance(result, Sent)
    assert result.provider_message_id.startswith("wamid.")
    [sent] = providers.whatsapp.sent
    assert sent["to"] == WA_ID
    assert sent["template"] == {
        "name": "weekly_offer",
        "language": {"code": "en_US"},
        "components": [
            {
                "type": "body",
                "parameters": [
                    {"type": "text", "text": "Ada"},
                    {"type": "text", "text": "double stamps"},
                ],
            }
        ],
    }


async def test_a_message_from_the_customer_opens_the_window_for_text(
    tenant: Tenant, providers: Providers, db: Database
) -> None:
    customer_id, channel_id = await opted_in(tenant, providers)
    body = inbound_body(WA_ID, "Hi! Are you open on Sunday?")
    ok(await meta_posts(providers, channel_id, body, signature(body)))

    result = await send(db, tenant, customer_id, offer())

    assert isinstance(result, Sent)
    assert providers.whatsapp.sent[-1]["type"] == "text"
    assert providers.whatsapp.sent[-1]["text"] == {
        "preview_url": False,
        "body": "Double stamps today, Ada!",
    }


async def test_a_window_meta_says_is_closed_falls_back_to_the_template(
    tenant: Tenant, providers: Providers, db: Database
) -> None:
    customer_id, channel_id = await opted_in(tenant, providers)
    body = inbound_body(WA_ID, "Hello")
    ok(await meta_posts(providers, channel_id, body, signature(body)))
    providers.whatsapp.window_closed.add(WA_ID)

    result = await send(db, tenant, customer_id, offer())

    assert isinstance(result, Sent)
    assert [sent["type"] for sent in providers.whatsapp.sent] == ["template"]


async def test_a_closed_window_without_a_template_is_given_up_with_metas_code(
    tenant: Tenant, providers: Providers, db: Database
) -> None:
    customer_id, channel_id = await opted_in(tenant, providers)
    body = inbound_body(WA_ID, "Hello")
    ok(await meta_posts(providers, channel_id, body, signature(body)))
    providers.whatsapp.window_closed.add(WA_ID)

    result = await send(db, tenant, customer_id, offer(template=None))

    assert isinstance(result, GiveUp)
    assert result.reason == "outside_window"
    assert result.detail.startswith("WhatsApp (131047):")


async def test_stop_withdraws_consent_and_the_number(
    tenant: Tenant, providers: Providers, db: Database
) -> None:
    customer_id, channel_id = await opted_in(tenant, providers)
    body = inbound_body(WA_ID, "STOP")

    ok(await meta_posts(providers, channel_id, body, signature(body)))

    whatsapp = ok(await tenant.client.get(f"/v1/customers/{customer_id}"))["channels"]["whatsapp"]
    assert (whatsapp["address"], whatsapp["consent"]) == (None, "withdrawn")
    assert whatsapp["consent_source"] == "inbound_stop"
    assert (await send(db, tenant, customer_id, offer())).reason == "not_linked"


async def test_the_web_cards_whatsapp_button_links_whoever_sends_its_code(
    tenant: Tenant, providers: Providers
) -> None:
    saved = await set_up(tenant.client, "whatsapp", WHATSAPP)
    customer = await member(tenant)  # an email only: no number yet
    answer = await providers.public.get(f"{customer.card_path}/connect/whatsapp")
    location = httpx.URL(answer.headers["location"])
    assert (location.host, location.path) == ("wa.me", "/15550100200")
    text = location.params["text"]  # what WhatsApp puts in the customer's message box
    body = inbound_body("447700900123", text)

    ok(await meta_posts(providers, saved["id"], body, signature(body)))

    shown = ok(await tenant.client.get(f"/v1/customers/{customer.customer_id}"))
    whatsapp = shown["channels"]["whatsapp"]
    assert (whatsapp["address"], whatsapp["consent"]) == ("+447700900123", "granted")
    assert whatsapp["window_open_until"] is not None


async def test_a_webhook_signed_with_another_secret_is_refused(
    tenant: Tenant, providers: Providers
) -> None:
    customer_id, channel_id = await opted_in(tenant, providers)
    body = inbound_body(WA_ID, "STOP")

    refused = await meta_posts(providers, channel_id, body, signature(body, "not-the-app-secret"))

    problem(refused, 401, "channel_signature_invalid")
    shown = ok(await tenant.client.get(f"/v1/customers/{customer_id}"))
    assert shown["channels"]["whatsapp"]["consent"] == "granted"


async def test_an_undeliverable_number_is_given_up_and_unlinked(
    tenant: Tenant, providers: Providers, db: Database
) -> None:
    customer_id, _ = await opted_in(tenant, providers)
    providers.whatsapp.undeliverable.add(WA_ID)

    result = await send(db, tenant, customer_id, offer())

    assert isinstance(result, GiveUp)
    assert result.reason == "invalid_address"
    assert result.detail == "WhatsApp (131026): Message Undeliverable."
    shown = ok(await tenant.client.get(f"/v1/customers/{customer_id}"))
    assert shown["channels"]["whatsapp"]["address"] is None


async def test_metas_rate_limit_is_a_retry(
    tenant: Tenant, providers: Providers, db: Database
) -> None:
    customer_id, _ = await opted_in(tenant, providers)
    providers.whatsapp.rate_limited = True

    result = await send(db, tenant, customer_id, offer())

    assert isinstance(result, RetryLater)
    assert result.reason == "rate_limited"


@pytest.mark.parametrize("word", ["stop", "Stop.", "STOPP", "unsubscribe"])
async def test_stop_words_in_any_case_stop(tenant: Tenant, providers: Providers, word: str) -> None:
    customer_id, channel_id = await opted_in(tenant, providers)
    body = inbound_body(WA_ID, word)

    ok(await meta_posts(providers, channel_id, body, signature(body)))

    shown = ok(await tenant.client.get(f"/v1/customers/{customer_id}"))
    assert shown["channels"]["whatsapp"]["consent"] == "withdrawn"
