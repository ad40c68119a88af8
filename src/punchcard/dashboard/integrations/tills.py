"""POS connectors: the list, connecting a till (Poster, Syrve or a generic signed one) with
its signing secret shown once, its sale log with its settings to change, a new secret (shown
once, the old one works 24 h more), and disconnecting it."""

from typing import Any

from fastapi.responses import RedirectResponse, Response
from sqlalchemy.ext.asyncio import AsyncSession

from punchcard.dashboard.access import StaffView, posted_form
from punchcard.dashboard.forms import parse
from punchcard.dashboard.integrations.connector_form import (
    CLEARABLE,
    FIELDS,
    SECRETS,
    at_form_fields,
    connector_input,
    posted,
    values_of,
)
from punchcard.dashboard.integrations.text import TEXT
from punchcard.dashboard.listing import page_of
from punchcard.dashboard.locations_of import reachable_locations
from punchcard.dashboard.rendering import View
from punchcard.dashboard.routing import dashboard_router
from punchcard.dashboard.saving import saved
from punchcard.kit.http import Session
from punchcard.kit.pagination import PageParams
from punchcard.pos import service
from punchcard.pos.models import PosConnector
from punchcard.pos.schemas import ConnectorCreate, ConnectorUpdate
from punchcard.pos.service import webhook_url
from punchcard.programs import service as programs
from punchcard.staff.actor import Permission

router = dashboard_router()
TILLS = "/dashboard/integrations/pos"
EVERY = PageParams(limit=100, cursor=None)


@router.get(TILLS)
async def connectors(view: StaffView, session: Session) -> Response:
    assert view.signed is not None
    found, more = await service.list_connectors(session, view.signed.actor, page_of(view.request))
    return view.render(
        "integrations/pos.html",
        TEXT,
        connectors=[(connector, webhook_url(connector)) for connector in found],
        more=more,
        notice=view.request.query_params.get("done"),
    )


async def _choices(view: View, session: AsyncSession) -> dict[str, Any]:
    assert view.signed is not None
    actor = view.signed.actor
    active, _ = await programs.list_programs(session, actor, EVERY, status="active")
    places = await reachable_locations(session, actor)
    return {
        "programs": [(program.id, program.name) for program in active],
        "locations": [(place.id, place.name) for place in places],
        "every_location": actor.location_id is None,
    }


async def _new_form(
    view: View, session: AsyncSession, values: dict[str, str], errors: dict[str, str]
) -> Response:
    return view.render(
        "integrations/till_new.html",
        TEXT,
        values=values,
        errors=at_form_fields(errors),
        **await _choices(view, session),
    )


@router.get(TILLS + "/new")
async def new_connector(view: StaffView, session: Session) -> Response:
    assert view.signed is not None
    view.signed.actor.require(Permission.POS_MANAGE)
    values = dict.fromkeys(FIELDS, "") | {"type": "generic", "stamp_rule.per": "receipt"}
    return await _new_form(view, session, values | {"enabled": "on"}, {})


@router.post(TILLS + "/new")
async def create_connector(view: StaffView, session: Session) -> Response:
    """The answer is the till's page with its signing secret, shown this once."""
    assert view.signed is not None
    values = posted(await posted_form(view))
    till = values["type"]
    given = connector_input(values, till) | {"type": till}
    data, errors = parse(ConnectorCreate, given, paths=True)
    if data is not None:
        made, errors = await saved(
            session, service.create_connector(session, view.signed.actor, data=data)
        )
        if made is not None:
            connector, secret = made
            return await _till_page(view, session, connector, secret=secret, status_code=201)
    return await _new_form(view, session, _without_secrets(values), errors)


def _without_secrets(values: dict[str, str]) -> dict[str, str]:
    """A form shown again never carries the till's keys back into the page."""
    return {name: "" if name in SECRETS else value for name, value in values.items()}


async def _till_page(
    view: View,
    session: AsyncSession,
    connector: PosConnector,
    *,
    values: dict[str, str] | None = None,
    errors: dict[str, str] | None = None,
    secret: str | None = None,
    status_code: int | None = None,
) -> Response:
    """Its webhook URL, a secret just made, its settings as a form, and its sale log."""
    assert view.signed is not None
    sales, more = await service.list_sales(
        session, view.signed.actor, connector.id, page_of(view.request), outcome=None
    )
    return view.render(
        "integrations/sales.html",
        TEXT,
        status_code=status_code,
        connector=connector,
        url=webhook_url(connector),
        secret=secret,
        values=values or values_of(connector),
        errors=at_form_fields(errors or {}),
        notice=view.request.query_params.get("done"),
        sales=sales,
        more=more,
        **await _choices(view, session),
    )


@router.get(TILLS + "/{connector_id}")
async def till_page(connector_id: str, view: StaffView, session: Session) -> Response:
    assert view.signed is not None
    connector = await service.get_connector(session, view.signed.actor, connector_id)
    return await _till_page(view, session, connector)


@router.post(TILLS + "/{connector_id}")
async def change_connector(connector_id: str, view: StaffView, session: Session) -> Response:
    """Blank keys keep the stored ones; a blank location or currency clears it."""
    assert view.signed is not None
    actor = view.signed.actor
    values = posted(await posted_form(view))
    connector = await service.get_connector(session, actor, connector_id)
    data, errors = parse(ConnectorUpdate, connector_input(values, connector.type), paths=True)
    if data is not None:
        data = data.model_copy(update={name: None for name in CLEARABLE if not values[name]})
        done, errors = await saved(
            session, service.update_connector(session, actor, connector_id, data=data)
        )
        if done is not None:
            return RedirectResponse(f"{TILLS}/{connector_id}?done=saved", status_code=303)
        await session.refresh(connector)
    values = _without_secrets(values) | {"type": connector.type}
    return await _till_page(view, session, connector, values=values, errors=errors)


@router.post(TILLS + "/{connector_id}/rotate-secret")
async def rotate_secret(connector_id: str, view: StaffView, session: Session) -> Response:
    assert view.signed is not None
    await posted_form(view)
    connector, secret = await service.rotate_secret(session, view.signed.actor, connector_id)
    return await _till_page(view, session, connector, secret=secret)


@router.post(TILLS + "/{connector_id}/delete")
async def delete_connector(connector_id: str, view: StaffView, session: Session) -> Response:
    assert view.signed is not None
    await posted_form(view)
    await service.delete_connector(session, view.signed.actor, connector_id)
    return RedirectResponse(f"{TILLS}?done=deleted", status_code=303)
