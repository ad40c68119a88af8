"""Dashboard benchmark: every page's latency with 100,000 customers and 1,000,000 stamps.

Fills a fresh PostgreSQL database (``punchcard_bench_dashboard``) for one business: three
locations, ``--customers`` customers with a card each, ``--stamps`` stamps over the last year
(time-ordered ids, as the server makes them), a voucher per ten stamps (half redeemed) and
the events the overview counts; starts ``punchcard serve``, signs an owner in through the
sign-in form, and requests each page ``--requests`` times one after the other (after two
unmeasured ones). Prints p50 and p95 per page beside the server's floor (GET /healthz) and
the raw SQL of the heaviest reads (asyncpg), against the 100 ms p95 target. The first
overview is timed on its own, before anything is rolled up (it answers with what it can afford
and says the rest is still being counted), then the worker's rollup job rolls the year up in
chunks, as after an upgrade, and is timed. Then a restarted server's first overviews are timed
once each: a process sums its whole past days once (per view, per day), the first by month
reading a year of hourly rows (the raw line "a year of hourly figures by day" is that read).
Figures are printed, never asserted. ``--keep-db``
leaves the filled database; ``--reuse-db`` times it again without filling (same
``--customers``).

    uv run python benchmarks/dashboard.py [--customers 100000] [--stamps 1000000]
        [--requests 40] [--server-url postgresql://postgres@127.0.0.1:5432/test] [--keep-db]
        [--reuse-db]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import re
import statistics
import subprocess
import sys
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path

import asyncpg
import httpx
from sqlalchemy.engine import URL, make_url

from load_stamp_redeem import connect, free_port
from punchcard.kit.ids import id_at

BENCH_DB = "punchcard_bench_dashboard"
BUSINESS = "biz_bench"
PROGRAM = "prg_bench"
OWNER = "stf_bench_owner"
PASSWORD = "bench password 1"
LOCATIONS = ["loc_bench_a", "loc_bench_b", "loc_bench_c"]
FIRST = [
    "Ada",
    "Ben",
    "Cleo",
    "Dara",
    "Emil",
    "Finn",
    "Greta",
    "Hugo",
    "Ida",
    "Jonas",
    "Kira",
    "Lena",
    "Mila",
    "Noah",
    "Olga",
    "Paul",
]
LAST = [
    "Lovelace",
    "Becker",
    "Schulz",
    "Wagner",
    "Hoffmann",
    "Koch",
    "Richter",
    "Klein",
    "Wolf",
    "Neumann",
    "Schwarz",
    "Braun",
    "Zimmermann",
    "Hartmann",
    "Lange",
    "Krause",
    "Werner",
    "Lehmann",
    "Köhler",
    "Maier",
]
TARGET_P95_MS = 100.0
# The overviews whose whole past days a server process sums once (reports.rollup.SETTLED_DAYS),
# each timed once in a fresh process after the customers page has warmed it (its connections,
# the session): the first by day also renders the overview's template the first time; by month
# it then reads a year of hourly rows, by week twelve weeks.
FIRST_VIEWS = {
    "overview by day (its first render)": "/dashboard",
    "overview by month (a year of hours)": "/dashboard?by=month",
    "overview by week": "/dashboard?by=week",
    "overview by month, one location": f"/dashboard?by=month&location={LOCATIONS[0]}",
}
CLI = str(Path(sys.executable).with_name("punchcard"))


def ulid(prefix: str, moment: datetime, rng: random.Random) -> str:
    """A time-ordered id like the server's (kit.ids)."""
    return id_at(prefix, moment, rng.getrandbits(79))


async def fill(connection: asyncpg.Connection, customers: int, stamps: int) -> None:
    from punchcard.dashboard.passwords import hash_password

    now = datetime.now(UTC)
    await connection.execute(
        "INSERT INTO businesses (id, name, timezone, created_at, join_requires_privacy_links)"
        " VALUES ($1, 'Bench Café', 'Europe/Berlin', $2, false)",
        BUSINESS,
        now - timedelta(days=400),
    )
    for number, location in enumerate(LOCATIONS):
        await connection.execute(
            "INSERT INTO locations (business_id, id, name, created_at) VALUES ($1, $2, $3, now())",
            BUSINESS,
            location,
            f"Shop {number + 1}",
        )
    await connection.execute(
        "INSERT INTO staff (business_id, id, name, login, role, active, created_at,"
        " password_hash) VALUES ($1, $2, 'Owner', 'owner', 'owner', true, now(), $3)",
        BUSINESS,
        OWNER,
        await hash_password(PASSWORD),
    )
    await connection.execute(
        "INSERT INTO programs (business_id, id, name, goals, after_last_goal, status,"
        " created_at, updated_at) VALUES ($1, $2, 'Coffee card', '[{\"stamps\": 10,"
        ' "template_id": null, "title": "Coffee"}]\', \'restart\', \'active\', now(), now())',
        BUSINESS,
        PROGRAM,
    )
    await connection.execute(
        """
        INSERT INTO customers (business_id, id, email, phone, name, language, metadata,
                               marketing_consent, created_at, updated_at)
        SELECT $1, 'cus_' || lpad(n::text, 22, '0'), 'c' || n || '@example.com',
               '+4915' || lpad(n::text, 9, '0'),
               ($3::text[])[1 + n % 16] || ' ' || ($4::text[])[1 + (n / 16) % 20] || ' ' || n,
               'de', '{}'::jsonb, n % 3 = 0, now() - (n % 400) * interval '1 day', now()
        FROM generate_series(1, $2) AS n
        """,
        BUSINESS,
        customers,
        FIRST,
        LAST,
    )
    await connection.execute(
        """
        INSERT INTO cards (business_id, id, program_id, customer_id, scan_code, status, stamps,
                           lifetime_stamps, rounds_completed, issued_at, last_stamp_at)
        SELECT $1, 'card_' || lpad(n::text, 22, '0'), $3, 'cus_' || lpad(n::text, 22, '0'),
               upper(lpad(to_hex(n), 8, '0')), 'active', n % 10, n % 50, 0,
               now() - (n % 400) * interval '1 day',
               now() - (n % 120) * interval '1 day' - (n % 86400) * interval '1 second'
        FROM generate_series(1, $2) AS n
        """,
        BUSINESS,
        customers,
        PROGRAM,
    )
    rng = random.Random(7)
    year = timedelta(days=365).total_seconds()
    ledger, events = [], []
    for _ in range(stamps):
        at = now - timedelta(seconds=rng.random() * year)
        card = rng.randint(1, customers)
        ledger.append(
            (BUSINESS, ulid("stp", at, rng), f"card_{card:022d}", 1, rng.choice(LOCATIONS), at)
        )
    for number in range(1, customers + 1):
        at = now - timedelta(days=number % 400)
        events.append((BUSINESS, ulid("evt", at, rng), "card_issued", at, rng.choice(LOCATIONS)))
    vouchers = []
    for number in range(1, stamps // 10 + 1):
        at = now - timedelta(seconds=rng.random() * year)
        customer = rng.randint(1, customers)
        redeemed = at + timedelta(days=3) if number % 2 and at + timedelta(days=3) < now else None
        where = rng.choice(LOCATIONS)
        vouchers.append((BUSINESS, f"vch_{number:022d}", customer, at, redeemed, where))
        events.append((BUSINESS, ulid("evt", at, rng), "voucher_issued", at, where))
        if redeemed:
            events.append(
                (BUSINESS, ulid("evt", redeemed, rng), "voucher_redeemed", redeemed, where)
            )
    # In id (time) order, as a server appends them: a day's rows share pages.
    ledger.sort(key=lambda row: row[1])
    events.sort(key=lambda row: row[1])
    await connection.copy_records_to_table(
        "stamps",
        records=ledger,
        columns=["business_id", "id", "card_id", "count", "location_id", "created_at"],
    )
    await connection.copy_records_to_table(
        "events",
        records=[(*row, "{}") for row in events],
        columns=["business_id", "id", "type", "created_at", "location_id", "payload"],
    )
    await connection.copy_records_to_table(
        "vouchers",
        records=[
            (
                BUSINESS, voucher_id, "voucher", f"cus_{customer:022d}", f"card_{customer:022d}",
                "Free coffee", f"BENCH-{number}", True, '["text", "qr"]',
                "redeemed" if redeemed else "issued", at, redeemed, where if redeemed else None,
                "{}",
            )
            for number, (_, voucher_id, customer, at, redeemed, where) in enumerate(vouchers)
        ],
        columns=[
            "business_id", "id", "type", "customer_id", "card_id", "title", "redeem_code",
            "code_unique", "formats", "status", "issued_at", "redeemed_at",
            "redeemed_location_id", "metadata",
        ],
    )  # fmt: skip
    await connection.execute("VACUUM ANALYZE")  # as autovacuum would: index-only scans work


async def sign_in(client: httpx.AsyncClient) -> None:
    path = f"/dashboard/{BUSINESS}/sign-in"
    page = await client.get(path)
    token = re.search(r'name="csrf_token" value="([^"]+)"', page.text)
    assert token, "no sign-in form"
    form = {"login": "owner", "password": PASSWORD, "csrf_token": token.group(1), "next": ""}
    answer = await client.post(path, data=form)
    assert answer.status_code == 303, answer.text


async def timed(client: httpx.AsyncClient, path: str, requests: int, warm: int = 2) -> list[float]:
    for _ in range(warm):
        (await client.get(path)).raise_for_status()
    took = []
    for _ in range(requests):
        started = time.perf_counter()
        answer = await client.get(path)
        took.append((time.perf_counter() - started) * 1000)
        answer.raise_for_status()
    return took


async def raw(
    connection: asyncpg.Connection, sql: str, *args: object, requests: int
) -> list[float]:
    took = []
    for _ in range(requests + 2):
        started = time.perf_counter()
        await connection.fetch(sql, *args)
        took.append((time.perf_counter() - started) * 1000)
    return took[2:]


def line(name: str, took: list[float], *, held: bool = True) -> str:
    """p50 and p95, marked against the target when a page is ``held`` to it (a read no page
    makes is printed for comparison only)."""
    p50 = statistics.median(took)
    p95 = statistics.quantiles(took, n=20)[-1] if len(took) > 1 else took[0]
    mark = ("ok" if p95 <= TARGET_P95_MS else "OVER") if held else "(no page reads it)"
    return f"  {name:<48} p50 {p50:7.1f} ms   p95 {p95:7.1f} ms   {mark}"


SERVER_LOG = Path(os.environ.get("TMPDIR", "/tmp")) / "punchcard-bench-dashboard.log"


def serve(database_url: str, port: int) -> subprocess.Popen[str]:
    env = {
        **os.environ,
        "PUNCHCARD_DATABASE_URL": database_url,
        "PUNCHCARD_PUBLIC_URL": f"http://127.0.0.1:{port}",
    }
    command = [CLI, "serve", "--host", "127.0.0.1", "--port", str(port), "--no-worker"]
    return subprocess.Popen(
        [*command, "--no-access-log"], env=env, stdout=SERVER_LOG.open("a"),
        stderr=subprocess.STDOUT, text=True,
    )  # fmt: skip


@asynccontextmanager
async def signed_in(database_url: str) -> AsyncIterator[httpx.AsyncClient]:
    """A fresh server process (nothing summed in it yet) and an owner signed in to it."""
    port = free_port()
    server = serve(database_url, port)
    try:
        async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}", timeout=120) as client:
            for _ in range(600):
                try:
                    if (await client.get("/healthz")).status_code == 200:
                        break
                except httpx.TransportError:
                    await asyncio.sleep(0.1)  # the server is still starting
            await sign_in(client)
            yield client
    finally:
        server.terminate()
        server.wait(30)


async def prepare(admin: URL, args: argparse.Namespace) -> tuple[str, bool]:
    """The bench database, migrated: made afresh, or (--reuse-db) the one a --keep-db run
    left, with its figures un-rolled so the cold overview and the rollup are timed again.
    Its URL, and whether it still has to be filled."""
    setup = await connect(admin)
    exists = await setup.fetchval("SELECT 1 FROM pg_database WHERE datname = $1", BENCH_DB)
    reuse = bool(args.reuse_db and exists)
    if not reuse:
        await setup.execute(f'DROP DATABASE IF EXISTS "{BENCH_DB}" WITH (FORCE)')
        await setup.execute(f'CREATE DATABASE "{BENCH_DB}"')
    await setup.close()
    database_url = admin.set(drivername="postgresql", database=BENCH_DB).render_as_string(False)
    from punchcard.db.migrate import upgrade

    await asyncio.to_thread(upgrade, database_url)
    if reuse:
        connection = await connect(admin, BENCH_DB)
        await connection.execute("DELETE FROM hour_figures; DELETE FROM figures_filled")
        await connection.close()
    return database_url, not reuse


async def roll_up_as_the_worker(database_url: str) -> None:
    """What the worker's rollup job does after an upgrade: a year of raw rows, chunk by chunk."""
    from punchcard.config import Settings
    from punchcard.db.engine import Database
    from punchcard.reports.tasks import CHUNK, Rollup

    db = Database(Settings(database_url=database_url))
    started = time.perf_counter()
    chunks = await Rollup(db).run_due(datetime.now(UTC))
    took = time.perf_counter() - started
    await db.dispose()
    print(
        f"the worker's rollup job: {chunks} chunks of {CHUNK.days} days in {took:.1f} s"
        f" ({took * 1000 / max(chunks, 1):.0f} ms a transaction), active customers counted"
    )


async def main(args: argparse.Namespace) -> None:
    admin = make_url(args.server_url)
    database_url, empty = await prepare(admin, args)
    connection = await connect(admin, BENCH_DB)
    try:
        print(f"machine: {os.cpu_count()} cores; PostgreSQL {database_url.split('@')[-1]}")
        print(f"load average (uptime): {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
        SERVER_LOG.write_text("")
        print(f"server log: {SERVER_LOG}")
        if empty:
            started = time.perf_counter()
            await fill(connection, args.customers, args.stamps)
            print(
                f"filled {args.customers:,} customers and cards, {args.stamps:,} stamps, "
                f"{args.stamps // 10:,} vouchers in {time.perf_counter() - started:.0f} s"
            )
        async with signed_in(database_url) as client:
            started = time.perf_counter()
            cold = await client.get("/dashboard")
            first = (time.perf_counter() - started) * 1000
            cold.raise_for_status()
            counting = (
                "says older figures are still being counted"
                if ("still being counted" in cold.text)
                else "all figures counted"
            )
            print(f"first overview, before any rollup: {first:,.0f} ms ({counting})")
        await roll_up_as_the_worker(database_url)
        async with signed_in(database_url) as client:
            print(
                "first overviews after a restart (each sums its whole past days once per"
                " process; target <= 100 ms):"
            )
            (await client.get("/dashboard/customers")).raise_for_status()
            for name, path in FIRST_VIEWS.items():
                print(line(name, await timed(client, path, 1, warm=0)), flush=True)
            customer = f"cus_{args.customers // 2:022d}"
            pages = {
                "GET /healthz (the server's floor)": "/healthz",
                "overview by day": "/dashboard",
                "overview by week": "/dashboard?by=week",
                "overview by month": "/dashboard?by=month",
                "overview by month, one location": f"/dashboard?by=month&location={LOCATIONS[0]}",
                "overview CSV by month": "/dashboard/overview.csv?by=month",
                "customers (newest)": "/dashboard/customers",
                "customers: part of a name": "/dashboard/customers?q=greta+kra",
                "customers: email": "/dashboard/customers?q=c4242%40example.com",
                "customers: card code": "/dashboard/customers?q=0000A1B2",
                "customer page": f"/dashboard/customers/{customer}",
                "team": "/dashboard/staff",
                "locations": "/dashboard/locations",
                "settings": "/dashboard/settings",
            }
            print(f"pages, {args.requests} requests each, one at a time (target p95 <= 100 ms):")
            for name, path in pages.items():
                print(line(name, await timed(client, path, args.requests)), flush=True)
        print("raw SQL of the heaviest reads (asyncpg, prepared):")
        name_search = (
            "SELECT * FROM customers WHERE business_id = $1 AND erased_at IS NULL"
            " AND lower(name) LIKE $2 ORDER BY id DESC LIMIT 25"
        )
        print(
            line(
                "name search",
                await raw(connection, name_search, BUSINESS, "%greta kra%", requests=args.requests),
            )
        )
        print(
            line(
                "email lookup",
                await raw(
                    connection,
                    "SELECT * FROM customers WHERE business_id = $1 AND email = $2",
                    BUSINESS,
                    "c4242@example.com",
                    requests=args.requests,
                ),
            )
        )
        customer_reads = (
            "SELECT * FROM cards WHERE business_id = $1 AND customer_id = $2"
            " ORDER BY id DESC LIMIT 101",
            "SELECT id, payload FROM events WHERE business_id = $1 AND customer_id = $2"
            " ORDER BY id DESC LIMIT 51",
        )
        customer_page = []
        for _ in range(args.requests):
            started = time.perf_counter()
            for sql in customer_reads:
                await connection.fetch(sql, BUSINESS, customer)
            customer_page.append((time.perf_counter() - started) * 1000)
        print(line("a customer's cards and a page of history", customer_page))
        # What the first overview by month in a server process reads (then keeps).
        days = (
            "SELECT CAST(timezone('Europe/Berlin', hour) AS date), sum(stamps), sum(cards),"
            " sum(vouchers_issued), sum(vouchers_redeemed) FROM hour_figures"
            " WHERE business_id = $1 AND hour >= $2 AND hour < $3 GROUP BY 1"
        )
        now = datetime.now(UTC)
        since, until = now - timedelta(days=365), now.replace(hour=0, minute=0, second=0)
        print(
            line(
                "a year of hourly figures by day (once a process)",
                await raw(connection, days, BUSINESS, since, until, requests=args.requests),
            )
        )
        stamps_year = (
            "SELECT date_trunc('day', created_at), sum(count) FROM stamps"
            " WHERE business_id = $1 AND created_at >= $2 GROUP BY 1"
        )
        print(
            line(
                "without the rollup: a year of stamps by day",
                await raw(connection, stamps_year, BUSINESS, since, requests=3),
                held=False,
            )
        )
    finally:
        await connection.close()
        if not args.keep_db:
            dropping = await connect(admin)
            await dropping.execute(f'DROP DATABASE IF EXISTS "{BENCH_DB}" WITH (FORCE)')
            await dropping.close()


def _arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--customers", type=int, default=100_000)
    parser.add_argument("--stamps", type=int, default=1_000_000)
    parser.add_argument("--requests", type=int, default=40)
    parser.add_argument("--server-url", default="postgresql://postgres@127.0.0.1:5432/test")
    parser.add_argument("--keep-db", action="store_true")
    parser.add_argument(
        "--reuse-db", action="store_true", help="time the database a --keep-db run left"
    )
    return parser.parse_args()


if __name__ == "__main__":
    asyncio.run(main(_arguments()))
