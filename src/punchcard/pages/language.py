"""Which catalogue language a page speaks: ``?lang=`` first, then the browser's preferences."""

from punchcard.wallet.i18n import DEFAULT, language_of


def _supported(tag: str | None) -> str | None:
    """The catalogue language of ``tag`` if we speak it ("de-AT" -> "de"), else None."""
    if not tag:
        return None
    language = language_of(tag)
    return language if tag.lower().startswith(language) else None


def _by_preference(accept_language: str) -> list[str]:
    """The tags of an Accept-Language header, most wanted first (q=0 means "not this")."""
    ranked = []
    for position, part in enumerate(accept_language.split(",")[:20]):
        tag, _, parameters = part.strip().partition(";")
        name, _, value = parameters.strip().partition("=")
        try:
            quality = float(value) if name.strip() == "q" else 1.0
        except ValueError:
            quality = 0.0
        if quality > 0 and tag.strip():
            ranked.append((-quality, position, tag.strip()))
    return [tag for _, _, tag in sorted(ranked)]


def page_language(
    override: str | None, accept_language: str | None, fallback: str | None = None
) -> str:
    """``?lang=`` if we speak it, else the customer's own language (``fallback``), else the
    browser's first language we speak, else English."""
    for tag in (override, fallback, *_by_preference(accept_language or "")):
        language = _supported(tag)
        if language:
            return language
    return DEFAULT
