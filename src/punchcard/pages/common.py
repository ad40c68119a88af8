"""What every public page route shares: who is visiting (their language and address), the card
a web-card link names, the forms' CSRF protection, and the friendly 404."""

from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Header, Query, Request
from fastapi.responses import HTMLResponse
from sqlalchemy.ext.asyncio import AsyncSession

from punchcard.config import get_settings
from punchcard.kit.csrf import Csrf
from punchcard.kit.ratelimit import RateLimited, address_of
from punchcard.pages.language import page_language
from punchcard.pages.templating import message_page
from punchcard.wallet import web_link
from punchcard.wallet.view import Design

NEUTRAL = Design(organization_name="Punchcard")  # for links that lead to nothing we know
NO_STORE = {"Cache-Control": "private, no-store"}


@dataclass(frozen=True)
class Visitor:
    lang: str | None  # ?lang=
    accept_language: str | None
    address: str  # the client address (IPv6: its /64), for rate limits

    def language(self, fallback: str | None = None) -> str:
        return page_language(self.lang, self.accept_language, fallback)

    def not_found(self, message_key: str) -> HTMLResponse:
        return message_page(self.language(), NEUTRAL, "not_found_title", message_key, 404)

    def too_many(self, refused: RateLimited, design: Design = NEUTRAL) -> HTMLResponse:
        page = message_page(self.language(), design, "too_many_title", "too_many", 429)
        page.headers.update(refused.headers)
        return page


async def _visitor(
    request: Request,
    lang: Annotated[str | None, Query(max_length=16)] = None,
    accept_language: Annotated[str | None, Header(max_length=1000)] = None,
) -> Visitor:
    client = request.client
    return Visitor(lang, accept_language, address_of(client.host if client else None))


@dataclass(frozen=True)
class CardLink:
    """``/c/{business_id}/{card_id}/{token}``: the token stands in for a login."""

    business_id: str
    card_id: str
    token: str

    async def valid(self, session: AsyncSession) -> bool:
        """Whether the card exists and the token is its current link's."""
        exists, nonce = await web_link.nonce_of(session, self.business_id, self.card_id)
        return exists and web_link.matches(self.card_id, nonce, self.token)


def card_form_scope(card_id: str) -> str:
    """The CSRF scope of the web card's forms (new link, lottery play). Not the path: it holds
    the token, which a rotation changes."""
    return f"web-card-forms:{card_id}"


async def _card_link(business_id: str, card_id: str, token: str) -> CardLink:
    return CardLink(business_id, card_id, token)


async def _csrf() -> Csrf:
    return Csrf(get_settings().public_url)


# Async dependencies: sync ones would hop to the threadpool on every request.
Visiting = Annotated[Visitor, Depends(_visitor)]
WebCardLink = Annotated[CardLink, Depends(_card_link)]
FormGuard = Annotated[Csrf, Depends(_csrf)]
