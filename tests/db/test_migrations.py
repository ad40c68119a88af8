"""The migrations build exactly the schema the models describe, on each backend."""

import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import Connection
from sqlalchemy.engine import make_url

from punchcard.db.engine import Database
from punchcard.db.models import POSTGRESQL_ONLY_INDEXES, Base
from tests.support.databases import drop_postgres, postgres_server_url, recreate


def _modelled(item: object, name: str | None, kind: str, *_: object) -> bool:
    return not (kind == "index" and name in POSTGRESQL_ONLY_INDEXES)


def _diff(connection: Connection) -> list[object]:
    options = {"compare_type": True, "include_object": _modelled}
    context = MigrationContext.configure(connection, opts=options)
    return list(compare_metadata(context, Base.metadata))


async def test_migrated_schema_matches_models(db: Database) -> None:
    async with db.engine.connect() as connection:
        assert await connection.run_sync(_diff) == []


def test_processes_starting_together_migrate_one_after_another() -> None:
    """serve and worker migrate at start: many at once on an empty PostgreSQL database must
    all succeed (one upgrades under an advisory lock; the others find the schema current)."""
    server = postgres_server_url()
    if server is None:
        pytest.skip("needs PostgreSQL: set PUNCHCARD_TEST_DATABASE_URL")
    name = f"punchcard_test_migrate_{uuid.uuid4().hex[:8]}"
    recreate(server, name)
    url = make_url(server).set(drivername="postgresql", database=name)
    env = {"PUNCHCARD_DATABASE_URL": url.render_as_string(hide_password=False)}
    cli = str(Path(sys.executable).with_name("punchcard"))
    try:
        runs = [
            subprocess.Popen([cli, "migrate"], env=env, stdout=subprocess.PIPE, text=True)
            for _ in range(4)
        ]
        assert [run.wait(120) for run in runs] == [0, 0, 0, 0]
    finally:
        drop_postgres(env["PUNCHCARD_DATABASE_URL"])
