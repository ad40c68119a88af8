"""Campaigns: the list with each one's progress, create and edit (with the audience counted
as it stands), send now, schedule, cancel, resume, and a preview for a real customer."""

from typing import Any

from fastapi.responses import RedirectResponse, Response
from sqlalchemy.ext.asyncio import AsyncSession

from punchcard.campaigns import audiences, service, templates
from punchcard.campaigns.models import Campaign
from punchcard.campaigns.schemas import Audience, CampaignIn, CampaignPatch, PreviewIn, ScheduleIn
from punchcard.channels.adapter import CHANNEL_TYPES
from punchcard.dashboard.access import StaffView, posted_form
from punchcard.dashboard.campaigns.form_input import (
    CAMPAIGN_FIELDS,
    audience_values,
    campaign_input,
    typed,
    unshown_filters,
)
from punchcard.dashboard.campaigns.text import TEXT
from punchcard.dashboard.forms import parse
from punchcard.dashboard.listing import page_of
from punchcard.dashboard.rendering import View
from punchcard.dashboard.routing import dashboard_router
from punchcard.dashboard.saving import at_fields, saved
from punchcard.kit.errors import NotFound, ProblemError
from punchcard.kit.http import Session
from punchcard.kit.pagination import PageParams
from punchcard.programs import service as programs
from punchcard.vouchers import service as vouchers

router = dashboard_router()
CAMPAIGNS = "/dashboard/campaigns"
EVERY = PageParams(limit=100, cursor=None)
EDITABLE = ("draft", "scheduled")
FIELDS = ("name", "channel", "template_id", "voucher_template_id", "audience", "send_at")


@router.get(CAMPAIGNS)
async def campaigns(view: StaffView, session: Session) -> Response:
    assert view.signed is not None
    actor = view.signed.actor
    found, more = await service.list_campaigns(session, actor, page_of(view.request), None)
    progress = {c.id: await service.counts(session, actor.business_id, c.id) for c in found}
    return view.render("campaigns/list.html", TEXT, campaigns=found, progress=progress, more=more)


async def form_choices(session: AsyncSession, view: View) -> dict[str, Any]:
    assert view.signed is not None
    actor = view.signed.actor
    messages, _ = await templates.list_templates(session, actor, EVERY)
    rewards, _ = await vouchers.list_templates(session, actor, EVERY, include_archived=False)
    cards, _ = await programs.list_programs(session, actor, EVERY, status="active")
    return {"messages": messages, "rewards": rewards, "programs": cards, "channels": CHANNEL_TYPES}


async def _count(session: AsyncSession, view: View, audience: dict[str, Any]) -> int | None:
    """The audience's size now, or None while its filters are not valid yet."""
    assert view.signed is not None
    checked, _ = parse(Audience, audience)
    if checked is None:
        return None
    try:
        async with session.begin_nested():
            return await audiences.count(session, view.signed.actor, checked)
    except ProblemError:
        return None


async def _form(
    view: View,
    session: AsyncSession,
    *,
    campaign: Campaign | None,
    values: dict[str, str],
    errors: dict[str, str],
    status_code: int | None = None,
) -> Response:
    audience = campaign_input(values, view.timezone)["audience"]
    return view.render(
        "campaigns/campaign.html",
        TEXT,
        status_code=status_code,
        campaign=campaign,
        values=values,
        errors=at_fields(errors, FIELDS),
        audience_count=await _count(session, view, audience),
        **await form_choices(session, view),
    )


@router.get(CAMPAIGNS + "/new")
async def new_campaign(view: StaffView, session: Session) -> Response:
    values = {name: "" for name in CAMPAIGN_FIELDS} | {"channel": "email"}
    return await _form(view, session, campaign=None, values=values, errors={})


@router.post(CAMPAIGNS + "/new")
async def create_campaign(view: StaffView, session: Session) -> Response:
    """ "Count" shows the form again with the audience counted; "Save" makes a draft."""
    assert view.signed is not None
    form = await posted_form(view)
    values = typed(form, CAMPAIGN_FIELDS)
    if form.get("intent") == "count":
        return await _form(view, session, campaign=None, values=values, errors={})
    data, errors = parse(CampaignIn, campaign_input(values, view.timezone))
    if data is not None:
        made, errors = await saved(
            session, service.create_campaign(session, view.signed.actor, data=data)
        )
        if made is not None:
            return RedirectResponse(f"{CAMPAIGNS}/{made.id}?done=created", status_code=303)
    return await _form(view, session, campaign=None, values=values, errors=errors)


async def _campaign_page(
    view: View, session: AsyncSession, campaign: Campaign, errors: dict[str, str] | None = None
) -> Response:
    """Its progress, its actions, its preview, and (while it may change) its form."""
    assert view.signed is not None
    actor = view.signed.actor
    preview, preview_error = None, None
    wanted = view.request.query_params.get("customer", "").strip()[:64]
    if "customer" in view.request.query_params:
        data = PreviewIn(customer_id=wanted or None)
        try:
            async with session.begin_nested():
                preview, _ = await templates.preview(
                    session, actor, campaign.template_id, data=data
                )
        except ProblemError as error:
            preview_error = error.detail
    values = {
        "name": campaign.name,
        "channel": campaign.channel,
        "template_id": campaign.template_id,
        "voucher_template_id": campaign.voucher_template_id or "",
        **audience_values(campaign.audience, view.timezone),
    }
    counts = await service.counts(session, actor.business_id, campaign.id)
    return view.render(
        "campaigns/detail.html",
        TEXT,
        campaign=campaign,
        counts=counts,
        total=sum(counts.values()),
        done=sum(counts[s] for s in ("sent", "failed", "skipped")),
        editable=campaign.status in EDITABLE,
        values=values,
        unshown=unshown_filters(campaign.audience),
        errors=at_fields(errors or {}, FIELDS),
        audience_count=await _count(session, view, campaign.audience),
        preview=preview.message if preview else None,
        preview_language=preview.language if preview else None,
        preview_error=preview_error,
        customer=wanted,
        notice=view.request.query_params.get("done"),
        **await form_choices(session, view),
    )


@router.get(CAMPAIGNS + "/{campaign_id}")
async def campaign_page(campaign_id: str, view: StaffView, session: Session) -> Response:
    assert view.signed is not None
    campaign = await service.get_campaign(session, view.signed.actor, campaign_id)
    return await _campaign_page(view, session, campaign)


@router.post(CAMPAIGNS + "/{campaign_id}")
async def change_campaign(campaign_id: str, view: StaffView, session: Session) -> Response:
    assert view.signed is not None
    actor = view.signed.actor
    form = await posted_form(view)
    campaign = await service.get_campaign(session, actor, campaign_id)
    given = campaign_input(typed(form, CAMPAIGN_FIELDS), view.timezone)
    given.pop("channel")  # fixed once made: its template's channel
    given["audience"] = {**unshown_filters(campaign.audience), **given["audience"]}
    data, errors = parse(CampaignPatch, given)
    if data is not None:
        if not given["voucher_template_id"]:
            data = data.model_copy(update={"voucher_template_id": None})
        done, errors = await saved(
            session, service.update_campaign(session, actor, campaign_id, data=data)
        )
        if done is not None:
            return RedirectResponse(f"{CAMPAIGNS}/{campaign_id}?done=saved", status_code=303)
        await session.refresh(campaign)
    return await _campaign_page(view, session, campaign, errors)


@router.post(CAMPAIGNS + "/{campaign_id}/{action}")
async def act(campaign_id: str, action: str, view: StaffView, session: Session) -> Response:
    """Send now, schedule (a local time), cancel or resume: the API's own transitions."""
    assert view.signed is not None
    actor = view.signed.actor
    form = await posted_form(view)
    if action == "schedule":
        data, errors = parse(ScheduleIn, {"send_at": str(form.get("send_at", ""))})
        if data is None:
            campaign = await service.get_campaign(session, actor, campaign_id)
            return await _campaign_page(view, session, campaign, {"send_at": errors["send_at"]})
        try:
            async with session.begin_nested():
                await service.schedule(session, actor, campaign_id, data=data)
        except ProblemError as error:
            campaign = await service.get_campaign(session, actor, campaign_id)
            return await _campaign_page(view, session, campaign, {"send_at": error.detail})
    elif action == "send":
        await service.send_now(session, actor, campaign_id)
    elif action == "cancel":
        await service.cancel(session, actor, campaign_id)
    elif action == "resume":
        await service.resume(session, actor, campaign_id)
    else:
        raise NotFound("action_not_found", f"No action '{action}' on a campaign.")
    return RedirectResponse(f"{CAMPAIGNS}/{campaign_id}?done={action}", status_code=303)
