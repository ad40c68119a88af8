"""What an integration needs to know: every event type with a sample payload, the Zapier and
Make set-up (with this server's URL and the REST hooks they subscribed), and POS connectors
with their sale log."""

import json

from fastapi.responses import Response

from punchcard.dashboard.access import StaffView
from punchcard.dashboard.integrations.text import TEXT
from punchcard.dashboard.listing import page_of
from punchcard.dashboard.routing import dashboard_router
from punchcard.events import catalogue
from punchcard.kit.http import AppSettings, Session
from punchcard.pos import service as pos
from punchcard.pos.service import webhook_url
from punchcard.webhooks import service as webhooks

router = dashboard_router()
BASE = "/dashboard/integrations"


@router.get(BASE + "/events")
async def event_types(view: StaffView) -> Response:
    """The catalogue is the same for every business; a scanner login never sees it."""
    kinds = [
        (kind, catalogue.DESCRIPTIONS[kind], json.dumps(catalogue.sample(kind), indent=2))
        for kind in catalogue.EVENT_TYPES
    ]
    return view.render("integrations/events.html", TEXT, kinds=kinds)


@router.get(BASE + "/no-code")
async def no_code(view: StaffView, session: Session, settings: AppSettings) -> Response:
    assert view.signed is not None
    hooks, more = await webhooks.list_hooks(session, view.signed.actor, page_of(view.request))
    return view.render(
        "integrations/no_code.html",
        TEXT,
        server_url=settings.public_url.rstrip("/"),
        hooks=hooks,
        more=more,
    )


@router.get(BASE + "/pos")
async def connectors(view: StaffView, session: Session) -> Response:
    assert view.signed is not None
    found, more = await pos.list_connectors(session, view.signed.actor, page_of(view.request))
    return view.render(
        "integrations/pos.html",
        TEXT,
        connectors=[(connector, webhook_url(connector)) for connector in found],
        more=more,
    )


@router.get(BASE + "/pos/{connector_id}")
async def sale_log(connector_id: str, view: StaffView, session: Session) -> Response:
    assert view.signed is not None
    actor = view.signed.actor
    connector = await pos.get_connector(session, actor, connector_id)
    sales, more = await pos.list_sales(
        session, actor, connector_id, page_of(view.request), outcome=None
    )
    return view.render(
        "integrations/sales.html",
        TEXT,
        connector=connector,
        url=webhook_url(connector),
        sales=sales,
        more=more,
    )
