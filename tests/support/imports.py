"""Imports are applied by the worker's runner: tests run it to the end of the queue (the
``runner`` fixture, registered by the conftest of the tests that use it)."""

from typing import Any

import httpx
import pytest

from punchcard.config import Settings
from punchcard.db.engine import Database
from punchcard.imports.tasks import ImportRunner
from tests.support.factories import ok

BATCH = 3  # small batches: every test crosses batch boundaries


@pytest.fixture
def runner(db: Database, database_url: str) -> ImportRunner:
    return ImportRunner(db, Settings(database_url=database_url, import_batch_size=BATCH))


async def upload(api: httpx.AsyncClient, text: str | bytes, **options: Any) -> httpx.Response:
    body = text.encode() if isinstance(text, str) else text
    params = {k: str(v).lower() if isinstance(v, bool) else v for k, v in options.items()}
    return await api.post(
        "/v1/imports", content=body, params=params, headers={"content-type": "text/csv"}
    )


async def imported(
    api: httpx.AsyncClient, runner: ImportRunner, text: str | bytes, **options: Any
) -> dict[str, Any]:
    """Upload, let the worker apply it, return the finished job."""
    job = ok(await upload(api, text, **options), 202)
    await runner.drain()
    return ok(await api.get(f"/v1/imports/{job['id']}"))  # type: ignore[no-any-return]


async def report(api: httpx.AsyncClient, import_id: str, **query: Any) -> list[dict[str, Any]]:
    return ok(await api.get(f"/v1/imports/{import_id}/rows", params={"limit": 100, **query}))[  # type: ignore[no-any-return]
        "data"
    ]
