"""Automations (birthday, inactivity, reminders, welcome): the list, switching one on or
off, who its next scan would act on, and its run log. They are made through the API."""

from fastapi.responses import RedirectResponse, Response

from punchcard.automations import service
from punchcard.dashboard.access import StaffView, posted_form
from punchcard.dashboard.campaigns.text import TEXT
from punchcard.dashboard.listing import page_of
from punchcard.dashboard.routing import dashboard_router
from punchcard.kit.http import Session
from punchcard.staff.actor import Permission

router = dashboard_router()
AUTOMATIONS = "/dashboard/automations"


@router.get(AUTOMATIONS)
async def automations(view: StaffView, session: Session) -> Response:
    assert view.signed is not None
    found, more = await service.list_automations(
        session, view.signed.actor, page_of(view.request), None
    )
    return view.render("campaigns/automations.html", TEXT, automations=found, more=more)


@router.get(AUTOMATIONS + "/{automation_id}")
async def automation_page(automation_id: str, view: StaffView, session: Session) -> Response:
    assert view.signed is not None
    actor = view.signed.actor
    automation = await service.get_automation(session, actor, automation_id)
    runs, more = await service.list_runs(
        session, actor, automation_id, page_of(view.request), status=None, customer_id=None
    )
    return view.render(
        "campaigns/automation.html",
        TEXT,
        automation=automation,
        settings=service.fields_of(automation),
        next_scan=await service.dry_run(session, actor, automation_id),
        runs=runs,
        more=more,
        may_switch=actor.can(Permission.AUTOMATIONS_MANAGE) and actor.location_id is None,
    )


@router.post(AUTOMATIONS + "/{automation_id}/switch")
async def switch(automation_id: str, view: StaffView, session: Session) -> Response:
    assert view.signed is not None
    form = await posted_form(view)
    enabled = form.get("enabled") == "on"
    await service.set_enabled(session, view.signed.actor, automation_id, enabled=enabled)
    return RedirectResponse(f"{AUTOMATIONS}/{automation_id}", status_code=303)
