"""Automation messages go through the campaign sender to a real SMTP server on loopback: with
the gift's code, only with consent for marketing, always for transactional ones; each run's
log shows its message's fate; an empty code pool skips the gift and the message."""

from datetime import datetime, timedelta
from typing import Any

import httpx
from sqlalchemy import select

from punchcard.campaigns.models import Delivery
from punchcard.campaigns.tasks import CampaignSender
from punchcard.db.engine import Database
from punchcard.kit.clock import utcnow
from tests.automations.conftest import Runner, automation, events, local, runs, today_in
from tests.campaigns.conftest import consenting
from tests.channels.conftest import member
from tests.conftest import Tenant
from tests.support.factories import ok, template
from tests.support.smtp_server import SmtpServer


async def _email_template(api: httpx.AsyncClient, subject: str, text: str) -> dict[str, Any]:
    body = {
        "name": subject,
        "channel": "email",
        "bodies": {"en": {"subject": subject, "text": text}},
    }
    return ok(await api.post("/v1/message-templates", json=body), 201)  # type: ignore[no-any-return]


def _text(received: Any) -> str:
    return str(received.message.get_body(("plain",)).get_content()).strip()


async def test_a_birthday_email_with_its_gift_reaches_those_who_agreed(
    runner: Runner,
    tenant: Tenant,
    emailing: SmtpServer,
    sender: CampaignSender,
) -> None:
    api = tenant.client
    day = today_in("UTC") + timedelta(days=1)
    born = day.replace(year=1990).isoformat()
    fan = await consenting(tenant, name="Ada Lovelace", birthday=born, email="ada@example.com")
    shy = await member(tenant, birthday=born)  # no consent to marketing
    cake = await template(
        api, title="Cake", redeem_code={"type": "pattern", "pattern": "BDAY-####"}
    )
    wish = await _email_template(
        api, "Happy birthday {{ first_name }}", "Your gift: {{ voucher_code }}"
    )
    rule = await automation(
        api,
        kind="birthday",
        voucher={"template_id": cake["id"]},
        message={"channel": "email", "template_id": wish["id"]},
    )

    await runner.at(local(day, 9, "UTC"))
    await sender.until_idle()
    (received,) = emailing.mailbox.received
    assert received.rcpt_tos == ["ada@example.com"]
    assert received.message["Subject"] == "Happy birthday Ada"
    assert received.message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    logged = {run["customer_id"]: run for run in await runs(api, rule["id"])}
    code = ok(await api.get(f"/v1/vouchers/{logged[fan.customer_id]['voucher_id']}"))["redeem_code"]
    assert _text(received) == f"Your gift: {code}"
    assert logged[fan.customer_id]["message"]["status"] == "sent"
    skipped = logged[shy.customer_id]["message"]
    assert (skipped["status"], skipped["reason"]) == ("skipped", "no_consent")
    assert logged[shy.customer_id]["voucher_id"] is not None  # the gift is on their card anyway


async def test_a_transactional_reminder_needs_no_marketing_consent(
    runner: Runner,
    tenant: Tenant,
    emailing: SmtpServer,
    sender: CampaignSender,
) -> None:
    api = tenant.client
    holder = await member(tenant, email="busy@example.com")  # no marketing consent
    text = "{{ voucher_title }} ({{ voucher_code }}) expires on {{ voucher_expires_on }}"
    note = await _email_template(api, "Your reward is waiting", text)
    rule = await automation(
        api,
        kind="reward_reminder",
        reminder="expiring",
        days=3,
        message={"channel": "email", "template_id": note["id"], "transactional": True},
    )
    soon = await template(api, title="Free cookie", validity_days=2)
    voucher = ok(
        await api.post("/v1/vouchers", json={"card_id": holder.card_id, "template_id": soon["id"]}),
        201,
    )

    await runner.at(datetime.fromisoformat(rule["next_scan_at"]))  # within a day
    await sender.until_idle()
    (received,) = emailing.mailbox.received
    assert received.rcpt_tos == ["busy@example.com"]
    expires = voucher["expires_at"][:10]
    assert _text(received) == f"Free cookie (FREECOOKIE) expires on {expires}"
    assert "List-Unsubscribe" not in received.message


async def test_an_empty_code_pool_skips_the_gift_and_the_message(
    runner: Runner,
    tenant: Tenant,
    emailing: SmtpServer,
    sender: CampaignSender,
) -> None:
    api = tenant.client
    pool = await template(api, title="Pool gift", redeem_code={"type": "pool"})
    hello = await _email_template(api, "Welcome", "Here is {{ voucher_code }}")
    rule = await automation(
        api,
        kind="welcome",
        voucher={"template_id": pool["id"]},
        message={"channel": "email", "template_id": hello["id"]},
    )
    for _ in range(2):
        await consenting(tenant)

    await runner.at(utcnow())
    await sender.until_idle()
    logged = await runs(api, rule["id"])
    assert [(run["status"], run["reason"], run["message"]) for run in logged] == [
        ("skipped", "voucher_pool_empty", None)
    ] * 2
    assert emailing.mailbox.received == []
    assert len(await events(api, "code_pool_empty")) == 1


async def test_messages_of_a_deleted_automation_are_not_sent(
    runner: Runner,
    tenant: Tenant,
    emailing: SmtpServer,
    sender: CampaignSender,
    db: Database,
) -> None:
    api = tenant.client
    hello = await _email_template(api, "Welcome", "Hello")
    rule = await automation(
        api, kind="welcome", message={"channel": "email", "template_id": hello["id"]}
    )
    fan = await consenting(tenant)
    await runner.at(utcnow())
    ok(await api.delete(f"/v1/automations/{rule['id']}"), 204)

    await sender.until_idle()
    assert emailing.mailbox.received == []
    async with db.transaction() as session:
        found = await session.execute(
            select(Delivery.status, Delivery.reason).where(
                Delivery.business_id == tenant.business_id,
                Delivery.customer_id == fan.customer_id,
            )
        )
        assert found.all() == [("skipped", "automation_deleted")]
