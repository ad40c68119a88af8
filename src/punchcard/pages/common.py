"""What every public page route shares: language parameters and the friendly 404."""

from typing import Annotated

from fastapi import Header, Query
from fastapi.responses import HTMLResponse

from punchcard.pages.language import page_language
from punchcard.pages.templating import message_page
from punchcard.wallet.view import Design

Lang = Annotated[str | None, Query(max_length=16)]
AcceptLanguage = Annotated[str | None, Header(max_length=1000)]
NEUTRAL = Design(organization_name="Punchcard")  # for links that lead to nothing we know


def not_found(lang: str | None, accept_language: str | None, message_key: str) -> HTMLResponse:
    language = page_language(lang, accept_language)
    return message_page(language, NEUTRAL, "not_found_title", message_key, 404)
