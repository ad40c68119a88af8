"""CSV imports run by real `punchcard worker` processes on PostgreSQL, next to an API server
started with --no-worker: a worker SIGKILLed in the middle of an import leaves it where its
last batch ended, and a new worker finishes it without applying any row twice. Skipped
unless PUNCHCARD_TEST_DATABASE_URL names a server.
"""

import csv
import io
import os
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest

from tests.support.factories import ok
from tests.support.server import Server
from tests.support.workers import Workers

ROWS = 10_000
BATCH = 100  # 100 batches: the kill lands mid-import
BATCH_DONE = "lines to"  # logged by the worker after each committed batch


@pytest.fixture
async def api(api_server: Server) -> AsyncIterator[httpx.AsyncClient]:
    headers = {"Authorization": f"Bearer {api_server.api_key}"}
    async with httpx.AsyncClient(base_url=api_server.base_url, headers=headers, timeout=60) as c:
        yield c


@pytest.fixture
async def workers(postgres_url: str) -> AsyncIterator[Workers]:
    pool = Workers(
        {
            **os.environ,
            "PUNCHCARD_DATABASE_URL": postgres_url,
            "PUNCHCARD_LOG_LEVEL": "info",
            "PUNCHCARD_IMPORT_BATCH_SIZE": str(BATCH),
            "PUNCHCARD_IMPORT_LEASE_SECONDS": "2",  # a killed worker's job is free after 2 s
            "PUNCHCARD_IMPORT_POLL_SECONDS": "0.1",
            "PYTHONUNBUFFERED": "1",
        }
    )
    try:
        yield pool
    finally:
        await pool.stop_all()


def customers_csv(count: int) -> str:
    lines = ["source_id;email;name"]
    lines += [f"crash-{i};crash{i}@example.com;Customer {i}" for i in range(count)]
    return "\n".join(lines) + "\n"


async def job_of(api: httpx.AsyncClient, import_id: str) -> dict[str, Any]:
    return ok(await api.get(f"/v1/imports/{import_id}"))  # type: ignore[no-any-return]


async def test_a_killed_worker_s_import_is_finished_by_another_without_duplicates(
    api: httpx.AsyncClient, workers: Workers
) -> None:
    uploaded = await api.post(
        "/v1/imports",
        content=customers_csv(ROWS),
        headers={"content-type": "text/csv"},
    )
    import_id = ok(uploaded, 202)["id"]

    first = await workers.start("first")
    await first.wait_for_log(BATCH_DONE, timeout=60)
    await first.kill()
    halfway = await job_of(api, import_id)
    assert halfway["status"] == "running"
    assert 0 < halfway["processed"] < ROWS, halfway

    second = await workers.start("second")
    await second.wait_for_log(f"import {import_id}: completed", timeout=120)
    done = await job_of(api, import_id)
    assert (done["processed"], done["created"]) == (ROWS, ROWS)
    assert (done["updated"], done["unchanged"], done["failed"]) == (0, 0, 0)
    # The second worker resumed after the first one's last committed batch.
    assert f"lines to {BATCH + 1} done" not in second.log.text()

    exported = (await api.get("/v1/exports/customers.csv")).text
    source_ids = [row["source_id"] for row in csv.DictReader(io.StringIO(exported))]
    assert len(source_ids) == len(set(source_ids)) == ROWS
