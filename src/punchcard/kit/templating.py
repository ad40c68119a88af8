"""The Jinja2 environment of a package's ``templates/`` folder (pages, the dashboard): autoescaped,
made by the package's first page, so a server process that answers only the API does without
Jinja2 (about 2 MB resident)."""

from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from jinja2 import Environment


@cache
def templates(package: str) -> "Environment":
    from jinja2 import Environment, PackageLoader, select_autoescape

    return Environment(
        loader=PackageLoader(package, "templates"),
        autoescape=select_autoescape(default=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
