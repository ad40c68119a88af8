"""Bulk upserts at once through two server processes on PostgreSQL: batches naming the same
customers never fail with a 500 or a deadlock, and never create anyone twice."""

import asyncio
import csv
import io
import random

import httpx

from tests.e2e.test_concurrency import assert_statuses, unique

CALLS = 12
ROWS = 400
POOL = 1000  # every call draws its rows from one pool of identities: they overlap


async def test_overlapping_bulk_upserts_at_once_create_each_customer_once(
    live_api: httpx.AsyncClient,
) -> None:
    prefix = unique("bulk")
    draw = random.Random(7)

    def body() -> dict[str, list[dict[str, str]]]:
        picked = draw.sample(range(POOL), ROWS)
        rows = [
            {"source_id": f"{prefix}-{i}", "email": f"{prefix}-{i}@example.com", "name": f"N{i}"}
            for i in picked
        ]
        return {"customers": rows}

    async def single(i: int) -> httpx.Response:
        return await live_api.post("/v1/customers", json={"source_id": f"{prefix}-{i}"})

    responses = await asyncio.gather(
        *(live_api.post("/v1/customers/bulk", json=body()) for _ in range(CALLS)),
        *(single(i) for i in draw.sample(range(POOL), 50)),
    )
    bulk, singles = responses[:CALLS], responses[CALLS:]
    assert_statuses(list(bulk), {200: CALLS})
    assert {r.status_code for r in singles} <= {200, 201}, [r.text for r in singles]
    created = sum(r.json()["created"] for r in bulk) + sum(r.status_code == 201 for r in singles)

    exported = (await live_api.get("/v1/exports/customers.csv")).text
    mine = [
        row["source_id"]
        for row in csv.DictReader(io.StringIO(exported))
        if row["source_id"].startswith(f"{prefix}-")
    ]
    assert len(mine) == len(set(mine)) == created
    ids = {(r["index"], r["id"]) for response in bulk for r in response.json()["results"]}
    assert len({customer_id for _, customer_id in ids}) == created
