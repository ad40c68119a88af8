"""Campaign benchmark: a campaign to ``--recipients`` customers sent by a real `punchcard worker`
to a local SMTP sink, beside a plain aiosmtplib loop sending the same messages to the same sink
in the same run; the same for Telegram against a local fake (beside a plain httpx loop); the
worker's RSS sampled with psutil while it sends; audience counts over ``--cards`` cards with
their EXPLAIN ANALYZE execution times.

The SMTP sink and the fake Telegram are minimal asyncio servers in their own processes that
accept and discard. Everything talks to 127.0.0.1 only; each phase is bounded in time; the
database (``--db-name``, ``punchcard_bench_campaigns``) is dropped at the end unless
``--keep-db``; ``--reuse-db`` counts the audiences of the database a ``--keep-db`` run left
(migrated to the head first, not filled again). Figures are printed, never asserted.

    uv run python benchmarks/campaigns.py [--recipients 100000] [--telegram 100000]
        [--telegram-rate 5000] [--telegram-429-every 0] [--cards 1000000] [--baseline 20000]
        [--server-url postgresql://postgres@127.0.0.1/test] [--only-audiences] [--only-telegram]
        [--keep-db] [--reuse-db] [--db-name punchcard_bench_campaigns]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import multiprocessing
import os
import signal
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import aiosmtplib
import asyncpg
import httpx
import psutil
from aiohttp import ClientSession
from sqlalchemy.engine import make_url

BENCH_DB = "punchcard_bench_campaigns"
CLI = str(Path(sys.executable).with_name("punchcard"))
TOKEN = "7364925117:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw"
# Issue 9's targets, printed beside the figures (a run with fewer recipients says so).
TARGET_SECONDS = "(target <= 60 s at 100,000)"
TARGET_RATIO = "(target >= 0.70)"
TARGET_RSS = "(target <= 200)"


# --- sinks (each in its own process) ---------------------------------------------------------


class _SmtpSink(asyncio.Protocol):
    """Accepts every message and forgets it; counts them in ``counter``."""

    def __init__(self, counter: Any) -> None:
        self.counter, self.buffer, self.data = counter, b"", False

    def connection_made(self, transport: Any) -> None:
        self.transport = transport
        transport.write(b"220 sink ESMTP\r\n")

    def data_received(self, chunk: bytes) -> None:
        self.buffer += chunk
        while True:
            if self.data:
                end = self.buffer.find(b"\r\n.\r\n")
                if end < 0:
                    return
                self.buffer, self.data = self.buffer[end + 5 :], False
                with self.counter.get_lock():
                    self.counter.value += 1
                self.transport.write(b"250 2.0.0 Ok: queued\r\n")
                continue
            end = self.buffer.find(b"\r\n")
            if end < 0:
                return
            line, self.buffer = self.buffer[:end].upper(), self.buffer[end + 2 :]
            if line.startswith((b"EHLO", b"HELO")):
                self.transport.write(
                    b"250-sink\r\n250-PIPELINING\r\n250-8BITMIME\r\n250 SMTPUTF8\r\n"
                )
            elif line.startswith(b"DATA"):
                self.data = True
                self.transport.write(b"354 End data with <CR><LF>.<CR><LF>\r\n")
            elif line.startswith(b"QUIT"):
                self.transport.write(b"221 Bye\r\n")
                self.transport.close()
                return
            else:  # MAIL, RCPT, RSET, NOOP
                self.transport.write(b"250 OK\r\n")


def _smtp_sink(port: int, counter: Any) -> None:
    async def serve() -> None:
        loop = asyncio.get_running_loop()
        server = await loop.create_server(lambda: _SmtpSink(counter), "127.0.0.1", port)
        await server.serve_forever()

    asyncio.run(serve())


class _TelegramSink(asyncio.Protocol):
    """A fake Bot API at a fraction of a web framework's CPU (it shares the cores with the
    sender it measures): HTTP/1.1 keep-alive, ``/bot<token>/<method>`` with a JSON body,
    answered in Telegram's shapes. sendMessage gets ``{"ok": true, "result": <Message>}``
    (its ``message_id``, ``chat`` and ``date``); every ``flood_every``-th one (0: never)
    ``429`` with ``parameters.retry_after`` 1, as Telegram's flood control answers."""

    requests = 0  # sendMessage calls, over every connection

    def __init__(self, counter: Any, flood_every: int) -> None:
        self.counter, self.flood_every, self.buffer = counter, flood_every, b""

    def connection_made(self, transport: Any) -> None:
        self.transport = transport

    def data_received(self, chunk: bytes) -> None:
        self.buffer += chunk
        while True:
            head_end = self.buffer.find(b"\r\n\r\n")
            if head_end < 0:
                return
            head = self.buffer[:head_end].decode("latin-1").split("\r\n")
            length = 0
            for line in head[1:]:
                name, _, value = line.partition(":")
                if name.strip().lower() == "content-length":
                    length = int(value)
            end = head_end + 4 + length
            if len(self.buffer) < end:
                return
            body, self.buffer = self.buffer[head_end + 4 : end], self.buffer[end:]
            status, answer = self._answer(head[0].split(" ")[1].rsplit("/", 1)[-1], body)
            payload = json.dumps(answer).encode()
            self.transport.write(
                f"HTTP/1.1 {status}\r\nContent-Type: application/json\r\n"
                f"Content-Length: {len(payload)}\r\n\r\n".encode()
                + payload
            )

    def _answer(self, method: str, body: bytes) -> tuple[str, dict[str, Any]]:
        if method == "getMe":
            return "200 OK", {
                "ok": True,
                "result": {"id": 1, "is_bot": True, "first_name": "Bench", "username": "bench_bot"},
            }
        if method in ("setWebhook", "deleteWebhook"):
            return "200 OK", {"ok": True, "result": True}
        if method != "sendMessage":
            return "404 Not Found", {
                "ok": False,
                "error_code": 404,
                "description": "Not Found: method not found",
            }
        sent = json.loads(body)
        _TelegramSink.requests += 1
        if self.flood_every and _TelegramSink.requests % self.flood_every == 0:
            return "429 Too Many Requests", {
                "ok": False,
                "error_code": 429,
                "description": "Too Many Requests: retry after 1",
                "parameters": {"retry_after": 1},
            }
        with self.counter.get_lock():
            self.counter.value += 1
            number = self.counter.value
        chat = int(sent["chat_id"])
        return "200 OK", {
            "ok": True,
            "result": {
                "message_id": number,
                "from": {"id": 1, "is_bot": True, "first_name": "Bench", "username": "bench_bot"},
                "chat": {"id": chat, "first_name": "Fan", "type": "private"},
                "date": int(time.time()),
                "text": sent["text"],
            },
        }


def _telegram_sink(port: int, counter: Any, flood_every: int) -> None:
    async def serve() -> None:
        loop = asyncio.get_running_loop()
        server = await loop.create_server(
            lambda: _TelegramSink(counter, flood_every), "127.0.0.1", port
        )
        await server.serve_forever()

    asyncio.run(serve())


def _load() -> str:
    """The load average (1, 5, 15 min): on a shared machine, what the figures were made under."""
    return "load average " + " ".join(f"{n:.1f}" for n in os.getloadavg())


def _free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


# --- database --------------------------------------------------------------------------------


async def _recreate(server_url: str, name: str, reuse: bool) -> tuple[str, bool]:
    """The bench database's URL, and whether it was reused (``reuse`` and it exists)."""
    url = make_url(server_url)
    connection = await asyncpg.connect(
        host=url.host, port=url.port or 5432, user=url.username, database="postgres"
    )
    try:
        reused = reuse and bool(
            await connection.fetchval("SELECT 1 FROM pg_database WHERE datname = $1", name)
        )
        if not reused:
            await connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            await connection.execute(f'CREATE DATABASE "{name}"')
    finally:
        await connection.close()
    return url.set(drivername="postgresql", database=name).render_as_string(False), reused


async def _connect(database_url: str) -> asyncpg.Connection:
    url = make_url(database_url)
    return await asyncpg.connect(
        host=url.host, port=url.port or 5432, user=url.username, database=url.database
    )


async def _business(env: dict[str, str], channel: str, settings: dict[str, Any]) -> str:
    """A business with ``channel`` set up (through the service: the credentials are checked)."""
    from punchcard.businesses.onboarding import onboard
    from punchcard.channels import registry, service
    from punchcard.channels.schemas import CONFIG_SCHEMAS
    from punchcard.config import Settings
    from punchcard.db.engine import Database
    from punchcard.staff.actor import Actor

    db = Database(Settings(database_url=env["PUNCHCARD_DATABASE_URL"]))
    try:
        async with db.transaction() as session:
            made = await onboard(session, name=f"Bench {channel}", location=None)
        actor = Actor.system(made.business_id)
        await service.configure(db, actor, channel, CONFIG_SCHEMAS[channel](**settings))  # type: ignore[arg-type]
    finally:
        await registry.close()  # the credentials check's connections
        await db.dispose()
    return made.business_id


async def _fill(database_url: str, business_id: str, count: int, channel: str) -> None:
    """``count`` customers with consent (and an address) on ``channel``, by generate_series
    (their ``channel_flags`` say so, as ``channels.flags`` keeps them)."""
    connection = await _connect(database_url)
    try:
        await connection.execute(
            """
            INSERT INTO customers (business_id, id, email, name, metadata, marketing_consent,
                                   channel_flags, created_at, updated_at)
            SELECT $1, 'cus_' || lpad(n::text, 22, '0'),
                   CASE WHEN $3::text = 'email' THEN 'fan' || n || '@example.com' END,
                   'Fan ' || n, '{}'::jsonb, true,
                   CASE WHEN $3::text = 'email' THEN 1 ELSE 4 + 32 END, now(), now()
            FROM generate_series(1, $2) AS n
            """,
            business_id,
            count,
            channel,
        )
        await connection.execute(
            """
            INSERT INTO customer_channels (business_id, id, customer_id, channel, address,
                                           consent, updated_at)
            SELECT $1, 'cch_' || lpad(n::text, 22, '0'), 'cus_' || lpad(n::text, 22, '0'), $3::text,
                   CASE WHEN $3::text = 'email' THEN NULL ELSE (100000000 + n)::text END,
                   'granted', now()
            FROM generate_series(1, $2) AS n
            """,
            business_id,
            count,
            channel,
        )
        await connection.execute("ANALYZE")
    finally:
        await connection.close()


async def _campaign(database_url: str, business_id: str, channel: str) -> str:
    from punchcard.campaigns import service, templates
    from punchcard.campaigns.schemas import CampaignIn, TemplateIn
    from punchcard.config import Settings
    from punchcard.db.engine import Database
    from punchcard.staff.actor import Actor

    parts = {"text": "Double stamps today, {{ first_name }}! {{ unsubscribe_link }}"}
    if channel == "email":
        parts["subject"] = "Double stamps, {{ first_name }}"
    db = Database(Settings(database_url=database_url))
    actor = Actor.system(business_id)
    try:
        async with db.transaction() as session:
            template = await templates.create_template(
                session,
                actor,
                data=TemplateIn(name="Bench", channel=channel, bodies={"en": parts}),  # type: ignore[arg-type]
            )
            made = await service.create_campaign(
                session,
                actor,
                data=CampaignIn(name="Bench", channel=channel, template_id=template.id),  # type: ignore[arg-type]
            )
            await service.send_now(session, actor, made.id)
    finally:
        await db.dispose()
    return made.id


# --- phases ----------------------------------------------------------------------------------


async def _smtp_baseline(port: int, count: int) -> float:
    """A plain aiosmtplib loop: one connection, the same kind of message, one after another."""
    from email.message import EmailMessage

    smtp = aiosmtplib.SMTP(hostname="127.0.0.1", port=port, start_tls=False)
    await smtp.connect()
    started = time.perf_counter()
    for n in range(count):
        mail = EmailMessage()
        mail["From"] = "hello@cafe.example"
        mail["To"] = f"fan{n}@example.com"
        mail["Subject"] = f"Double stamps, Fan {n}"
        mail["Message-ID"] = f"<dlv_{n}@cafe.example>"
        mail.set_content(f"Double stamps today, Fan! https://loyalty.example/unsubscribe/{n}")
        await smtp.send_message(mail)
    elapsed = time.perf_counter() - started
    await smtp.quit()
    return count / elapsed


def _telegram_bodies(business_id: str, count: int) -> list[dict[str, Any]]:
    """The sendMessage bodies the campaign sends (the template's text, the same fields)."""
    from punchcard.channels.unsubscribe import unsubscribe_url

    return [
        {
            "chat_id": str(100000000 + n),
            "text": f"Double stamps today, Fan! "
            f"{unsubscribe_url(business_id, f'cus_{n:022d}', 'telegram')}",
            "parse_mode": "HTML",
            "link_preview_options": {"is_disabled": True},
        }
        for n in range(1, count + 1)
    ]


def _accepted(status: int) -> None:
    """A plain loop's answer: sent, or the flood control ``--telegram-429-every`` asked for."""
    if status not in (200, 429):
        raise RuntimeError(f"the fake Telegram answered {status}")


async def _telegram_baseline(port: int, bodies: list[dict[str, Any]]) -> float:
    """A plain httpx loop: one client, sendMessage one after another."""
    url = f"http://127.0.0.1:{port}/bot{TOKEN}/sendMessage"
    async with httpx.AsyncClient() as client:
        started = time.perf_counter()
        for body in bodies:
            _accepted((await client.post(url, json=body)).status_code)
        return len(bodies) / (time.perf_counter() - started)


async def _telegram_ceiling(port: int, bodies: list[dict[str, Any]]) -> float:
    """What the fake and the sender's HTTP client manage alone: aiohttp (the adapter's
    client), as many requests in flight as the sender keeps, no database."""
    from punchcard.campaigns.tasks import IN_FLIGHT

    url = f"http://127.0.0.1:{port}/bot{TOKEN}/sendMessage"
    queue = iter(bodies)
    async with ClientSession() as session:

        async def sender() -> None:
            for body in queue:
                async with session.post(url, json=body) as response:
                    _accepted(response.status)
                    await response.read()

        started = time.perf_counter()
        await asyncio.gather(*(sender() for _ in range(IN_FLIGHT["telegram"])))
        return len(bodies) / (time.perf_counter() - started)


async def _send(
    env: dict[str, str], database_url: str, campaign_id: str, counter: Any, total: int
) -> dict[str, float]:
    """Start a worker, wait (bounded) for the campaign to be sent, sample its RSS."""
    before = counter.value
    worker = subprocess.Popen(  # noqa: ASYNC220 (started once, not waited on)
        [CLI, "worker"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT
    )
    process = psutil.Process(worker.pid)
    connection = await _connect(database_url)
    started, peak, status = time.perf_counter(), 0, ""
    cpu_at_first = None  # the worker's CPU seconds once sending began (start-up excluded)
    try:
        while time.perf_counter() - started < 600:
            peak = max(peak, process.memory_info().rss)
            cpu = sum(process.cpu_times()[:2])
            if cpu_at_first is None and counter.value > before:
                cpu_at_first = cpu
            status = await connection.fetchval(
                "SELECT status FROM campaigns WHERE id = $1", campaign_id
            )
            if status == "sent":
                break
            await asyncio.sleep(0.2)
        elapsed = time.perf_counter() - started
        first = await connection.fetchval(
            "SELECT min(sent_at) FROM message_deliveries WHERE campaign_id = $1", campaign_id
        )
        last = await connection.fetchval(
            "SELECT max(sent_at) FROM message_deliveries WHERE campaign_id = $1", campaign_id
        )
        sent = await connection.fetchval(
            "SELECT count(*) FROM message_deliveries WHERE campaign_id = $1 AND status = 'sent'",
            campaign_id,
        )
    finally:
        await connection.close()
        worker.send_signal(signal.SIGTERM)
        worker.wait(30)
    sending = (last - first).total_seconds() if first and last else float("nan")
    return {
        "status_sent": float(status == "sent"),
        "end_to_end_s": elapsed,
        "sent": float(sent),
        "received": float(counter.value - before),
        "send_rate_per_s": sent / sending if sending else float("nan"),
        "worker_peak_rss_mb": peak / 1e6,
        "worker_cpu_ms": (cpu - (cpu_at_first or 0.0)) * 1000,
        "total": float(total),
    }


AUDIENCES: dict[str, dict[str, Any]] = {
    "everyone": {},
    "program": {"program_id": "prg_a"},
    "last stamped at a location": {"last_stamp_location_id": "loc_b"},
    "stamps 8-9": {"stamps": {"min": 8}},
    "lifetime stamps 10-20": {"lifetime_stamps": {"min": 10, "max": 20}},
    "last stamp before (300+ days)": {"last_stamp_before": "2026-02-01T00:00:00Z"},
    "last stamp after (30 days)": {"last_stamp_after": "2026-11-01T00:00:00Z"},
    "birthday in May": {"birthday_month": 5},
    "holds an unredeemed voucher": {"has_unredeemed_voucher": True},
    "holds no unredeemed voucher": {"has_unredeemed_voucher": False},
    "language de": {"languages": ["de"]},
    "metadata tier=gold": {"metadata": {"tier": "gold"}},
    "email consent": {"consent": "email"},
    "reachable by email": {"reachable_on": "email"},
    "reachable by telegram": {"reachable_on": "telegram"},
    "reachable by wallet": {"reachable_on": "wallet"},
    "program + inactive + email": {
        "program_id": "prg_a",
        "last_stamp_before": "2026-09-01T00:00:00Z",
        "reachable_on": "email",
    },
    "stamps 8+ and German": {"stamps": {"min": 8}, "languages": ["de"]},
}


async def _fill_audience(connection: asyncpg.Connection, business: str, cards: int) -> None:
    """``cards`` customers with a card each; a third in each language and metadata tier; the
    card's last stamp (and its ledger row) over 400 days at three locations; 60 % with email
    consent, 10 % a linked Telegram chat, 30 % a wallet pass, 20 % an unredeemed voucher."""
    await connection.execute(
        "INSERT INTO businesses (id, name, timezone, created_at, join_requires_privacy_links)"
        " VALUES ($1, 'Audience', 'UTC', now(), false)",
        business,
    )
    await connection.execute(
        "INSERT INTO locations (business_id, id, name, created_at)"
        " SELECT $1, 'loc_' || x, x, now() FROM unnest(ARRAY['a', 'b', 'c']) AS x",
        business,
    )
    await connection.execute(
        "INSERT INTO programs (business_id, id, name, goals, after_last_goal, status,"
        " created_at, updated_at) VALUES ($1, 'prg_a', 'A', '[]', 'restart', 'active',"
        " now(), now()), ($1, 'prg_b', 'B', '[]', 'restart', 'active', now(), now())",
        business,
    )
    steps = [
        """
        INSERT INTO customers (business_id, id, email, name, language, birthday, metadata,
                               marketing_consent, channel_flags, created_at, updated_at)
        SELECT $1, 'cus_' || lpad(n::text, 22, '0'), 'a' || n || '@example.com', 'A',
               (ARRAY['en','de','fr'])[1 + n % 3], date '1980-01-01' + (n % 10000),
               jsonb_build_object('tier', (ARRAY['gold','silver','bronze'])[1 + n % 3]),
               true,
               -- channels.flags of the rows below: email consent, Telegram consent and link,
               -- wallet consent
               CASE WHEN n % 10 < 6 THEN 1 ELSE 0 END + CASE WHEN n % 10 = 3 THEN 4 + 32 ELSE 0 END
                 + CASE WHEN n % 2 = 0 THEN 2 ELSE 0 END,
               now(), now()
        FROM generate_series(1, $2) AS n
        """,
        """
        INSERT INTO cards (business_id, id, program_id, customer_id, scan_code, status,
                           stamps, lifetime_stamps, rounds_completed, issued_at,
                           last_stamp_location_id, last_stamp_at, in_wallet)
        SELECT $1, 'card_' || lpad(n::text, 22, '0'), CASE WHEN n % 5 = 0 THEN 'prg_b'
               ELSE 'prg_a' END, 'cus_' || lpad(n::text, 22, '0'), lpad(to_hex(n), 12, '0'),
               'active', n % 10, n % 50, 0, now(), 'loc_' || (ARRAY['a','b','c'])[1 + n % 3],
               timestamptz '2026-12-01' - (n % 400) * interval '1 day'
                 - (n % 977) * interval '1 minute',
               n % 10 IN (0, 1, 2)  -- the wallet passes below
        FROM generate_series(1, $2) AS n
        """,
        """
        INSERT INTO stamps (business_id, id, card_id, count, location_id, created_at)
        SELECT $1, 'stp_' || lpad(n::text, 22, '0'), 'card_' || lpad(n::text, 22, '0'), 1,
               'loc_' || (ARRAY['a','b','c'])[1 + n % 3],
               timestamptz '2026-12-01' - (n % 400) * interval '1 day'
                 - (n % 977) * interval '1 minute'
        FROM generate_series(1, $2) AS n
        """,
        """
        INSERT INTO customer_channels (business_id, id, customer_id, channel, address, consent,
                                       updated_at)
        SELECT $1, 'cch_e' || n, 'cus_' || lpad(n::text, 22, '0'), 'email', NULL,
               CASE WHEN n % 10 < 6 THEN 'granted' ELSE 'withdrawn' END, now()
        FROM generate_series(1, $2) AS n WHERE n % 10 < 8
        """,
        """
        INSERT INTO customer_channels (business_id, id, customer_id, channel, address, consent,
                                       updated_at)
        SELECT $1, 'cch_t' || n, 'cus_' || lpad(n::text, 22, '0'), 'telegram',
               (100000000 + n)::text, 'granted', now()
        FROM generate_series(1, $2) AS n WHERE n % 10 = 3
        """,
        """
        INSERT INTO customer_channels (business_id, id, customer_id, channel, consent, updated_at)
        SELECT $1, 'cch_w' || n, 'cus_' || lpad(n::text, 22, '0'), 'wallet', 'granted', now()
        FROM generate_series(1, $2) AS n WHERE n % 2 = 0
        """,
        """
        INSERT INTO wallet_passes (business_id, id, created_at, updated_at, push_attempts)
        SELECT $1, 'card_' || lpad(n::text, 22, '0'), now(), now(), 0
        FROM generate_series(1, $2) AS n WHERE n % 10 IN (0, 1, 2)
        """,
        """
        INSERT INTO vouchers (business_id, id, customer_id, card_id, title, redeem_code,
                              code_unique, formats, status, issued_at, metadata)
        SELECT $1, 'vch_' || lpad(n::text, 22, '0'), 'cus_' || lpad(n::text, 22, '0'),
               'card_' || lpad(n::text, 22, '0'), 'Coffee', 'C' || n, true, '[]',
               CASE WHEN n % 10 = 7 THEN 'redeemed' ELSE 'issued' END, now(), '{}'
        FROM generate_series(1, $2) AS n WHERE n % 10 IN (6, 7, 8)
        """,
    ]
    for statement in steps:
        await connection.execute(statement, business, cards)
    await connection.execute("VACUUM ANALYZE")  # as autovacuum would have by the next day


async def _audiences(database_url: str, cards: int, fill: bool) -> dict[str, float]:
    """``cards`` customers with a card each in one business (filled unless ``fill`` is false:
    a reused database): each filter's count through the audience query, its best wall time
    of 3, its EXPLAIN ANALYZE time and indexes read."""
    from sqlalchemy.dialects import postgresql

    from punchcard.campaigns.audiences import COUNT_WORK_MEM, count_statement
    from punchcard.campaigns.schemas import Audience

    connection = await _connect(database_url)
    business = "biz_audience"
    try:
        if fill:
            started = time.perf_counter()
            await _fill_audience(connection, business, cards)
            print(f"  filled in {time.perf_counter() - started:.0f} s")
        await connection.execute(f"SET work_mem = '{COUNT_WORK_MEM}'")  # as audiences.count does
        figures = {}
        now = datetime(2026, 12, 1, tzinfo=UTC)
        print(f"  {'filter':<32} {'customers':>10} {'best ms':>8} {'EXPLAIN ms':>10}  indexes")
        for name, audience in AUDIENCES.items():
            statement = count_statement(
                business, Audience.model_validate(audience), "postgresql", now
            )
            sql = str(
                statement.compile(
                    dialect=postgresql.dialect(), compile_kwargs={"literal_binds": True}
                )
            )
            walls = []
            for _ in range(3):
                started = time.perf_counter()
                count = await connection.fetchval(sql)
                walls.append(time.perf_counter() - started)
            plan = json.loads(await connection.fetchval(f"EXPLAIN (ANALYZE, FORMAT JSON) {sql}"))
            executed = plan[0]["Execution Time"]
            indexes = sorted(_indexes(plan[0]["Plan"]))
            print(
                f"  {name:<32} {count:>10,} {min(walls) * 1000:8.1f} {executed:10.1f}"
                f"  {', '.join(indexes) or 'none'}"
            )
            figures[name] = min(walls)
        print(f"  slowest: {max(figures.values()) * 1000:.0f} ms (target <= 1000); {_load()}")
        return figures
    finally:
        await connection.close()


def _indexes(node: dict[str, Any]) -> set[str]:
    found = {node["Index Name"]} if "Index Name" in node else set()
    for child in node.get("Plans", []):
        found |= _indexes(child)
    return found


async def main(args: argparse.Namespace) -> None:
    if args.only_audiences:
        args.recipients = args.telegram = 0
    if args.only_telegram:
        args.recipients = args.cards = 0
    database_url, reused = await _recreate(args.server_url, args.db_name, args.reuse_db)
    from punchcard.db.migrate import upgrade

    await asyncio.to_thread(upgrade, database_url)  # Alembic runs its own event loop
    smtp_port, telegram_port = _free_port(), _free_port()
    smtp_count = multiprocessing.Value("q", 0)
    telegram_count = multiprocessing.Value("q", 0)
    sinks = [
        multiprocessing.Process(target=_smtp_sink, args=(smtp_port, smtp_count), daemon=True),
        multiprocessing.Process(
            target=_telegram_sink,
            args=(telegram_port, telegram_count, args.telegram_429_every),
            daemon=True,
        ),
    ]
    for sink in sinks:
        sink.start()
    await asyncio.sleep(1.0)  # the sinks bind
    env = {
        **os.environ,
        "PUNCHCARD_DATABASE_URL": database_url,
        "PUNCHCARD_PUBLIC_URL": "https://punchcard.test",
        "PUNCHCARD_TELEGRAM_API_BASE_URL": f"http://127.0.0.1:{telegram_port}",
        "PUNCHCARD_CAMPAIGN_MAX_PER_SECOND": json.dumps({"telegram": args.telegram_rate}),
        "PUNCHCARD_LOG_LEVEL": "warning",
        "PUNCHCARD_DB_POOL_SIZE": "10",
    }
    os.environ.update({k: v for k, v in env.items() if k.startswith("PUNCHCARD_")})
    from punchcard.campaigns.tasks import IN_FLIGHT
    from punchcard.config import get_settings

    get_settings.cache_clear()
    try:
        print(
            f"machine: {os.cpu_count()} cores, {_load()}; PostgreSQL {database_url.split('@')[-1]}",
            flush=True,
        )
        if args.recipients:
            email_business = await _business(
                env,
                "email",
                {
                    "host": "127.0.0.1",
                    "port": smtp_port,
                    "security": "none",
                    "from_email": "a@b.co",
                },
            )
            await _fill(database_url, email_business, args.recipients, "email")
            raw = await _smtp_baseline(smtp_port, args.baseline)
            print(f"email: plain aiosmtplib loop (1 connection): {raw:,.0f} messages/s")
            campaign = await _campaign(database_url, email_business, "email")
            got = await _send(env, database_url, campaign, smtp_count, args.recipients)
            print(
                f"email: campaign to {args.recipients:,}: {got['sent']:,.0f} sent "
                f"({got['received']:,.0f} at the sink) in {got['end_to_end_s']:.1f} s end to end "
                f"{TARGET_SECONDS}; sending {got['send_rate_per_s']:,.0f}/s = "
                f"{got['send_rate_per_s'] / raw:.2f} x plain loop {TARGET_RATIO}; worker peak RSS "
                f"{got['worker_peak_rss_mb']:.0f} MB {TARGET_RSS}; {_load()}",
                flush=True,
            )
        if args.telegram:
            tg_business = await _business(env, "telegram", {"bot_token": TOKEN})
            await _fill(database_url, tg_business, args.telegram, "telegram")
            bodies = _telegram_bodies(tg_business, min(args.baseline, args.telegram))
            raw = await _telegram_baseline(telegram_port, bodies)
            print(f"telegram: plain httpx loop: {raw:,.0f} requests/s; {_load()}")
            ceiling = await _telegram_ceiling(telegram_port, bodies)
            print(
                f"telegram: aiohttp, {IN_FLIGHT['telegram']} in flight, no database (the "
                f"fake's and the client's ceiling): {ceiling:,.0f} requests/s; {_load()}"
            )
            campaign = await _campaign(database_url, tg_business, "telegram")
            got = await _send(env, database_url, campaign, telegram_count, args.telegram)
            print(
                f"telegram: campaign to {args.telegram:,} (pace {args.telegram_rate}/s): "
                f"{got['sent']:,.0f} sent in {got['end_to_end_s']:.1f} s end to end "
                f"{TARGET_SECONDS}; sending {got['send_rate_per_s']:,.0f}/s = "
                f"{got['send_rate_per_s'] / raw:.2f} x plain loop {TARGET_RATIO}, "
                f"{got['send_rate_per_s'] / ceiling:.2f} x the ceiling; worker peak RSS "
                f"{got['worker_peak_rss_mb']:.0f} MB {TARGET_RSS}; worker CPU "
                f"{got['worker_cpu_ms'] / got['total']:.2f} ms a message; {_load()}",
                flush=True,
            )
        if args.cards:
            print(f"audience counts over {args.cards:,} cards:")
            await _audiences(database_url, args.cards, fill=not reused)
    finally:
        for sink in sinks:
            sink.terminate()
        if not args.keep_db:
            connection = await asyncpg.connect(
                host=make_url(database_url).host, user="postgres", database="postgres"
            )
            await connection.execute(f'DROP DATABASE IF EXISTS "{args.db_name}" WITH (FORCE)')
            await connection.close()


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--recipients", type=int, default=100_000)
    parser.add_argument("--telegram", type=int, default=100_000)
    # Above Telegram's own limit (1,000/s with paid broadcasts): the target is the sender's
    # cost per message, not the provider's pace (benchmarks/README.md says why).
    parser.add_argument("--telegram-rate", type=float, default=5000.0)
    parser.add_argument(
        "--telegram-429-every",
        type=int,
        default=0,
        help="the fake answers every Nth sendMessage with 429 retry_after 1 (0: never)",
    )
    parser.add_argument("--cards", type=int, default=1_000_000)
    parser.add_argument("--baseline", type=int, default=20_000)
    parser.add_argument("--server-url", default="postgresql://postgres@127.0.0.1:5432/test")
    parser.add_argument("--keep-db", action="store_true")
    parser.add_argument(
        "--reuse-db", action="store_true", help="count the audiences a --keep-db run filled"
    )
    parser.add_argument("--db-name", default=BENCH_DB)
    parser.add_argument(
        "--only-audiences", action="store_true", help="no campaigns: --recipients 0 --telegram 0"
    )
    parser.add_argument(
        "--only-telegram",
        action="store_true",
        help="the Telegram campaign: --recipients 0 --cards 0",
    )
    asyncio.run(main(parser.parse_args()))
