"""The demo café `punchcard demo` serves: enough data to try every endpoint at once."""

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from punchcard.businesses.models import Business
from punchcard.businesses.onboarding import Onboarded, onboard
from punchcard.cards.schemas import CardIssue
from punchcard.cards.service import add_stamps, issue_card
from punchcard.customers.schemas import CustomerUpsert
from punchcard.kit.pagination import PageParams
from punchcard.programs.schemas import GoalIn, ProgramCreate
from punchcard.programs.service import create_program
from punchcard.staff import service as staff
from punchcard.staff.actor import Actor, Role
from punchcard.staff.models import Staff
from punchcard.vouchers.schemas import FixedCode, PatternCode, TemplateCreate
from punchcard.vouchers.service import create_template

DEMO_NAME = "Demo Café"


async def _existing(session: AsyncSession) -> Onboarded | None:
    """Re-running the demo reuses its café and hands out a fresh owner key."""
    business_id = await session.scalar(
        select(Business.id).where(Business.name == DEMO_NAME).order_by(Business.id).limit(1)
    )
    if business_id is None:
        return None
    actor = Actor.system(business_id)
    owner = await session.scalar(
        select(Staff).where(Staff.business_id == business_id, Staff.role == Role.OWNER).limit(1)
    )
    assert owner is not None
    keys, _ = await staff.list_api_keys(session, actor, PageParams(limit=100, cursor=None))
    mine = next((view for view in keys if view.staff.id == owner.id), None)
    assert mine is not None
    regenerated = await staff.regenerate_api_key(session, actor, mine.key.id)
    assert regenerated.secret is not None
    return Onboarded(business_id, owner.location_id, owner.id, regenerated.secret)


async def seed(session: AsyncSession) -> Onboarded:
    existing = await _existing(session)
    if existing is not None:
        return existing
    made = await onboard(session, name=DEMO_NAME, location="Main Street")
    actor = Actor.system(made.business_id)
    cookie = await create_template(
        session,
        actor,
        data=TemplateCreate(title="Free cookie", redeem_code=FixedCode(value="FREECOOKIE")),
    )
    coffee = await create_template(
        session,
        actor,
        data=TemplateCreate(
            title="Free coffee",
            redeem_code=PatternCode(pattern="CAFE-####"),
            formats=["text", "qr", "barcode"],
            validity_days=30,
        ),
    )
    program = await create_program(
        session,
        actor,
        data=ProgramCreate(
            name="Coffee card",
            goals=[
                GoalIn(stamps=5, template_id=cookie.id),
                GoalIn(stamps=10, template_id=coffee.id),
            ],
        ),
    )
    card, _ = await issue_card(
        session,
        actor,
        data=CardIssue(
            program_id=program.id,
            customer=CustomerUpsert(email="ada@example.com", name="Ada", language="en"),
        ),
    )
    await add_stamps(session, actor, card_ref=card.card.id, count=4, location_id=made.location_id)
    return made
