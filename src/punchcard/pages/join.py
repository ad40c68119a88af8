"""Joining a program from its public page: the customer and their card, through the same
services as the API, acting as the business's system actor.

A visitor proves nothing about the email or phone they type. So a join whose email or phone is
already a customer's changes nothing (no consent, birthday or name from a stranger), shows no
card, and answers exactly as every other known address does; the customer gets their card
link through ``CardLinkSender`` (by email or messenger once a channel exists). Only a new
customer is handed the new card at once.
"""

from dataclasses import dataclass
from typing import Protocol

from sqlalchemy import exists, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from punchcard.businesses.models import Business
from punchcard.cards import service as cards
from punchcard.cards.models import Card
from punchcard.cards.schemas import CardIssue
from punchcard.customers.models import Customer
from punchcard.customers.schemas import CustomerUpsert
from punchcard.kit.errors import Conflict, NotFound
from punchcard.pages.form import JoinForm
from punchcard.programs.models import Program
from punchcard.referrals import joining as referrals
from punchcard.referrals.models import ReferralProgram
from punchcard.staff.actor import Actor
from punchcard.wallet import web_link
from punchcard.wallet.view import Design, load_design


@dataclass(frozen=True)
class Reward:
    title: str
    stamps: int


@dataclass(frozen=True)
class JoinPage:
    program_name: str
    rewards: list[Reward]
    design: Design
    privacy_url: str | None
    imprint_url: str | None
    referrals: bool  # a referral program is open: the form asks for a referral code


@dataclass(frozen=True)
class KnownCustomer:
    """Who a join's email or phone belongs to, for ``CardLinkSender``."""

    business_id: str
    program_id: str
    customer_id: str
    email: str | None  # as typed (and valid): where to send, if it is the customer's
    phone: str | None
    language: str


class CardLinkSender(Protocol):
    """Sends a known customer the link to their card in the program (issuing one if the
    business wants that), to the address on file: the card reaches whoever owns the address,
    never whoever typed it. Called inside the join's transaction; must not fail the join."""

    async def send_card_link(self, session: AsyncSession, known: KnownCustomer) -> None: ...


class NoCardLinkSender:
    """Until a channel (email, messenger) exists: nothing is sent, nothing is said."""

    async def send_card_link(self, session: AsyncSession, known: KnownCustomer) -> None:
        return None


@dataclass(frozen=True)
class Joined:
    card_id: str | None  # the new customer's new card; None: a known customer (nothing shown)
    known_customer_id: str | None = None


async def open_program(session: AsyncSession, business_id: str, program_id: str) -> JoinPage:
    """What the join page shows; 404 ``program_not_found`` unless the program takes members
    (and, when the business asks for it, its privacy policy and imprint are set)."""
    found = (
        await session.execute(
            select(Program, Business)
            .join(Business, Business.id == Program.business_id)
            .where(Program.business_id == business_id, Program.id == program_id)
        )
    ).one_or_none()
    if found is None or found[0].status != "active":
        raise NotFound("program_not_found", f"no open program {program_id}")
    program, business = found
    if business.join_requires_privacy_links and not (
        business.privacy_policy_url and business.imprint_url
    ):
        raise NotFound("program_not_found", "the privacy policy and imprint are not set yet")
    rewards = [Reward(str(goal.get("title") or ""), int(goal["stamps"])) for goal in program.goals]
    design = await load_design(session, business_id, program_id)
    referrals_open = await session.scalar(
        select(
            exists().where(
                ReferralProgram.business_id == business_id,
                ReferralProgram.program_id == program_id,
                ReferralProgram.archived_at.is_(None),
            )
        )
    )
    return JoinPage(
        program.name,
        rewards,
        design,
        business.privacy_policy_url,
        business.imprint_url,
        bool(referrals_open),
    )


async def _known(session: AsyncSession, business_id: str, form: JoinForm) -> str | None:
    """A customer the form's email or phone belongs to (either is enough)."""
    given = [
        column == value
        for column, value in ((Customer.email, form.email), (Customer.phone, form.phone))
        if value is not None
    ]
    query = select(Customer.id).where(Customer.business_id == business_id, or_(*given)).limit(1)
    return await session.scalar(query)


async def join(
    session: AsyncSession,
    business_id: str,
    program_id: str,
    form: JoinForm,
    language: str,
    sender: CardLinkSender,
    sponsor: referrals.Sponsor | None = None,
) -> Joined:
    """A new customer and their card (referred by ``sponsor``, the referrer behind the form's
    code); for a known email or phone, only the sender's call (and a referral refused)."""
    customer_id = await _known(session, business_id, form)
    if customer_id is None:
        customer = CustomerUpsert(
            email=form.email,
            phone=form.phone,
            name=form.name,
            birthday=form.birthday,
            language=language,
            marketing_consent=form.marketing_consent,
        )
        try:
            code = sponsor.code if sponsor else None
            issued, created = await cards.issue_card(
                session,
                Actor.system(business_id),
                data=CardIssue(program_id=program_id, customer=customer, referral_code=code),
                consent_source="join_form",
                referral_via="join_form",
            )
        except Conflict:  # the address became a customer's meanwhile: known after all
            created = False
        if created:
            return Joined(issued.card.id)
        customer_id = await _known(session, business_id, form)
    if customer_id is not None and sponsor is not None:
        await referrals.refuse_known(
            session,
            Actor.system(business_id),
            sponsor=sponsor,
            customer_id=customer_id,
            email=form.email,
            phone=form.phone,
        )
    if customer_id is not None:
        known = KnownCustomer(
            business_id, program_id, customer_id, form.email, form.phone, language
        )
        await sender.send_card_link(session, known)
    return Joined(None, customer_id)


async def card_of_known(
    session: AsyncSession, business_id: str, program_id: str, customer_id: str, card_id: str
) -> str | None:
    """The link path of ``card_id`` if it is this customer's card in the program."""
    row = (
        await session.execute(
            select(Card.web_link_nonce).where(
                Card.business_id == business_id,
                Card.id == card_id,
                Card.customer_id == customer_id,
                Card.program_id == program_id,
            )
        )
    ).one_or_none()
    return None if row is None else web_link.path(business_id, card_id, row[0])
