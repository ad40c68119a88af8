"""Automation benchmark: one business with ``--cards`` customers, each holding a card, on
PostgreSQL; one birthday scan and one inactivity scan by the runner (the automation's run rows
and events, in batches), each beside the same work as hand-written SQL (one statement that
matches, records the runs and writes the events) measured in the same run; the matching
query's EXPLAIN ANALYZE; and a runner pass with nothing due.

The database (``punchcard_bench_automations``) is created, filled with generate_series and
dropped at the end. Figures are printed, never asserted.

    uv run python benchmarks/automations.py [--cards 1000000] [--passes 20]
        [--server-url postgresql://postgres@127.0.0.1/test] [--keep-db]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import time
from datetime import UTC, datetime, timedelta
from typing import Any

import asyncpg
from sqlalchemy.engine import URL, make_url

from load_stamp_redeem import connect

BENCH_DB = "punchcard_bench_automations"
BUSINESS = "biz_bench"
PROGRAM = "prg_bench"
INACTIVE_DAYS = 30


async def _recreate(admin: URL) -> str:
    connection = await connect(admin)
    try:
        await connection.execute(f'DROP DATABASE IF EXISTS "{BENCH_DB}" WITH (FORCE)')
        await connection.execute(f'CREATE DATABASE "{BENCH_DB}"')
    finally:
        await connection.close()
    return admin.set(drivername="postgresql", database=BENCH_DB).render_as_string(False)


async def _fill(connection: asyncpg.Connection, cards: int) -> None:
    """``cards`` customers (birthdays over 55 years) with a card each (last stamps over 400
    days, at every time of day), written by generate_series."""
    await connection.execute(
        "INSERT INTO businesses (id, name, timezone, created_at, join_requires_privacy_links)"
        " VALUES ($1, 'Bench', 'UTC', now(), false)",
        BUSINESS,
    )
    await connection.execute(
        "INSERT INTO programs (business_id, id, name, goals, after_last_goal, status,"
        " created_at, updated_at) VALUES ($1, $2, 'Bench card', '[{\"stamps\": 10,"
        ' "template_id": null, "title": "Coffee"}]\', \'restart\', \'active\', now(), now())',
        BUSINESS,
        PROGRAM,
    )
    await connection.execute(
        """
        INSERT INTO customers (business_id, id, email, name, language, birthday, metadata,
                               marketing_consent, created_at, updated_at)
        SELECT $1, 'cus_' || lpad(n::text, 22, '0'), 'b' || n || '@example.com', 'B', 'en',
               date '1950-01-01' + (n % 20089), '{}'::jsonb, true, now(), now()
        FROM generate_series(1, $2) AS n
        """,
        BUSINESS,
        cards,
    )
    await connection.execute(
        """
        INSERT INTO cards (business_id, id, program_id, customer_id, scan_code, status, stamps,
                           lifetime_stamps, rounds_completed, issued_at, last_stamp_at)
        SELECT $1, 'card_' || lpad(n::text, 22, '0'), $3, 'cus_' || lpad(n::text, 22, '0'),
               lpad(to_hex(n), 12, '0'), 'active', n % 10, n % 50, 0,
               now() - interval '500 days',
               now() - (n % 400) * interval '1 day' - (n % 86400) * interval '1 second'
        FROM generate_series(1, $2) AS n
        """,
        BUSINESS,
        cards,
        PROGRAM,
    )
    await connection.execute("ANALYZE")


async def _automation(database_url: str, fields: dict[str, Any], since: datetime) -> str:
    """An automation made by the service, its last scan moved to ``since`` (one period due)."""
    from sqlalchemy import update

    from punchcard.automations import service
    from punchcard.automations.models import Automation
    from punchcard.automations.schemas import AutomationIn
    from punchcard.config import Settings
    from punchcard.db.engine import Database
    from punchcard.staff.actor import Actor

    db = Database(Settings(database_url=database_url))
    try:
        async with db.transaction() as session:
            made = await service.create_automation(
                session, Actor.system(BUSINESS), data=AutomationIn.model_validate(fields)
            )
            await session.execute(
                update(Automation)
                .where(Automation.business_id == BUSINESS, Automation.id == made.id)
                .values(scanned_until=since, started_at=since, next_scan_at=since)
            )
    finally:
        await db.dispose()
    return made.id


async def _scan(database_url: str, automation_id: str, now: datetime) -> tuple[float, int]:
    """The runner's scan of the period due: wall seconds, runs made."""
    from punchcard.automations.tasks import AutomationRunner
    from punchcard.config import Settings
    from punchcard.db.engine import Database

    settings = Settings(database_url=database_url)
    db = Database(settings)
    try:
        runner = AutomationRunner(db, settings, clock=lambda: now)
        started = time.perf_counter()
        scanned = await runner.scan_next(BUSINESS, automation_id, now)
        wall = time.perf_counter() - started
    finally:
        await db.dispose()
    assert scanned is not None
    return wall, scanned.runs


async def _idle(database_url: str, passes: int) -> list[float]:
    """Runner passes over every business with nothing due: milliseconds each."""
    from punchcard.automations.tasks import AutomationRunner
    from punchcard.config import Settings
    from punchcard.db.engine import Database

    settings = Settings(database_url=database_url)
    db = Database(settings)
    try:
        runner = AutomationRunner(db, settings)
        await runner.run_due()  # a warm pool and statement cache, as in a running worker
        took = []
        for _ in range(passes):
            started = time.perf_counter()
            tally = await runner.run_due()
            took.append((time.perf_counter() - started) * 1000)
            assert tally.runs == 0
        return took
    finally:
        await db.dispose()


# The raw baselines: one statement each, matching as the scan does (same indexes), recording
# the runs and writing a payload of the same shape per run.
_EVENT = """
INSERT INTO events (business_id, id, type, created_at, customer_id, card_id, payload)
SELECT r.business_id, 'evt_' || md5(r.id), $3::text, now(), r.customer_id, r.card_id,
       jsonb_build_object(
           'event', $3::text, 'id', 'evt_' || md5(r.id), 'timestamp', now(),
           'business_id', r.business_id, 'location_id', NULL, 'staff_id', NULL,
           'customer', jsonb_build_object('id', cu.id, 'source_id', cu.source_id,
                                          'wallet_pass_id', NULL, 'language', cu.language),
           'card', jsonb_build_object('id', k.id, 'program_id', k.program_id,
                                      'scan_code', k.scan_code, 'stamps', k.stamps,
                                      'lifetime_stamps', k.lifetime_stamps, 'goal_index', 0),
           'voucher', NULL, 'period', r.period,
           'automation', jsonb_build_object('id', r.automation_id, 'name', 'Raw'))
FROM recorded r
JOIN customers cu ON cu.business_id = r.business_id AND cu.id = r.customer_id
JOIN cards k ON k.business_id = r.business_id AND k.id = r.card_id
"""
RAW_BIRTHDAY = (
    """
WITH matched AS (
    SELECT c.id AS customer_id,
           (SELECT k.id FROM cards k
            WHERE k.business_id = c.business_id AND k.customer_id = c.id
              AND k.status = 'active' AND (k.expires_at IS NULL OR k.expires_at > $4)
            ORDER BY k.issued_at DESC LIMIT 1) AS card_id
    FROM customers c
    WHERE c.business_id = $1::text AND EXTRACT(month FROM c.birthday) = $5
      AND EXTRACT(day FROM c.birthday) = $6
), recorded AS (
    INSERT INTO automation_runs (business_id, id, automation_id, customer_id, card_id, period,
                                 status, created_at)
    SELECT $1::text, 'arun_raw' || md5(m.customer_id), $2::text, m.customer_id, m.card_id,
           $7::text, 'done', $4
    FROM matched m WHERE m.card_id IS NOT NULL
    ON CONFLICT DO NOTHING
    RETURNING business_id, id, automation_id, customer_id, card_id, period
)"""
    + _EVENT
)
RAW_INACTIVITY = (
    """
WITH recorded AS (
    INSERT INTO automation_runs (business_id, id, automation_id, customer_id, card_id, period,
                                 status, created_at)
    SELECT $1::text, 'arun_raw' || md5(k.id), $2::text, k.customer_id, k.id,
           to_char(coalesce(k.last_stamp_at, k.issued_at) AT TIME ZONE 'UTC',
                   'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'), 'done', $4
    FROM cards k
    WHERE k.business_id = $1::text AND k.status = 'active'
      AND (k.expires_at IS NULL OR k.expires_at > $4)
      AND coalesce(k.last_stamp_at, k.issued_at) > $5
      AND coalesce(k.last_stamp_at, k.issued_at) <= $6
      AND NOT EXISTS (SELECT 1 FROM cards l
                      WHERE l.business_id = k.business_id AND l.customer_id = k.customer_id
                        AND l.status = 'active'
                        AND coalesce(l.last_stamp_at, l.issued_at)
                            > coalesce(k.last_stamp_at, k.issued_at))
    ON CONFLICT DO NOTHING
    RETURNING business_id, id, automation_id, customer_id, card_id, period
)"""
    + _EVENT
)


async def _raw(connection: asyncpg.Connection, sql: str, *args: Any) -> tuple[float, int]:
    started = time.perf_counter()
    async with connection.transaction():
        status = await connection.execute(sql, *args)
    return time.perf_counter() - started, int(status.split()[-1])


async def _explain(database_url: str, automation_id: str, now: datetime) -> tuple[float, str]:
    """The scan's matching query (as the runner builds it): execution ms and the indexes used."""
    from zoneinfo import ZoneInfo

    from punchcard.automations import rules
    from punchcard.automations.models import Automation
    from punchcard.automations.schedule import due_period
    from punchcard.config import Settings
    from punchcard.db.engine import Database

    db = Database(Settings(database_url=database_url))
    try:
        async with db.transaction() as session:
            automation = await session.get(Automation, (BUSINESS, automation_id))
            assert automation is not None
            zone = ZoneInfo("UTC")
            period = due_period(
                automation.kind, automation.hour, zone, automation.scanned_until, now
            )
            assert period is not None
            statement = rules.matches(automation, period, now, "postgresql")
            compiled = statement.compile(
                dialect=session.get_bind().dialect, compile_kwargs={"render_postcompile": True}
            )
    finally:
        await db.dispose()
    params = [compiled.params[name] for name in compiled.positiontup or ()]
    connection = await connect(make_url(database_url))
    try:
        explain = f"EXPLAIN (ANALYZE, FORMAT JSON) {compiled}"
        plan = json.loads(await connection.fetchval(explain, *params))
    finally:
        await connection.close()
    indexes: set[str] = set()

    def walk(node: dict[str, Any]) -> None:
        if "Index Name" in node:
            indexes.add(node["Index Name"])
        for child in node.get("Plans", []):
            walk(child)

    walk(plan[0]["Plan"])
    return plan[0]["Execution Time"], ", ".join(sorted(indexes))


async def main(args: argparse.Namespace) -> None:
    admin = make_url(args.server_url)
    database_url = await _recreate(admin)
    from punchcard.db.migrate import upgrade

    await asyncio.to_thread(upgrade, database_url)  # Alembic runs its own event loop
    os.environ["PUNCHCARD_DATABASE_URL"] = database_url
    connection = await connect(admin, BENCH_DB)
    try:
        print(f"machine: {os.cpu_count()} cores; PostgreSQL {database_url.split('@')[-1]}")
        started = time.perf_counter()
        await _fill(connection, args.cards)
        filled = time.perf_counter() - started
        print(f"filled {args.cards:,} customers with a card each in {filled:.0f} s")
        now = datetime.now(UTC)
        midnight = now.replace(hour=0, minute=0, second=0, microsecond=0)
        yesterday = midnight - timedelta(days=1)  # with hour 0, today's scan is due

        birthday = await _automation(
            database_url, {"name": "Birthday", "kind": "birthday", "hour": 0}, yesterday
        )
        executed, indexes = await _explain(database_url, birthday, now)
        wall, runs = await _scan(database_url, birthday, now)
        raw_id = await _automation(
            database_url, {"name": "Raw birthday", "kind": "birthday", "hour": 0}, now
        )
        raw_wall, raw_runs = await _raw(
            connection, RAW_BIRTHDAY, BUSINESS, raw_id, "birthday_reached", now,
            midnight.month, midnight.day, str(midnight.year),
        )  # fmt: skip
        print(
            f"birthday scan over {args.cards:,} cards: {runs:,} runs and events in "
            f"{wall * 1000:,.0f} ms ({runs / wall:,.0f}/s); raw SQL: {raw_runs:,} in "
            f"{raw_wall * 1000:,.0f} ms; runner/raw time {wall / raw_wall:.1f} x\n"
            f"  matching query: {executed:,.1f} ms EXPLAIN ANALYZE, indexes: {indexes}"
        )

        inactivity = await _automation(
            database_url,
            {"name": "Win-back", "kind": "inactivity", "days": INACTIVE_DAYS, "hour": 0},
            yesterday,
        )
        executed, indexes = await _explain(database_url, inactivity, now)
        wall, runs = await _scan(database_url, inactivity, now)
        raw_id = await _automation(
            database_url,
            {"name": "Raw", "kind": "inactivity", "days": INACTIVE_DAYS, "hour": 0},
            now,
        )
        gap = timedelta(days=INACTIVE_DAYS)
        raw_wall, raw_runs = await _raw(
            connection, RAW_INACTIVITY, BUSINESS, raw_id, "inactivity_trigger", now,
            yesterday - gap, midnight - gap,
        )  # fmt: skip
        print(
            f"inactivity scan over {args.cards:,} cards: {runs:,} runs and events in "
            f"{wall * 1000:,.0f} ms ({runs / wall:,.0f}/s); raw SQL: {raw_runs:,} in "
            f"{raw_wall * 1000:,.0f} ms; runner/raw time {wall / raw_wall:.1f} x\n"
            f"  matching query: {executed:,.1f} ms EXPLAIN ANALYZE, indexes: {indexes}"
        )

        took = await _idle(database_url, args.passes)
        print(
            f"a runner pass with nothing due: median {statistics.median(took):.2f} ms, "
            f"max {max(took):.2f} ms over {args.passes} passes"
        )
    finally:
        await connection.close()
        if not args.keep_db:
            dropping = await connect(admin)
            await dropping.execute(f'DROP DATABASE IF EXISTS "{BENCH_DB}" WITH (FORCE)')
            await dropping.close()


def _arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cards", type=int, default=1_000_000)
    parser.add_argument("--passes", type=int, default=20)
    parser.add_argument("--server-url", default="postgresql://postgres@127.0.0.1:5432/test")
    parser.add_argument("--keep-db", action="store_true")
    return parser.parse_args()


if __name__ == "__main__":
    asyncio.run(main(_arguments()))
