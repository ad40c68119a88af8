"""Bulk code generation: 100,000 unique codes into a pool, through the API and the CLI path,
beside a raw baseline (COPY of pre-generated codes into a plain table with a unique index).

    uv run python benchmarks/bulk_codes.py [--count 100000]
        [--server-url postgresql://postgres@127.0.0.1:5432/test]

Creates the database ``punchcard_bench_codes``, serves it with ``punchcard serve --workers 2
--no-worker``, and for each path prints seconds and codes/s. The API generates two batches
into one template (the second into a business that already has the first: the space count and
the "new to the business" checks then read rows), the CLI one into a template of its own.
It prints figures and never asserts timings; the database is dropped.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
import time
from asyncio.subprocess import PIPE
from pathlib import Path

import aiohttp
from sqlalchemy.engine import URL, make_url

from load_stamp_redeem import Server, connect, create_business, free_port
from punchcard.vouchers import codes

DB = "punchcard_bench_codes"
PUNCHCARD = str(Path(sys.executable).with_name("punchcard"))


async def recreate(admin: URL, create: bool = True) -> None:
    connection = await connect(admin)
    try:
        await connection.execute(f'DROP DATABASE IF EXISTS "{DB}" WITH (FORCE)')
        if create:
            await connection.execute(f'CREATE DATABASE "{DB}"')
    finally:
        await connection.close()


async def pool_template(http: aiohttp.ClientSession, base: str, title: str) -> str:
    body = {"title": title, "redeem_code": {"type": "pool"}}
    async with http.post(f"{base}/v1/voucher-templates", json=body) as response:
        assert response.status == 201, await response.text()
        return str((await response.json())["id"])


def line(label: str, count: int, seconds: float) -> None:
    print(f"{label:<40} {count:>9,} codes {seconds:>7.2f} s {count / seconds:>11,.0f} codes/s")


async def generate(
    http: aiohttp.ClientSession, base: str, template_id: str, count: int
) -> tuple[int, float]:
    """(codes generated, seconds) of one POST .../code-pool/generate."""
    started = time.perf_counter()
    path = f"{base}/v1/voucher-templates/{template_id}/code-pool/generate"
    async with http.post(path, json={"count": count}) as response:
        assert response.status == 201, await response.text()
        generated = int((await response.json())["generated"])
    return generated, time.perf_counter() - started


async def raw_baseline(admin: URL, count: int) -> float:
    """COPY pre-generated codes into a plain table with a unique index: the floor."""
    batch = list(dict.fromkeys(codes.random_codes("CAFE-########", codes.DEFAULT_CHARSET, count)))
    connection = await connect(admin, DB)
    try:
        await connection.execute(
            "CREATE TABLE raw_codes (business_id VARCHAR(40), code VARCHAR(64),"
            " UNIQUE (business_id, code))"
        )
        started = time.perf_counter()
        async with connection.transaction():
            await connection.copy_records_to_table(
                "raw_codes", records=[("biz_bench", code) for code in batch]
            )
        return time.perf_counter() - started
    finally:
        await connection.close()


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=100_000)
    parser.add_argument("--server-url", default="postgresql://postgres@127.0.0.1:5432/test")
    args = parser.parse_args()
    admin = make_url(args.server_url)
    await recreate(admin)
    database_url = admin.set(database=DB).render_as_string(hide_password=False)
    server = Server(database_url, free_port(), workers=2)
    os.environ["PUNCHCARD_RUN_WORKER"] = "false"
    try:
        await server.start()
        made = await create_business(server)
        headers = {"Authorization": f"Bearer {made['api_key']}"}
        timeout = aiohttp.ClientTimeout(total=600)
        async with aiohttp.ClientSession(headers=headers, timeout=timeout) as http:
            base = server.base_url
            api_pool = await pool_template(http, base, "API batch")
            cli_pool = await pool_template(http, base, "CLI batch")
            generated, api_seconds = await generate(http, base, api_pool, args.count)
            # The business now has a batch: the space count and the "new to the business"
            # checks have rows to read.
            again, again_seconds = await generate(http, base, api_pool, args.count)
            started = time.perf_counter()
            async with http.get(
                f"{base}/v1/voucher-templates/{api_pool}/code-pool/codes"
            ) as response:
                downloaded = (await response.text()).count("\n") - 1
            download_seconds = time.perf_counter() - started
        await server.stop()
        command = [PUNCHCARD, "codes", "generate", "--business-id", made["business_id"]]
        command += ["--template-id", cli_pool, "--count", str(args.count)]
        started = time.perf_counter()
        process = await asyncio.create_subprocess_exec(
            *command, env=server.env(), stdout=PIPE, stderr=PIPE
        )
        _, err = await process.communicate()
        cli_seconds = time.perf_counter() - started
        if process.returncode != 0:
            raise SystemExit(f"punchcard codes generate failed:\n{err.decode()}")
        raw_seconds = await raw_baseline(admin, args.count)
        print(f"\nbulk codes on PostgreSQL ({args.count:,} codes, pattern ####-####)")
        line("API: POST .../code-pool/generate", generated, api_seconds)
        line("API: the same, a second batch", again, again_seconds)
        line("API: GET .../code-pool/codes (CSV, both)", downloaded, download_seconds)
        line("CLI: punchcard codes generate (process)", args.count, cli_seconds)
        line("raw: COPY into a unique-indexed table", args.count, raw_seconds)
    finally:
        await server.stop()
        await recreate(admin, create=False)


if __name__ == "__main__":
    asyncio.run(main())
