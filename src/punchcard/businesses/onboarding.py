"""A new business with its first location and an owner login holding an API key."""

from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncSession

from punchcard.businesses import service as businesses
from punchcard.businesses.schemas import LocationCreate
from punchcard.staff import service as staff
from punchcard.staff.actor import Actor, Role
from punchcard.staff.schemas import ApiKeyCreate, StaffCreate


@dataclass
class Onboarded:
    business_id: str
    location_id: str | None
    staff_id: str
    api_key: str


async def onboard(
    session: AsyncSession,
    *,
    name: str,
    location: str | None,
    owner_name: str = "Owner",
    owner_login: str = "owner",
) -> Onboarded:
    business = await businesses.create_business(session, name=name)
    actor = Actor.system(business.id)
    location_id = None
    if location:
        created = await businesses.create_location(
            session, actor, data=LocationCreate(name=location)
        )
        location_id = created.id
    owner = await staff.create_staff(
        session, actor, data=StaffCreate(name=owner_name, login=owner_login, role=Role.OWNER)
    )
    key = await staff.create_api_key(session, actor, data=ApiKeyCreate(staff_id=owner.id))
    assert key.secret is not None
    return Onboarded(business.id, location_id, owner.id, key.secret)
