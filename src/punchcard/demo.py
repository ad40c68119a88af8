"""The demo café `punchcard demo` serves: enough data to try every endpoint at once.

Its owner key is kept (sealed with the secret key) in ``.punchcard-demo-key``, so running the
demo again hands out the same key: a terminal or script still using it keeps working."""

import os
from pathlib import Path
from typing import Literal

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from punchcard.businesses.models import Business
from punchcard.businesses.onboarding import Onboarded, onboard
from punchcard.cards.schemas import CardIssue
from punchcard.cards.service import add_stamps, issue_card
from punchcard.customers.schemas import CustomerUpsert
from punchcard.kit import crypto
from punchcard.kit.pagination import PageParams
from punchcard.programs.schemas import GoalIn, ProgramCreate
from punchcard.programs.service import create_program
from punchcard.staff import keys
from punchcard.staff import service as staff
from punchcard.staff.actor import Actor, Role
from punchcard.staff.models import ApiKey, Staff
from punchcard.vouchers.schemas import FixedCode, PatternCode, TemplateCreate
from punchcard.vouchers.service import create_template

DEMO_NAME = "Demo Café"
KeyOrigin = Literal["new", "kept", "replaced"]
KEY_FILE = Path(".punchcard-demo-key")


def _kept_key() -> str | None:
    try:
        return crypto.unseal(KEY_FILE.read_text().strip())
    except (OSError, RuntimeError):  # none yet, or sealed under another secret key
        return None


def _keep_key(api_key: str) -> None:
    descriptor = os.open(KEY_FILE, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "w") as handle:
        handle.write(crypto.seal(api_key))


async def _still_valid(session: AsyncSession, owner: Staff, api_key: str | None) -> bool:
    if api_key is None:
        return False
    found = await session.scalar(
        select(ApiKey.id).where(
            ApiKey.business_id == owner.business_id,
            ApiKey.staff_id == owner.id,
            ApiKey.key_hash == keys.digest(api_key),
        )
    )
    return found is not None


async def _existing(session: AsyncSession) -> tuple[Onboarded, KeyOrigin] | None:
    """Re-running the demo reuses its café and the owner key it handed out before ("kept");
    only if that key is gone (regenerated, another database) is a new one made ("replaced")."""
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
    kept = _kept_key()
    if await _still_valid(session, owner, kept):
        assert kept is not None
        return Onboarded(business_id, owner.location_id, owner.id, kept), "kept"
    views, _ = await staff.list_api_keys(session, actor, PageParams(limit=100, cursor=None))
    mine = next((view for view in views if view.staff.id == owner.id), None)
    assert mine is not None
    regenerated = await staff.regenerate_api_key(session, actor, mine.key.id)
    assert regenerated.secret is not None
    return Onboarded(business_id, owner.location_id, owner.id, regenerated.secret), "replaced"


async def seed(session: AsyncSession) -> tuple[Onboarded, KeyOrigin]:
    """The demo café, and where its owner key comes from: a new café's, the one handed out
    before, or one that replaced it."""
    existing = await _existing(session) or (await _new_cafe(session), "new")
    _keep_key(existing[0].api_key)
    return existing


async def _new_cafe(session: AsyncSession) -> Onboarded:
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
