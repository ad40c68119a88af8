"""A referee converts: the referrer's reward, exactly once per referral.

The stamp, redeem and POS paths already read the referee's card; its ``referral_id`` (set while
the referral is pending) tells them to call ``convert``, so a card without one costs them
nothing. Locks are always taken in one order, card -> referral -> referrer's code row:

1. clearing the card's flag (``... WHERE referral_id = :id``) claims the conversion: of two
   racing conversions of one referee, one clears it and the other finds it cleared;
2. the referral becomes converted;
3. the referrer's code row counts the conversion (``conversions + 1``), and its row lock
   orders the conversions of one referrer: the tier (by that count) and the rewards already
   given in the limit's period (counted under that lock) are decided one after another, in
   every process.
"""

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import and_, func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from punchcard.businesses.models import Business
from punchcard.cards.repository import cards, load_holder
from punchcard.db.base import table_of
from punchcard.referrals.models import Referral, ReferralCode, ReferralProgram
from punchcard.referrals.rewards import issue_reward, record_event, referral_part
from punchcard.referrals.schemas import ConversionKind, RewardOutcome
from punchcard.vouchers.models import Voucher

codes_t = table_of(ReferralCode)
programs_t = table_of(ReferralProgram)
referrals_t = table_of(Referral)
businesses_t = table_of(Business)


# Every conversion names all of these (null where they do not apply), so a no-code tool's
# fields stay the same whatever converted the referral.
DETAILS = (
    "stamp_id",
    "lifetime_stamps",
    "voucher_id",
    "sale_id",
    "connector_id",
    "transaction_id",
    "amount",
    "currency",
)


@dataclass(frozen=True)
class Trigger:
    """What the referee did: ``on`` with its details (stamp id and lifetime stamps, the voucher
    redeemed, or the sale with its amount), kept on the referral and in the event."""

    on: ConversionKind
    details: dict[str, Any] = field(default_factory=dict)

    def converts(self, rule: dict[str, Any]) -> bool:
        if rule["on"] != self.on:
            return False
        if self.on == "stamp":
            return int(self.details["lifetime_stamps"]) >= int(rule["stamps"])
        if self.on == "pos_sale":
            return int(self.details["amount"]) >= int(rule["min_amount"])
        return True


def stamped(stamp_id: str, lifetime_stamps: int) -> Trigger:
    return Trigger("stamp", {"stamp_id": stamp_id, "lifetime_stamps": lifetime_stamps})


def redeemed(voucher_id: str) -> Trigger:
    return Trigger("redemption", {"voucher_id": voucher_id})


def sold(sale: dict[str, Any]) -> Trigger:
    return Trigger(
        "pos_sale",
        {
            "sale_id": sale["id"],
            "connector_id": sale["connector_id"],
            "transaction_id": sale["transaction_id"],
            "amount": sale["amount"],
            "currency": sale["currency"],
        },
    )


@dataclass(frozen=True)
class Where:
    """Where and by whom the conversion happened (the event's location and staff)."""

    location_id: str | None
    staff_id: str | None
    now: datetime


def period_start(now: datetime, timezone: str, per: str) -> datetime:
    """When the calendar period of ``now`` began in the business's time zone (weeks start on
    Monday), in UTC."""
    zone = ZoneInfo(timezone)
    local = now.astimezone(zone).date()
    if per == "week":
        local -= timedelta(days=local.weekday())
    elif per == "month":
        local = local.replace(day=1)
    elif per == "year":
        local = local.replace(month=1, day=1)
    return datetime(local.year, local.month, local.day, tzinfo=zone).astimezone(UTC)


async def _over_limit(
    session: AsyncSession, business_id: str, program: Any, code_id: str, now: datetime
) -> str | None:
    """Why the referrer gets no more rewards this period, or None (read under their code
    row's lock, so concurrent conversions of one referrer count one after another)."""
    limit, per = program.reward_limit, program.reward_limit_period
    if limit is None:
        return None
    used = await session.scalar(
        select(func.count()).where(
            referrals_t.c.business_id == business_id,
            referrals_t.c.code_id == code_id,
            referrals_t.c.converted_at >= period_start(now, program.timezone, per),
            referrals_t.c.reward == "rewarded",
        )
    )
    if int(used or 0) < limit:
        return None
    return f"The referrer got {limit} rewards this {per} already (at most {limit} per {per})."


_PENDING = (
    select(
        referrals_t.c.id,
        programs_t.c.name,
        programs_t.c.program_id,
        programs_t.c.conversion,
        programs_t.c.referrer_template_id,
        programs_t.c.tiers,
        programs_t.c.reward_limit,
        programs_t.c.reward_limit_period,
        businesses_t.c.timezone,
    )
    .select_from(referrals_t)
    .join(
        programs_t,
        and_(
            programs_t.c.business_id == referrals_t.c.business_id,
            programs_t.c.id == referrals_t.c.referral_program_id,
        ),
    )
    .join(businesses_t, businesses_t.c.id == referrals_t.c.business_id)
)


async def convert(
    session: AsyncSession,
    *,
    business_id: str,
    card_id: str,
    referral_id: str,
    trigger: Trigger,
    where: Where,
) -> bool:
    """Convert the referral if ``trigger`` is its program's conversion and nobody converted it
    yet; reward the referrer, write ``referral_converted`` (and the reward's
    ``voucher_issued``). True if this call converted it."""
    program = (
        await session.execute(
            _PENDING.where(
                referrals_t.c.business_id == business_id,
                referrals_t.c.id == referral_id,
                referrals_t.c.status == "pending",
            )
        )
    ).one_or_none()
    if program is None or not trigger.converts(program.conversion):
        return False
    claimed = await session.execute(
        update(cards)
        .where(
            cards.c.business_id == business_id,
            cards.c.id == card_id,
            cards.c.referral_id == referral_id,
        )
        .values(referral_id=None)
        .returning(cards.c.id)
    )
    if claimed.first() is None:
        return False  # a concurrent conversion of this referee came first
    conversion = {"on": trigger.on, **dict.fromkeys(DETAILS), **trigger.details}
    referral = (
        await session.execute(
            update(referrals_t)
            .where(referrals_t.c.business_id == business_id, referrals_t.c.id == referral_id)
            .values(status="converted", converted_at=where.now, conversion=conversion)
            .returning(*referrals_t.c)
        )
    ).one()
    await _reward_referrer(session, business_id, program, referral, conversion, where)
    return True


def _tier_template(program: Any, ordinal: int) -> tuple[int | None, str | None]:
    """(tier, template) for the referrer's ``ordinal``-th conversion: the last tier reached,
    else the program's referrer reward."""
    reached = [tier for tier in program.tiers if tier["referrals"] <= ordinal]
    if reached:
        return reached[-1]["referrals"], reached[-1]["template_id"]
    return None, program.referrer_template_id


async def _reward_referrer(
    session: AsyncSession,
    business_id: str,
    program: Any,
    referral: Any,
    conversion: dict[str, Any],
    where: Where,
) -> None:
    ordinal = (
        await session.execute(
            update(codes_t)
            .where(codes_t.c.business_id == business_id, codes_t.c.id == referral.code_id)
            .values(conversions=codes_t.c.conversions + 1)
            .returning(codes_t.c.conversions)
        )
    ).scalar_one()
    tier, template_id = _tier_template(program, ordinal)
    referrer_card = await _referrer_card(session, business_id, program.program_id, referral)
    outcome, detail, voucher = await _reward(
        session, business_id, program, referral, template_id, referrer_card, where.now
    )
    await session.execute(
        update(referrals_t)
        .where(referrals_t.c.business_id == business_id, referrals_t.c.id == referral.id)
        .values(
            ordinal=ordinal,
            tier=tier,
            reward=outcome,
            reward_detail=detail,
            referrer_voucher_id=voucher.id if voucher else None,
        )
    )
    referrer = await load_holder(session, business_id, referral.referrer_customer_id, referrer_card)
    referee = await load_holder(session, business_id, referral.referee_customer_id, None)
    reward = {
        "status": outcome,
        "detail": detail,
        "ordinal": ordinal,
        "tier": tier,
        "voucher_id": voucher.id if voucher else None,
    }
    await record_event(
        session,
        "referral_converted",
        business_id=business_id,
        at=where.now,
        location_id=where.location_id,
        staff_id=where.staff_id,
        side=referrer,
        voucher=voucher,
        referral=referral_part(
            referral, program.name, referrer.customer, referee.customer, "converted"
        ),
        conversion=conversion,
        reward=reward,
    )


async def _reward(
    session: AsyncSession,
    business_id: str,
    program: Any,
    referral: Any,
    template_id: str | None,
    card_id: str | None,
    now: datetime,
) -> tuple[RewardOutcome, str | None, Voucher | None]:
    """The referrer's reward for this conversion, or why there is none."""
    if template_id is None:
        return "no_reward", "The program has no referrer reward for this referral.", None
    over = await _over_limit(session, business_id, program, referral.code_id, now)
    if over is not None:
        return "limit_reached", over, None
    voucher, failed = await issue_reward(
        session,
        business_id=business_id,
        template_id=template_id,
        customer_id=referral.referrer_customer_id,
        card_id=card_id,
        referral_id=referral.id,
        now=now,
    )
    if voucher is None:
        return "reward_failed", failed, None
    await session.execute(
        update(codes_t)
        .where(codes_t.c.business_id == business_id, codes_t.c.id == referral.code_id)
        .values(rewards=codes_t.c.rewards + 1)
    )
    return "rewarded", None, voucher


async def _referrer_card(
    session: AsyncSession, business_id: str, card_program_id: str, referral: Any
) -> str | None:
    """The referrer's active card in the program, where their reward shows (if they have one)."""
    found = await session.scalar(
        select(cards.c.id)
        .where(
            cards.c.business_id == business_id,
            cards.c.customer_id == referral.referrer_customer_id,
            cards.c.program_id == card_program_id,
            cards.c.status == "active",
        )
        .limit(1)
    )
    return str(found) if found is not None else None
