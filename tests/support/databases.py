"""Fresh, migrated databases for tests: a SQLite file, or a new database on a PostgreSQL server."""

import asyncio
import os
import uuid
from pathlib import Path

import asyncpg
from sqlalchemy.engine import make_url

from punchcard.db.migrate import upgrade

POSTGRES_ENV = "PUNCHCARD_TEST_DATABASE_URL"


def postgres_server_url() -> str | None:
    """The PostgreSQL server to test against (CI sets it; `make test` passes it through)."""
    return os.environ.get(POSTGRES_ENV) or None


async def _recreate(server_url: str, name: str) -> None:
    url = make_url(server_url)
    connection = await asyncpg.connect(
        host=url.host,
        port=url.port or 5432,
        user=url.username,
        password=url.password,
        database=url.database or "postgres",
    )
    try:
        await connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        await connection.execute(f'CREATE DATABASE "{name}"')
    finally:
        await connection.close()


def recreate(server_url: str, name: str) -> None:
    """An empty database ``name`` on ``server_url``'s server."""
    asyncio.run(_recreate(server_url, name))


def fresh_postgres(server_url: str, label: str) -> str:
    """Create an empty database next to ``server_url``'s, migrate it, return its URL."""
    name = f"punchcard_test_{label}_{uuid.uuid4().hex[:8]}"
    recreate(server_url, name)
    url = make_url(server_url).set(drivername="postgresql", database=name)
    rendered = url.render_as_string(hide_password=False)
    upgrade(rendered)
    return rendered


def drop_postgres(database_url: str) -> None:
    url = make_url(database_url)

    async def drop() -> None:
        connection = await asyncpg.connect(
            host=url.host,
            port=url.port or 5432,
            user=url.username,
            password=url.password,
            database="postgres",
        )
        try:
            await connection.execute(f'DROP DATABASE IF EXISTS "{url.database}" WITH (FORCE)')
        finally:
            await connection.close()

    asyncio.run(drop())


def fresh_sqlite(directory: Path) -> str:
    url = f"sqlite:///{directory / 'punchcard.db'}"
    upgrade(url)
    return url
