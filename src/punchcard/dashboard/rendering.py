"""Dashboard HTML: one Jinja2 environment for every area (templates/<area>/...), the layout's
helpers (words, CSRF fields, local times, numbers) and the language a visitor reads."""

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from fastapi import Request
from fastapi.responses import HTMLResponse
from markupsafe import Markup, escape

from punchcard.dashboard.i18n import DEFAULT, LANGUAGES, Catalogue
from punchcard.dashboard.nav import NAV
from punchcard.dashboard.service import SignedIn
from punchcard.dashboard.text import LAYOUT
from punchcard.kit.csrf import FIELD as CSRF_FIELD
from punchcard.kit.csrf import Csrf
from punchcard.kit.templating import templates
from punchcard.pages.language import page_language

LANGUAGE_COOKIE = "pc_lang"
NO_STORE = {"Cache-Control": "private, no-store"}  # pages carry CSRF tokens and customer data


def visitor_language(request: Request) -> str:
    """``?lang=`` first, then the language chosen before (a cookie), then the browser's."""
    chosen = request.query_params.get("lang") or request.cookies.get(LANGUAGE_COOKIE)
    language = page_language(chosen, request.headers.get("accept-language"))
    return language if language in LANGUAGES else DEFAULT


def number(language: str, value: float, digits: int = 0) -> str:
    text = f"{value:,.{digits}f}"
    return text.translate(str.maketrans(",.", ".,")) if language == "de" else text


@dataclass
class View:
    """What a dashboard page renders with: the request, its language, its browser's CSRF key
    and, once signed in, who is acting. Dependencies of ``access`` make it."""

    request: Request
    csrf: Csrf
    language: str
    browser_key: str
    new_browser_key: bool
    signed: SignedIn | None = None
    cookies: dict[str, tuple[str, int]] = field(default_factory=dict)

    @property
    def timezone(self) -> ZoneInfo:
        return ZoneInfo(self.signed.timezone if self.signed else "UTC")

    def form_token(self, action: str) -> str:
        return self.csrf.token(self.browser_key, action)

    def csrf_field(self, action: str) -> Markup:
        """The hidden field a form posting to ``action`` (its path) must carry."""
        token = escape(self.form_token(action))
        return Markup(f'<input type="hidden" name="{CSRF_FIELD}" value="{token}">')

    def local(self, moment: datetime | None, with_time: bool = True) -> str:
        """A UTC time as the business's local time, in the page's language's format."""
        if moment is None:
            return "–"
        here = moment.astimezone(self.timezone)
        day = here.strftime("%d.%m.%Y" if self.language == "de" else "%d %b %Y")
        return f"{day} {here:%H:%M}" if with_time else day

    def render(
        self,
        template: str,
        text: Catalogue | None = None,
        *,
        status_code: int | None = None,
        **context: Any,
    ) -> HTMLResponse:
        """``template`` with the area's ``text`` catalogue (then the layout's) as ``t``; a form
        shown again with ``errors`` answers 422 unless ``status_code`` says otherwise."""
        language = self.language

        def t(key: str, **values: object) -> str:
            source = text if text is not None and text.has(key) else LAYOUT
            return source.text(language, key, **values)

        def say(message: str) -> str:
            """A catalogue key's words, or a service's own message as it is."""
            known = (text is not None and text.has(message)) or LAYOUT.has(message)
            return t(message) if known else message

        actor = self.signed.actor if self.signed else None
        html = (
            templates("punchcard.dashboard")
            .get_template(template)
            .render(
                lang=language,
                t=t,
                say=say,
                view=self,
                signed=self.signed,
                nav=[entry for entry in NAV if actor and entry.shown_to(actor)],
                path=self.request.url.path,
                number=lambda value, digits=0: number(language, value, digits),
                **context,
            )
        )
        if status_code is None:
            status_code = 422 if context.get("errors") else 200
        response = HTMLResponse(html, status_code=status_code, headers=NO_STORE)
        self.finish(response)
        return response

    def finish(self, response: Any) -> None:
        """Cookies the page owes the browser: its CSRF key, the language it chose."""
        if self.new_browser_key:
            self.csrf.remember(response, self.browser_key)
        if self.request.query_params.get("lang") == self.language:
            response.set_cookie(LANGUAGE_COOKIE, self.language, max_age=365 * 86400, samesite="lax")


def form_values(form: Mapping[str, Any], *names: str) -> dict[str, str]:
    """The named text fields of a posted form ('' for a missing one)."""
    return {name: str(form.get(name, "")) for name in names}
