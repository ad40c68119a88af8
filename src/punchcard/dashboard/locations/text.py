"""Words of the locations pages."""

from punchcard.dashboard.i18n import Catalogue

TEXT = Catalogue(
    "locations",
    en={
        "title": "Locations",
        "intro": "Your shops. Stamps and redemptions count where they happen; staff can be "
        "bound to one location.",
        "name": "Name",
        "address": "Address",
        "timezone": "Time zone",
        "timezone_hint": "Empty: the business's time zone. E.g. Europe/Berlin.",
        "add_title": "Add a location",
        "add": "Add",
        "edit_title": "Edit $name",
        "back": "Back to locations",
        "created": "Location added.",
    },
    de={
        "title": "Standorte",
        "intro": "Deine Filialen. Stempel und Einlösungen zählen dort, wo sie passieren; "
        "Mitarbeitende lassen sich an einen Standort binden.",
        "name": "Name",
        "address": "Adresse",
        "timezone": "Zeitzone",
        "timezone_hint": "Leer: die Zeitzone des Geschäfts. Z. B. Europe/Berlin.",
        "add_title": "Standort hinzufügen",
        "add": "Hinzufügen",
        "edit_title": "$name bearbeiten",
        "back": "Zurück zu den Standorten",
        "created": "Standort hinzugefügt.",
    },
)
