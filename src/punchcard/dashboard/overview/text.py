"""Words of the overview."""

from punchcard.dashboard.i18n import Catalogue

TEXT = Catalogue(
    "overview",
    en={"title": "Overview", "welcome": "Welcome, $name."},
    de={"title": "Übersicht", "welcome": "Willkommen, $name."},
)
