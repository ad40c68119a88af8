from fastapi import APIRouter, Response

from punchcard.businesses.service import get_business
from punchcard.kit.http import Session
from punchcard.kit.openapi import problems
from punchcard.kit.pagination import Page, PageQuery
from punchcard.staff import service
from punchcard.staff.auth import CurrentActor
from punchcard.staff.schemas import (
    ApiKeyCreate,
    ApiKeyOut,
    ApiKeySecretOut,
    MeOut,
    StaffCreate,
    StaffOut,
    StaffUpdate,
)

router = APIRouter()


@router.get("/me", response_model=MeOut, tags=["Auth"], summary="Who this API key is")
async def me(session: Session, actor: CurrentActor) -> object:
    """Who this API key is. **Who:** Any API key (owner, manager or scanner). **Emits:** none."""
    business = await get_business(session, actor)
    return MeOut(
        business_id=actor.business_id,
        business_name=business.name,
        staff_id=actor.staff_id,
        staff_name=actor.staff_name,
        role=actor.role,
        location_id=actor.location_id,
        api_key_id=actor.api_key_id,
    )


@router.post(
    "/staff",
    status_code=201,
    response_model=StaffOut,
    tags=["Staff"],
    summary="Add a staff login",
    responses={
        **problems(403, "owner_only"),
        **problems(404, "location_not_found"),
        **problems(409, "staff_login_taken"),
    },
)
async def create_staff(body: StaffCreate, session: Session, actor: CurrentActor) -> object:
    """Add a staff login. **Who:** Owners and managers. **Emits:** none."""
    return await service.create_staff(session, actor, data=body)


@router.get("/staff", response_model=Page[StaffOut], tags=["Staff"], summary="List staff logins")
async def list_staff(session: Session, actor: CurrentActor, page: PageQuery) -> object:
    """List staff logins. **Who:** Owners and managers. **Emits:** none."""
    data, cursor = await service.list_staff(session, actor, page)
    return {"data": data, "next_cursor": cursor}


@router.get(
    "/staff/{staff_id}", response_model=StaffOut, tags=["Staff"], summary="Get a staff login"
)
async def get_staff(staff_id: str, session: Session, actor: CurrentActor) -> object:
    """Get a staff login. **Who:** Owners and managers. **Emits:** none."""
    return await service.get_staff(session, actor, staff_id)


@router.patch(
    "/staff/{staff_id}",
    response_model=StaffOut,
    tags=["Staff"],
    summary="Update a staff login",
    responses={
        **problems(403, "owner_only"),
        **problems(409, "last_owner", "last_owner_key"),
    },
)
async def update_staff(
    staff_id: str, body: StaffUpdate, session: Session, actor: CurrentActor
) -> object:
    """Update a staff login. **Who:** Owners and managers. **Emits:** none."""
    return await service.update_staff(session, actor, staff_id, data=body)


@router.delete(
    "/staff/{staff_id}",
    status_code=204,
    tags=["Staff"],
    summary="Delete a staff login and its key",
    responses={
        **problems(403, "owner_only"),
        **problems(409, "last_owner", "last_owner_key"),
    },
)
async def delete_staff(staff_id: str, session: Session, actor: CurrentActor) -> Response:
    """Delete a staff login and its key. **Who:** Owners and managers. **Emits:** none."""
    await service.delete_staff(session, actor, staff_id)
    return Response(status_code=204)


@router.post(
    "/api-keys",
    status_code=201,
    response_model=ApiKeySecretOut,
    tags=["API keys"],
    summary="Generate the API key of a staff login (shown once)",
    responses={
        **problems(403, "owner_only"),
        **problems(404, "staff_not_found"),
        **problems(409, "staff_has_api_key"),
    },
)
async def create_api_key(body: ApiKeyCreate, session: Session, actor: CurrentActor) -> object:
    """Generate the API key of a staff login (shown once). **Who:** Owners and managers. **Emits:**
    none.
    """
    return (await service.create_api_key(session, actor, data=body)).fields


@router.get("/api-keys", response_model=Page[ApiKeyOut], tags=["API keys"], summary="List API keys")
async def list_api_keys(session: Session, actor: CurrentActor, page: PageQuery) -> object:
    """List API keys. **Who:** Owners and managers. **Emits:** none."""
    views, cursor = await service.list_api_keys(session, actor, page)
    return {"data": [view.fields for view in views], "next_cursor": cursor}


@router.get(
    "/api-keys/{key_id}", response_model=ApiKeyOut, tags=["API keys"], summary="Get an API key"
)
async def get_api_key(key_id: str, session: Session, actor: CurrentActor) -> object:
    """Get an API key. **Who:** Owners and managers. **Emits:** none."""
    return (await service.get_api_key(session, actor, key_id)).fields


@router.post(
    "/api-keys/{key_id}/regenerate",
    response_model=ApiKeySecretOut,
    tags=["API keys"],
    summary="Replace the key's secret; the old one stops working at once (shown once)",
    responses={**problems(403, "owner_only")},
)
async def regenerate_api_key(key_id: str, session: Session, actor: CurrentActor) -> object:
    """Replace the key's secret; the old one stops working at once (shown once). **Who:** Owners and
    managers. **Emits:** none.
    """
    return (await service.regenerate_api_key(session, actor, key_id)).fields


@router.delete(
    "/api-keys/{key_id}",
    status_code=204,
    tags=["API keys"],
    summary="Delete an API key",
    responses={
        **problems(403, "owner_only"),
        **problems(409, "last_owner", "last_owner_key"),
    },
)
async def delete_api_key(key_id: str, session: Session, actor: CurrentActor) -> Response:
    """Delete an API key. **Who:** Owners and managers. **Emits:** none."""
    await service.delete_api_key(session, actor, key_id)
    return Response(status_code=204)
