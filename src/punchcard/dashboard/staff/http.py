"""Team: staff logins, their roles and locations, and one-time password links."""

from typing import Any

from fastapi.responses import RedirectResponse, Response
from sqlalchemy.ext.asyncio import AsyncSession

from punchcard.config import get_settings
from punchcard.dashboard import service as dashboard
from punchcard.dashboard.access import StaffView, posted_form
from punchcard.dashboard.cli import absolute
from punchcard.dashboard.forms import parse, refusal
from punchcard.dashboard.locations_of import reachable_locations
from punchcard.dashboard.mail import send_password_link
from punchcard.dashboard.rendering import View, form_values
from punchcard.dashboard.routing import dashboard_router
from punchcard.dashboard.staff.text import TEXT
from punchcard.kit.errors import ProblemError
from punchcard.kit.http import Session, database
from punchcard.staff import service
from punchcard.staff.actor import RANK, Role
from punchcard.staff.models import Staff
from punchcard.staff.schemas import StaffCreate, StaffUpdate

router = dashboard_router()
FIELDS = ("name", "login", "role", "location_id")


async def _choices(session: AsyncSession, view: View) -> dict[str, Any]:
    """The roles this login may grant and the locations it may bind to."""
    assert view.signed is not None
    actor = view.signed.actor
    places = await reachable_locations(session, actor)
    return {
        "roles": [role.value for role in Role if RANK[role] <= RANK[actor.role]],
        "locations": places,
        "location_names": {place.id: place.name for place in places},
        "may_pick_all": actor.location_id is None,
    }


async def _team(
    view: View, session: AsyncSession, values: dict[str, str], errors: dict[str, str]
) -> Response:
    assert view.signed is not None
    roster = await service.roster(session, view.signed.actor)
    return view.render(
        "staff/list.html",
        TEXT,
        roster=[staff for staff, _ in roster],
        values=values,
        errors=errors,
        **await _choices(session, view),
    )


@router.get("/dashboard/staff")
async def team(view: StaffView, session: Session) -> Response:
    return await _team(view, session, {"role": "scanner"}, {})


@router.post("/dashboard/staff")
async def add_member(view: StaffView, session: Session) -> Response:
    assert view.signed is not None
    values = form_values(await posted_form(view), *FIELDS)
    data, errors = parse(StaffCreate, values)
    if data is None:
        return await _team(view, session, values, errors)
    try:
        async with session.begin_nested():
            staff = await service.create_staff(session, view.signed.actor, data=data)
    except ProblemError as error:
        field = "login" if error.code == "staff_login_taken" else "form"
        return await _team(view, session, values, {field: error.detail})
    return RedirectResponse(f"/dashboard/staff/{staff.id}?created=1", status_code=303)


async def _member_page(
    view: View,
    session: AsyncSession,
    staff: Staff,
    errors: dict[str, str] | None = None,
    link: str | None = None,
    mailed: bool = False,
) -> Response:
    return view.render(
        "staff/edit.html",
        TEXT,
        staff=staff,
        errors=errors or {},
        link=link,
        mailed=mailed,
        hours=get_settings().password_reset_hours,
        **await _choices(session, view),
    )


@router.get("/dashboard/staff/{staff_id}")
async def member(staff_id: str, view: StaffView, session: Session) -> Response:
    assert view.signed is not None
    staff = await service.get_staff(session, view.signed.actor, staff_id)
    return await _member_page(view, session, staff)


@router.post("/dashboard/staff/{staff_id}")
async def change_member(staff_id: str, view: StaffView, session: Session) -> Response:
    assert view.signed is not None
    actor = view.signed.actor
    form = await posted_form(view)
    values = form_values(form, "name", "role", "location_id")
    fields = {**values, "active": form.get("active") == "on"}
    data, errors = parse(StaffUpdate, fields)
    if data is not None and not values["location_id"]:
        data = data.model_copy(update={"location_id": None})  # "all locations" unbinds
    staff = await service.get_staff(session, actor, staff_id)
    if data is None:
        return await _member_page(view, session, staff, errors)
    try:
        async with session.begin_nested():
            staff = await service.update_staff(session, actor, staff_id, data=data)
    except ProblemError as error:
        await session.refresh(staff)
        return await _member_page(view, session, staff, refusal(error))
    return RedirectResponse(f"/dashboard/staff/{staff_id}?saved=1", status_code=303)


@router.post("/dashboard/staff/{staff_id}/password-link")
async def password_link(staff_id: str, view: StaffView) -> Response:
    """The link is made and committed first; only then may an email carry it."""
    assert view.signed is not None
    await posted_form(view)
    db = database(view.request)
    async with db.transaction() as session:
        staff, path = await dashboard.create_reset_link(session, view.signed.actor, staff_id)
    url = absolute(path)
    hours = get_settings().password_reset_hours
    words = {"name": staff.name, "business": view.signed.business_name, "hours": hours}
    mailed = await send_password_link(
        db,
        staff.business_id,
        staff.login,
        TEXT.text(view.language, "mail_subject", **words),
        TEXT.text(view.language, "mail_text", url=url, login=staff.login, **words),
    )
    async with db.transaction() as session:
        return await _member_page(view, session, staff, link=url, mailed=mailed)
