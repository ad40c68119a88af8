"""Message templates rendered in Jinja's sandbox: only the variables below exist (an unknown one
is refused when the template is saved, by reading the template's syntax tree), a value of None
renders as nothing, HTML parts (email, Telegram) escape every value, text parts do not.

``render`` is a plain function of a template's parts and a ``Variables``: campaigns, the join
form's card link and automations all call it. Jinja2 is imported by the first template
checked or rendered: a server process that answers only stamps and redemptions does without it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, lru_cache
from html.parser import HTMLParser
from typing import TYPE_CHECKING, Any

from markupsafe import escape

if TYPE_CHECKING:
    from jinja2 import nodes
    from jinja2.sandbox import SandboxedEnvironment

VARIABLES: dict[str, str] = {
    "business_name": "The business's name.",
    "program_name": "The program of the customer's card.",
    "customer_name": "The customer's name (empty when unknown).",
    "first_name": "The first word of the customer's name.",
    "stamps": "Stamps on the card this round.",
    "lifetime_stamps": "Stamps ever collected on the card.",
    "next_reward": "The title of the next goal's reward (empty after the last goal).",
    "stamps_to_next_reward": "Stamps still needed for the next reward.",
    "voucher_title": "The voucher the campaign issued (empty without one).",
    "voucher_code": "Its redeem code.",
    "voucher_expires_on": "Its expiry date (YYYY-MM-DD; empty when it never expires).",
    "card_link": "The customer's web card (stamps, rewards, wallet buttons).",
    "unsubscribe_link": "One click withdraws the customer's consent for this channel.",
}
# Telegram's HTML subset (https://core.telegram.org/bots/api#html-style).
TELEGRAM_TAGS = {
    "b",
    "strong",
    "i",
    "em",
    "u",
    "ins",
    "s",
    "strike",
    "del",
    "span",
    "tg-spoiler",
    "a",
    "code",
    "pre",
    "blockquote",
    "tg-emoji",
}


@dataclass(frozen=True)
class Variables:
    business_name: str
    program_name: str | None = None
    customer_name: str | None = None
    first_name: str | None = None
    stamps: int | None = None
    lifetime_stamps: int | None = None
    next_reward: str | None = None
    stamps_to_next_reward: int | None = None
    voucher_title: str | None = None
    voucher_code: str | None = None
    voucher_expires_on: str | None = None
    card_link: str | None = None
    unsubscribe_link: str | None = None


SAMPLE = Variables(
    business_name="Café Nord",
    program_name="Coffee card",
    customer_name="Ada Lovelace",
    first_name="Ada",
    stamps=3,
    lifetime_stamps=13,
    next_reward="Free coffee",
    stamps_to_next_reward=2,
    voucher_title="Free cookie",
    voucher_code="COOKIE-7K2Q",
    voucher_expires_on="2026-12-31",
    card_link="https://loyalty.example/c/biz_sample/card_sample/token",
    unsubscribe_link="https://loyalty.example/unsubscribe/biz_sample/cus_sample/email/token",
)


class TemplateProblem(ValueError):
    """A template part that cannot be saved: the sentence names what is wrong."""


def _blank_none(value: Any) -> Any:
    return "" if value is None else value


@cache
def _environment(html: bool) -> SandboxedEnvironment:
    """The sandbox for HTML parts (values escaped) or for text parts."""
    from jinja2 import StrictUndefined
    from jinja2.sandbox import SandboxedEnvironment

    return SandboxedEnvironment(
        undefined=StrictUndefined, autoescape=html, finalize=_blank_none, cache_size=0
    )


Renderer = Callable[[dict[str, Any]], str]


@lru_cache(maxsize=512)
def _compiled(source: str, html: bool) -> Renderer:
    """The part as a function of the variables. Most parts only put variables into text
    (``Hi {{ first_name }}``): those become the text's pieces joined with each value, which is
    what Jinja would output, for a fraction of a full render per recipient. Anything else (a
    filter, a condition, a loop) renders through Jinja's sandbox."""
    environment = _environment(html)
    pieces = _substitutions(environment.parse(source))
    if pieces is None:
        return environment.from_string(source).render
    if html:
        return lambda values: "".join(
            piece if kind == "text" else str(escape(_blank_none(values[piece])))
            for kind, piece in pieces
        )
    return lambda values: "".join(
        piece if kind == "text" else str(_blank_none(values[piece])) for kind, piece in pieces
    )


def _substitutions(tree: nodes.Template) -> list[tuple[str, str]] | None:
    """("text", literal) and ("name", variable) in order, or None unless the template is
    nothing but literal text and plain ``{{ variable }}`` outputs."""
    from jinja2 import nodes

    pieces: list[tuple[str, str]] = []
    for statement in tree.body:
        if not isinstance(statement, nodes.Output):
            return None
        for node in statement.nodes:
            if isinstance(node, nodes.TemplateData):
                pieces.append(("text", node.data))
            elif isinstance(node, nodes.Name) and node.ctx == "load":
                pieces.append(("name", node.name))
            else:
                return None
    return pieces


def _unknown_names(tree: nodes.Template) -> set[str]:
    from jinja2 import meta

    return set(meta.find_undeclared_variables(tree)) - set(VARIABLES)


def check(source: str, *, html: bool = False, telegram: bool = False) -> None:
    """Raise ``TemplateProblem`` unless the source parses, uses only known variables, renders
    with the sample values (so a sandbox violation or a type error shows now, not at send
    time) and, for Telegram, uses only Telegram's HTML tags."""
    from jinja2 import TemplateError

    environment = _environment(html)
    try:
        tree = environment.parse(source)
    except TemplateError as exc:
        raise TemplateProblem(f"not a valid template: {exc.message}") from None
    unknown = _unknown_names(tree)
    if unknown:
        names = ", ".join(sorted(unknown))
        raise TemplateProblem(f"unknown variable(s) {names}; known: {', '.join(sorted(VARIABLES))}")
    try:
        render_part(source, SAMPLE, html=html)
    except Exception as exc:  # sandbox refusals, type errors, filters given bad values
        raise TemplateProblem(f"does not render: {exc}") from None
    if telegram:
        _check_telegram_html(source)


def render_part(source: str, variables: Variables, *, html: bool = False) -> str:
    return str(_compiled(source, html)(vars(variables)))


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.refused: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in TELEGRAM_TAGS:
            self.refused.add(tag)


def _check_telegram_html(source: str) -> None:
    parser = _Tags()
    parser.feed(source)
    parser.close()
    if parser.refused:
        raise TemplateProblem(
            f"Telegram does not support the tag(s) {', '.join(sorted(parser.refused))}; "
            f"allowed: {', '.join(sorted(TELEGRAM_TAGS))}"
        )
