"""Campaigns: drafted, scheduled (in the business's time zone), sent now, cancelled, resumed;
their progress (deliveries by status) and deliveries. The sending itself is ``sending.py``'s,
run by the worker (``tasks.CampaignSender``)."""

from datetime import UTC, datetime, time
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from punchcard.businesses.models import Business
from punchcard.campaigns import audiences
from punchcard.campaigns.models import Campaign, Delivery, MessageTemplate
from punchcard.campaigns.schemas import (
    Audience,
    CampaignIn,
    CampaignPatch,
    QuietHours,
    ScheduleIn,
)
from punchcard.channels.service import find_channel
from punchcard.db.base import table_of
from punchcard.kit.clock import utcnow
from punchcard.kit.db import get_owned, owned_page
from punchcard.kit.errors import Conflict, Unprocessable, not_found
from punchcard.kit.ids import new_id
from punchcard.kit.pagination import PageParams, newest_first, to_page
from punchcard.staff.actor import Actor, Permission
from punchcard.vouchers.models import VoucherTemplate

deliveries = table_of(Delivery)
EDITABLE = ("draft", "scheduled")
STATUSES = ("queued", "sending", "sent", "failed", "skipped")


def _field_error(field: str, code: str, detail: str) -> Unprocessable:
    return Unprocessable(code, detail, field=field)


async def business_zone(session: AsyncSession, business_id: str) -> ZoneInfo:
    business = await session.get(Business, business_id)
    return ZoneInfo(business.timezone if business is not None else "UTC")


def in_business_time(value: datetime, zone: ZoneInfo) -> datetime:
    """A time with a zone as it is; a local one in the business's zone."""
    return value if value.tzinfo is not None else value.replace(tzinfo=zone)


async def _send_at(session: AsyncSession, business_id: str, value: datetime) -> datetime:
    when = in_business_time(value, await business_zone(session, business_id))
    if when <= utcnow():
        raise _field_error(
            "send_at", "send_at_in_past", f"send_at {when.isoformat()} is not in the future."
        )
    return when.astimezone(UTC)


def quiet_now(quiet: dict[str, str] | None, zone: ZoneInfo, now: datetime) -> bool:
    """Whether ``now`` falls in the quiet hours (which may span midnight)."""
    if not quiet:
        return False
    start, end = time.fromisoformat(quiet["start"]), time.fromisoformat(quiet["end"])
    local = now.astimezone(zone).time()
    return start <= local < end if start < end else (local >= start or local < end)


async def _check_parts(
    session: AsyncSession,
    business_id: str,
    channel: str,
    template_id: str | None,
    voucher_template_id: str | None,
    audience: Audience | None,
) -> None:
    """The channel is set up, the template is the channel's, the voucher template can issue,
    the audience's program and location exist: each a 4xx naming the field."""
    if await find_channel(session, business_id, channel) is None:  # type: ignore[arg-type]
        raise _field_error(
            "channel",
            "channel_not_configured",
            f"The business has not set up {channel}: PUT /v1/channels/{channel} first.",
        )
    if template_id is not None:
        template = await session.get(MessageTemplate, (business_id, template_id))
        if template is None:
            raise not_found("message_template", template_id)
        if template.channel != channel:
            raise _field_error(
                "template_id",
                "template_channel_mismatch",
                f"Template '{template_id}' is for {template.channel}, the campaign for {channel}.",
            )
    if voucher_template_id is not None:
        voucher = await session.get(VoucherTemplate, (business_id, voucher_template_id))
        if voucher is None:
            raise not_found("voucher_template", voucher_template_id)
        if voucher.archived_at is not None:
            raise Conflict("template_archived", f"Template '{voucher_template_id}' is archived.")
    if audience is not None:
        await audiences.check_references(session, business_id, audience)


def _quiet(value: QuietHours | None) -> dict[str, str] | None:
    if value is None:
        return None
    return {"start": value.start.isoformat("minutes"), "end": value.end.isoformat("minutes")}


async def create_campaign(session: AsyncSession, actor: Actor, *, data: CampaignIn) -> Campaign:
    actor.require(Permission.CAMPAIGNS_MANAGE)
    await _check_parts(
        session,
        actor.business_id,
        data.channel,
        data.template_id,
        data.voucher_template_id,
        data.audience,
    )
    send_at = None
    if data.send_at is not None:
        send_at = await _send_at(session, actor.business_id, data.send_at)
    now = utcnow()
    campaign = Campaign(
        business_id=actor.business_id,
        id=new_id("cmp"),
        name=data.name,
        channel=data.channel,
        template_id=data.template_id,
        audience=data.audience.model_dump(mode="json", exclude_none=True),
        voucher_template_id=data.voucher_template_id,
        status="scheduled" if send_at else "draft",
        send_at=send_at,
        quiet_hours=_quiet(data.quiet_hours),
        created_at=now,
        updated_at=now,
    )
    session.add(campaign)
    await session.flush()
    return campaign


async def get_campaign(session: AsyncSession, actor: Actor, campaign_id: str) -> Campaign:
    actor.require(Permission.CAMPAIGNS_MANAGE)
    return await get_owned(session, Campaign, actor.business_id, campaign_id, "campaign")


async def list_campaigns(
    session: AsyncSession, actor: Actor, params: PageParams, status: str | None
) -> tuple[list[Campaign], str | None]:
    actor.require(Permission.CAMPAIGNS_MANAGE)
    where = [Campaign.status == status] if status else []
    return await owned_page(session, Campaign, actor.business_id, params, *where)


def _editable(campaign: Campaign) -> None:
    if campaign.status not in EDITABLE:
        raise Conflict(
            "campaign_not_editable",
            f"Campaign '{campaign.id}' is {campaign.status}: only drafts and scheduled "
            "campaigns change.",
            status=campaign.status,
        )


async def update_campaign(
    session: AsyncSession, actor: Actor, campaign_id: str, *, data: CampaignPatch
) -> Campaign:
    actor.require(Permission.CAMPAIGNS_MANAGE)
    campaign = await get_campaign(session, actor, campaign_id)
    _editable(campaign)
    given = data.model_fields_set
    await _check_parts(
        session,
        actor.business_id,
        campaign.channel,
        data.template_id,
        data.voucher_template_id,
        data.audience,
    )
    if data.name is not None:
        campaign.name = data.name
    if data.template_id is not None:
        campaign.template_id = data.template_id
    if data.audience is not None:
        campaign.audience = data.audience.model_dump(mode="json", exclude_none=True)
    if "voucher_template_id" in given:
        campaign.voucher_template_id = data.voucher_template_id
    if "quiet_hours" in given:
        campaign.quiet_hours = _quiet(data.quiet_hours)
    campaign.updated_at = utcnow()
    return campaign


async def _move(
    session: AsyncSession,
    actor: Actor,
    campaign_id: str,
    allowed: tuple[str, ...],
    **values: Any,
) -> Campaign:
    """One conditional UPDATE: the campaign moves only from an ``allowed`` status, however many
    requests (and the sender) race for it."""
    actor.require(Permission.CAMPAIGNS_MANAGE)
    campaign = await get_campaign(session, actor, campaign_id)
    moved = await session.execute(
        update(Campaign)
        .where(
            Campaign.business_id == actor.business_id,
            Campaign.id == campaign_id,
            Campaign.status.in_(allowed),
        )
        .values(updated_at=utcnow(), **values)
        .returning(Campaign.id)
        .execution_options(synchronize_session=False)
    )
    if moved.first() is None:
        await session.refresh(campaign)
        raise Conflict(
            "campaign_status_conflict",
            f"Campaign '{campaign_id}' is {campaign.status}; this needs {' or '.join(allowed)}.",
            status=campaign.status,
        )
    await session.refresh(campaign)
    return campaign


async def schedule(
    session: AsyncSession, actor: Actor, campaign_id: str, *, data: ScheduleIn
) -> Campaign:
    send_at = await _send_at(session, actor.business_id, data.send_at)
    await _recheck(session, actor, campaign_id)
    return await _move(session, actor, campaign_id, EDITABLE, status="scheduled", send_at=send_at)


async def send_now(session: AsyncSession, actor: Actor, campaign_id: str) -> Campaign:
    """Due at once: the next sender pass starts it (quiet hours still hold)."""
    await _recheck(session, actor, campaign_id)
    return await _move(session, actor, campaign_id, EDITABLE, status="scheduled", send_at=utcnow())


async def _recheck(session: AsyncSession, actor: Actor, campaign_id: str) -> None:
    """What was true of a draft may not be any more (the channel removed, say)."""
    campaign = await get_campaign(session, actor, campaign_id)
    await _check_parts(
        session, actor.business_id, campaign.channel, None, campaign.voucher_template_id, None
    )


async def cancel(session: AsyncSession, actor: Actor, campaign_id: str) -> Campaign:
    """Stop: deliveries not yet sent are skipped (``campaign_cancelled``); one being sent right
    now still finishes."""
    campaign = await _move(
        session,
        actor,
        campaign_id,
        ("draft", "scheduled", "sending", "paused"),
        status="cancelled",
        finished_at=utcnow(),
    )
    await session.execute(
        update(deliveries)
        .where(
            deliveries.c.business_id == actor.business_id,
            deliveries.c.campaign_id == campaign_id,
            deliveries.c.status == "queued",
        )
        .values(status="skipped", reason="campaign_cancelled")
    )
    return campaign


async def resume(session: AsyncSession, actor: Actor, campaign_id: str) -> Campaign:
    """A campaign paused for an empty code pool goes on (import or generate codes first)."""
    return await _move(
        session, actor, campaign_id, ("paused",), status="sending", paused_reason=None
    )


async def counts(session: AsyncSession, business_id: str, campaign_id: str) -> dict[str, int]:
    rows = await session.execute(
        select(deliveries.c.status, func.count())
        .where(deliveries.c.business_id == business_id, deliveries.c.campaign_id == campaign_id)
        .group_by(deliveries.c.status)
    )
    found = {status: int(n) for status, n in rows}
    return {status: found.get(status, 0) for status in STATUSES}


async def reasons(session: AsyncSession, business_id: str, campaign_id: str) -> dict[str, int]:
    """Failed and skipped deliveries by reason."""
    rows = await session.execute(
        select(deliveries.c.reason, func.count())
        .where(
            deliveries.c.business_id == business_id,
            deliveries.c.campaign_id == campaign_id,
            deliveries.c.reason.is_not(None),
        )
        .group_by(deliveries.c.reason)
    )
    return {str(reason): int(n) for reason, n in rows}


async def list_deliveries(
    session: AsyncSession,
    actor: Actor,
    campaign_id: str,
    params: PageParams,
    *,
    status: str | None,
    reason: str | None,
    customer_id: str | None,
) -> tuple[list[Delivery], str | None]:
    await get_campaign(session, actor, campaign_id)
    query = select(Delivery).where(
        Delivery.business_id == actor.business_id, Delivery.campaign_id == campaign_id
    )
    for column, value in (
        (Delivery.status, status),
        (Delivery.reason, reason),
        (Delivery.customer_id, customer_id),
    ):
        if value is not None:
            query = query.where(column == value)
    rows = list((await session.scalars(newest_first(query, Delivery.id, params))).all())
    return to_page(rows, params, lambda row: row.id)


async def campaign_with_counts(
    session: AsyncSession, actor: Actor, campaign_id: str
) -> tuple[Campaign, dict[str, int]]:
    campaign = await get_campaign(session, actor, campaign_id)
    return campaign, await counts(session, actor.business_id, campaign_id)
