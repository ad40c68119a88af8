"""Automations run by real `punchcard worker` processes on PostgreSQL: a birthday rule that
missed three days (its workers were down) and a welcome rule with new cards. One worker is
SIGKILLed mid-scan, two more share what is left. Every customer gets each automation's
voucher, event and email once: the run rows' constraint and the period claims hold across
processes. Skipped unless PUNCHCARD_TEST_DATABASE_URL names a server."""

import asyncio
import os
from collections import Counter
from collections.abc import AsyncIterator
from datetime import UTC, datetime, time, timedelta
from typing import Any

import pytest
from sqlalchemy import func, select, update

from punchcard.automations import service as automations
from punchcard.automations.models import Automation, AutomationRun
from punchcard.automations.schemas import AutomationIn
from punchcard.businesses.onboarding import onboard
from punchcard.campaigns import templates
from punchcard.campaigns.models import Delivery
from punchcard.campaigns.schemas import TemplateIn
from punchcard.cards.models import Card
from punchcard.channels import service as channels
from punchcard.channels.models import CustomerChannel
from punchcard.channels.schemas import EmailIn
from punchcard.config import Settings
from punchcard.customers.models import Customer
from punchcard.db.engine import Database
from punchcard.events.models import Event
from punchcard.jobs.models import JobClaim
from punchcard.kit.clock import utcnow
from punchcard.kit.ids import new_id
from punchcard.programs.models import Program
from punchcard.staff.actor import Actor
from punchcard.vouchers.models import Voucher
from punchcard.vouchers.schemas import TemplateCreate
from punchcard.vouchers.service import create_template
from tests.automations.conftest import insert_rows, program_row
from tests.support.smtp_server import SmtpServer, smtp_server
from tests.support.workers import Workers

PER_DAY = 150  # birthdays on each of the three missed days
MISSED = 3
CUSTOMERS = PER_DAY * MISSED


@pytest.fixture
async def workers(postgres_url: str) -> AsyncIterator[Workers]:
    pool = Workers(
        {
            **os.environ,
            "PUNCHCARD_DATABASE_URL": postgres_url,
            "PUNCHCARD_LOG_LEVEL": "info",
            "PUNCHCARD_AUTOMATION_POLL_SECONDS": "0.05",
            "PUNCHCARD_AUTOMATION_BATCH_SIZE": "10",
            "PUNCHCARD_AUTOMATION_LEASE_SECONDS": "2",  # a dead worker's scan frees up soon
            "PUNCHCARD_CAMPAIGN_POLL_SECONDS": "0.05",
            "PUNCHCARD_CAMPAIGN_LEASE_SECONDS": "3",
            "PYTHONUNBUFFERED": "1",
        }
    )
    try:
        yield pool
    finally:
        await pool.stop_all()


async def _rules(db: Database, mail: SmtpServer) -> tuple[Actor, str, str]:
    """A business (UTC) with email set up, a birthday rule (gift and email, at 00:00) whose
    last scan was three days ago, and a welcome rule (a voucher)."""
    async with db.transaction() as session:
        made = await onboard(session, name="Birthday Café", location=None)
    actor = Actor.system(made.business_id)
    email = EmailIn(host=mail.host, port=mail.port, security="none", from_email="a@cafe.example")
    await channels.configure(db, actor, "email", email)
    async with db.transaction() as session:
        gift = await create_template(
            session,
            actor,
            data=TemplateCreate.model_validate(
                {"title": "Cake", "redeem_code": {"type": "pattern", "pattern": "BDAY-######"}}
            ),
        )
        hello = await create_template(
            session,
            actor,
            data=TemplateCreate.model_validate(
                {"title": "Welcome", "redeem_code": {"type": "fixed", "value": "HELLO"}}
            ),
        )
        wish = await templates.create_template(
            session,
            actor,
            data=TemplateIn.model_validate(
                {
                    "name": "Wish",
                    "channel": "email",
                    "bodies": {"en": {"subject": "Happy birthday", "text": "{{ voucher_code }}"}},
                }
            ),
        )
        birthday = await automations.create_automation(
            session,
            actor,
            data=AutomationIn.model_validate(
                {
                    "name": "Birthday",
                    "kind": "birthday",
                    "hour": 0,
                    "voucher": {"template_id": gift.id},
                    "message": {"channel": "email", "template_id": wish.id},
                }
            ),
        )
        welcome = await automations.create_automation(
            session,
            actor,
            data=AutomationIn.model_validate(
                {"name": "Welcome", "kind": "welcome", "voucher": {"template_id": hello.id}}
            ),
        )
        midnight = datetime.combine(utcnow().date(), time(), tzinfo=UTC)
        last_scan = midnight - timedelta(days=MISSED)  # the workers were down since
        await session.execute(
            update(Automation)
            .where(Automation.business_id == actor.business_id, Automation.id == birthday.id)
            .values(scanned_until=last_scan, next_scan_at=last_scan + timedelta(days=1))
        )
    return actor, birthday.id, welcome.id


async def _customers(db: Database, business_id: str) -> None:
    """PER_DAY customers born on each missed day, with email consent and a new card each
    (written directly: this test is about the workers)."""
    now = utcnow()
    program_id = new_id("prg")
    people, consents, held = [], [], []
    for n in range(CUSTOMERS):
        customer_id = new_id("cus")
        born = (now - timedelta(days=n % MISSED)).date().replace(year=1990)
        people.append(
            {
                "business_id": business_id,
                "id": customer_id,
                "email": f"fan{n}@example.com",
                "birthday": born,
                "metadata": {},
                "marketing_consent": True,
                "created_at": now,
                "updated_at": now,
            }
        )
        consents.append(
            {
                "business_id": business_id,
                "id": new_id("cch"),
                "customer_id": customer_id,
                "channel": "email",
                "consent": "granted",
                "updated_at": now,
            }
        )
        held.append(
            {
                "business_id": business_id,
                "id": new_id("card"),
                "program_id": program_id,
                "customer_id": customer_id,
                "scan_code": f"B{n:07d}",
                "status": "active",
                "stamps": 0,
                "lifetime_stamps": 0,
                "rounds_completed": 0,
                "issued_at": utcnow(),
            }
        )
    program = program_row(business_id, program_id, now)
    await insert_rows(
        db, {Program: [program], Customer: people, CustomerChannel: consents, Card: held}
    )


async def _count(db: Database, query: Any) -> int:
    async with db.transaction() as session:
        return int(await session.scalar(query) or 0)


async def _until(condition: Any, timeout: float = 120) -> None:
    """Wait (bounded) until ``condition()`` holds; checked every 20 ms (what it reads is in
    other processes and the database: nothing here to await)."""
    async with asyncio.timeout(timeout):
        while not await condition():  # noqa: ASYNC110
            await asyncio.sleep(0.02)


async def test_a_worker_killed_mid_scan_leaves_nobody_acted_on_twice(
    postgres_url: str, workers: Workers
) -> None:
    db = Database(Settings(database_url=postgres_url))
    try:
        with smtp_server() as mail:
            actor, birthday_id, welcome_id = await _rules(db, mail)
            business = actor.business_id
            await _customers(db, business)
            made = select(func.count()).where(AutomationRun.business_id == business)
            first = await workers.start("a")

            async def midway() -> bool:
                return await _count(db, made) >= 100

            await _until(midway)
            await first.kill()
            left_by_the_dead = await _count(db, made)
            await workers.start("b")
            await workers.start("c")
            unsent = select(func.count()).where(
                Delivery.business_id == business, Delivery.status != "sent"
            )
            sent = select(func.count()).where(Delivery.business_id == business)

            async def finished() -> bool:
                return (
                    await _count(db, made) == 2 * CUSTOMERS
                    and await _count(db, sent) == CUSTOMERS
                    and await _count(db, unsent) == 0
                )

            await _until(finished)
            received = list(mail.mailbox.received)
        async with db.transaction() as session:
            runs = Counter(
                (row.automation_id, row.customer_id)
                for row in await session.execute(
                    select(AutomationRun.automation_id, AutomationRun.customer_id).where(
                        AutomationRun.business_id == business
                    )
                )
            )
            vouchers = Counter(
                (row.title, row.customer_id)
                for row in await session.execute(
                    select(Voucher.title, Voucher.customer_id).where(
                        Voucher.business_id == business
                    )
                )
            )
            events = Counter(
                await session.scalars(select(Event.type).where(Event.business_id == business))
            )
            claims = list(
                await session.execute(
                    select(JobClaim.period, JobClaim.finished_at).where(
                        JobClaim.business_id == business,
                        JobClaim.job == f"automation:{birthday_id}",
                    )
                )
            )
    finally:
        await db.dispose()

    assert left_by_the_dead < 2 * CUSTOMERS  # the others took over a scan under way
    assert len(runs) == 2 * CUSTOMERS
    assert set(runs.values()) == {1}
    assert {automation for automation, _ in runs} == {birthday_id, welcome_id}
    assert len(vouchers) == 2 * CUSTOMERS
    assert set(vouchers.values()) == {1}
    assert events["birthday_reached"] == CUSTOMERS
    assert events["voucher_issued"] == 2 * CUSTOMERS
    assert len(claims) == MISSED
    assert all(finished for _, finished in claims)
    ids_by_recipient: dict[str, set[str]] = {}
    for mail_item in received:
        ids_by_recipient.setdefault(mail_item.rcpt_tos[0], set()).add(
            str(mail_item.message["Message-ID"])
        )
    assert len(ids_by_recipient) == CUSTOMERS  # everyone got their wish
    assert all(len(ids) == 1 for ids in ids_by_recipient.values())  # one message, once
