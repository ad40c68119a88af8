"""Message templates, audiences and campaigns over HTTP (owners and managers:
``campaigns:manage``). Nothing here sends: the sender in the worker (and in each server
process) does, after commit."""

from dataclasses import asdict
from typing import Annotated

from fastapi import APIRouter, Path, Query

from punchcard.campaigns import audiences, service, templates
from punchcard.campaigns.models import Campaign
from punchcard.campaigns.rendering import SAMPLE, VARIABLES
from punchcard.campaigns.schemas import (
    Audience,
    AudienceCount,
    CampaignIn,
    CampaignOut,
    CampaignPatch,
    CampaignStatus,
    DeliveryOut,
    DeliveryStatus,
    PreviewIn,
    PreviewOut,
    ScheduleIn,
    TemplateIn,
    TemplateOut,
    TemplatePatch,
    VariableOut,
)
from punchcard.kit.http import Session
from punchcard.kit.openapi import problems
from punchcard.kit.pagination import Page, PageQuery
from punchcard.staff.auth import CurrentActor

router = APIRouter(tags=["Campaigns"])
Id = Annotated[str, Path(max_length=64)]
WHO = "Owners and managers (`campaigns:manage`)."
CAMPAIGN_ERRORS: dict[int | str, dict[str, str]] = {
    404: {"description": "campaign_not_found (another business's ids too)"},
    409: {"description": "campaign_status_conflict: not in a status this allows"},
}
# Changing what a campaign sends checks it again as a whole.
CHANGE_CONFLICTS = problems(
    409, "campaign_status_conflict", "campaign_not_editable", "template_archived"
)


@router.get(
    "/message-templates/variables",
    response_model=list[VariableOut],
    summary="The variables a message template may use, with sample values",
)
async def list_variables() -> object:
    """The variables a message template may use, with sample values. **Who:** Anyone; no API key
    needed. **Emits:** none.
    """
    sample = asdict(SAMPLE)
    return [
        {"name": name, "description": text, "sample": sample[name]}
        for name, text in VARIABLES.items()
    ]


@router.post(
    "/message-templates",
    operation_id="create_message_template",
    status_code=201,
    response_model=TemplateOut,
    summary="Create a message template",
)
async def create_template(data: TemplateIn, session: Session, actor: CurrentActor) -> object:
    """Create a message template. A message for one channel in one or more languages; each part is a
    Jinja template rendered in a sandbox. A variable that does not exist, a syntax error, a tag
    Telegram does not take: 422 naming the part, nothing saved. **Who:** Owners and managers
    (`campaigns:manage`). **Emits:** none.
    """
    return await templates.create_template(session, actor, data=data)


@router.get(
    "/message-templates",
    operation_id="list_message_templates",
    response_model=Page[TemplateOut],
    summary="List message templates",
)
async def list_templates(session: Session, actor: CurrentActor, page: PageQuery) -> object:
    """List message templates. **Who:** Owners and managers. **Emits:** none."""
    rows, cursor = await templates.list_templates(session, actor, page)
    return {"data": rows, "next_cursor": cursor}


@router.get(
    "/message-templates/{template_id}",
    operation_id="get_message_template",
    response_model=TemplateOut,
    summary="A message template",
)
async def get_template(template_id: Id, session: Session, actor: CurrentActor) -> object:
    """A message template. **Who:** Owners and managers. **Emits:** none."""
    return await templates.get_template(session, actor, template_id)


@router.patch(
    "/message-templates/{template_id}",
    operation_id="update_message_template",
    response_model=TemplateOut,
    summary="Rename a template or replace its bodies",
    responses={**problems(422, "template_invalid")},
)
async def update_template(
    template_id: Id, data: TemplatePatch, session: Session, actor: CurrentActor
) -> object:
    """Rename a template or replace its bodies. Checked as a whole, like a new one. Campaigns render
    when they send: messages not sent yet use the new text. **Who:** Owners and managers
    (`campaigns:manage`). **Emits:** none.
    """
    return await templates.update_template(session, actor, template_id, data=data)


@router.delete(
    "/message-templates/{template_id}",
    operation_id="delete_message_template",
    status_code=204,
    summary="Delete a template no campaign uses (409 template_in_use)",
    responses={**problems(409, "template_in_use")},
)
async def delete_template(template_id: Id, session: Session, actor: CurrentActor) -> None:
    """Delete a template no campaign uses (409 template_in_use). **Who:** Owners and managers.
    **Emits:** none.
    """
    await templates.delete_template(session, actor, template_id)


@router.post(
    "/message-templates/{template_id}/preview",
    operation_id="preview_message_template",
    response_model=PreviewOut,
    summary="Render a template for a customer, or for a sample customer",
)
async def preview_template(
    template_id: Id, data: PreviewIn, session: Session, actor: CurrentActor
) -> object:
    """Render a template for a customer, or for a sample customer. Nothing is sent and no voucher
    issued (voucher variables show sample values). **Who:** Owners and managers
    (`campaigns:manage`). **Emits:** none.
    """
    rendered, customer_id = await templates.preview(session, actor, template_id, data=data)
    message = rendered.message
    return {
        "language": rendered.language,
        "subject": message.subject,
        "text": message.text,
        "html": message.html,
        "whatsapp_parameters": list(message.template.parameters) if message.template else None,
        "customer_id": customer_id,
    }


@router.post(
    "/audiences/count",
    response_model=AudienceCount,
    summary="How many customers an audience holds now",
    responses={**problems(404, "location_not_found", "program_not_found")},
)
async def count_audience(data: Audience, session: Session, actor: CurrentActor) -> object:
    """How many customers an audience holds now. The filters a campaign's `audience` takes; all must
    hold (none: every customer). An unknown filter is a 422. One SQL query, indexed. **Who:** Owners
    and managers (`campaigns:manage`). **Emits:** none.
    """
    return {"customers": await audiences.count(session, actor, data)}


async def _out(session: Session, campaign: Campaign) -> CampaignOut:
    counts = await service.counts(session, campaign.business_id, campaign.id)
    out = CampaignOut.model_validate(campaign)
    return out.model_copy(
        update={"counts": counts, "recipients_complete": campaign.materialized_at is not None}
    )


@router.post(
    "/campaigns",
    status_code=201,
    response_model=CampaignOut,
    summary="Create a campaign (a draft, or scheduled with send_at)",
    responses={
        **problems(422, "channel_not_configured", "send_at_in_past", "template_channel_mismatch"),
        **problems(
            404,
            "location_not_found",
            "message_template_not_found",
            "program_not_found",
            "voucher_template_not_found",
        ),
        **problems(409, "template_archived"),
    },
)
async def create_campaign(data: CampaignIn, session: Session, actor: CurrentActor) -> object:
    """Create a campaign (a draft, or scheduled with send_at). A template to an audience on a set-up
    channel, optionally with a voucher for each recipient and quiet hours. 422
    `channel_not_configured`, `template_channel_mismatch`, `send_at_in_past` (each naming its
    `field`); 404 for another business's template, voucher template, program or location. When it
    finishes sending: `campaign_sent` with its counts. **Who:** Owners and managers
    (`campaigns:manage`). **Emits:** none.
    """
    return await _out(session, await service.create_campaign(session, actor, data=data))


@router.get("/campaigns", response_model=Page[CampaignOut], summary="List campaigns")
async def list_campaigns(
    session: Session,
    actor: CurrentActor,
    page: PageQuery,
    status: Annotated[CampaignStatus | None, Query()] = None,
) -> object:
    """List campaigns. **Who:** Owners and managers. **Emits:** none."""
    rows, cursor = await service.list_campaigns(session, actor, page, status)
    return {"data": rows, "next_cursor": cursor}


@router.get(
    "/campaigns/{campaign_id}",
    response_model=CampaignOut,
    summary="A campaign and its progress (deliveries by status)",
    responses=CAMPAIGN_ERRORS,
)
async def get_campaign(campaign_id: Id, session: Session, actor: CurrentActor) -> object:
    """A campaign and its progress (deliveries by status). **Who:** Owners and managers. **Emits:**
    none.
    """
    return await _out(session, await service.get_campaign(session, actor, campaign_id))


@router.patch(
    "/campaigns/{campaign_id}",
    response_model=CampaignOut,
    summary="Change a draft or scheduled campaign",
    responses={
        **problems(422, "channel_not_configured", "template_channel_mismatch"),
        **CAMPAIGN_ERRORS,
        **CHANGE_CONFLICTS,
    },
)
async def update_campaign(
    campaign_id: Id, data: CampaignPatch, session: Session, actor: CurrentActor
) -> object:
    """Change a draft or scheduled campaign. **Who:** Owners and managers. **Emits:** none."""
    campaign = await service.update_campaign(session, actor, campaign_id, data=data)
    return await _out(session, campaign)


@router.post(
    "/campaigns/{campaign_id}/schedule",
    response_model=CampaignOut,
    summary="Schedule (or reschedule) a campaign",
    responses={
        **problems(422, "channel_not_configured", "send_at_in_past", "template_channel_mismatch"),
        **CAMPAIGN_ERRORS,
        **CHANGE_CONFLICTS,
    },
)
async def schedule_campaign(
    campaign_id: Id, data: ScheduleIn, session: Session, actor: CurrentActor
) -> object:
    """Schedule (or reschedule) a campaign. `send_at` with a zone, or local in the business's time
    zone; in the past: 422 `send_at_in_past`. **Who:** Owners and managers (`campaigns:manage`).
    **Emits:** campaign_sent, from the worker once the campaign has been sent.
    """
    return await _out(session, await service.schedule(session, actor, campaign_id, data=data))


@router.post(
    "/campaigns/{campaign_id}/send",
    response_model=CampaignOut,
    summary="Send a draft or scheduled campaign now",
    responses={
        **problems(422, "channel_not_configured", "template_channel_mismatch"),
        **CAMPAIGN_ERRORS,
        **CHANGE_CONFLICTS,
    },
)
async def send_campaign(campaign_id: Id, session: Session, actor: CurrentActor) -> object:
    """Send a draft or scheduled campaign now. The worker starts it within a poll interval; quiet
    hours still hold. **Who:** Owners and managers (`campaigns:manage`). **Emits:** campaign_sent,
    from the worker once every message is handled.
    """
    return await _out(session, await service.send_now(session, actor, campaign_id))


@router.post(
    "/campaigns/{campaign_id}/cancel",
    response_model=CampaignOut,
    summary="Cancel a campaign: deliveries not sent yet are skipped (campaign_cancelled)",
    responses=CAMPAIGN_ERRORS,
)
async def cancel_campaign(campaign_id: Id, session: Session, actor: CurrentActor) -> object:
    """Cancel a campaign: deliveries not sent yet are skipped (campaign_cancelled). **Who:** Owners
    and managers. **Emits:** none.
    """
    return await _out(session, await service.cancel(session, actor, campaign_id))


@router.post(
    "/campaigns/{campaign_id}/resume",
    response_model=CampaignOut,
    summary="Resume a campaign paused because its voucher code pool ran dry",
    responses=CAMPAIGN_ERRORS,
)
async def resume_campaign(campaign_id: Id, session: Session, actor: CurrentActor) -> object:
    """Resume a campaign paused because its voucher code pool ran dry. Add codes to the pool first;
    the remaining recipients then get theirs. **Who:** Owners and managers. **Emits:**
    campaign_sent, from the worker once every message is handled.
    """
    return await _out(session, await service.resume(session, actor, campaign_id))


@router.get(
    "/campaigns/{campaign_id}/deliveries",
    response_model=Page[DeliveryOut],
    summary="A campaign's deliveries: one per recipient, with status, reason and attempts",
    responses=CAMPAIGN_ERRORS,
)
async def list_deliveries(
    campaign_id: Id,
    session: Session,
    actor: CurrentActor,
    page: PageQuery,
    status: Annotated[DeliveryStatus | None, Query()] = None,
    reason: Annotated[str | None, Query(max_length=40)] = None,
    customer_id: Annotated[str | None, Query(max_length=64)] = None,
) -> object:
    """A campaign's deliveries: one per recipient, with status, reason and attempts. **Who:** Owners
    and managers. **Emits:** none.
    """
    rows, cursor = await service.list_deliveries(
        session, actor, campaign_id, page, status=status, reason=reason, customer_id=customer_id
    )
    return {"data": rows, "next_cursor": cursor}
