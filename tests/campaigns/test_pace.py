"""A provider's rate is kept by all senders together: two senders (each with its own database
connections, as two worker processes have) share a Telegram campaign, and the fake Telegram
never gets more than the rate's messages in any second. PostgreSQL only (two writers at once)."""

import asyncio
from typing import Any

from sqlalchemy import insert

from punchcard.businesses.onboarding import onboard
from punchcard.campaigns import service as campaigns
from punchcard.campaigns import templates
from punchcard.campaigns.schemas import CampaignIn, TemplateIn
from punchcard.campaigns.tasks import CampaignSender
from punchcard.channels import service as channels
from punchcard.channels.models import CustomerChannel
from punchcard.channels.schemas import TelegramIn
from punchcard.config import Settings
from punchcard.customers.models import Customer
from punchcard.db.engine import Database
from punchcard.kit.clock import utcnow
from punchcard.kit.ids import new_id
from punchcard.staff.actor import Actor
from tests.support import fake_telegram
from tests.support.fake_telegram import FakeTelegram

RATE = 20  # messages a second for the bot
CHATS = 4 * RATE
# A message goes after its slot once its hand-over is committed, and hand-overs are committed
# in groups: a few messages reach the fake together, a little late. Senders each keeping the
# rate alone would send twice the rate.
JITTER = RATE // 4


async def _campaign(db: Database) -> None:
    """A business with Telegram, CHATS linked chats and a campaign to them sending now."""
    async with db.transaction() as session:
        made = await onboard(session, name="Pace Café", location=None)
    actor = Actor.system(made.business_id)
    await channels.configure(db, actor, "telegram", TelegramIn(bot_token=fake_telegram.TOKEN))
    now = utcnow()
    people: list[dict[str, Any]] = []
    rows: list[dict[str, Any]] = []
    for n in range(CHATS):
        key = {"business_id": made.business_id, "updated_at": now}
        customer_id = new_id("cus")
        people.append(
            key
            | {"id": customer_id, "name": f"Fan {n}", "metadata": {}, "created_at": now}
            | {"marketing_consent": True}
        )
        rows.append(
            key
            | {"id": new_id("cch"), "customer_id": customer_id, "channel": "telegram"}
            | {"address": str(9_000 + n), "consent": "granted"}
        )
    async with db.transaction() as session:
        await session.execute(insert(Customer.__table__), people)
        await session.execute(insert(CustomerChannel.__table__), rows)
        template = await templates.create_template(
            session,
            actor,
            data=TemplateIn(name="Tg", channel="telegram", bodies={"en": {"text": "Hi"}}),
        )
        campaign = await campaigns.create_campaign(
            session,
            actor,
            data=CampaignIn(name="Tg", channel="telegram", template_id=template.id),
        )
        await campaigns.send_now(session, actor, campaign.id)


def _most_in_a_second(arrivals: list[float]) -> int:
    """The most arrivals in any one-second window."""
    ordered = sorted(arrivals)
    return max(
        sum(1 for later in ordered[i:] if later < first + 1.0) for i, first in enumerate(ordered)
    )


async def test_two_senders_together_keep_the_providers_rate(
    postgres_url: str, telegram: FakeTelegram
) -> None:
    """Two senders writing at once: PostgreSQL (SQLite writes one at a time)."""
    telegram.known |= {str(9_000 + n) for n in range(CHATS)}
    settings = Settings(
        database_url=postgres_url,
        campaign_max_per_second={"telegram": RATE},
        campaign_batch_size=RATE // 2,  # both senders get batches
    )
    first, second = Database(settings), Database(settings)
    try:
        await _campaign(first)
        senders = [CampaignSender(first, settings), CampaignSender(second, settings)]
        await senders[0].step()  # the recipients are queued: a sender finding none would stop
        await asyncio.gather(*(sender.until_idle() for sender in senders))
    finally:
        await first.dispose()
        await second.dispose()

    assert len(telegram.sent) == CHATS
    assert all(sender.paces for sender in senders)  # both sent
    assert _most_in_a_second(telegram.arrivals) <= RATE + JITTER
