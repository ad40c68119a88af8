"""Message templates, the words a campaign sends: the list, and a new one in one language
(the API takes more languages and a WhatsApp provider template)."""

from typing import Any

from fastapi.responses import RedirectResponse, Response
from pydantic import ValidationError
from sqlalchemy.ext.asyncio import AsyncSession

from punchcard.campaigns import templates
from punchcard.campaigns.schemas import TemplateIn
from punchcard.channels.adapter import CHANNEL_TYPES
from punchcard.dashboard.access import StaffView, posted_form
from punchcard.dashboard.campaigns.form_input import typed
from punchcard.dashboard.campaigns.text import TEXT
from punchcard.dashboard.forms import parse
from punchcard.dashboard.listing import page_of
from punchcard.dashboard.rendering import View
from punchcard.dashboard.routing import dashboard_router
from punchcard.dashboard.saving import saved
from punchcard.kit.http import Session
from punchcard.kit.schemas import FROM_TEXT

router = dashboard_router()
MESSAGES = "/dashboard/campaigns/messages"
FIELDS = ("name", "channel", "language", "subject", "text")


def _input(values: dict[str, str]) -> dict[str, Any]:
    body = {"subject": values["subject"], "text": values["text"]}
    return {
        "name": values["name"],
        "channel": values["channel"],
        "default_language": values["language"],
        "bodies": {values["language"]: {k: v for k, v in body.items() if v}},
    }


def _checked(given: dict[str, Any]) -> tuple[TemplateIn | None, dict[str, str]]:
    """As ``parse``, but a template the renderer refuses (an unknown variable, a broken tag)
    says why at the text: the owner has to know which part to fix."""
    data, errors = parse(TemplateIn, given)
    if errors.get("form"):
        try:
            TemplateIn.model_validate(given, context={FROM_TEXT: True})
        except ValidationError as error:
            message = str(error.errors()[0]["msg"]).removeprefix("Value error, ")
            where, _, why = message.partition(": ")
            errors = {_field(where): why} if where.startswith("bodies.") else {"text": message}
    return data, errors


def _field(key: str) -> str:
    """A body's error (``bodies`` or ``bodies.en.subject``) shows at its field, the text's by
    default; other keys are the form's own fields, or the whole form's."""
    last = key.rsplit(".", 1)[-1]
    if key.startswith("bodies"):
        return "subject" if last == "subject" else "text"
    if key == "default_language":
        return "language"
    return key if key in FIELDS else "form"


async def _page(
    view: View, session: AsyncSession, values: dict[str, str], errors: dict[str, str]
) -> Response:
    assert view.signed is not None
    found, more = await templates.list_templates(session, view.signed.actor, page_of(view.request))
    return view.render(
        "campaigns/messages.html",
        TEXT,
        templates=found,
        more=more,
        channels=CHANNEL_TYPES,
        values=values,
        errors={_field(key): text for key, text in errors.items()},
    )


@router.get(MESSAGES)
async def message_templates(view: StaffView, session: Session) -> Response:
    values = {"channel": "email", "language": view.language}
    return await _page(view, session, values, {})


@router.post(MESSAGES)
async def add_message_template(view: StaffView, session: Session) -> Response:
    assert view.signed is not None
    values = typed(await posted_form(view), FIELDS)
    data, errors = _checked(_input(values))
    if data is not None:
        made, errors = await saved(
            session, templates.create_template(session, view.signed.actor, data=data)
        )
        if made is not None:
            return RedirectResponse(f"{MESSAGES}?done=created", status_code=303)
    return await _page(view, session, values, errors)
