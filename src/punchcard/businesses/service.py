"""Businesses and their locations."""

from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import undefer

from punchcard.businesses.models import Business, Location
from punchcard.businesses.schemas import BusinessUpdate, LocationCreate, LocationUpdate
from punchcard.cards.models import Card
from punchcard.kit.clock import utcnow
from punchcard.kit.db import get_owned, owned_page
from punchcard.kit.errors import not_found
from punchcard.kit.ids import new_id
from punchcard.kit.pagination import PageParams
from punchcard.staff.actor import Actor, Permission
from punchcard.wallet.models import PassDesign, WalletPass
from punchcard.wallet.sync import bump_versions


async def create_business(session: AsyncSession, *, name: str, timezone: str = "UTC") -> Business:
    business = Business(
        id=new_id("biz"),
        name=name,
        timezone=timezone,
        created_at=utcnow(),
        join_requires_privacy_links=False,
    )
    session.add(business)
    await session.flush()
    return business


async def list_businesses(session: AsyncSession) -> list[Business]:
    """Every business on this server, oldest first: for the operator's CLI, never the API."""
    return list(await session.scalars(select(Business).order_by(Business.id)))


async def get_business(session: AsyncSession, actor: Actor) -> Business:
    """The business with its logo (deferred everywhere else)."""
    business = await session.scalar(
        select(Business).where(Business.id == actor.business_id).options(undefer(Business.logo_png))
    )
    if business is None:
        raise not_found("business", actor.business_id)
    return business


# What a wallet pass shows of the business where its program's design has nothing of its own.
_SHOWN_ON_PASSES = {"name": PassDesign.organization_name, "logo_png": PassDesign.logo_png}


async def update_business(session: AsyncSession, actor: Actor, *, data: BusinessUpdate) -> Business:
    actor.require(Permission.BUSINESS_MANAGE)
    business = await get_business(session, actor)
    shown_before = {field: getattr(business, field) for field in _SHOWN_ON_PASSES}
    for field, value in data.model_dump(exclude_unset=True, exclude_none=True).items():
        setattr(business, field, str(value) if field.endswith("_url") else value)
    for field in BusinessUpdate.clearable:  # null removes a link or the logo
        if field in data.model_fields_set and getattr(data, field) is None:
            setattr(business, field, None)
    for field, own in _SHOWN_ON_PASSES.items():
        if getattr(business, field) != shown_before[field]:
            await _refresh_passes_showing_the_business(session, business.id, own)
    return business


async def _refresh_passes_showing_the_business(
    session: AsyncSession, business_id: str, own: Any
) -> None:
    """Cards of programs whose design has no ``own`` value (name, logo) show the business's:
    their wallet passes get new versions, so wallets fetch the change with their next update."""
    with_their_own = select(PassDesign.id).where(
        PassDesign.business_id == business_id, own.is_not(None)
    )
    cards = select(Card.id).where(
        Card.business_id == business_id, Card.program_id.not_in(with_their_own)
    )
    await bump_versions(session, (WalletPass.business_id == business_id) & WalletPass.id.in_(cards))


async def create_location(session: AsyncSession, actor: Actor, *, data: LocationCreate) -> Location:
    actor.require(Permission.LOCATIONS_MANAGE)
    actor.require_location(None)  # a new location is the business's, not one location's
    location = Location(
        business_id=actor.business_id, id=new_id("loc"), created_at=utcnow(), **data.model_dump()
    )
    session.add(location)
    await session.flush()
    return location


async def get_location(session: AsyncSession, actor: Actor, location_id: str) -> Location:
    return await get_owned(session, Location, actor.business_id, location_id, "location")


async def list_locations(
    session: AsyncSession, actor: Actor, params: PageParams
) -> tuple[list[Location], str | None]:
    return await owned_page(session, Location, actor.business_id, params)


async def update_location(
    session: AsyncSession, actor: Actor, location_id: str, *, data: LocationUpdate
) -> Location:
    actor.require(Permission.LOCATIONS_MANAGE)
    location = await get_location(session, actor, location_id)
    actor.require_location(location.id)
    for field, value in data.model_dump(exclude_unset=True).items():
        setattr(location, field, value)
    return location


async def acting_location(session: AsyncSession, actor: Actor, requested: str | None) -> str | None:
    """Where an action happens: staff bound to a location act there and nowhere else."""
    if requested is None:
        return actor.location_id
    actor.require_location(requested)
    if actor.location_id is None:
        await get_location(session, actor, requested)
    return requested
