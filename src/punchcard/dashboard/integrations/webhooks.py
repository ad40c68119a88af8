"""Webhook endpoints: add, switch on and off, their messages with every delivery attempt,
replay one message, "retry now" for those waiting out a retry delay, and a test event."""

from fastapi.responses import RedirectResponse, Response
from sqlalchemy.ext.asyncio import AsyncSession

from punchcard.dashboard.access import StaffView, posted_form
from punchcard.dashboard.forms import parse
from punchcard.dashboard.integrations.text import TEXT
from punchcard.dashboard.listing import page_of
from punchcard.dashboard.rendering import View, form_values
from punchcard.dashboard.routing import dashboard_router
from punchcard.dashboard.saving import saved
from punchcard.events.catalogue import EVENT_TYPES
from punchcard.kit.errors import Unprocessable
from punchcard.kit.http import Session
from punchcard.webhooks import service
from punchcard.webhooks.schemas import EndpointCreate, EndpointUpdate, TestEventIn

router = dashboard_router()
WEBHOOKS = "/dashboard/integrations/webhooks"
ENDPOINT = WEBHOOKS + "/{endpoint_id}"


async def _list_page(
    view: View, session: AsyncSession, values: dict[str, object], errors: dict[str, str]
) -> Response:
    assert view.signed is not None
    endpoints, more = await service.list_endpoints(
        session, view.signed.actor, page_of(view.request)
    )
    return view.render(
        "integrations/webhooks.html",
        TEXT,
        endpoints=endpoints,
        more=more,
        event_types=EVENT_TYPES,
        values=values,
        errors=errors,
    )


@router.get(WEBHOOKS)
async def endpoints(view: StaffView, session: Session) -> Response:
    return await _list_page(view, session, {"event_types": []}, {})


@router.post(WEBHOOKS)
async def add_endpoint(view: StaffView, session: Session) -> Response:
    assert view.signed is not None
    form = await posted_form(view)
    values: dict[str, object] = {
        **form_values(form, "url", "description"),
        "event_types": [str(kind) for kind in form.getlist("event_types")],
    }
    data, errors = parse(EndpointCreate, values)
    if data is None:
        return await _list_page(view, session, values, errors)
    made, errors = await saved(
        session, service.create_endpoint(session, view.signed.actor, data=data)
    )
    if made is None:
        return await _list_page(view, session, values, errors)
    return RedirectResponse(f"{WEBHOOKS}/{made[0].id}?created=1", status_code=303)


@router.get(ENDPOINT)
async def endpoint_page(endpoint_id: str, view: StaffView, session: Session) -> Response:
    assert view.signed is not None
    actor = view.signed.actor
    endpoint = await service.get_endpoint(session, actor, endpoint_id)
    secret, _ = await service.get_secret(session, actor, endpoint_id)
    messages, more = await service.list_messages(
        session, actor, endpoint_id, page_of(view.request), status=None, event_type=None
    )
    return view.render(
        "integrations/endpoint.html",
        TEXT,
        endpoint=endpoint,
        secret=secret,
        messages=messages,
        more=more,
        event_types=EVENT_TYPES,
        notice=view.request.query_params.get("done"),
        count=view.request.query_params.get("count", ""),
    )


def _back(endpoint_id: str, done: str, count: int | None = None) -> RedirectResponse:
    suffix = f"&count={count}" if count is not None else ""
    return RedirectResponse(f"{WEBHOOKS}/{endpoint_id}?done={done}{suffix}", status_code=303)


@router.post(ENDPOINT + "/switch")
async def switch(endpoint_id: str, view: StaffView, session: Session) -> Response:
    """On or off; switching on again clears the failure streak (as the API's PATCH does)."""
    assert view.signed is not None
    form = await posted_form(view)
    enabled = form.get("enabled") == "on"
    data = EndpointUpdate(enabled=enabled)
    await service.update_endpoint(session, view.signed.actor, endpoint_id, data=data)
    return _back(endpoint_id, "enabled" if enabled else "disabled")


@router.post(ENDPOINT + "/test")
async def send_test(endpoint_id: str, view: StaffView, session: Session) -> Response:
    assert view.signed is not None
    form = await posted_form(view)
    data, _errors = parse(TestEventIn, form_values(form, "event_type"))
    if data is None:
        raise Unprocessable("validation_error", "Pick an event type.", field="event_type")
    await service.send_test(session, view.signed.actor, endpoint_id, data.event_type)
    return _back(endpoint_id, "test_sent")


@router.post(ENDPOINT + "/retry-now")
async def retry_now(endpoint_id: str, view: StaffView, session: Session) -> Response:
    assert view.signed is not None
    await posted_form(view)
    retried = await service.retry_now(session, view.signed.actor, endpoint_id)
    return _back(endpoint_id, "retried", retried)


@router.post(ENDPOINT + "/delete")
async def delete(endpoint_id: str, view: StaffView, session: Session) -> Response:
    assert view.signed is not None
    await posted_form(view)
    await service.delete_endpoint(session, view.signed.actor, endpoint_id)
    return RedirectResponse(f"{WEBHOOKS}?deleted=1", status_code=303)


@router.get(ENDPOINT + "/messages/{message_id}")
async def message_page(
    endpoint_id: str, message_id: str, view: StaffView, session: Session
) -> Response:
    assert view.signed is not None
    actor = view.signed.actor
    endpoint = await service.get_endpoint(session, actor, endpoint_id)
    message = await service.get_message(session, actor, endpoint_id, message_id)
    attempts, more = await service.list_attempts(
        session, actor, endpoint_id, message_id, page_of(view.request)
    )
    return view.render(
        "integrations/message.html",
        TEXT,
        endpoint=endpoint,
        message=message,
        attempts=attempts,
        more=more,
        replayed=view.request.query_params.get("replayed") == "1",
    )


@router.post(ENDPOINT + "/messages/{message_id}/replay")
async def replay(endpoint_id: str, message_id: str, view: StaffView, session: Session) -> Response:
    assert view.signed is not None
    await posted_form(view)
    await service.replay(session, view.signed.actor, endpoint_id, message_id)
    path = f"{WEBHOOKS}/{endpoint_id}/messages/{message_id}?replayed=1"
    return RedirectResponse(path, status_code=303)
