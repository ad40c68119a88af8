"""Campaigns end to end in-process: created, sent through a real SMTP server and the fake
Telegram, one delivery per recipient with its outcome, counts while and after, campaign_sent."""

from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
from prometheus_client import REGISTRY

from punchcard.campaigns.tasks import CampaignSender
from tests.campaigns.conftest import campaign, consenting, email_template, sent
from tests.channels.conftest import Providers, member
from tests.channels.test_telegram import linked_member
from tests.conftest import Tenant
from tests.support.factories import ok, problem, template
from tests.support.smtp_server import SmtpServer


async def _events(api: httpx.AsyncClient, event_type: str) -> list[dict[str, Any]]:
    return ok(await api.get("/v1/events", params={"type": event_type}))["data"]  # type: ignore[no-any-return]


async def test_a_campaign_sends_one_email_per_consenting_customer(
    tenant: Tenant, emailing: SmtpServer, sender: CampaignSender
) -> None:
    api = tenant.client
    fans = [await consenting(tenant, name=f"Fan {n}") for n in range(3)]
    await member(tenant)  # no consent: skipped
    made = await campaign(api, (await email_template(api))["id"])
    assert made["status"] == "draft"
    done = await sent(api, sender, made["id"])
    assert done["status"] == "sent"
    assert done["counts"] == {"queued": 0, "sending": 0, "sent": 3, "failed": 0, "skipped": 1}
    received = emailing.mailbox.received
    emails = [ok(await api.get(f"/v1/customers/{fan.customer_id}"))["email"] for fan in fans]
    assert sorted(r.rcpt_tos[0] for r in received) == sorted(emails)
    mail = received[0].message
    assert mail["Subject"] == "Hi Fan"
    assert mail["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert "/unsubscribe/" in mail.get_body(("plain",)).get_content()  # type: ignore[union-attr]
    skipped = ok(
        await api.get(f"/v1/campaigns/{made['id']}/deliveries", params={"status": "skipped"})
    )["data"]
    assert [row["reason"] for row in skipped] == ["no_consent"]
    (event,) = await _events(api, "campaign_sent")
    assert event["campaign"] | {"started_at": None, "finished_at": None} == {
        "id": made["id"],
        "name": "Double stamps",
        "channel": "email",
        "recipients": 4,
        "sent": 3,
        "failed": 0,
        "skipped": 1,
        "reasons": {"no_consent": 1},
        "started_at": None,
        "finished_at": None,
    }


async def test_the_audience_narrows_the_recipients(
    tenant: Tenant, emailing: SmtpServer, sender: CampaignSender
) -> None:
    api = tenant.client
    await consenting(tenant, language="de")
    english = await consenting(tenant, language="en")
    made = await campaign(api, (await email_template(api))["id"], audience={"languages": ["en"]})
    done = await sent(api, sender, made["id"])
    assert done["counts"]["sent"] == 1
    (row,) = ok(await api.get(f"/v1/campaigns/{made['id']}/deliveries"))["data"]
    assert row["customer_id"] == english.customer_id
    assert row["provider_message_id"].startswith(f"<{row['id']}@")


async def test_each_recipient_gets_a_voucher_and_sees_its_code(
    tenant: Tenant, emailing: SmtpServer, sender: CampaignSender
) -> None:
    api = tenant.client
    await consenting(tenant)
    gift = await template(
        api, title="Welcome back", redeem_code={"type": "pattern", "pattern": "BACK-####"}
    )
    text = "{{ voucher_title }}: {{ voucher_code }}"
    made = await campaign(
        api, (await email_template(api, text=text))["id"], voucher_template_id=gift["id"]
    )
    await sent(api, sender, made["id"])
    (row,) = ok(await api.get(f"/v1/campaigns/{made['id']}/deliveries"))["data"]
    voucher = ok(await api.get(f"/v1/vouchers/{row['voucher_id']}"))
    body = emailing.mailbox.received[0].message.get_body(("plain",)).get_content()  # type: ignore[union-attr]
    assert body.strip() == f"Welcome back: {voucher['redeem_code']}"
    (issued,) = await _events(api, "voucher_issued")
    assert issued["campaign"]["id"] == made["id"]


async def test_an_empty_code_pool_pauses_the_campaign_until_resumed(
    tenant: Tenant, emailing: SmtpServer, sender: CampaignSender
) -> None:
    api = tenant.client
    for _ in range(3):
        await consenting(tenant)
    pool = await template(api, title="Pool gift", redeem_code={"type": "pool"})
    codes = f"/v1/voucher-templates/{pool['id']}/code-pool/codes"
    ok(await api.post(codes, json={"codes": ["GIFT-1", "GIFT-2"]}), 201)
    text = "{{ voucher_code }}"
    made = await campaign(
        api, (await email_template(api, text=text))["id"], voucher_template_id=pool["id"]
    )
    paused = await sent(api, sender, made["id"])
    assert paused["status"] == "paused"
    assert paused["paused_reason"] == "voucher_pool_empty"
    assert paused["counts"]["sent"] == 2
    assert paused["counts"]["queued"] == 1
    assert len(await _events(api, "code_pool_empty")) == 1
    ok(await api.post(codes, json={"codes": ["GIFT-3"]}), 201)
    ok(await api.post(f"/v1/campaigns/{made['id']}/resume"))
    await sender.until_idle()
    done = ok(await api.get(f"/v1/campaigns/{made['id']}"))
    assert done["status"] == "sent"
    assert done["counts"]["sent"] == 3
    bodies = sorted(
        r.message.get_body(("plain",)).get_content().strip()  # type: ignore[union-attr]
        for r in emailing.mailbox.received
    )
    assert bodies == ["GIFT-1", "GIFT-2", "GIFT-3"]


async def test_a_refused_recipient_fails_with_the_providers_reason(
    tenant: Tenant, emailing: SmtpServer, sender: CampaignSender
) -> None:
    api = tenant.client
    gone = await consenting(tenant, email="gone@example.com")
    emailing.mailbox.refuse["gone@example.com"] = "550 5.1.1 No such user"
    made = await campaign(api, (await email_template(api))["id"])
    done = await sent(api, sender, made["id"])
    assert done["counts"]["failed"] == 1
    (row,) = ok(await api.get(f"/v1/campaigns/{made['id']}/deliveries"))["data"]
    assert (row["customer_id"], row["reason"]) == (gone.customer_id, "invalid_address")
    assert "No such user" in row["last_error"]


async def test_telegram_flood_wait_is_retried_after_the_providers_delay(
    tenant: Tenant, providers: Providers, sender: CampaignSender
) -> None:
    api = tenant.client
    await linked_member(tenant, providers)
    body = {"name": "Tg", "channel": "telegram", "bodies": {"en": {"text": "Hi {{ stamps }}"}}}
    made_template = ok(await api.post("/v1/message-templates", json=body), 201)
    made = ok(
        await api.post(
            "/v1/campaigns",
            json={"name": "Tg", "channel": "telegram", "template_id": made_template["id"]},
        ),
        201,
    )
    providers.telegram.flood_wait = 7
    ok(await api.post(f"/v1/campaigns/{made['id']}/send"))
    await sender.until_idle()
    (row,) = ok(await api.get(f"/v1/campaigns/{made['id']}/deliveries"))["data"]
    assert row["status"] == "queued"
    assert "retry after 7" in row["last_error"]
    waited = datetime.fromisoformat(row["next_attempt_at"]) - datetime.now(UTC)
    assert timedelta(seconds=5) < waited <= timedelta(seconds=7)
    assert providers.telegram.sent == []


async def test_a_schedule_in_the_past_is_refused(tenant: Tenant, emailing: SmtpServer) -> None:
    api = tenant.client
    made = await campaign(api, (await email_template(api))["id"])
    refused = await api.post(
        f"/v1/campaigns/{made['id']}/schedule", json={"send_at": "2020-01-01T09:00:00"}
    )
    assert problem(refused, 422, "send_at_in_past")["field"] == "send_at"
    assert ok(await api.get(f"/v1/campaigns/{made['id']}"))["status"] == "draft"


async def test_a_local_schedule_is_in_the_business_time_zone(
    tenant: Tenant, emailing: SmtpServer
) -> None:
    api = tenant.client
    ok(await api.patch("/v1/business", json={"timezone": "Asia/Tokyo"}))
    made = await campaign(api, (await email_template(api))["id"], send_at="2099-05-11T09:00:00")
    assert made["status"] == "scheduled"
    assert made["send_at"] == "2099-05-11T00:00:00Z"


async def test_a_campaign_on_an_unconfigured_channel_is_refused(api: httpx.AsyncClient) -> None:
    made = await email_template(api)
    refused = problem(
        await api.post(
            "/v1/campaigns",
            json={"name": "X", "channel": "email", "template_id": made["id"]},
        ),
        422,
        "channel_not_configured",
    )
    assert refused["field"] == "channel"
    assert ok(await api.get("/v1/campaigns"))["data"] == []


async def test_cancel_skips_what_was_not_sent(
    tenant: Tenant, emailing: SmtpServer, sender: CampaignSender
) -> None:
    api = tenant.client
    await consenting(tenant)
    made = await campaign(
        api, (await email_template(api))["id"], quiet_hours={"start": "00:00", "end": "23:59"}
    )
    ok(await api.post(f"/v1/campaigns/{made['id']}/send"))
    await sender.until_idle()  # recipients added; quiet hours hold their sends
    waiting = ok(await api.get(f"/v1/campaigns/{made['id']}"))
    assert waiting["status"] == "sending"
    assert waiting["counts"]["queued"] == 1
    cancelled = ok(await api.post(f"/v1/campaigns/{made['id']}/cancel"))
    assert cancelled["status"] == "cancelled"
    assert cancelled["counts"]["skipped"] == 1
    assert emailing.mailbox.received == []
    problem(await api.post(f"/v1/campaigns/{made['id']}/send"), 409, "campaign_status_conflict")


async def test_deliveries_are_counted_for_metrics_by_channel_and_status(
    tenant: Tenant, emailing: SmtpServer, sender: CampaignSender
) -> None:
    def counted(status: str) -> float:
        labels = {"channel": "email", "status": status}
        return REGISTRY.get_sample_value("punchcard_campaign_deliveries_total", labels) or 0.0

    before = {status: counted(status) for status in ("sent", "skipped")}
    api = tenant.client
    for n in range(2):
        await consenting(tenant, name=f"Counted {n}")
    await member(tenant)  # no consent: skipped
    await sent(api, sender, (await campaign(api, (await email_template(api))["id"]))["id"])
    assert counted("sent") - before["sent"] == 2
    assert counted("skipped") - before["skipped"] == 1
