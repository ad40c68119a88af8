"""Automations: created, changed, enabled and disabled by owners and managers for the whole
business (staff bound to a location read them, their log and dry runs, but change nothing);
the log of their runs; a dry run (who the next scan would act on, as things are now). The
scans themselves are ``tasks.AutomationRunner``'s."""

import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Row, func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from punchcard.automations import rules
from punchcard.automations.models import Automation
from punchcard.automations.rules import runs
from punchcard.automations.schedule import Period, next_scan, upcoming_period
from punchcard.automations.schemas import (
    ID_PATTERN,
    SETTINGS,
    AutomationIn,
    AutomationPatch,
    MessageAction,
    VoucherAction,
    checked,
)
from punchcard.businesses.models import Location
from punchcard.campaigns.models import Delivery, MessageTemplate
from punchcard.campaigns.schemas import Audience
from punchcard.campaigns.service import business_zone
from punchcard.channels.service import find_channel
from punchcard.config import get_settings
from punchcard.db.base import table_of
from punchcard.kit.clock import utcnow
from punchcard.kit.db import get_owned, owned_page
from punchcard.kit.errors import Unprocessable
from punchcard.kit.ids import new_id
from punchcard.kit.pagination import PageParams, newest_first, to_page
from punchcard.programs.models import Program
from punchcard.staff.actor import Actor, Permission
from punchcard.vouchers.models import VoucherTemplate

deliveries = table_of(Delivery)
SAMPLE_SIZE = 10


def _refused(field: str, code: str, detail: str) -> Unprocessable:
    """A 422 naming the body field, in the shape of a validation error's."""
    path = f"body.{field}"
    return Unprocessable(
        code, detail, field=path, errors=[{"field": path, "message": detail, "type": code}]
    )


async def _exists(session: AsyncSession, model: Any, business_id: str, ref: str) -> Any:
    """The row, or None; an id we could never have made (a NUL byte: PostgreSQL refuses it
    in text) is as unknown as any other."""
    if re.fullmatch(ID_PATTERN, ref) is None:
        return None
    return await session.get(model, (business_id, ref))


async def _check_audience(session: AsyncSession, business_id: str, audience: Audience) -> None:
    program, location = audience.program_id, audience.last_stamp_location_id
    if program is not None and await _exists(session, Program, business_id, program) is None:
        raise _refused("audience.program_id", "program_not_found", f"No program '{program}'.")
    if location is not None and await _exists(session, Location, business_id, location) is None:
        raise _refused(
            "audience.last_stamp_location_id", "location_not_found", f"No location '{location}'."
        )


async def _check_voucher(session: AsyncSession, business_id: str, voucher: VoucherAction) -> None:
    template = await _exists(session, VoucherTemplate, business_id, voucher.template_id)
    if template is None:
        raise _refused(
            "voucher.template_id",
            "voucher_template_not_found",
            f"No voucher template '{voucher.template_id}' in this business.",
        )
    if template.archived_at is not None:
        raise _refused(
            "voucher.template_id",
            "template_archived",
            f"Voucher template '{voucher.template_id}' is archived.",
        )


async def _check_message(session: AsyncSession, business_id: str, message: MessageAction) -> None:
    template = await _exists(session, MessageTemplate, business_id, message.template_id)
    if template is None:
        raise _refused(
            "message.template_id",
            "message_template_not_found",
            f"No message template '{message.template_id}' in this business.",
        )
    if template.channel != message.channel:
        raise _refused(
            "message.template_id",
            "template_channel_mismatch",
            f"Template '{message.template_id}' is for {template.channel}, the message for "
            f"{message.channel}.",
        )
    if await find_channel(session, business_id, message.channel) is None:
        raise _refused(
            "message.channel",
            "channel_not_configured",
            f"The business has not set up {message.channel}: PUT /v1/channels/"
            f"{message.channel} first.",
        )


async def _check_references(session: AsyncSession, business_id: str, data: AutomationIn) -> None:
    """What the automation names is this business's and usable: each a 422 naming the field."""
    program = data.program_id
    if program is not None and await _exists(session, Program, business_id, program) is None:
        raise _refused("program_id", "program_not_found", f"No program '{program}' here.")
    if data.audience is not None:
        await _check_audience(session, business_id, data.audience)
    if data.voucher is not None:
        await _check_voucher(session, business_id, data.voucher)
    if data.message is not None:
        await _check_message(session, business_id, data.message)


def _apply(automation: Automation, data: AutomationIn) -> None:
    automation.name = data.name
    for name in SETTINGS:
        setattr(automation, name, getattr(data, name))
    automation.program_id = data.program_id
    automation.audience = (
        data.audience.model_dump(mode="json", exclude_none=True) if data.audience else {}
    )
    voucher, message = data.voucher, data.message
    automation.voucher_template_id = voucher.template_id if voucher else None
    automation.voucher_valid_days = voucher.valid_days if voucher else None
    automation.message_channel = message.channel if message else None
    automation.message_template_id = message.template_id if message else None
    automation.message_transactional = message.transactional if message else False


async def _schedule(session: AsyncSession, automation: Automation) -> None:
    """The next scan after the watermark, in the business's time zone (none while off)."""
    if not automation.enabled:
        automation.next_scan_at = None
        return
    zone = await business_zone(session, automation.business_id)
    automation.next_scan_at = next_scan(
        automation.kind, automation.hour, zone, automation.scanned_until
    )


async def create_automation(
    session: AsyncSession, actor: Actor, *, data: AutomationIn
) -> Automation:
    actor.require(Permission.AUTOMATIONS_MANAGE)
    await _check_references(session, actor.business_id, data)
    now = utcnow()
    automation = Automation(
        business_id=actor.business_id,
        id=new_id("aut"),
        kind=data.kind,
        enabled=data.enabled,
        started_at=now,  # it acts on what happens from now on
        scanned_until=now,
        created_at=now,
        updated_at=now,
    )
    _apply(automation, data)
    await _schedule(session, automation)
    session.add(automation)
    await session.flush()
    return automation


async def get_automation(session: AsyncSession, actor: Actor, automation_id: str) -> Automation:
    actor.require(Permission.AUTOMATIONS_READ)
    return await get_owned(session, Automation, actor.business_id, automation_id, "automation")


async def list_automations(
    session: AsyncSession, actor: Actor, params: PageParams, kind: str | None
) -> tuple[list[Automation], str | None]:
    actor.require(Permission.AUTOMATIONS_READ)
    where = [Automation.kind == kind] if kind else []
    return await owned_page(session, Automation, actor.business_id, params, *where)


def fields_of(automation: Automation) -> dict[str, Any]:
    """The automation as its input fields (what a change is merged into)."""
    voucher = None
    if automation.voucher_template_id is not None:
        voucher = {
            "template_id": automation.voucher_template_id,
            "valid_days": automation.voucher_valid_days,
        }
    message = None
    if automation.message_template_id is not None:
        message = {
            "channel": automation.message_channel,
            "template_id": automation.message_template_id,
            "transactional": automation.message_transactional,
        }
    return {
        "name": automation.name,
        "kind": automation.kind,
        "enabled": automation.enabled,
        **{name: getattr(automation, name) for name in SETTINGS},
        "program_id": automation.program_id,
        "audience": automation.audience or None,
        "voucher": voucher,
        "message": message,
    }


async def update_automation(
    session: AsyncSession, actor: Actor, automation_id: str, *, data: AutomationPatch
) -> Automation:
    """The change merged into the automation and checked as a whole for its kind."""
    actor.require(Permission.AUTOMATIONS_MANAGE)
    automation = await get_automation(session, actor, automation_id)
    merged = checked({**fields_of(automation), **data.model_dump(exclude_unset=True)})
    await _check_references(session, actor.business_id, merged)
    _apply(automation, merged)
    automation.updated_at = utcnow()
    await _schedule(session, automation)
    return automation


async def delete_automation(session: AsyncSession, actor: Actor, automation_id: str) -> None:
    """Gone with its log; messages it queued and not yet sent are skipped by the sender."""
    actor.require(Permission.AUTOMATIONS_MANAGE)
    automation = await get_automation(session, actor, automation_id)
    await session.delete(automation)


async def set_enabled(
    session: AsyncSession, actor: Actor, automation_id: str, *, enabled: bool
) -> Automation:
    """Turning it on starts from now: what happened while it was off is not caught up (that
    is for a worker that was down). One conditional UPDATE, so a repeat changes nothing."""
    actor.require(Permission.AUTOMATIONS_MANAGE)
    automation = await get_automation(session, actor, automation_id)
    now = utcnow()
    changes: dict[str, Any] = {"enabled": enabled, "updated_at": now}
    if enabled:
        zone = await business_zone(session, actor.business_id)
        changes |= {
            "started_at": now,
            "scanned_until": now,
            "next_scan_at": next_scan(automation.kind, automation.hour, zone, now),
        }
    else:
        changes["next_scan_at"] = None
    await session.execute(
        update(Automation)
        .where(
            Automation.business_id == actor.business_id,
            Automation.id == automation_id,
            Automation.enabled.is_(not enabled),
        )
        .values(**changes)
        .execution_options(synchronize_session=False)
    )
    await session.refresh(automation)
    return automation


def catch_up_floor(now: datetime) -> datetime:
    """Scans older than this are not caught up (a worker down for months sends no stale
    birthday wishes): ``PUNCHCARD_AUTOMATION_CATCH_UP_DAYS``."""
    return now - timedelta(days=get_settings().automation_catch_up_days)


@dataclass(frozen=True)
class DryRun:
    period: Period
    customers: int
    sample: list[Row[Any]]


async def dry_run(session: AsyncSession, actor: Actor, automation_id: str) -> DryRun:
    """Who the next scan (due now, or the next one ahead) would act on, as things are now:
    how many, and a sample. Nothing is recorded, issued or sent."""
    automation = await get_automation(session, actor, automation_id)
    now = utcnow()
    zone = await business_zone(session, actor.business_id)
    start = max(automation.scanned_until, catch_up_floor(now))
    period = upcoming_period(automation.kind, automation.hour, zone, start, now)
    dialect = session.get_bind().dialect.name
    found = rules.matches(automation, period, now, dialect).subquery()
    total = await session.scalar(select(func.count()).select_from(found))
    sample = await session.execute(select(found).limit(SAMPLE_SIZE))
    return DryRun(period, int(total or 0), list(sample.all()))


async def list_runs(
    session: AsyncSession,
    actor: Actor,
    automation_id: str,
    params: PageParams,
    *,
    status: str | None,
    customer_id: str | None,
) -> tuple[list[Row[Any]], str | None]:
    """The log, newest first: each run with its message's delivery (status, reason)."""
    await get_automation(session, actor, automation_id)
    query = (
        select(
            runs,
            deliveries.c.channel.label("message_channel"),
            deliveries.c.status.label("message_status"),
            deliveries.c.reason.label("message_reason"),
            deliveries.c.sent_at.label("message_sent_at"),
        )
        .outerjoin(
            deliveries,
            (deliveries.c.business_id == runs.c.business_id)
            & (deliveries.c.id == runs.c.delivery_id),
        )
        .where(runs.c.business_id == actor.business_id, runs.c.automation_id == automation_id)
    )
    if status is not None:
        query = query.where(runs.c.status == status)
    if customer_id is not None:
        query = query.where(runs.c.customer_id == customer_id)
    rows = list((await session.execute(newest_first(query, runs.c.id, params))).all())
    return to_page(rows, params, lambda row: row.id)
