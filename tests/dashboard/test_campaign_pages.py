"""Campaigns and automations in the dashboard: a message template, a campaign counted,
previewed for a real customer, sent and followed; an automation switched off, its log read."""

import re
from typing import Any

from punchcard.campaigns.tasks import CampaignSender
from punchcard.staff.actor import Role
from tests.campaigns.conftest import (  # noqa: F401 (fixtures)
    consenting,
    email_settings,
    emailing,
    mail,
    sender,
    set_up,
)
from tests.conftest import Tenant
from tests.dashboard.conftest import Browsing
from tests.support.dashboard import post_form
from tests.support.factories import ok
from tests.support.smtp_server import SmtpServer

MESSAGES = "/dashboard/campaigns/messages"
NEW = "/dashboard/campaigns/new"


async def email_message(tenant: Tenant) -> dict[str, Any]:
    """An email message template made through the API."""
    body = {
        "name": "P",
        "channel": "email",
        "bodies": {"en": {"subject": "Hi", "text": "Hi {{ unsubscribe_link }}"}},
    }
    return ok(await tenant.client.post("/v1/message-templates", json=body), 201)  # type: ignore[no-any-return]


async def email_campaign(tenant: Tenant, name: str, **fields: Any) -> dict[str, Any]:
    """A draft email campaign made through the API (its message: ``email_message``)."""
    message = await email_message(tenant)
    body = {"name": name, "channel": "email", "template_id": message["id"], **fields}
    return ok(await tenant.client.post("/v1/campaigns", json=body), 201)  # type: ignore[no-any-return]


async def test_an_owner_writes_counts_previews_sends_and_follows_a_campaign(
    tenant: Tenant,
    browsing: Browsing,
    emailing: SmtpServer,  # noqa: F811
    sender: CampaignSender,  # noqa: F811
) -> None:
    owner = await browsing("olga", Role.OWNER, None)
    anna = await consenting(tenant, name="Anna Berg")
    await consenting(tenant, name="Ben Kohl")
    bad = await post_form(
        owner,
        MESSAGES,
        MESSAGES,
        {
            "name": "Promo",
            "channel": "email",
            "language": "en",
            "subject": "Hi",
            "text": "{{ nonsense }}",
        },
    )
    assert bad.status_code == 422
    assert 'id="text-error"' in bad.text
    written = await post_form(
        owner,
        MESSAGES,
        MESSAGES,
        {
            "name": "Promo",
            "channel": "email",
            "language": "en",
            "subject": "Hi {{ first_name }}",
            "text": "Double stamps today, {{ first_name }}! {{ unsubscribe_link }}",
        },
    )
    assert written.status_code == 303, written.text
    message_id = ok(await tenant.client.get("/v1/message-templates"))["data"][0]["id"]

    fields = {"name": "Double stamps", "channel": "email", "template_id": message_id}
    counted = await post_form(owner, NEW, NEW, {**fields, "intent": "count"})
    assert "2 customers in this audience now." in counted.text
    assert ok(await tenant.client.get("/v1/campaigns"))["data"] == []  # counting saves nothing
    narrower = await post_form(owner, NEW, NEW, {**fields, "intent": "count", "stamps_min": "5"})
    assert "0 customers in this audience now." in narrower.text

    made = await post_form(owner, NEW, NEW, {**fields, "intent": "save"})
    assert made.status_code == 303, made.text
    page_path = made.headers["location"].split("?")[0]
    preview = await owner.get(page_path, params={"customer": anna.customer_id})
    assert "Hi Anna" in preview.text
    assert "Double stamps today, Anna!" in preview.text
    unknown = await owner.get(page_path, params={"customer": "cus_nobody"})
    assert "No customer" in unknown.text

    sent = await post_form(owner, page_path, f"{page_path}/send", {})
    assert sent.status_code == 303
    await sender.until_idle()
    done = await owner.get(page_path)
    assert "2 of 2" in done.text
    assert "Sent" in done.text
    listing = await owner.get("/dashboard/campaigns")
    assert "Double stamps" in listing.text
    assert 'class="w100"' in listing.text


async def test_a_past_schedule_is_named_at_its_field(
    tenant: Tenant,
    browsing: Browsing,
    emailing: SmtpServer,  # noqa: F811
) -> None:
    owner = await browsing("olga", Role.OWNER, None)
    made = await email_campaign(tenant, "Later")
    path = f"/dashboard/campaigns/{made['id']}"
    refused = await post_form(owner, path, f"{path}/schedule", {"send_at": "2020-01-01T09:00"})
    assert refused.status_code == 422
    assert re.search(r'class="error" role="alert">[^<]*is not in the future', refused.text)
    assert ok(await tenant.client.get(f"/v1/campaigns/{made['id']}"))["status"] == "draft"


async def test_an_automation_is_switched_off_and_its_log_shown(
    tenant: Tenant,
    browsing: Browsing,
    mail: SmtpServer,  # noqa: F811
) -> None:
    await set_up(tenant.client, "email", email_settings(mail))
    gift = ok(
        await tenant.client.post(
            "/v1/voucher-templates",
            json={"title": "Welcome gift", "redeem_code": {"type": "fixed", "value": "HELLO"}},
        ),
        201,
    )
    made = ok(
        await tenant.client.post(
            "/v1/automations",
            json={"name": "Welcome", "kind": "welcome", "voucher": {"template_id": gift["id"]}},
        ),
        201,
    )
    owner = await browsing("olga", Role.OWNER, None)
    listing = await owner.get("/dashboard/automations?lang=de")
    assert "Welcome" in listing.text
    assert "Willkommen" in listing.text
    path = f"/dashboard/automations/{made['id']}"
    page = await owner.get(path)
    assert "Protokoll" in page.text
    assert "Noch nichts getan." in page.text  # the language chosen before
    off = await post_form(owner, path, f"{path}/switch", {})
    assert off.status_code == 303
    assert ok(await tenant.client.get(f"/v1/automations/{made['id']}"))["enabled"] is False


async def test_saving_the_form_keeps_the_filters_only_the_api_sets(
    tenant: Tenant,
    browsing: Browsing,
    emailing: SmtpServer,  # noqa: F811
) -> None:
    owner = await browsing("olga", Role.OWNER, None)
    audience = {"languages": ["de"], "metadata": {"tier": "gold"}, "stamps": {"min": 2}}
    made = await email_campaign(tenant, "Gold", audience=audience)
    path = f"/dashboard/campaigns/{made['id']}"
    page = await owner.get(path)
    assert "Only customers matching (set through the API):" in page.text
    assert '<code>{"languages": ["de"], "metadata": {"tier": "gold"}}</code>' in page.text
    fields = {"name": "Gold again", "template_id": made["template_id"], "stamps_min": "3"}
    saved = await post_form(owner, path, path, fields)
    assert saved.status_code == 303, saved.text
    stored = ok(await tenant.client.get(f"/v1/campaigns/{made['id']}"))
    assert stored["name"] == "Gold again"
    assert stored["audience"]["languages"] == ["de"]  # kept
    assert stored["audience"]["metadata"] == {"tier": "gold"}  # kept
    assert stored["audience"]["stamps"]["min"] == 3  # the form's own filter changed
