"""The join form's known-customer hook: the card link goes to the address on file as a
transactional email the sender sends after the join commits, at most a few per hour."""

from punchcard.campaigns.tasks import CampaignSender
from punchcard.config import get_settings
from tests.conftest import Tenant
from tests.pages.conftest import visitor_of
from tests.pages.test_join_page import join_path
from tests.support.factories import card, coffee_program
from tests.support.smtp_server import SmtpServer


async def test_a_known_customer_gets_their_card_link_by_email_after_the_join(
    tenant: Tenant, emailing: SmtpServer, sender: CampaignSender
) -> None:
    program = await coffee_program(tenant.client)
    issued = await card(tenant.client, program["id"], "ada@example.com")
    async with visitor_of(tenant) as visitor:
        answer = await visitor.submit(
            join_path(tenant, program["id"]) + "?lang=de",
            {"name": "Mallory", "email": "ada@example.com"},
        )
    assert answer.status_code == 303
    assert emailing.mailbox.received == []  # nothing during the request
    await sender.until_idle()
    (received,) = emailing.mailbox.received
    assert received.rcpt_tos == ["ada@example.com"]
    mail = received.message
    assert mail["Subject"] == "Deine Karte Coffee card bei Test Café"
    assert "List-Unsubscribe" not in mail  # asked for, not marketing
    body = mail.get_body(("plain",)).get_content()  # type: ignore[union-attr]
    assert f"/c/{tenant.business_id}/{issued['id']}/" in body
    assert "Mallory" not in body


async def test_the_join_form_cannot_flood_a_customer_with_links(
    tenant: Tenant, emailing: SmtpServer, sender: CampaignSender
) -> None:
    program = await coffee_program(tenant.client)
    await card(tenant.client, program["id"], "bob@example.com")
    limit = get_settings().card_link_limit_per_customer
    for _ in range(limit + 3):
        async with visitor_of(tenant) as visitor:  # a new address each time
            answer = await visitor.submit(
                join_path(tenant, program["id"]), {"name": "Eve", "email": "bob@example.com"}
            )
            assert answer.status_code == 303
    await sender.until_idle()
    assert len(emailing.mailbox.received) == limit
