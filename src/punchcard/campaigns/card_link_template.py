"""The card link a known customer asked for at the join form: a transactional message in the
customer's language (English and German), rendered like any template."""

from punchcard.campaigns import templates
from punchcard.campaigns.rendering import Variables
from punchcard.channels.adapter import ChannelType

_TEXT = {
    "en": (
        "Hello {{ first_name }},\n\nsomeone (we hope you) asked for your {{ program_name }} card "
        "at {{ business_name }}. Here it is:\n{{ card_link }}\n\nYou have {{ stamps }} "
        "stamps.{% if next_reward %} {{ stamps_to_next_reward }} more for: {{ next_reward }}."
        "{% endif %}\n\nIf this was not you, ignore this message: nothing has changed."
    ),
    "de": (
        "Hallo {{ first_name }},\n\njemand (hoffentlich du) hat nach deiner Karte "
        "{{ program_name }} bei {{ business_name }} gefragt. Hier ist sie:\n{{ card_link }}\n\n"
        "Du hast {{ stamps }} Stempel.{% if next_reward %} Noch {{ stamps_to_next_reward }} "
        "bis: {{ next_reward }}.{% endif %}\n\nWarst du das nicht? Dann ignoriere diese "
        "Nachricht: es hat sich nichts geändert."
    ),
}
_SUBJECT = {
    "en": "Your {{ program_name }} card at {{ business_name }}",
    "de": "Deine Karte {{ program_name }} bei {{ business_name }}",
}
BODIES = {
    language: {"subject": _SUBJECT[language], "text": text} for language, text in _TEXT.items()
}


def render(
    channel: ChannelType, variables: Variables, *, language: str | None, key: str
) -> templates.Rendered:
    bodies = BODIES
    if channel != "email":  # a subject only email shows
        bodies = {language: {"text": parts["text"]} for language, parts in BODIES.items()}
    return templates.render(channel, bodies, "en", None, variables, language=language, key=key)
