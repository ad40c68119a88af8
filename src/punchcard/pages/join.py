"""Joining a program from its public page: the customer and their card, through the same
services as the API, acting as the business's system actor."""

from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncSession

from punchcard.cards import service as cards
from punchcard.cards.schemas import CardIssue
from punchcard.customers import service as customers
from punchcard.customers.schemas import CustomerUpsert
from punchcard.kit.errors import NotFound
from punchcard.pages.form import JoinForm
from punchcard.programs.models import Program
from punchcard.staff.actor import Actor
from punchcard.wallet.view import Design, load_design, load_pass_view


@dataclass(frozen=True)
class Reward:
    title: str
    stamps: int


@dataclass(frozen=True)
class JoinPage:
    program_name: str
    rewards: list[Reward]
    design: Design


@dataclass(frozen=True)
class Joined:
    card_id: str
    # False when the details matched a member whose card already holds stamps or rewards: a
    # public form must not hand those to whoever typed someone's email.
    may_show_card: bool


async def open_program(session: AsyncSession, business_id: str, program_id: str) -> JoinPage:
    """What the join page shows; 404 ``program_not_found`` unless the program takes members."""
    program = await session.get(Program, (business_id, program_id))
    if program is None or program.status != "active":
        raise NotFound("program_not_found", f"no open program {program_id}")
    rewards = [Reward(str(goal.get("title") or ""), int(goal["stamps"])) for goal in program.goals]
    return JoinPage(program.name, rewards, await load_design(session, business_id, program_id))


async def join(
    session: AsyncSession, business_id: str, program_id: str, form: JoinForm, language: str
) -> Joined:
    """Issue the card (or find the one the customer has). A known customer's details are not
    rewritten from a public form; a ticked consent box is recorded."""
    actor = Actor.system(business_id)
    identity = CustomerUpsert(email=form.email, phone=form.phone)
    if await customers.find_customer(session, actor, identity) is None:
        customer = CustomerUpsert(
            email=form.email,
            phone=form.phone,
            name=form.name,
            birthday=form.birthday,
            language=language,
            marketing_consent=form.marketing_consent,
        )
    else:
        customer = CustomerUpsert(
            email=form.email, phone=form.phone, marketing_consent=form.marketing_consent or None
        )
    issued, created = await cards.issue_card(
        session,
        actor,
        data=CardIssue(program_id=program_id, customer=customer),
        consent_source="join_form",
    )
    if created:
        return Joined(issued.card.id, may_show_card=True)
    # The same form sent twice (a double tap, the back button) finds a card with nothing on it.
    card = await load_pass_view(session, business_id, issued.card.id)
    return Joined(card.card_id, may_show_card=card.lifetime_stamps == 0 and not card.vouchers)
