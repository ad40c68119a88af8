"""The web card's lottery: a button per ticket (a plain form, no JavaScript), and the latest
result. Playing answers 303 back to the card (Post/Redirect/Get), so reloading the result
never plays again. The card's secret link is the customer's credential here, as it is for
the card itself, and the form carries the web card's CSRF token (kit.csrf) like its other
forms."""

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Request
from fastapi.responses import RedirectResponse, Response

from punchcard.db.engine import Database
from punchcard.kit.csrf import FIELD as CSRF_FIELD
from punchcard.kit.csrf import CsrfRefused
from punchcard.kit.errors import Conflict, NotFound
from punchcard.kit.http import database
from punchcard.lotteries import service as lotteries
from punchcard.lotteries.schemas import ID_PATTERN
from punchcard.pages.common import (
    NEUTRAL,
    NO_STORE,
    FormGuard,
    Visiting,
    WebCardLink,
    card_form_scope,
)
from punchcard.pages.form import read_form
from punchcard.pages.templating import message_page
from punchcard.staff.actor import Actor
from punchcard.wallet import web_link
from punchcard.wallet.i18n import lottery_result
from punchcard.wallet.view import PassView

router = APIRouter(include_in_schema=False)


def lottery_context(view: PassView, language: str) -> dict[str, Any]:
    """What ``lottery.html`` shows on the web card."""
    draw = view.last_draw
    return {
        "tickets": view.tickets,
        "result": (
            {
                "title": draw.lottery_title,
                "text": lottery_result(language, draw.won, draw.variant_title),
            }
            if draw
            else None
        ),
        "play_path": web_link.path(view.business_id, view.card_id, view.web_link_nonce)
        + "/lottery",
    }


@router.post("/c/{business_id}/{card_id}/{token}/lottery/{ticket_id}/play")
async def play_on_web_card(
    link: WebCardLink,
    ticket_id: Annotated[str, Path(max_length=64, pattern=ID_PATTERN)],
    request: Request,
    db: Annotated[Database, Depends(database)],
    visitor: Visiting,
    csrf: FormGuard,
) -> Response:
    try:
        # Its own transaction: a refused play rolls back whole before the redirect.
        async with db.transaction() as session:
            if not await link.valid(session):
                return visitor.not_found("not_found_card")
            fields = await read_form(request, (CSRF_FIELD,))
            csrf.check(request, fields, card_form_scope(link.card_id))
            actor = Actor.system(link.business_id)
            await lotteries.play(
                session, actor, ticket_id=ticket_id, via="web_card", card_id=link.card_id
            )
    except CsrfRefused:
        return message_page(visitor.language(), NEUTRAL, "form_expired_title", "form_expired", 403)
    except NotFound:
        return visitor.not_found("not_found_card")
    except Conflict:
        pass  # played already (a second tap) or sold out for now: the card shows which
    card = request.url.path.rsplit("/lottery/", 1)[0]
    return RedirectResponse(card, status_code=303, headers=NO_STORE)
