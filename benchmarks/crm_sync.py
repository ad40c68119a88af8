"""CRM sync on PostgreSQL: bulk upserts, a CSV import run by `punchcard worker`, and a CSV
export of redemptions, each beside a raw baseline measured in the same run.

    uv run python benchmarks/crm_sync.py [--bulk-calls 50] [--import-rows 100000]
        [--export-rows 1000000] [--server-url postgresql://postgres@127.0.0.1:5432/test]
        [--db-name punchcard_bench_crm]

1. Bulk upsert: ``--bulk-calls`` calls of 1,000 new customers to ``POST /v1/customers/bulk``
   (one client, one call at a time), the same bodies again (every row unchanged), then with
   every name changed; beside the raw floor: the same rows by one INSERT ... SELECT FROM
   unnest(...) ON CONFLICT DO NOTHING per 1,000 into a plain table with the same unique
   indexes.
2. Import: a CSV of ``--import-rows`` customers uploaded to ``POST /v1/imports``, applied by
   one ``punchcard worker`` process (its peak RSS read from /proc), until the job completes;
   beside PostgreSQL's own ``COPY ... FROM STDIN (FORMAT csv)`` of the same file into a plain
   table with the same unique indexes.
3. Export: ``--export-rows`` redeemed vouchers (seeded by SQL) read through
   ``GET /v1/exports/redemptions.csv``; beside ``COPY (the same query) TO STDOUT (FORMAT csv)``.
   The server worker's RSS before and its peak after show whether memory stayed constant.

Creates the database ``--db-name`` (``punchcard_bench_crm``), serves it with ``punchcard serve
--workers 2 --no-worker``, prints figures and never asserts timings; the database is dropped at
the end.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import io
import os
import sys
import time
from pathlib import Path
from typing import Any

import aiohttp
from sqlalchemy.dialects import postgresql
from sqlalchemy.engine import URL, make_url

from load_stamp_redeem import (
    CpuSnapshot,
    Server,
    connect,
    cpu_split,
    create_business,
    drop_database,
    free_port,
    memory_of,
    recreate_database,
)
from punchcard.exports.queries import Filters, export

DB = "punchcard_bench_crm"
PUNCHCARD = str(Path(sys.executable).with_name("punchcard"))
BULK = 1000
RAW_TABLE = """CREATE TABLE raw_customers (
    business_id VARCHAR(40) NOT NULL, source_id VARCHAR(200), email VARCHAR(320),
    name VARCHAR(200), UNIQUE (business_id, source_id), UNIQUE (business_id, email))"""
RAW_INSERT = """INSERT INTO raw_customers (business_id, source_id, email, name)
    SELECT 'biz_raw', s, e, n FROM unnest($1::varchar[], $2::varchar[], $3::varchar[]) AS v(s, e, n)
    ON CONFLICT DO NOTHING"""


def figure(label: str, count: int, unit: str, seconds: float, extra: str = "") -> None:
    rate = count / seconds if seconds else float("inf")
    print(f"  {label:<46} {count:>10,} {unit} {seconds:>7.2f} s {rate:>12,.0f} {unit}/s {extra}")


class Cpu:
    """Core-seconds used by the given processes and by PostgreSQL (the benchmark database's
    backends, the postmaster and its helpers) since it was made: less moved by other work on
    the machine than the rates are."""

    def __init__(self, db: str, pids: list[int]) -> None:
        self.db, self.pids = db, pids
        self.before = CpuSnapshot.take(db)

    def per(self, count: float, unit: str) -> str:
        """Milliseconds of each side per ``count`` items measured, as one line."""
        used = cpu_split(self.before, CpuSnapshot.take(self.db), self.pids)
        sides = ("server_core_s", "postgres_core_s")
        ours, postgres = (1000 * used[side] / count for side in sides)
        return f"CPU per {unit}: ours {ours:.1f} ms, postgres {postgres:.1f} ms"


def people(start: int, count: int, tag: str = "") -> list[dict[str, str]]:
    return [
        {"source_id": f"crm-{i}", "email": f"user{i}@example.com", "name": f"Customer {i}{tag}"}
        for i in range(start, start + count)
    ]


# --- 1. bulk upsert --------------------------------------------------------------------------


async def bulk_phase(
    http: aiohttp.ClientSession, base: str, admin: URL, db: str, server: Server, calls: int
) -> None:
    async def send(call: int, tag: str, expect: str) -> None:
        body = {"customers": people(call * BULK, BULK, tag)}
        async with http.post(f"{base}/v1/customers/bulk", json=body) as response:
            answer = await response.json()
            assert response.status == 200, answer
            assert answer[expect] == BULK, answer

    async def run(tag: str, expect: str, first: int = 0, clients: int = 1) -> tuple[float, str]:
        """``calls`` calls, ``clients`` at a time (each client its own share of them): the
        seconds, and the CPU per call of the server and PostgreSQL."""

        async def client(lane: int) -> None:
            for call in range(first + lane, first + calls, clients):
                await send(call, tag, expect)

        cpu = Cpu(db, server.pids)
        started = time.perf_counter()
        await asyncio.gather(*(client(lane) for lane in range(clients)))
        return time.perf_counter() - started, cpu.per(calls, "call")

    created, created_cpu = await run("", "created")
    unchanged, unchanged_cpu = await run("", "unchanged")
    updated, updated_cpu = await run(" (renamed)", "updated")
    two_clients, two_clients_cpu = await run("", "created", first=calls, clients=2)
    connection = await connect(admin, db)
    try:
        await connection.execute(RAW_TABLE)
        started = time.perf_counter()
        for call in range(calls):
            rows = people(call * BULK, BULK)
            columns = [[row[key] for row in rows] for key in ("source_id", "email", "name")]
            await connection.execute(RAW_INSERT, *columns)
        raw = time.perf_counter() - started
    finally:
        await connection.close()
    total = calls * BULK
    print(f"\n1. bulk upsert: {calls} calls of {BULK:,} customers, one at a time")
    figure("API: POST /v1/customers/bulk, all new", total, "customers", created)
    print(f"    {created_cpu}")
    figure("API: the same bodies again, all unchanged", total, "customers", unchanged)
    print(f"    {unchanged_cpu}")
    figure("API: every name changed, all updated", total, "customers", updated)
    print(f"    {updated_cpu}")
    figure("API: all new, 2 clients at once", total, "customers", two_clients)
    print(f"    {two_clients_cpu}")
    figure("raw: INSERT ... FROM unnest, 1,000 a statement", total, "customers", raw)
    print(f"  ratio raw / API (new): {raw / created:.2f}")


# --- 2. import -------------------------------------------------------------------------------


def import_csv(rows: int) -> bytes:
    lines = ["source_id;email;name;phone;birthday"]
    lines += [
        f"imp-{i};imported{i}@example.com;Imported {i};+4915{i:09d};1990-05-17" for i in range(rows)
    ]
    return ("\n".join(lines) + "\n").encode()


async def import_phase(
    http: aiohttp.ClientSession, base: str, admin: URL, db: str, server: Server, rows: int
) -> None:
    body = import_csv(rows)
    worker = await asyncio.create_subprocess_exec(
        PUNCHCARD,
        "worker",
        env=server.env(),
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.STDOUT,
    )
    assert worker.stdout is not None
    async for line in worker.stdout:  # started (and migrated) before the clock starts
        if b"webhook worker started" in line:
            break
    log = asyncio.create_task(worker.stdout.read())  # read, so that it never blocks on a pipe
    try:  # a failed upload stops the worker too (else it outlives the run, on the next's db)
        cpu = Cpu(db, server.pids)
        started = time.perf_counter()
        async with http.post(
            f"{base}/v1/imports", data=body, headers={"content-type": "text/csv"}
        ) as response:
            job = await response.json()
            assert response.status == 202, job
        uploaded = time.perf_counter() - started
        upload_cpu = cpu.per(rows / 1000, "1,000 rows")
        cpu = Cpu(db, [worker.pid])  # the server's answers to the polls are left out
        while job["status"] in ("queued", "running"):  # a benchmark polls; it asserts no time
            await asyncio.sleep(0.1)
            async with http.get(f"{base}/v1/imports/{job['id']}") as response:
                job = await response.json()
        applied = time.perf_counter() - started - uploaded
        apply_cpu = cpu.per(rows / 1000, "1,000 rows")
        peak = memory_of(worker.pid)["peak_rss_mb"]  # VmHWM: the most it ever held
    finally:
        worker.terminate()
        await worker.wait()
        log.cancel()
    assert (job["status"], job["created"]) == ("completed", rows), job
    connection = await connect(admin, db)
    try:
        await connection.execute(
            "CREATE TABLE raw_import (source_id VARCHAR(200) UNIQUE, email VARCHAR(320) UNIQUE,"
            " name VARCHAR(200), phone VARCHAR(20) UNIQUE, birthday DATE)"
        )
        started = time.perf_counter()
        await connection.copy_to_table(
            "raw_import", source=io.BytesIO(body), format="csv", delimiter=";", header=True
        )
        raw = time.perf_counter() - started
    finally:
        await connection.close()
    total = uploaded + applied
    print(f"\n2. import: {rows:,} customers from CSV ({len(body) / 1e6:.1f} MB), one worker")
    figure("API: upload (read, staged)", rows, "rows", uploaded)
    print(f"    {upload_cpu}")
    figure("worker: applied, in batches", rows, "rows", applied, f"peak RSS {peak:.0f} MB")
    print(f"    {apply_cpu}")
    figure("total", rows, "rows", total)
    figure("raw: COPY FROM STDIN (csv) into a plain table", rows, "rows", raw)
    print(f"  ratio raw / total: {raw / total:.3f}")


# --- 3. export -------------------------------------------------------------------------------


async def seed_redemptions(
    admin: URL, db: str, business_id: str, card: dict[str, Any], count: int
) -> None:
    connection = await connect(admin, db)
    try:
        location = await connection.fetchval(
            "SELECT id FROM locations WHERE business_id = $1", business_id
        )
        await connection.execute(
            """INSERT INTO vouchers (business_id, id, customer_id, card_id, title, redeem_code,
                code_unique, formats, status, issued_at, redeemed_at, redeemed_location_id,
                redeemed_via, metadata)
            SELECT $1, 'vch_bench' || lpad(i::text, 17, '0'), $2, $3, 'Free coffee',
                'CAFE-' || lpad(i::text, 8, '0'), true, '["text", "qr"]', 'redeemed',
                now() - interval '30 days', now() - make_interval(secs => i), $4,
                'staff_scanner', '{}'
            FROM generate_series(1, $5) AS i""",
            business_id,
            card["customer_id"],
            card["id"],
            location,
            count,
        )
        await connection.execute("ANALYZE vouchers")
    finally:
        await connection.close()


class Counted:
    """A sink that only counts: the export's bytes are measured, not stored."""

    def __init__(self) -> None:
        self.size = 0
        self.lines = 0

    async def write(self, chunk: bytes) -> None:
        self.size += len(chunk)
        self.lines += chunk.count(b"\n")


async def export_phase(
    http: aiohttp.ClientSession,
    base: str,
    admin: URL,
    db: str,
    server: Server,
    made: dict[str, Any],
    rows: int,
) -> None:
    template = {"title": "Coffee", "redeem_code": {"type": "fixed", "value": "COFFEE"}}
    async with http.post(f"{base}/v1/voucher-templates", json=template) as response:
        template = await response.json()
    goals = [{"stamps": 5, "template_id": template["id"]}]
    async with http.post(f"{base}/v1/programs", json={"name": "P", "goals": goals}) as response:
        program = await response.json()
    body = {"program_id": program["id"], "customer": {"email": "export@example.com"}}
    async with http.post(f"{base}/v1/cards", json=body) as response:
        card = await response.json()
    await seed_redemptions(admin, db, made["business_id"], card, rows)
    before = {pid: memory_of(pid)["rss_mb"] for pid in server.worker_pids}
    api = Counted()
    started = time.perf_counter()
    async with http.get(f"{base}/v1/exports/redemptions.csv") as response:
        assert response.status == 200, await response.text()
        async for chunk in response.content.iter_any():
            await api.write(chunk)
    api_seconds = time.perf_counter() - started
    # The worker that served it: the one whose memory moved (both are shown if unsure).
    after = {pid: memory_of(pid) for pid in server.worker_pids}
    query = export("redemptions", Filters(made["business_id"]), "postgresql").query
    sql = str(query.compile(dialect=postgresql.dialect(), compile_kwargs={"literal_binds": True}))
    raw = Counted()
    connection = await connect(admin, db)
    try:
        started = time.perf_counter()
        await connection.copy_from_query(sql, output=raw.write, format="csv", header=True)
        raw_seconds = time.perf_counter() - started
    finally:
        await connection.close()
    assert api.lines == rows + 1, (api.lines, rows)
    print(f"\n3. export: {rows:,} redemptions as CSV")
    figure(
        "API: GET /v1/exports/redemptions.csv",
        api.size // 1_000_000,
        "MB",
        api_seconds,
        f"{rows / api_seconds:,.0f} rows/s",
    )
    for pid, memory in after.items():
        print(
            f"  server worker {pid}: RSS {before[pid]:.0f} MB before, {memory['rss_mb']:.0f} MB"
            f" after, peak {memory['peak_rss_mb']:.0f} MB"
        )
    figure("raw: COPY (the same query) TO STDOUT (csv)", raw.size // 1_000_000, "MB", raw_seconds)
    print(f"  ratio API / raw (MB/s): {(api.size / api_seconds) / (raw.size / raw_seconds):.2f}")


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bulk-calls", type=int, default=50)
    parser.add_argument("--import-rows", type=int, default=100_000)
    parser.add_argument("--export-rows", type=int, default=1_000_000)
    parser.add_argument("--server-url", default="postgresql://postgres@127.0.0.1:5432/test")
    parser.add_argument("--db-name", default=DB, help="the benchmark's own database")
    args = parser.parse_args()
    admin, db = make_url(args.server_url), args.db_name
    await recreate_database(admin, db)
    database_url = admin.set(database=db).render_as_string(hide_password=False)
    os.environ["PUNCHCARD_RUN_WORKER"] = "false"  # imports wait for `punchcard worker`
    server = Server(database_url, free_port(), workers=2)
    try:
        await server.start()
        made = await create_business(server)
        headers = {"Authorization": f"Bearer {made['api_key']}"}
        timeout = aiohttp.ClientTimeout(total=3600)
        async with aiohttp.ClientSession(headers=headers, timeout=timeout) as http:
            base = server.base_url
            await bulk_phase(http, base, admin, db, server, args.bulk_calls)
            await import_phase(http, base, admin, db, server, args.import_rows)
            await export_phase(http, base, admin, db, server, made, args.export_rows)
    finally:
        await server.stop()
        with contextlib.suppress(Exception):
            await drop_database(admin, db)


if __name__ == "__main__":
    asyncio.run(main())
