"""Campaigns sent by real `punchcard worker` processes on PostgreSQL, to a real SMTP server and
the fake Telegram: a worker SIGKILLed mid-send, then two more sharing what is left. Nobody gets
two messages: every email recipient has exactly one Message-ID (a redelivered copy carries the
same one, which mail systems recognise), every Telegram chat at most one message, and only the
one message in flight when the worker died can have an unknown outcome. Skipped unless
PUNCHCARD_TEST_DATABASE_URL names a server."""

import asyncio
import os
from collections import Counter
from collections.abc import AsyncIterator
from typing import Any

import pytest
from sqlalchemy import insert, select

from punchcard.businesses.onboarding import onboard
from punchcard.campaigns import service as campaigns
from punchcard.campaigns import templates
from punchcard.campaigns.models import Campaign, Delivery
from punchcard.campaigns.schemas import CampaignIn, TemplateIn
from punchcard.channels import service as channels
from punchcard.channels.models import CustomerChannel
from punchcard.channels.schemas import EmailIn, TelegramIn
from punchcard.config import Settings
from punchcard.customers.models import Customer
from punchcard.db.engine import Database
from punchcard.kit.clock import utcnow
from punchcard.kit.ids import new_id
from punchcard.staff.actor import Actor
from tests.support import fake_telegram
from tests.support.fake_telegram import FakeTelegram
from tests.support.smtp_server import SmtpServer, smtp_server
from tests.support.workers import Workers

EMAILS, CHATS = 400, 120
FIRST_CHAT = 5_000


@pytest.fixture
async def workers(postgres_url: str, telegram: FakeTelegram) -> AsyncIterator[Workers]:
    pool = Workers(
        {
            **os.environ,
            "PUNCHCARD_DATABASE_URL": postgres_url,
            "PUNCHCARD_LOG_LEVEL": "info",
            "PUNCHCARD_TELEGRAM_API_BASE_URL": telegram.base_url,
            "PUNCHCARD_CAMPAIGN_POLL_SECONDS": "0.05",
            "PUNCHCARD_CAMPAIGN_BATCH_SIZE": "25",
            "PUNCHCARD_CAMPAIGN_LEASE_SECONDS": "3",  # a dead worker's claims free up soon
            "PYTHONUNBUFFERED": "1",
        }
    )
    try:
        yield pool
    finally:
        await pool.stop_all()


async def _business(db: Database, mail: SmtpServer) -> Actor:
    """A business with email and Telegram set up, EMAILS customers with email consent and
    CHATS with a linked Telegram chat (written directly: this test is about sending)."""
    async with db.transaction() as session:
        made = await onboard(session, name="Kill Café", location=None)
    actor = Actor.system(made.business_id)
    email = EmailIn(host=mail.host, port=mail.port, security="none", from_email="a@cafe.example")
    await channels.configure(db, actor, "email", email)
    await channels.configure(db, actor, "telegram", TelegramIn(bot_token=fake_telegram.TOKEN))
    now = utcnow()
    people, rows = [], []
    for n in range(EMAILS + CHATS):
        customer_id = new_id("cus")
        by_email = n < EMAILS
        people.append(
            {
                "business_id": made.business_id,
                "id": customer_id,
                "email": f"fan{n}@example.com" if by_email else None,
                "name": f"Fan {n}",
                "metadata": {},
                "marketing_consent": True,
                "created_at": now,
                "updated_at": now,
            }
        )
        rows.append(
            {
                "business_id": made.business_id,
                "id": new_id("cch"),
                "customer_id": customer_id,
                "channel": "email" if by_email else "telegram",
                "address": None if by_email else str(FIRST_CHAT + n - EMAILS),
                "consent": "granted",
                "updated_at": now,
            }
        )
    async with db.transaction() as session:
        await session.execute(insert(Customer.__table__), people)
        await session.execute(insert(CustomerChannel.__table__), rows)
    return actor


async def _campaign(db: Database, actor: Actor, channel: Any, parts: dict[str, str]) -> str:
    async with db.transaction() as session:
        template = await templates.create_template(
            session,
            actor,
            data=TemplateIn(name=channel, channel=channel, bodies={"en": parts}),  # type: ignore[arg-type]
        )
        made = await campaigns.create_campaign(
            session,
            actor,
            data=CampaignIn(name=channel, channel=channel, template_id=template.id),
        )
        await campaigns.send_now(session, actor, made.id)
    return made.id


async def _until(condition: Any, timeout: float = 60) -> None:
    """Wait (bounded) until ``condition()`` holds; checked every 20 ms (what it reads is in
    other processes and the database: nothing here to await)."""
    async with asyncio.timeout(timeout):
        while not await condition():  # noqa: ASYNC110
            await asyncio.sleep(0.02)


async def _statuses(db: Database, campaign_ids: list[str]) -> set[str]:
    async with db.transaction() as session:
        found = await session.scalars(select(Campaign.status).where(Campaign.id.in_(campaign_ids)))
        return set(found)


async def test_a_worker_killed_mid_send_leaves_nobody_with_two_messages(
    postgres_url: str, workers: Workers, telegram: FakeTelegram
) -> None:
    telegram.known |= {str(FIRST_CHAT + n) for n in range(CHATS)}
    db = Database(Settings(database_url=postgres_url))
    try:
        with smtp_server() as mail:
            actor = await _business(db, mail)
            email_id = await _campaign(
                db, actor, "email", {"subject": "Hi {{ first_name }}", "text": "Double stamps"}
            )
            telegram_id = await _campaign(db, actor, "telegram", {"text": "Double stamps"})
            first = await workers.start("a")

            async def midway() -> bool:
                return len(mail.mailbox.received) >= 100 and len(telegram.sent) >= 30

            await _until(midway)
            await first.kill()
            await workers.start("b")
            await workers.start("c")

            async def finished() -> bool:
                return await _statuses(db, [email_id, telegram_id]) == {"sent"}

            await _until(finished, timeout=120)
            received = list(mail.mailbox.received)
        async with db.transaction() as session:
            outcomes = Counter(
                (row.channel, row.status, row.reason)
                for row in await session.execute(
                    select(Delivery.channel, Delivery.status, Delivery.reason).where(
                        Delivery.business_id == actor.business_id
                    )
                )
            )
    finally:
        await db.dispose()

    ids_by_recipient: dict[str, set[str]] = {}
    for mail_item in received:
        ids_by_recipient.setdefault(mail_item.rcpt_tos[0], set()).add(
            str(mail_item.message["Message-ID"])
        )
    assert len(ids_by_recipient) == EMAILS  # everyone got theirs
    assert all(len(ids) == 1 for ids in ids_by_recipient.values())  # and one message, once
    assert outcomes[("email", "sent", None)] == EMAILS
    chats = Counter(str(message["chat_id"]) for message in telegram.sent)
    assert max(chats.values()) == 1  # nobody twice
    unknown = outcomes[("telegram", "failed", "outcome_unknown")]
    assert unknown <= 1  # at most the one in flight when the worker died
    assert outcomes[("telegram", "sent", None)] + unknown == CHATS
    assert len(chats) >= CHATS - unknown
