"""Automations (birthday, inactivity, reminders, welcome): the list, create and edit (the
API's body, checked by the same service), switching one on or off, deleting it, who its next
scan would act on, and its run log."""

from typing import Any

from fastapi.responses import RedirectResponse, Response
from sqlalchemy.ext.asyncio import AsyncSession

from punchcard.automations import service
from punchcard.automations.models import Automation
from punchcard.automations.schemas import AutomationPatch, Kind
from punchcard.dashboard.access import StaffView, posted_form
from punchcard.dashboard.campaigns.automation_form import (
    FIELDS,
    at_form_fields,
    parsed,
    posted,
    setting_kinds,
    values_of,
)
from punchcard.dashboard.campaigns.campaign_pages import form_choices
from punchcard.dashboard.campaigns.text import TEXT
from punchcard.dashboard.listing import page_of
from punchcard.dashboard.rendering import View
from punchcard.dashboard.routing import dashboard_router
from punchcard.dashboard.saving import saved
from punchcard.kit.http import Session
from punchcard.staff.actor import Actor, Permission

router = dashboard_router()
AUTOMATIONS = "/dashboard/automations"
KINDS: tuple[str, ...] = Kind.__args__  # type: ignore[attr-defined]


def _may_manage(actor: Actor) -> bool:
    """As the API: owners and managers not bound to a location."""
    return actor.can(Permission.AUTOMATIONS_MANAGE) and actor.location_id is None


@router.get(AUTOMATIONS)
async def automations(view: StaffView, session: Session) -> Response:
    assert view.signed is not None
    actor = view.signed.actor
    found, more = await service.list_automations(session, actor, page_of(view.request), None)
    return view.render(
        "campaigns/automations.html",
        TEXT,
        automations=found,
        more=more,
        may_manage=_may_manage(actor),
    )


async def _form_context(
    view: View,
    session: AsyncSession,
    kinds: tuple[str, ...],
    values: dict[str, str],
    errors: dict[str, str],
) -> dict[str, Any]:
    """The form with the settings of ``kinds``: a new automation's, every kind's."""
    return {
        "values": values,
        "errors": at_form_fields(errors),
        "kinds": KINDS,
        "setting_kinds": setting_kinds(kinds),
        **await form_choices(session, view),
    }


async def _new_form(
    view: View, session: AsyncSession, values: dict[str, str], errors: dict[str, str]
) -> Response:
    context = await _form_context(view, session, KINDS, values, errors)
    return view.render("campaigns/automation_new.html", TEXT, **context)


@router.get(AUTOMATIONS + "/new")
async def new_automation(view: StaffView, session: Session) -> Response:
    assert view.signed is not None
    view.signed.actor.require(Permission.AUTOMATIONS_MANAGE)
    kind = view.request.query_params.get("kind", "")
    values = {name: "" for name in FIELDS} | {"enabled": "on"}
    values["kind"] = kind if kind in KINDS else KINDS[0]
    return await _new_form(view, session, values, {})


@router.post(AUTOMATIONS + "/new")
async def create_automation(view: StaffView, session: Session) -> Response:
    assert view.signed is not None
    values = posted(await posted_form(view))
    data, errors = parsed(values)
    if data is not None:
        made, errors = await saved(
            session, service.create_automation(session, view.signed.actor, data=data)
        )
        if made is not None:
            return RedirectResponse(f"{AUTOMATIONS}/{made.id}?done=created", status_code=303)
    return await _new_form(view, session, values, errors)


async def _automation_page(
    view: View,
    session: AsyncSession,
    automation: Automation,
    values: dict[str, str] | None = None,
    errors: dict[str, str] | None = None,
) -> Response:
    """Its settings (a form, for those who may change it), its next scan and its log."""
    assert view.signed is not None
    actor = view.signed.actor
    runs, more = await service.list_runs(
        session, actor, automation.id, page_of(view.request), status=None, customer_id=None
    )
    fields = service.fields_of(automation)
    values = values or values_of(fields)
    context = await _form_context(view, session, (automation.kind,), values, errors or {})
    return view.render(
        "campaigns/automation.html",
        TEXT,
        automation=automation,
        audience=fields["audience"],
        next_scan=await service.dry_run(session, actor, automation.id),
        runs=runs,
        more=more,
        may_manage=_may_manage(actor),
        notice=view.request.query_params.get("done"),
        **context,
    )


@router.get(AUTOMATIONS + "/{automation_id}")
async def automation_page(automation_id: str, view: StaffView, session: Session) -> Response:
    assert view.signed is not None
    automation = await service.get_automation(session, view.signed.actor, automation_id)
    return await _automation_page(view, session, automation)


@router.post(AUTOMATIONS + "/{automation_id}")
async def change_automation(automation_id: str, view: StaffView, session: Session) -> Response:
    """The form is the whole automation but its kind, its audience (set through the API) and
    whether it is on (the switch): a blank setting goes back to the kind's default."""
    assert view.signed is not None
    actor = view.signed.actor
    form = await posted_form(view)
    automation = await service.get_automation(session, actor, automation_id)
    values = posted(form) | {"kind": automation.kind, "enabled": "on"}
    data, errors = parsed(values)
    if data is not None:
        change = AutomationPatch.model_validate(
            data.model_dump(exclude={"kind", "enabled", "audience"})
        )
        done, errors = await saved(
            session, service.update_automation(session, actor, automation_id, data=change)
        )
        if done is not None:
            return RedirectResponse(f"{AUTOMATIONS}/{automation_id}?done=saved", status_code=303)
        await session.refresh(automation)
    return await _automation_page(view, session, automation, values, errors)


@router.post(AUTOMATIONS + "/{automation_id}/switch")
async def switch(automation_id: str, view: StaffView, session: Session) -> Response:
    assert view.signed is not None
    form = await posted_form(view)
    enabled = form.get("enabled") == "on"
    await service.set_enabled(session, view.signed.actor, automation_id, enabled=enabled)
    return RedirectResponse(f"{AUTOMATIONS}/{automation_id}", status_code=303)


@router.post(AUTOMATIONS + "/{automation_id}/delete")
async def delete(automation_id: str, view: StaffView, session: Session) -> Response:
    assert view.signed is not None
    await posted_form(view)
    await service.delete_automation(session, view.signed.actor, automation_id)
    return RedirectResponse(f"{AUTOMATIONS}?done=deleted", status_code=303)
