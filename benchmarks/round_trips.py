"""Database round trips per request, counted at the driver (asyncpg) in this process.

The app runs in-process (no HTTP server, no webhook worker) against the benchmark's database;
every call that waits for PostgreSQL is counted: BEGIN/COMMIT/ROLLBACK and other simple
queries, statement preparations (first use of a statement on a connection), executions.
"""

from __future__ import annotations

import collections
import contextlib
import time
from collections.abc import Iterator
from typing import Any

import asyncpg
import httpx

from punchcard.app import create_app
from punchcard.config import Settings

# (class, method, what it sends): the asyncpg calls SQLAlchemy's driver makes.
COUNTED = (
    (asyncpg.connection.Connection, "execute", "simple query"),
    (asyncpg.connection.Connection, "prepare", "prepare"),
    (asyncpg.connection.Connection, "executemany", "execute many"),
    # The hot paths' one statement, run on the driver itself (kit.db.first_and_only_write);
    # it prepares the statement on its first use on a connection, uncounted here.
    (asyncpg.connection.Connection, "fetch", "execute"),
    (asyncpg.prepared_stmt.PreparedStatement, "fetch", "execute"),
    (asyncpg.prepared_stmt.PreparedStatement, "cursor", "execute"),
)


@contextlib.contextmanager
def counting() -> Iterator[collections.Counter[str]]:
    """Count the round trips made inside the block, by kind and (first words of) statement."""
    counts: collections.Counter[str] = collections.Counter()
    originals = [(cls, name, getattr(cls, name)) for cls, name, _ in COUNTED]

    def wrap(original: Any, kind: str) -> Any:
        def counted(self: Any, *args: Any, **kwargs: Any) -> Any:
            statement = isinstance(self, asyncpg.prepared_stmt.PreparedStatement)
            text = self.get_query() if statement else str(args[0] if args else "")
            counts[f"{kind}: {' '.join(text.split()[:3])}"] += 1
            return original(self, *args, **kwargs)

        return counted

    for (cls, name, kind), (_, _, original) in zip(COUNTED, originals, strict=True):
        setattr(cls, name, wrap(original, kind))
    try:
        yield counts
    finally:
        for cls, name, original in originals:
            setattr(cls, name, original)


Request = tuple[str, dict[str, Any], int]  # path, body, expected status


async def per_request(
    database_url: str,
    key: str,
    requests: dict[str, list[Request]],
    prepare: dict[str, list[Request]] | None = None,
) -> dict[str, dict[str, Any]]:
    """For each named list of (path, body, expected status): round trips per request and the
    in-process CPU per request. The first request of each list warms up (uncounted), after
    the list's ``prepare`` requests (uncounted too)."""
    app = create_app(Settings(database_url=database_url, run_worker=False, access_log=False))
    found: dict[str, dict[str, Any]] = {}
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        headers = {"Authorization": f"Bearer {key}"}
        async with httpx.AsyncClient(
            transport=transport, base_url="http://127.0.0.1", headers=headers
        ) as client:
            for name, sent in requests.items():
                for path, body, _ in (prepare or {}).get(name, []):
                    await client.post(path, json=body)
                (path, body, expect), rest = sent[0], sent[1:]
                await client.post(path, json=body)
                statuses: collections.Counter[int] = collections.Counter()
                cpu = time.process_time()
                with counting() as counts:
                    for path, body, _ in rest:
                        statuses[(await client.post(path, json=body)).status_code] += 1
                cpu = time.process_time() - cpu
                total = sum(counts.values())
                found[name] = {
                    "requests": len(rest),
                    "statuses": dict(statuses),
                    "expected_status": expect,
                    "round_trips_per_request": round(total / len(rest), 2),
                    "by_statement": {k: round(v / len(rest), 2) for k, v in counts.most_common()},
                    "in_process_cpu_ms_per_request": round(cpu / len(rest) * 1000, 3),
                }
    return found
