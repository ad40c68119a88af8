"""Jinja2 templates for the public pages: autoescaped, each page in one language."""

import base64
import re
from typing import Any

from fastapi.responses import HTMLResponse

from punchcard.kit.templating import templates
from punchcard.wallet import i18n
from punchcard.wallet.view import Design

HEX_COLOUR = re.compile(r"^#[0-9A-Fa-f]{6}$")


def _colours(design: Design) -> dict[str, str]:
    """The design's colours for the style sheet; a value that is not #RRGGBB (it goes into CSS)
    falls back to the default."""
    defaults = Design(organization_name="")
    names = ("background_color", "foreground_color", "label_color", "stamp_color")
    return {
        name: value if HEX_COLOUR.match(value := getattr(design, name)) else getattr(defaults, name)
        for name in names
    }


def png_data_uri(png: bytes) -> str:
    return "data:image/png;base64," + base64.b64encode(png).decode()


def svg_data_uri(svg: bytes) -> str:
    return "data:image/svg+xml;base64," + base64.b64encode(svg).decode()


def page(
    template: str,
    *,
    language: str,
    design: Design,
    status_code: int = 200,
    headers: dict[str, str] | None = None,
    **context: Any,
) -> HTMLResponse:
    """A page in ``language`` under the business's design (colours, logo, name)."""

    def t(key: str, **values: object) -> str:
        return i18n.text(language, key, **values)

    html = (
        templates("punchcard.pages")
        .get_template(template)
        .render(
            lang=language,
            t=t,
            design=design,
            colours=_colours(design),
            logo=png_data_uri(design.logo_png) if design.logo_png else None,
            **context,
        )
    )
    return HTMLResponse(html, status_code=status_code, headers=headers)


def message_page(
    language: str, design: Design, title_key: str, message_key: str, status_code: int
) -> HTMLResponse:
    title = i18n.text(language, title_key)
    message = i18n.text(language, message_key)
    return page(
        "message.html",
        language=language,
        design=design,
        status_code=status_code,
        title=title,
        message=message,
    )
