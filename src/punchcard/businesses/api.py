from fastapi import APIRouter

from punchcard.businesses import service
from punchcard.businesses.schemas import (
    BusinessOut,
    BusinessUpdate,
    LocationCreate,
    LocationOut,
    LocationUpdate,
)
from punchcard.kit.http import Session
from punchcard.kit.pagination import Page, PageQuery
from punchcard.staff.auth import CurrentActor

router = APIRouter(tags=["Business and locations"])


@router.get("/business", response_model=BusinessOut, summary="Your business")
async def get_business(session: Session, actor: CurrentActor) -> object:
    """Your business. **Who:** Any API key (owner, manager or scanner). **Emits:** none."""
    return await service.get_business(session, actor)


@router.patch("/business", response_model=BusinessOut, summary="Update your business (owner)")
async def update_business(body: BusinessUpdate, session: Session, actor: CurrentActor) -> object:
    """Update your business (owner). **Who:** Owners not bound to a location. **Emits:** none."""
    return await service.update_business(session, actor, data=body)


@router.post("/locations", status_code=201, response_model=LocationOut, summary="Add a location")
async def create_location(body: LocationCreate, session: Session, actor: CurrentActor) -> object:
    """Add a location. **Who:** Owners and managers. **Emits:** none."""
    return await service.create_location(session, actor, data=body)


@router.get("/locations", response_model=Page[LocationOut], summary="List locations")
async def list_locations(session: Session, actor: CurrentActor, page: PageQuery) -> object:
    """List locations. **Who:** Any API key (owner, manager or scanner). **Emits:** none."""
    data, cursor = await service.list_locations(session, actor, page)
    return {"data": data, "next_cursor": cursor}


@router.get("/locations/{location_id}", response_model=LocationOut, summary="Get a location")
async def get_location(location_id: str, session: Session, actor: CurrentActor) -> object:
    """Get a location. **Who:** Any API key (owner, manager or scanner). **Emits:** none."""
    return await service.get_location(session, actor, location_id)


@router.patch("/locations/{location_id}", response_model=LocationOut, summary="Update a location")
async def update_location(
    location_id: str, body: LocationUpdate, session: Session, actor: CurrentActor
) -> object:
    """Update a location. **Who:** Owners and managers. **Emits:** none."""
    return await service.update_location(session, actor, location_id, data=body)
