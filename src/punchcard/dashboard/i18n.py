"""Each dashboard area's words in English and German, kept next to the area's routes.

``Catalogue("customers", en={...}, de={...})`` registers itself, so one test checks every
catalogue of every area for the same keys in each language; ``$name`` placeholders are filled
from keyword arguments. A template's ``t("key")`` looks in its area's catalogue, then in the
layout's (``dashboard.text``)."""

from string import Template
from typing import ClassVar

LANGUAGES = ("en", "de")
DEFAULT = "en"


class Catalogue:
    every: ClassVar[list["Catalogue"]] = []

    def __init__(self, area: str, **languages: dict[str, str]) -> None:
        if set(languages) != set(LANGUAGES):
            raise ValueError(f"catalogue {area}: needs exactly {LANGUAGES}")
        self.area = area
        self.languages = languages
        Catalogue.every.append(self)

    def has(self, key: str) -> bool:
        return key in self.languages[DEFAULT]

    def text(self, language: str, key: str, **values: object) -> str:
        words = self.languages.get(language, self.languages[DEFAULT])
        return Template(words[key]).safe_substitute(values)
