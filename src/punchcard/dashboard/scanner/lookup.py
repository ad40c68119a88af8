"""What a scanned or typed code names, for the scanner page: a customer's card (its scan code)
or a voucher (its redeem code), read through the API's services with the signed-in actor.

A code that names neither is a failed look-up: it counts against the guessing limit of the
login and its location, exactly as a failed redeem or validate by API key does."""

import contextlib
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from punchcard.businesses.service import acting_location, get_location
from punchcard.cards import service as cards
from punchcard.code_lookups import service as guard
from punchcard.customers import service as customers
from punchcard.kit.clock import utcnow
from punchcard.kit.errors import NotFound
from punchcard.programs import service as programs
from punchcard.staff.actor import Actor
from punchcard.vouchers import service as vouchers
from punchcard.vouchers.code_schemas import ValidateCode, ValidationOut
from punchcard.vouchers.schemas import VoucherOut
from punchcard.vouchers.validation import validate


@dataclass(frozen=True)
class Holder:
    """A card as the till shows it: whose, where it stands, what it has to redeem."""

    state: dict[str, Any]  # CardView.state()
    customer_name: str
    program_name: str
    redeemable: list[VoucherOut]


@dataclass(frozen=True)
class Found:
    code: str
    card: Holder | None = None
    voucher: ValidationOut | None = None
    redeemed_where: str | None = None  # the location's name, for "already redeemed"

    shared_code: bool = False  # a POS code many vouchers share: the card must come first

    @property
    def nothing(self) -> bool:
        return self.card is None and self.voucher is None and not self.shared_code


def customer_label(customer: Any) -> str:
    """A name the barista can say; a card without a name shows the email or phone."""
    return str(customer.name or customer.email or customer.phone or customer.id)


async def holder(session: AsyncSession, actor: Actor, card_ref: str) -> Holder:
    view = await cards.get_card(session, actor, card_ref)
    customer = await customers.get_customer(session, actor, view.card.customer_id)
    program = await programs.get_program(session, actor, view.card.program_id)
    open_vouchers = [VoucherOut.model_validate(row) for row in view.vouchers]
    redeemable = [v for v in open_vouchers if v.status == "issued" and v.type == "voucher"]
    return Holder(view.state(), customer_label(customer), program.name, redeemable)


async def location_name(session: AsyncSession, actor: Actor, location_id: str | None) -> str | None:
    if location_id is None:
        return None
    try:
        return (await get_location(session, actor, location_id)).name
    except NotFound:
        return None


async def look_up(
    session: AsyncSession,
    actor: Actor,
    code: str,
    location_id: str | None,
    card_id: str | None = None,
) -> Found:
    """The card and the voucher ``code`` names (a scan code and a redeem code may coincide:
    then both show); a shared POS code names the voucher of ``card_id``, the card on screen.
    Refused up front while the login or location is blocked for guessing."""
    location_id = await acting_location(session, actor, location_id)
    limited = guard.scopes(actor.api_key_id, location_id, actor.staff_id)
    await guard.ensure_allowed(session, actor.business_id, list(limited), utcnow())
    card = None
    with contextlib.suppress(NotFound):
        card = await holder(session, actor, code)
    checked = await validate(session, actor, data=ValidateCode(code=code, location_id=location_id))
    if checked.reason == "redeem_code_ambiguous" and card_id:
        data = ValidateCode(code=code, location_id=location_id, card_id=card_id)
        checked = await validate(session, actor, data=data)
    voucher = checked if checked.voucher is not None else None
    where = None
    if voucher is not None and voucher.voucher is not None:
        where = await location_name(session, actor, voucher.voucher.redeemed_location_id)
    shared = voucher is None and checked.reason == "redeem_code_ambiguous"
    return Found(code, card, voucher, where, shared)


async def record_failed_look_up(
    session: AsyncSession, actor: Actor, code: str, location_id: str | None
) -> datetime | None:
    """Log a code that named nothing (the look-up itself changed nothing, so the request's
    transaction keeps the log); the moment the login may look up again when this failure went
    beyond the limit."""
    return await guard.record_failure(
        session,
        business_id=actor.business_id,
        api_key_id=actor.api_key_id,
        staff_id=actor.staff_id,
        location_id=location_id,
        code=code,
        operation="validate",
    )


async def holder_of(session: AsyncSession, actor: Actor, voucher: VoucherOut) -> str:
    """The name of the customer a voucher belongs to."""
    return customer_label(await customers.get_customer(session, actor, voucher.customer_id))


async def voucher(session: AsyncSession, actor: Actor, voucher_id: str) -> VoucherOut:
    return VoucherOut.model_validate(await vouchers.get_voucher(session, actor, voucher_id))
