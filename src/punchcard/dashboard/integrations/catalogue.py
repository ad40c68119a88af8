"""What an integration needs to know: every event type with a sample payload, and the Zapier
and Make set-up (with this server's URL and the REST hooks they subscribed)."""

import json

from fastapi.responses import Response

from punchcard.dashboard.access import StaffView
from punchcard.dashboard.integrations.text import TEXT
from punchcard.dashboard.listing import page_of
from punchcard.dashboard.routing import dashboard_router
from punchcard.events import catalogue
from punchcard.kit.http import AppSettings, Session
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
