"""Alembic, driven from code: ``punchcard migrate`` and the test suite call ``upgrade``.

Alembic is imported when a function here runs, not with this module: it brings Mako and
Pygments' lexers (about 9 MB), and every server worker imports the CLI and the health routes
that name these functions, while only the process that migrates needs them."""

from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from punchcard.db.engine import async_url

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS = Path(__file__).with_name("migrations")


def alembic_config(database_url: str) -> "Config":
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    # ConfigParser interpolation would eat '%' in passwords.
    config.set_main_option("sqlalchemy.url", async_url(database_url).replace("%", "%%"))
    return config


def upgrade(database_url: str, revision: str = "head") -> None:
    from alembic import command

    command.upgrade(alembic_config(database_url), revision)


@lru_cache
def expected_heads() -> frozenset[str]:
    """The migrations this code expects (read once: the code does not change while it runs)."""
    from alembic.script import ScriptDirectory

    return frozenset(ScriptDirectory.from_config(alembic_config("sqlite://")).get_heads())
