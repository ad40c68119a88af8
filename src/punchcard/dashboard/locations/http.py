"""Locations: the business's shops, added and renamed."""

from fastapi.responses import RedirectResponse, Response
from sqlalchemy.ext.asyncio import AsyncSession

from punchcard.businesses import service
from punchcard.businesses.schemas import LocationCreate, LocationUpdate
from punchcard.dashboard.access import StaffView, posted_form
from punchcard.dashboard.forms import parse, refusal
from punchcard.dashboard.locations.text import TEXT
from punchcard.dashboard.locations_of import reachable_locations
from punchcard.dashboard.rendering import View, form_values
from punchcard.dashboard.routing import dashboard_router
from punchcard.kit.errors import ProblemError
from punchcard.kit.http import Session
from punchcard.staff.actor import Permission

router = dashboard_router()
FIELDS = ("name", "address", "timezone")


async def _list(
    view: View, session: AsyncSession, values: dict[str, str], errors: dict[str, str]
) -> Response:
    assert view.signed is not None
    actor = view.signed.actor
    return view.render(
        "locations/list.html",
        TEXT,
        locations=await reachable_locations(session, actor),
        may_add=actor.can(Permission.LOCATIONS_MANAGE) and actor.location_id is None,
        values=values,
        errors=errors,
    )


@router.get("/dashboard/locations")
async def locations(view: StaffView, session: Session) -> Response:
    return await _list(view, session, {}, {})


@router.post("/dashboard/locations")
async def add_location(view: StaffView, session: Session) -> Response:
    assert view.signed is not None
    values = form_values(await posted_form(view), *FIELDS)
    data, errors = parse(LocationCreate, values)
    if data is None:
        return await _list(view, session, values, errors)
    await service.create_location(session, view.signed.actor, data=data)
    return RedirectResponse("/dashboard/locations?created=1", status_code=303)


async def _edit(
    view: View, values: dict[str, str], location_id: str, errors: dict[str, str]
) -> Response:
    return view.render(
        "locations/edit.html",
        TEXT,
        location_id=location_id,
        values=values,
        errors=errors,
    )


@router.get("/dashboard/locations/{location_id}")
async def location(location_id: str, view: StaffView, session: Session) -> Response:
    assert view.signed is not None
    view.signed.actor.require_location(location_id)
    place = await service.get_location(session, view.signed.actor, location_id)
    values = {name: getattr(place, name) or "" for name in FIELDS}
    return await _edit(view, values, location_id, {})


@router.post("/dashboard/locations/{location_id}")
async def change_location(location_id: str, view: StaffView, session: Session) -> Response:
    assert view.signed is not None
    values = form_values(await posted_form(view), *FIELDS)
    data, errors = parse(LocationUpdate, values)
    if data is None:
        return await _edit(view, values, location_id, errors)
    cleared = {name: None for name in ("address", "timezone") if not values[name]}
    try:
        await service.update_location(
            session, view.signed.actor, location_id, data=data.model_copy(update=cleared)
        )
    except ProblemError as error:
        if error.status == 403:
            raise
        return await _edit(view, values, location_id, refusal(error))
    return RedirectResponse("/dashboard/locations", status_code=303)
