"""A referee brings a referrer's code: on the join form, when a card is issued by API, or at a
till. The referral is written with the referee's card (flagged, so the card's own statements
notice a conversion) and the referee's welcome voucher, in the caller's transaction; a refusal
is recorded with its reason instead, and the caller carries on without a referral."""

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import and_, exists, insert, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from punchcard.cards.repository import cards, customers, load_holder
from punchcard.db.base import table_of
from punchcard.events.payloads import customer_part
from punchcard.kit import ratelimit
from punchcard.kit.clock import isoformat_z, utcnow
from punchcard.kit.errors import Unprocessable
from punchcard.kit.ids import new_id
from punchcard.kit.sql import insert_ignoring_conflicts
from punchcard.referrals.models import Referral, ReferralCode, ReferralProgram, ReferralRefusal
from punchcard.referrals.rewards import issue_reward, record_event, referral_part
from punchcard.referrals.schemas import ReferralJoinOut, RefusalReason, Via
from punchcard.staff.actor import Actor
from punchcard.vouchers import codes
from punchcard.vouchers.models import Voucher
from punchcard.vouchers.schemas import VoucherOut

codes_t = table_of(ReferralCode)
programs_t = table_of(ReferralProgram)
referrals_t = table_of(Referral)
refusals_t = table_of(ReferralRefusal)
vouchers_t = table_of(Voucher)


class ReferralCodeNotFound(Unprocessable):
    def __init__(self, code: str) -> None:
        super().__init__(
            "referral_code_not_found",
            f"No referrer has the code '{code[:64]}' in this program.",
            errors=[{"field": "body.referral_code", "message": "no referrer has this code here"}],
        )


@dataclass(frozen=True)
class Sponsor:
    """The referrer behind a code, and their program."""

    code_id: str
    code: str
    customer_id: str
    email: str | None
    phone: str | None
    referrer: dict[str, Any]  # as event payloads name a customer
    program: Any  # a referral_programs row


@dataclass(frozen=True)
class Referee:
    """The new customer and their card in the program; ``scan_code``: the card the till named."""

    customer_id: str
    card_id: str
    email: str | None = None
    phone: str | None = None
    scan_code: str | None = None


@dataclass(frozen=True)
class Joined:
    """What came of a code: a referral (with the referee's voucher), or a refusal."""

    referral_program_id: str | None
    referral_id: str | None = None
    voucher: Voucher | None = None
    voucher_error: str | None = None
    refusal: RefusalReason | None = None
    detail: str | None = None

    def out(self) -> ReferralJoinOut:
        return ReferralJoinOut(
            status="refused" if self.refusal else "joined",
            referral_program_id=self.referral_program_id,
            referral_id=self.referral_id,
            voucher=VoucherOut.model_validate(self.voucher) if self.voucher else None,
            voucher_error=self.voucher_error,
            reason=self.refusal,
            detail=self.detail,
        )


_SPONSOR = (
    select(
        codes_t.c.id.label("code_id"),
        codes_t.c.code,
        codes_t.c.customer_id,
        customers.c.email,
        customers.c.phone,
        customers.c.source_id,
        customers.c.language,
        *programs_t.c,
    )
    .select_from(codes_t)
    .join(
        programs_t,
        and_(
            programs_t.c.business_id == codes_t.c.business_id,
            programs_t.c.id == codes_t.c.referral_program_id,
        ),
    )
    .join(
        customers,
        and_(
            customers.c.business_id == codes_t.c.business_id,
            customers.c.id == codes_t.c.customer_id,
        ),
    )
)


async def find_sponsor(
    session: AsyncSession, business_id: str, card_program_id: str, code: str
) -> Sponsor | None:
    """The referrer whose code this is, in a referral program of the card program (a code of
    another program's referrals is as unknown as a guess)."""
    row = (
        await session.execute(
            _SPONSOR.where(
                codes_t.c.business_id == business_id,
                codes_t.c.code == codes.normalize(code),
                programs_t.c.program_id == card_program_id,
            )
        )
    ).one_or_none()
    if row is None:
        return None
    return Sponsor(
        row.code_id,
        row.code,
        row.customer_id,
        row.email,
        row.phone,
        customer_part(row.customer_id, row.source_id, row.language),
        row,
    )


async def record_refusal(
    session: AsyncSession,
    actor: Actor,
    *,
    code: str,
    reason: RefusalReason,
    detail: str,
    via: Via,
    sponsor: Sponsor | None = None,
    referee_customer_id: str | None = None,
    location_id: str | None = None,
) -> Joined:
    program_id = sponsor.program.id if sponsor else None
    await session.execute(
        insert(refusals_t).values(
            business_id=actor.business_id,
            id=new_id("rfr"),
            referral_program_id=program_id,
            code=codes.normalize(code)[:64],
            reason=reason,
            detail=detail,
            via=via,
            referrer_customer_id=sponsor.customer_id if sponsor else None,
            referee_customer_id=referee_customer_id,
            location_id=location_id,
            staff_id=actor.staff_id,
            at=utcnow(),
        )
    )
    return Joined(program_id, refusal=reason, detail=detail)


def _self_referral(sponsor: Sponsor, referee: Referee) -> str | None:
    """How the referee is the referrer, if they are: the same customer, reached by the same
    email, phone or card."""
    if referee.customer_id != sponsor.customer_id:
        return None
    if referee.email is not None and referee.email == sponsor.email:
        return "email"
    if referee.phone is not None and referee.phone == sponsor.phone:
        return "phone"
    return "card" if referee.scan_code is not None else "customer"


def _window_refusal(program: Any, now: datetime) -> tuple[RefusalReason, str] | None:
    if program.archived_at is not None:
        return "program_archived", f"Referral program '{program.id}' is archived."
    if program.starts_at is not None and now < program.starts_at:
        return (
            "program_not_started",
            f"The referral program starts {isoformat_z(program.starts_at)}.",
        )
    if program.ends_at is not None and now >= program.ends_at:
        return "program_ended", f"The referral program ended {isoformat_z(program.ends_at)}."
    return None


async def _has_history(session: AsyncSession, business_id: str, customer_id: str) -> bool:
    """Whether the customer collected a stamp or redeemed a voucher ever: not new, then."""
    stamped = exists().where(
        cards.c.business_id == business_id,
        cards.c.customer_id == customer_id,
        cards.c.lifetime_stamps > 0,
    )
    redeemed = exists().where(
        vouchers_t.c.business_id == business_id,
        vouchers_t.c.customer_id == customer_id,
        vouchers_t.c.status == "redeemed",
    )
    return bool(await session.scalar(select(or_(stamped, redeemed))))


async def _refusal(
    session: AsyncSession, sponsor: Sponsor, referee: Referee, now: datetime
) -> tuple[RefusalReason, str] | None:
    window = _window_refusal(sponsor.program, now)
    if window is not None:
        return window
    same = _self_referral(sponsor, referee)
    if same is not None:
        return "self_referral", f"The referee is the referrer (the same {same})."
    if await _has_history(session, sponsor.program.business_id, referee.customer_id):
        return (
            "existing_customer",
            "The customer has collected stamps or redeemed vouchers before: only new "
            "customers are referred.",
        )
    return None


async def refuse_known(
    session: AsyncSession,
    actor: Actor,
    *,
    sponsor: Sponsor,
    customer_id: str,
    email: str | None,
    phone: str | None,
) -> Joined:
    """The join form's email or phone is a customer's already: a stranger's form changes
    nothing for them, so the code is refused (silently to the visitor) and recorded."""
    same = _self_referral(sponsor, Referee(customer_id, "", email, phone))
    if same is not None:
        reason: RefusalReason = "self_referral"
        detail = f"The referee is the referrer (the same {same}), on the join form."
    else:
        reason = "known_customer"
        detail = "The join form's email or phone is already a customer's: it changes nothing."
    return await record_refusal(
        session,
        actor,
        code=sponsor.code,
        reason=reason,
        detail=detail,
        via="join_form",
        sponsor=sponsor,
        referee_customer_id=customer_id,
    )


async def join(
    session: AsyncSession,
    actor: Actor,
    *,
    code: str,
    card_program_id: str,
    referee: Referee,
    via: Via,
    location_id: str | None,
) -> Joined:
    """Refer ``referee`` by ``code``; ``ReferralCodeNotFound`` when no referrer of the card
    program has it. One referrer per referee for life: the unique key on the referee decides,
    also when two joins race."""
    sponsor = await find_sponsor(session, actor.business_id, card_program_id, code)
    if sponsor is None:
        raise ReferralCodeNotFound(code)
    now = utcnow()
    refused = await _refusal(session, sponsor, referee, now)
    if refused is None:
        joined = await _refer(session, actor, sponsor, referee, via, location_id, now)
        if joined is not None:
            return joined
    reason, detail = refused or (
        "already_referred",
        "The customer was referred before: one referrer per customer.",
    )
    return await record_refusal(
        session,
        actor,
        code=sponsor.code,
        reason=reason,
        detail=detail,
        via=via,
        sponsor=sponsor,
        referee_customer_id=referee.customer_id,
        location_id=location_id,
    )


async def _refer(
    session: AsyncSession,
    actor: Actor,
    sponsor: Sponsor,
    referee: Referee,
    via: Via,
    location_id: str | None,
    now: datetime,
) -> Joined | None:
    """The referral, the card's flag, the welcome voucher and the events; None when the
    referee has a referral already."""
    program, business_id = sponsor.program, actor.business_id
    values = {
        "business_id": business_id,
        "id": new_id("rfl"),
        "referral_program_id": program.id,
        "code_id": sponsor.code_id,
        "code": sponsor.code,
        "referrer_customer_id": sponsor.customer_id,
        "referee_customer_id": referee.customer_id,
        "referee_card_id": referee.card_id,
        "via": via,
        "location_id": location_id,
        "staff_id": actor.staff_id,
        "status": "pending",
        "joined_at": now,
    }
    dialect = session.get_bind().dialect.name
    statement = insert_ignoring_conflicts(referrals_t, dialect, values).returning(referrals_t.c.id)
    if (await session.execute(statement)).first() is None:
        return None
    await session.execute(
        update(cards)
        .where(cards.c.business_id == business_id, cards.c.id == referee.card_id)
        .values(referral_id=values["id"])
    )
    voucher, error = None, None
    if program.referee_template_id is not None:
        voucher, error = await issue_reward(
            session,
            business_id=business_id,
            template_id=program.referee_template_id,
            customer_id=referee.customer_id,
            card_id=referee.card_id,
            referral_id=values["id"],
            now=now,
        )
    if voucher is not None:
        await session.execute(
            update(referrals_t)
            .where(referrals_t.c.business_id == business_id, referrals_t.c.id == values["id"])
            .values(referee_voucher_id=voucher.id)
        )
    holder = await load_holder(session, business_id, referee.customer_id, referee.card_id)
    referral = Referral(**values)
    await record_event(
        session,
        "referral_joined",
        business_id=business_id,
        at=now,
        location_id=location_id,
        staff_id=actor.staff_id,
        side=holder,
        voucher=voucher,
        referral=referral_part(
            referral, program.name, sponsor.referrer, holder.customer, "pending"
        ),
        reward_error=error,
    )
    return Joined(program.id, values["id"], voucher, error)


async def at_till(
    session: AsyncSession,
    actor: Actor,
    *,
    code: str,
    card_program_id: str,
    customer_id: str | None,
    card_id: str | None,
    scan_code: str | None,
    location_id: str | None,
) -> Joined:
    """A code a till sent with a sale: the sale goes on whatever becomes of the code, so an
    unknown code is a recorded refusal here, not an error."""
    if customer_id is None or card_id is None:
        reason: RefusalReason = "referee_not_found"
        detail = "The sale names no customer with an active card in the program."
    else:
        try:
            return await join(
                session,
                actor,
                code=code,
                card_program_id=card_program_id,
                referee=Referee(customer_id, card_id, scan_code=scan_code),
                via="pos",
                location_id=location_id,
            )
        except ReferralCodeNotFound as unknown:
            reason, detail = "unknown_code", unknown.detail
    return await record_refusal(
        session,
        actor,
        code=code,
        reason=reason,
        detail=detail,
        via="pos",
        referee_customer_id=customer_id,
        location_id=location_id,
    )


async def find_for_visitor(
    session: AsyncSession,
    business_id: str,
    card_program_id: str,
    code: str,
    *,
    address: str,
    limit: ratelimit.Limit,
) -> Sponsor | None:
    """The referrer behind a code typed on the join form. An address whose codes matched
    nothing ``limit.count`` times in the window is refused before the look-up
    (``RateLimited``), so codes cannot be tried one after another; a code that matches
    nothing is recorded and counted."""
    await ratelimit.ensure_below(session, limit, address, business_id=business_id)
    sponsor = await find_sponsor(session, business_id, card_program_id, code)
    if sponsor is None:
        await record_refusal(
            session,
            Actor.system(business_id),
            code=code,
            reason="unknown_code",
            detail="No referrer has this code in the program (typed on the join form).",
            via="join_form",
        )
        await ratelimit.count_hit(session, limit, address, business_id=business_id)
    return sponsor
