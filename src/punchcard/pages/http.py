"""Public routes: the join page (GET shows the form, POST joins) and the web card."""

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from punchcard.channels.pages import card_buttons
from punchcard.kit.clock import utcnow
from punchcard.kit.errors import Conflict, NotFound
from punchcard.kit.http import AppSettings, Session
from punchcard.pages import form as join_form
from punchcard.pages.card import card_context, open_web_card
from punchcard.pages.common import Visiting, WebCardLink
from punchcard.pages.join import JoinPage, join, open_program
from punchcard.pages.links import card_path
from punchcard.pages.templating import message_page, page
from punchcard.pages.wallets import apple_ready, google_ready

router = APIRouter(include_in_schema=False)
NO_STORE = {"Cache-Control": "private, no-store"}


def _join_form(
    program: JoinPage,
    language: str,
    values: dict[str, str] | None = None,
    errors: dict[str, str] | None = None,
) -> HTMLResponse:
    return page(
        "join.html",
        language=language,
        design=program.design,
        status_code=422 if errors else 200,
        title=program.program_name,
        program_name=program.program_name,
        rewards=program.rewards,
        values=values or {},
        errors=errors or {},
        max_lengths=join_form.MAX_LENGTHS,
    )


@router.get("/join/{business_id}/{program_id}", response_class=HTMLResponse)
async def join_page(
    business_id: str, program_id: str, session: Session, visitor: Visiting
) -> Response:
    try:
        program = await open_program(session, business_id, program_id)
    except NotFound:
        return visitor.not_found("not_found_join")
    return _join_form(program, visitor.language())


@router.post("/join/{business_id}/{program_id}", response_class=HTMLResponse)
async def submit_join(
    business_id: str, program_id: str, request: Request, session: Session, visitor: Visiting
) -> Response:
    """Valid details: 303 to the web card. Invalid: the form again (422), values kept."""
    try:
        program = await open_program(session, business_id, program_id)
    except NotFound:
        return visitor.not_found("not_found_join")
    language = visitor.language()
    values = await join_form.read_form(request)
    details, errors = join_form.validate(values)
    if details is None:
        return _join_form(program, language, values, errors)
    try:
        joined = await join(session, business_id, program_id, details, language)
    except Conflict as exc:  # the email is one member's, the phone another's
        field = str(exc.extra.get("field", "email"))
        return _join_form(program, language, values, {field: "error_taken"})
    if not joined.may_show_card:
        return message_page(language, program.design, "already_member_title", "already_member", 200)
    return RedirectResponse(card_path(business_id, joined.card_id), status_code=303)


@router.get("/c/{business_id}/{card_id}/{token}", response_class=HTMLResponse)
async def web_card(
    link: WebCardLink, session: Session, settings: AppSettings, visitor: Visiting
) -> Response:
    """The card as a page: the fallback for phones without a wallet app."""
    now = utcnow()
    try:
        view = await open_web_card(session, link, now)
    except NotFound:
        return visitor.not_found("not_found_card")
    language = visitor.language(fallback=view.language)
    here = card_path(link.business_id, link.card_id)
    apple = await apple_ready(session, settings, link.business_id)
    return page(
        "card.html",
        language=language,
        design=view.design,
        headers=NO_STORE,
        apple_url=f"{here}/pass.pkpass" if apple else None,
        google_url=f"{here}/google" if google_ready() else None,
        channel_buttons=await card_buttons(
            session, link.business_id, link.card_id, view.customer_id
        ),
        **card_context(view, language, now),
    )
