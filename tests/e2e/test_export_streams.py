"""Exports streamed by a real server on PostgreSQL: a client that hangs up halfway costs the
server nothing but the connection COPY was using (replaced), and the next export is whole."""

import csv
import io

import httpx

from tests.e2e.test_concurrency import unique
from tests.support.factories import ok
from tests.support.server import Server

CUSTOMERS = 20_000  # megabytes of CSV: far more than the sockets buffer


async def test_an_export_abandoned_halfway_leaves_the_server_whole(
    live_api: httpx.AsyncClient, server: Server
) -> None:
    prefix = unique("export")
    for start in range(0, CUSTOMERS, 1000):
        rows = [{"source_id": f"{prefix}-{i}"} for i in range(start, start + 1000)]
        ok(await live_api.post("/v1/customers/bulk", json={"customers": rows}))
    since = len(server.log.lines)
    for _ in range(3):  # more often than the server has connections per process
        async with live_api.stream("GET", "/v1/exports/customers.csv") as response:
            assert response.status_code == 200
            async for _ in response.aiter_bytes():
                break  # hang up after the first chunk
    whole = (await live_api.get("/v1/exports/customers.csv")).text
    mine = [r for r in csv.DictReader(io.StringIO(whole)) if r["source_id"].startswith(prefix)]
    assert len(mine) == CUSTOMERS
    logged = "".join(server.log.lines[since:])
    assert "Traceback" not in logged, logged
