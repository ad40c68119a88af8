"""The locations a signed-in login may pick in a form (a bound login: its own only)."""

from sqlalchemy.ext.asyncio import AsyncSession

from punchcard.businesses import service as businesses
from punchcard.businesses.models import Location
from punchcard.kit.pagination import PageParams
from punchcard.staff.actor import Actor

MOST = PageParams(limit=100, cursor=None)  # a business with more locations pages the API


async def reachable_locations(session: AsyncSession, actor: Actor) -> list[Location]:
    found, _ = await businesses.list_locations(session, actor, MOST)
    return sorted((place for place in found if actor.reaches(place.id)), key=lambda p: p.name)
