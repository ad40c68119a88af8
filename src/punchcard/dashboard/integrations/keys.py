"""API keys as the hosted products show them: one key per staff login, the full key shown once
(on generating or regenerating), masked ever after."""

from fastapi.responses import RedirectResponse, Response
from sqlalchemy.ext.asyncio import AsyncSession

from punchcard.dashboard.access import StaffView, posted_form
from punchcard.dashboard.forms import parse
from punchcard.dashboard.integrations.text import TEXT
from punchcard.dashboard.listing import page_of
from punchcard.dashboard.rendering import View
from punchcard.dashboard.routing import dashboard_router
from punchcard.kit.errors import ProblemError
from punchcard.kit.http import Session
from punchcard.staff import service
from punchcard.staff.schemas import ApiKeyCreate
from punchcard.staff.service import KeyView

router = dashboard_router()
KEYS = "/dashboard/integrations"


async def _keys_page(
    view: View,
    session: AsyncSession,
    *,
    new_key: KeyView | None = None,
    error: str | None = None,
    status_code: int = 200,
) -> Response:
    assert view.signed is not None
    actor = view.signed.actor
    keys, more = await service.list_api_keys(session, actor, page_of(view.request, 100))
    roster = await service.roster(session, actor)
    without_key = [staff for staff, key_id in roster if key_id is None and staff.active]
    return view.render(
        "integrations/keys.html",
        TEXT,
        status_code=status_code,
        keys=keys,
        more=more,
        without_key=without_key,
        new_key=new_key,
        error=error,
        adding=view.request.query_params.get("add") == "1" or error is not None,
    )


@router.get(KEYS)
async def api_keys(view: StaffView, session: Session) -> Response:
    return await _keys_page(view, session)


@router.post(f"{KEYS}/api-keys")
async def add_api_key(view: StaffView, session: Session) -> Response:
    """The answer shows the full key, once: it is never stored, only its hash."""
    assert view.signed is not None
    form = await posted_form(view)
    data, _errors = parse(ApiKeyCreate, {"staff_id": str(form.get("staff_id", ""))})
    if data is None:  # none picked, or no staff id the dropdown offers
        return await _keys_page(view, session, error="pick_login", status_code=422)
    try:
        async with session.begin_nested():
            made = await service.create_api_key(session, view.signed.actor, data=data)
    except ProblemError as error:
        return await _keys_page(view, session, error=error.detail, status_code=error.status)
    return await _keys_page(view, session, new_key=made, status_code=201)


@router.post(KEYS + "/api-keys/{key_id}/regenerate")
async def regenerate_api_key(key_id: str, view: StaffView, session: Session) -> Response:
    assert view.signed is not None
    await posted_form(view)
    made = await service.regenerate_api_key(session, view.signed.actor, key_id)
    return await _keys_page(view, session, new_key=made)


@router.post(KEYS + "/api-keys/{key_id}/delete")
async def delete_api_key(key_id: str, view: StaffView, session: Session) -> Response:
    assert view.signed is not None
    await posted_form(view)
    await service.delete_api_key(session, view.signed.actor, key_id)
    return RedirectResponse(f"{KEYS}?deleted=1", status_code=303)
