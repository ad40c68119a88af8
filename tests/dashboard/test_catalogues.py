"""Every dashboard area speaks every language with the same keys."""

import importlib
import pkgutil

import punchcard.dashboard
from punchcard.dashboard.i18n import LANGUAGES, Catalogue


def test_every_catalogue_has_every_key_in_every_language() -> None:
    for module in pkgutil.walk_packages(punchcard.dashboard.__path__, "punchcard.dashboard."):
        importlib.import_module(module.name)
    assert {catalogue.area for catalogue in Catalogue.every} >= {"layout", "account"}
    for catalogue in Catalogue.every:
        keys = {language: set(catalogue.languages[language]) for language in LANGUAGES}
        assert all(found == keys["en"] for found in keys.values()), catalogue.area
