"""PostgreSQL plans queries by table statistics, which autovacuum refreshes about once a
minute. An import filling a fresh table would meanwhile be planned as if the table were tiny:
every look-up by identity a scan of the business's rows, each batch slower than the last. So
the runner refreshes them itself: the staged rows when it takes a job, the tables the job
fills whenever it has doubled them. On SQLite (no such planner) it does nothing."""

from sqlalchemy import bindparam, select, text
from sqlalchemy.sql import column, table

from punchcard.db.engine import Database

STAGED = "import_rows"
FILLED = {"customers": ("customers",), "cards": ("customers", "cards")}  # by the job's kind
pg_class = table("pg_class", column("relname"), column("reltuples"))


class Statistics:
    def __init__(self, db: Database) -> None:
        self.db = db
        self.written = 0
        self.rows: dict[str, float] = {}  # each filled table's rows when last analyzed

    async def job_taken(self, kind: str) -> None:
        self.written = 0
        self.rows = await self._analyze((STAGED, *FILLED[kind]))

    async def batch_written(self, rows: int) -> None:
        self.written += rows
        grown = [name for name, count in self.rows.items() if self.written >= max(count, rows)]
        if grown:
            self.rows |= await self._analyze(tuple(grown))
            self.written = 0

    async def _analyze(self, tables: tuple[str, ...]) -> dict[str, float]:
        if self.db.dialect != "postgresql":
            return {}
        async with self.db.transaction() as session:
            for name in tables:
                await session.execute(text(f"ANALYZE {name}"))
            query = select(pg_class.c.relname, pg_class.c.reltuples).where(
                pg_class.c.relname.in_(bindparam("names", expanding=True))
            )
            found = await session.execute(query, {"names": [n for n in tables if n != STAGED]})
            return {name: max(float(rows), 0.0) for name, rows in found.all()}
