"""What an automation does for the customers a scan batch recorded, in that batch's
transaction (so a run row exists exactly when its effects do): the gift voucher (issued from
the template; an empty code pool or an archived template skips it, with the reason on the
run), the kind's event (birthday_reached, inactivity_trigger, voucher_reminder), and the
message as a queued delivery that the campaign sender sends like any other (consent, reach,
retries and skips are its business; the run's log shows the delivery's outcome)."""

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import Row, insert, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from punchcard.automations.models import Automation, cards, customers, vouchers
from punchcard.automations.rules import runs
from punchcard.automations.schedule import Period, celebrated_on
from punchcard.campaigns.models import Delivery
from punchcard.cards.progress import standing
from punchcard.codes.pool import CodePoolEmpty, record_pool_empty
from punchcard.db.base import table_of
from punchcard.events import service as events
from punchcard.events.payloads import Part, card_part, customer_part, event_row, voucher_part
from punchcard.kit.clock import isoformat_z, utcnow
from punchcard.kit.errors import ProblemError
from punchcard.kit.ids import new_id
from punchcard.kit.sql import rows_table
from punchcard.programs.models import Program
from punchcard.vouchers.models import Voucher, VoucherTemplate
from punchcard.vouchers.service import issue_from_template

deliveries = table_of(Delivery)
programs = table_of(Program)
EVENTS = {
    "birthday": "birthday_reached",
    "inactivity": "inactivity_trigger",
    "reward_reminder": "voucher_reminder",
}


@dataclass(frozen=True)
class Facts:
    """What the events need to know about a batch's customers, cards and reminded vouchers."""

    customers: dict[str, Row[Any]]
    cards: dict[str, Row[Any]]
    reminded: dict[str, Row[Any]]


async def _facts(session: AsyncSession, business_id: str, rows: list[Row[Any]]) -> Facts:
    customer_ids = [row.customer_id for row in rows]
    card_ids = [row.card_id for row in rows if row.card_id]
    voucher_ids = [row.reminded_voucher_id for row in rows if row.reminded_voucher_id]
    who = select(customers).where(
        customers.c.business_id == business_id, customers.c.id.in_(customer_ids)
    )
    found_customers = await session.execute(who)
    found_cards = await session.execute(
        select(cards, programs.c.goals)
        .join(
            programs,
            (programs.c.business_id == cards.c.business_id) & (programs.c.id == cards.c.program_id),
        )
        .where(cards.c.business_id == business_id, cards.c.id.in_(card_ids))
    )
    reminded: dict[str, Row[Any]] = {}
    if voucher_ids:
        found = await session.execute(
            select(vouchers).where(
                vouchers.c.business_id == business_id, vouchers.c.id.in_(voucher_ids)
            )
        )
        reminded = {row.id: row for row in found}
    return Facts(
        {row.id: row for row in found_customers},
        {row.id: row for row in found_cards},
        reminded,
    )


def _card(card: Row[Any] | None) -> Part | None:
    if card is None:
        return None
    goal_index = standing(card.stamps, list(card.goals)).goal_index
    return card_part(
        card.id, card.program_id, card.scan_code, card.stamps, card.lifetime_stamps, goal_index
    )


def _details(automation: Automation, period: Period, row: Row[Any], facts: Facts) -> dict[str, Any]:
    """The keys of the kind's event beyond the envelope (the catalogue documents them)."""
    if automation.kind == "birthday":
        born: date = facts.customers[row.customer_id].birthday
        on = celebrated_on(born, int(row.period))
        return {
            "birthday": born.isoformat(),
            "birthday_on": on.isoformat(),
            "days_before": automation.days_before,
        }
    if automation.kind == "inactivity":
        since = datetime.fromisoformat(row.period)
        card = facts.cards.get(row.card_id)
        stamped = card is not None and card.last_stamp_at is not None
        return {
            "days_inactive": (period.end - since) // timedelta(days=1),
            "last_stamp_at": isoformat_z(since) if stamped else None,
        }
    return {"reminder": {"kind": automation.reminder, "days": automation.days}}


class Gifts:
    """Issues the automation's voucher, each in a savepoint: an empty pool or a refused code
    undoes only that voucher and names the reason (``code_pool_empty`` is emitted once)."""

    def __init__(self, automation: Automation, template: VoucherTemplate | None) -> None:
        self.automation, self.template = automation, template
        self.pool_reported = False

    async def give(
        self, session: AsyncSession, customer_id: str, card_id: str | None, now: datetime
    ) -> tuple[Voucher | None, str | None]:
        template = self.template
        if template is None:
            return None, None
        if template.archived_at is not None:
            return None, "voucher_template_archived"
        try:
            async with session.begin_nested():
                voucher = await issue_from_template(
                    session,
                    business_id=self.automation.business_id,
                    template=template,
                    customer_id=customer_id,
                    card_id=card_id,
                    goal_index=None,
                    now=now,
                    metadata={"automation_id": self.automation.id},
                    validity_days=self.automation.voucher_valid_days,
                )
        except CodePoolEmpty as empty:
            if not self.pool_reported:
                await record_pool_empty(session, empty, now)
                self.pool_reported = True
            return None, "voucher_pool_empty"
        except ProblemError as refused:  # code_space_exhausted: the template's codes ran out
            return None, refused.code
        return voucher, None


def _delivery(
    automation: Automation, row: Row[Any], card: Row[Any] | None, voucher_id: str | None
) -> dict[str, Any]:
    at = utcnow()  # the sender's clock: the message is due now, whatever time the scan was for
    return {
        "business_id": automation.business_id,
        "id": new_id("dlv"),
        "campaign_id": None,
        "automation_id": automation.id,
        "purpose": "automation",
        "customer_id": row.customer_id,
        "channel": automation.message_channel,
        "program_id": card.program_id if card is not None else automation.program_id,
        "language": None,
        "status": "queued",
        "attempts": 0,
        "voucher_id": voucher_id,
        "next_attempt_at": at,
        "created_at": at,
    }


OUTCOME = ("id", "status", "reason", "voucher_id", "delivery_id", "event_id")


async def _record_outcomes(
    session: AsyncSession, business_id: str, outcomes: list[tuple[Any, ...]]
) -> None:
    """What came of each run, on its row: one statement for the batch."""
    done = rows_table(session, runs, OUTCOME, outcomes)
    await session.execute(
        update(runs)
        .where(runs.c.business_id == business_id, runs.c.id == done.c.id)
        .values({name: done.c[name] for name in OUTCOME[1:]})
    )


async def act(
    session: AsyncSession,
    automation: Automation,
    rows: list[Row[Any]],
    period: Period,
    now: datetime,
) -> None:
    """Issue, emit and queue for each new run, then record what came of each on its row."""
    if not rows:
        return
    business_id = automation.business_id
    facts = await _facts(session, business_id, rows)
    template = None
    if automation.voucher_template_id is not None:
        template = await session.get(VoucherTemplate, (business_id, automation.voucher_template_id))
    gifts = Gifts(automation, template)
    about = {"id": automation.id, "name": automation.name, "kind": automation.kind}
    written: list[dict[str, Any]] = []
    queued: list[dict[str, Any]] = []
    outcomes: list[tuple[Any, ...]] = []
    for row in rows:
        customer = facts.customers[row.customer_id]
        card = facts.cards.get(row.card_id)
        who = customer_part(customer.id, customer.source_id, customer.language)
        common: dict[str, Any] = {
            "business_id": business_id,
            "at": now,
            "location_id": None,
            "staff_id": None,
            "customer": who,
            "card": _card(card),
            "automation": about,
        }
        gift, reason = await gifts.give(session, row.customer_id, row.card_id, now)
        if gift is not None:
            written.append(event_row("voucher_issued", **common, voucher=voucher_part(gift)))
        event_id = None
        if automation.kind in EVENTS:
            shown = facts.reminded.get(row.reminded_voucher_id) if row.reminded_voucher_id else gift
            event = event_row(
                EVENTS[automation.kind],
                **common,
                voucher=voucher_part(shown) if shown is not None else None,
                **_details(automation, period, row, facts),
            )
            written.append(event)
            event_id = event["id"]
        delivery_id = None
        if automation.message_template_id is not None and reason is None:
            message = _delivery(
                automation, row, card, gift.id if gift is not None else row.reminded_voucher_id
            )
            queued.append(message)
            delivery_id = message["id"]
        status = "skipped" if reason else "done"
        gift_id = gift.id if gift is not None else None
        outcomes.append((row.id, status, reason, gift_id, delivery_id, event_id))
    await events.record(session, written)
    if queued:
        await session.execute(insert(deliveries), queued)
    await _record_outcomes(session, business_id, outcomes)
