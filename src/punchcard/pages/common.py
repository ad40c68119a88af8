"""What every public page route shares: who is visiting (their language), the card a web-card
link names, and the friendly 404."""

from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Header, Query
from fastapi.responses import HTMLResponse

from punchcard.kit.crypto import token_matches
from punchcard.pages.language import page_language
from punchcard.pages.links import WEB_CARD
from punchcard.pages.templating import message_page
from punchcard.wallet.view import Design

NEUTRAL = Design(organization_name="Punchcard")  # for links that lead to nothing we know


@dataclass(frozen=True)
class Visitor:
    lang: str | None  # ?lang=
    accept_language: str | None

    def language(self, fallback: str | None = None) -> str:
        return page_language(self.lang, self.accept_language, fallback)

    def not_found(self, message_key: str) -> HTMLResponse:
        return message_page(self.language(), NEUTRAL, "not_found_title", message_key, 404)


async def _visitor(
    lang: Annotated[str | None, Query(max_length=16)] = None,
    accept_language: Annotated[str | None, Header(max_length=1000)] = None,
) -> Visitor:
    return Visitor(lang, accept_language)


@dataclass(frozen=True)
class CardLink:
    """``/c/{business_id}/{card_id}/{token}``: the token stands in for a login."""

    business_id: str
    card_id: str
    valid: bool  # the token is the card's


async def _card_link(business_id: str, card_id: str, token: str) -> CardLink:
    return CardLink(business_id, card_id, token_matches(WEB_CARD, card_id, token))


# Async dependencies: sync ones would hop to the threadpool on every request.
Visiting = Annotated[Visitor, Depends(_visitor)]
WebCardLink = Annotated[CardLink, Depends(_card_link)]
