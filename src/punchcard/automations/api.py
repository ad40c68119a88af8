"""Automations over HTTP. Owners and managers create and change them for the whole business
(``automations:manage``; staff bound to a location: 403 location_forbidden); they and staff
bound to a location read them, their log and dry runs (``automations:read``). Nothing here
scans: the runner in the worker (and in each server process) does, on schedule."""

from typing import Annotated

from fastapi import APIRouter, Path, Query

from punchcard.automations import service
from punchcard.automations.models import Automation
from punchcard.automations.schemas import (
    ID_PATTERN,
    AutomationIn,
    AutomationOut,
    AutomationPatch,
    DryRunOut,
    Kind,
    RunOut,
    RunStatus,
)
from punchcard.kit.http import Session
from punchcard.kit.pagination import Page, PageQuery
from punchcard.staff.auth import CurrentActor

router = APIRouter(tags=["Automations"])
Id = Annotated[str, Path(max_length=64, pattern=ID_PATTERN)]
WHO = (
    "Owners and managers (`automations:manage`); staff bound to a location may read but not "
    "change (403 `location_forbidden`)."
)
ERRORS: dict[int | str, dict[str, str]] = {
    404: {"description": "automation_not_found (another business's ids too)"},
}
BAD_INPUT: dict[int | str, dict[str, str]] = {
    422: {
        "description": "the field named in `field` or `errors[].field`, nothing saved: "
        "validation_error, program_not_found, voucher_template_not_found, template_archived, "
        "message_template_not_found, template_channel_mismatch, channel_not_configured, "
        "location_not_found"
    }
}


def _out(automation: Automation) -> AutomationOut:
    fields = service.fields_of(automation)
    return AutomationOut.model_validate(
        {
            **fields,
            "id": automation.id,
            "audience": automation.audience or {},
            "started_at": automation.started_at,
            "scanned_until": automation.scanned_until,
            "next_scan_at": automation.next_scan_at,
            "created_at": automation.created_at,
            "updated_at": automation.updated_at,
        }
    )


@router.post(
    "/automations",
    status_code=201,
    response_model=AutomationOut,
    summary="Create an automation",
    responses=BAD_INPUT,
)
async def create_automation(data: AutomationIn, session: Session, actor: CurrentActor) -> object:
    """Create an automation. A rule the worker runs on schedule, at most once per customer and
    period: `birthday` (N days before or on the day, at a local hour; `birthday_reached`),
    `inactivity` (no stamp for N days, once per spell; `inactivity_trigger`), `reward_reminder` (a
    voucher unredeemed N days after issue, or expiring within N days; `voucher_reminder`), `welcome`
    (a new card, within a worker pass). Each may issue a voucher and send a message (a message
    template, through the campaign sender), narrowed to a program and an audience. It acts on what
    happens from its creation on. **Who:** Owners and managers (`automations:manage`); staff bound
    to a location may read but not change (403 `location_forbidden`). **Emits:** none.
    """
    return _out(await service.create_automation(session, actor, data=data))


@router.get("/automations", response_model=Page[AutomationOut], summary="List automations")
async def list_automations(
    session: Session,
    actor: CurrentActor,
    page: PageQuery,
    kind: Annotated[Kind | None, Query()] = None,
) -> object:
    """List automations. **Who:** Owners and managers. **Emits:** none."""
    rows, cursor = await service.list_automations(session, actor, page, kind)
    return {"data": [_out(row) for row in rows], "next_cursor": cursor}


@router.get(
    "/automations/{automation_id}",
    response_model=AutomationOut,
    summary="An automation",
    responses=ERRORS,
)
async def get_automation(automation_id: Id, session: Session, actor: CurrentActor) -> object:
    """An automation. **Who:** Owners and managers. **Emits:** none."""
    return _out(await service.get_automation(session, actor, automation_id))


@router.patch(
    "/automations/{automation_id}",
    response_model=AutomationOut,
    summary="Change an automation",
    responses={
        **ERRORS,
        **BAD_INPUT,
    },
)
async def update_automation(
    automation_id: Id, data: AutomationPatch, session: Session, actor: CurrentActor
) -> object:
    """Change an automation. Merged into the automation and checked as a whole for its kind (which
    does not change). Runs already made stay. **Who:** Owners and managers (`automations:manage`);
    staff bound to a location may read but not change (403 `location_forbidden`). **Emits:** none.
    """
    return _out(await service.update_automation(session, actor, automation_id, data=data))


@router.delete(
    "/automations/{automation_id}",
    status_code=204,
    summary="Delete an automation and its log",
    responses=ERRORS,
)
async def delete_automation(automation_id: Id, session: Session, actor: CurrentActor) -> None:
    """Delete an automation and its log. Its messages not sent yet are skipped
    (`automation_deleted`); vouchers it issued stay. **Who:** Owners and managers
    (`automations:manage`); staff bound to a location may read but not change (403
    `location_forbidden`). **Emits:** none.
    """
    await service.delete_automation(session, actor, automation_id)


@router.post(
    "/automations/{automation_id}/enable",
    response_model=AutomationOut,
    summary="Switch an automation on (from now: what happened while off is not caught up)",
    responses=ERRORS,
)
async def enable_automation(automation_id: Id, session: Session, actor: CurrentActor) -> object:
    """Switch an automation on (from now: what happened while off is not caught up). **Who:** Owners
    and managers not bound to a location. **Emits:** none.
    """
    return _out(await service.set_enabled(session, actor, automation_id, enabled=True))


@router.post(
    "/automations/{automation_id}/disable",
    response_model=AutomationOut,
    summary="Switch an automation off (its log stays)",
    responses=ERRORS,
)
async def disable_automation(automation_id: Id, session: Session, actor: CurrentActor) -> object:
    """Switch an automation off (its log stays). **Who:** Owners and managers not bound to a
    location. **Emits:** none.
    """
    return _out(await service.set_enabled(session, actor, automation_id, enabled=False))


@router.post(
    "/automations/{automation_id}/dry-run",
    response_model=DryRunOut,
    summary="Who the next scan would act on, as things are now (count and a sample)",
    responses=ERRORS,
)
async def dry_run(automation_id: Id, session: Session, actor: CurrentActor) -> object:
    """Who the next scan would act on, as things are now (count and a sample). The scan due now, or
    else the next one ahead; customers it already acted on in that period are left out. Nothing is
    recorded, issued or sent. **Who:** Owners and managers. **Emits:** none.
    """
    found = await service.dry_run(session, actor, automation_id)
    return {
        "period": found.period.key,
        "scan_at": found.period.end,
        "customers": found.customers,
        "sample": found.sample,
    }


@router.get(
    "/automations/{automation_id}/runs",
    response_model=Page[RunOut],
    summary="The automation's log: who matched, what was issued and sent, who was skipped",
    responses=ERRORS,
)
async def list_runs(
    automation_id: Id,
    session: Session,
    actor: CurrentActor,
    page: PageQuery,
    status: Annotated[RunStatus | None, Query()] = None,
    customer_id: Annotated[str | None, Query(max_length=64, pattern=ID_PATTERN)] = None,
) -> object:
    """The automation's log: who matched, what was issued and sent, who was skipped. Newest first.
    `status` skipped with `reason` when the voucher could not be issued (then no message either);
    `message` is the delivery with its own status and reason (queued, sent, skipped: no_consent,
    unsubscribed, not_linked, ...). **Who:** Owners and managers. **Emits:** none.
    """
    rows, cursor = await service.list_runs(
        session, actor, automation_id, page, status=status, customer_id=customer_id
    )
    data = [
        {
            **row._mapping,
            "message": None
            if row.message_status is None
            else {
                "delivery_id": row.delivery_id,
                "channel": row.message_channel,
                "status": row.message_status,
                "reason": row.message_reason,
                "sent_at": row.message_sent_at,
            },
        }
        for row in rows
    ]
    return {"data": data, "next_cursor": cursor}
