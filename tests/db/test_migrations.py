"""The migrations build exactly the schema the models describe, on each backend."""

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import Connection

from punchcard.db.engine import Database
from punchcard.db.models import Base


def _diff(connection: Connection) -> list[object]:
    context = MigrationContext.configure(connection, opts={"compare_type": True})
    return list(compare_metadata(context, Base.metadata))


async def test_migrated_schema_matches_models(db: Database) -> None:
    async with db.engine.connect() as connection:
        assert await connection.run_sync(_diff) == []
