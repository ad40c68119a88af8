"""Message templates: saved only when every part renders (``rendering.check``), previewed for a
real or a sample customer, and turned into the ``channels.Message`` one recipient gets."""

from dataclasses import dataclass, replace

from pydantic import ValidationError
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from punchcard.automations.models import Automation
from punchcard.businesses.models import Business
from punchcard.campaigns import recipients
from punchcard.campaigns.models import Campaign, MessageTemplate
from punchcard.campaigns.rendering import SAMPLE, Variables, render_part
from punchcard.campaigns.schemas import (
    PreviewIn,
    TemplateFields,
    TemplateIn,
    TemplatePatch,
    check_template,
)
from punchcard.channels.adapter import ChannelType, Message, ProviderTemplate
from punchcard.channels.unsubscribe import unsubscribe_url
from punchcard.kit.clock import utcnow
from punchcard.kit.db import get_owned, owned_page
from punchcard.kit.errors import Conflict, Unprocessable, not_found
from punchcard.kit.ids import new_id
from punchcard.kit.pagination import PageParams
from punchcard.staff.actor import Actor, Permission
from punchcard.wallet.i18n import language_of


@dataclass(frozen=True)
class Rendered:
    language: str
    message: Message


def _bodies(fields: TemplateFields) -> dict[str, dict[str, str]]:
    return {
        language: parts.model_dump(exclude_none=True) for language, parts in fields.bodies.items()
    }


async def create_template(
    session: AsyncSession, actor: Actor, *, data: TemplateIn
) -> MessageTemplate:
    actor.require(Permission.CAMPAIGNS_MANAGE)
    now = utcnow()
    template = MessageTemplate(
        business_id=actor.business_id,
        id=new_id("mtp"),
        name=data.name,
        channel=data.channel,
        default_language=data.default_language,
        bodies=_bodies(data),
        provider_template=data.whatsapp_template.model_dump() if data.whatsapp_template else None,
        created_at=now,
        updated_at=now,
    )
    session.add(template)
    await session.flush()
    return template


async def get_template(session: AsyncSession, actor: Actor, template_id: str) -> MessageTemplate:
    actor.require(Permission.CAMPAIGNS_MANAGE)
    return await get_owned(
        session, MessageTemplate, actor.business_id, template_id, "message_template"
    )


async def list_templates(
    session: AsyncSession, actor: Actor, params: PageParams
) -> tuple[list[MessageTemplate], str | None]:
    actor.require(Permission.CAMPAIGNS_MANAGE)
    return await owned_page(session, MessageTemplate, actor.business_id, params)


def _merged(template: MessageTemplate, data: TemplatePatch) -> TemplateFields:
    """The template's fields after the patch, checked as a whole for its channel (a new default
    language needs its body, a new body its variables)."""
    given = data.model_dump(exclude_unset=True, exclude={"name"})
    current = {
        "bodies": template.bodies,
        "default_language": template.default_language,
        "whatsapp_template": template.provider_template,
    }
    try:
        fields = TemplateFields.model_validate({**current, **given})
        check_template(template.channel, fields)  # type: ignore[arg-type]
    except (ValidationError, ValueError) as exc:
        raise Unprocessable("template_invalid", str(exc)) from None
    return fields


async def update_template(
    session: AsyncSession, actor: Actor, template_id: str, *, data: TemplatePatch
) -> MessageTemplate:
    """Campaigns render at send time: an edit reaches the messages not yet sent."""
    template = await get_template(session, actor, template_id)
    fields = _merged(template, data)
    if data.name is not None:
        template.name = data.name
    template.bodies = _bodies(fields)
    template.default_language = fields.default_language
    template.provider_template = (
        fields.whatsapp_template.model_dump() if fields.whatsapp_template else None
    )
    template.updated_at = utcnow()
    return template


async def delete_template(session: AsyncSession, actor: Actor, template_id: str) -> None:
    template = await get_template(session, actor, template_id)
    used = await session.scalar(
        select(Campaign.id)
        .where(Campaign.business_id == actor.business_id, Campaign.template_id == template_id)
        .limit(1)
    )
    if used is not None:
        raise Conflict("template_in_use", f"Campaign '{used}' uses template '{template_id}'.")
    automation = await session.scalar(
        select(Automation.id)
        .where(
            Automation.business_id == actor.business_id,
            Automation.message_template_id == template_id,
        )
        .limit(1)
    )
    if automation is not None:
        raise Conflict(
            "template_in_use", f"Automation '{automation}' uses template '{template_id}'."
        )
    await session.delete(template)


def render(
    channel: ChannelType,
    bodies: dict[str, dict[str, str]],
    default_language: str,
    provider_template: dict[str, object] | None,
    variables: Variables,
    *,
    language: str | None,
    key: str,
) -> Rendered:
    """The message in ``language`` (its base language, "de-AT" -> "de"; else the default)."""
    chosen = default_language
    if language:
        for tag in (language, language_of(language), language.split("-")[0].lower()):
            if tag in bodies:
                chosen = tag
                break
    parts = bodies[chosen]
    html = parts.get("html")
    subject = parts.get("subject")
    provider = None
    if provider_template is not None:
        parameters = provider_template.get("parameters") or []
        assert isinstance(parameters, list)
        values = [getattr(variables, name) for name in parameters]
        provider = ProviderTemplate(
            name=str(provider_template["name"]),
            language=str(provider_template["language"]),
            parameters=tuple("" if value is None else str(value) for value in values),
        )
    message = Message(
        key=key,
        text=render_part(parts["text"], variables),
        subject=render_part(subject, variables) if subject else None,
        html=render_part(html, variables, html=True) if html else None,
        template=provider,
    )
    return Rendered(chosen, message)


def render_template(
    template: MessageTemplate, variables: Variables, *, language: str | None, key: str
) -> Rendered:
    return render(
        template.channel,  # type: ignore[arg-type]
        template.bodies,
        template.default_language,
        template.provider_template,
        variables,
        language=language,
        key=key,
    )


async def preview(
    session: AsyncSession, actor: Actor, template_id: str, *, data: PreviewIn
) -> tuple[Rendered, str | None]:
    """The template as ``data.customer_id`` would get it now (their card, name, language), or
    as the sample customer would. Nothing is sent, no voucher issued: the voucher variables show
    sample values."""
    template = await get_template(session, actor, template_id)
    variables, language = SAMPLE, data.language
    if data.customer_id is not None:
        channel: ChannelType = template.channel  # type: ignore[assignment]
        found = await recipients.holders(
            session, actor.business_id, [data.customer_id], channel, None
        )
        holder = found.get(data.customer_id)
        if holder is None:
            raise not_found("customer", data.customer_id)
        business = await session.get(Business, actor.business_id)
        assert business is not None
        variables = replace(
            recipients.variables(
                business.name,
                holder,
                unsubscribe_link=unsubscribe_url(actor.business_id, holder.customer.id, channel),
            ),
            voucher_title=SAMPLE.voucher_title,
            voucher_code=SAMPLE.voucher_code,
            voucher_expires_on=SAMPLE.voucher_expires_on,
        )
        language = language or holder.customer.language
    rendered = render_template(template, variables, language=language, key=new_id("msg"))
    return rendered, data.customer_id
