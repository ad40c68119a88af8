"""Webhook delivery benchmark: events committed to the outbox, delivered to a local receiver.

Sets up a fresh PostgreSQL database with one business and one webhook endpoint (all event
types) pointing at a receiver on 127.0.0.1, then, one after the other:

1. a plain HTTP client: aiohttp (the dispatcher's library), 128 keep-alive connections, POSTs
   a body of the size of a real event to the same receiver as fast as it can: the rate a
   delivery pipeline could reach if it did nothing but HTTP;
2. phase A (throughput): ``--events`` events committed to the ``events`` table as fast as
   possible while ``--workers`` ``punchcard worker`` processes run: deliveries/s from the
   first commit to the last delivery, and commit-to-delivery latency;
3. phase B (latency at offered load): events committed at a steady ``--rate`` per second
   (``--batch`` per transaction) for ``--duration`` seconds: deliveries/s and latency.

The receiver is a raw asyncio protocol in its own process that answers every request 204 and
records when each webhook-id arrived. Latency is the arrival time minus the time the COMMIT of
the event's transaction returned to the committer (both ``time.time()`` on this machine).

It prints the figures, the CPU used by the worker, PostgreSQL, the receiver and this process,
the worker's peak RSS, and the two targets (deliveries >= 0.5 x plain client, issue 11;
p99 <= 200 ms at 1,000 events/s); it writes them to benchmarks/results/webhooks-latest.json.
It prints figures and never asserts timings.

    uv run python benchmarks/webhook_delivery.py [--events 20000] [--rate 1000] [--workers 1]
        [--duration 10] [--server-url postgresql://postgres@127.0.0.1:5432/test]

Everything talks to 127.0.0.1 only; every phase is bounded in time; the database it creates
(``punchcard_bench_webhooks``) is dropped at the end unless ``--keep-db`` is given.
"""

from __future__ import annotations

import argparse
import asyncio
import collections
import contextlib
import json
import os
import platform
import random
import re
import shlex
import signal
import statistics
import sys
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import aiohttp
import asyncpg
import psutil
from sqlalchemy.engine import URL, make_url

from punchcard.kit.clock import isoformat_z
from punchcard.kit.ids import new_id

BENCH_DB = "punchcard_bench_webhooks"  # --db-name: benchmarks running at once need one each
LOOPBACK = {"127.0.0.1", "localhost", "::1"}
HERE = Path(__file__).resolve()
PUNCHCARD = str(Path(sys.executable).with_name("punchcard"))
RESULTS = HERE.parent / "results" / "webhooks-latest.json"
TARGET_RATIO = 0.5
TARGET_P99_MS = 200.0
TARGET_RATE = 1000.0  # events/s at which the p99 target applies
STARTUP_TIMEOUT_S = 60.0
SHUTDOWN_TIMEOUT_S = 30.0
RECORD_TIMEOUT_S = 60.0
STATS_FLUSH_S = 1.5
COUNTERS = ("commits", "rollbacks", "rows_inserted", "rows_updated")
PLAIN_TIME_LIMIT_S = 60.0
PLAIN_CONNECTIONS = 128
WARMUP_EVENTS = 300
CARDS = 2000
PIPE_LIMIT = 1 << 26  # the receiver's dump is one JSON line
POSTGRES_BACKEND = re.compile(r"postgres: \S+: \S+ (\S+) (?:\[local\]|\S+\(\d+\))")
BUSY_ELSEWHERE_WARNING = 0.05


# --- the receiver (its own process: this file run with --receiver) --------------------------

RESPONSE = b"HTTP/1.1 204 No Content\r\n\r\n"


class _Receiving:
    """HTTP/1.1 keep-alive, just enough of it: headers, a Content-Length body, 204."""

    def __init__(self, log: Receipts) -> None:
        self.log = log
        self.buffer = b""
        self.transport: Any = None

    def connection_made(self, transport: Any) -> None:
        self.transport = transport

    def connection_lost(self, exc: Exception | None) -> None:
        self.transport = None

    def data_received(self, data: bytes) -> None:
        now = time.time()
        buffer = self.buffer + data if self.buffer else data
        answers = 0
        while True:
            end = buffer.find(b"\r\n\r\n")
            if end < 0:
                break
            head = buffer[:end]
            lowered = head.lower()
            length = 0
            at = lowered.find(b"\r\ncontent-length:")
            if at >= 0:
                stop = lowered.find(b"\r\n", at + 2)
                length = int(head[at + 17 : stop if stop >= 0 else None])
            total = end + 4 + length
            if len(buffer) < total:
                break
            at = lowered.find(b"\r\nwebhook-id:")
            if at >= 0:
                stop = lowered.find(b"\r\n", at + 2)
                self.log.add(now, head[at + 13 : stop if stop >= 0 else None].strip())
            else:
                self.log.add(now, b"")
            buffer = buffer[total:]
            answers += 1
        self.buffer = buffer
        if answers and self.transport is not None:
            self.transport.write(RESPONSE * answers)

    def eof_received(self) -> bool:
        return False

    def pause_writing(self) -> None:  # 204s are tiny; nothing to hold back
        pass

    def resume_writing(self) -> None:
        pass


class Receipts:
    def __init__(self) -> None:
        self.arrivals: list[tuple[float, bytes]] = []
        self.seen: set[bytes] = set()

    def add(self, when: float, webhook_id: bytes) -> None:
        self.arrivals.append((when, webhook_id))
        self.seen.add(webhook_id)

    def reset(self) -> None:
        self.arrivals, self.seen = [], set()


async def _receive() -> None:
    """Serve on a free port; print it; obey commands read from stdin, one per line."""
    receipts = Receipts()
    loop = asyncio.get_running_loop()
    server = await loop.create_server(
        lambda: _Receiving(receipts),  # type: ignore[arg-type,return-value]
        "127.0.0.1",
        0,
        backlog=1024,
    )
    port = server.sockets[0].getsockname()[1]
    print(f"ready {port} {os.getpid()}", flush=True)
    commands = asyncio.StreamReader()
    await loop.connect_read_pipe(lambda: asyncio.StreamReaderProtocol(commands), sys.stdin)
    while line := (await commands.readline()).strip():
        if line == b"count":
            reply = f"{len(receipts.arrivals)} {len(receipts.seen)}"
        elif line == b"reset":
            receipts.reset()
            reply = "ok"
        elif line == b"dump":
            reply = json.dumps([[when, wid.decode()] for when, wid in receipts.arrivals])
        else:
            reply = f"unknown command {line!r}"
        sys.stdout.write(reply + "\n")
        sys.stdout.flush()
    server.close()


def run_receiver() -> None:
    try:
        import uvloop
    except ImportError:
        asyncio.run(_receive())
    else:
        uvloop.run(_receive())


# --- measuring -------------------------------------------------------------------------------


def percentile(sorted_values: list[float], fraction: float) -> float:
    """Nearest-rank percentile of an already sorted list (0.0 when empty)."""
    if not sorted_values:
        return 0.0
    rank = max(1, round(fraction * len(sorted_values) + 0.5))
    return sorted_values[min(rank, len(sorted_values)) - 1]


def latency_summary(seconds: list[float]) -> dict[str, float]:
    ordered = sorted(seconds)
    return {
        "p50_ms": round(percentile(ordered, 0.50) * 1000, 2),
        "p99_ms": round(percentile(ordered, 0.99) * 1000, 2),
        "max_ms": round((ordered[-1] if ordered else 0.0) * 1000, 2),
    }


def memory_of(pid: int) -> dict[str, float]:
    """Peak (VmHWM) and current (VmRSS) resident memory of a live process, in MB."""
    status = Path(f"/proc/{pid}/status").read_text()
    found = dict(re.findall(r"^(VmHWM|VmRSS):\s+(\d+) kB$", status, re.MULTILINE))
    return {"peak_rss_mb": int(found["VmHWM"]) / 1024, "rss_mb": int(found["VmRSS"]) / 1024}


# --- CPU accounting --------------------------------------------------------------------------


def _processes(database: str) -> dict[int, tuple[str, float]]:
    """Every process: (who, user + system CPU seconds so far). PostgreSQL backends serving
    another database than ``database`` are named after it, so they count as "other"."""
    found = {}
    for process in psutil.process_iter(["name", "cmdline", "cpu_times"]):
        times = process.info["cpu_times"]
        if times is None:
            continue
        name = process.info["name"] or "?"
        if name.startswith("postgres"):
            title = " ".join(process.info["cmdline"] or [])
            backend = POSTGRES_BACKEND.match(title)
            if backend and backend.group(1) != database:
                name = f"postgres backend ({backend.group(1)})"
        found[process.pid] = (name, times.user + times.system)
    return found


@dataclass
class CpuSnapshot:
    wall: float
    processes: dict[int, tuple[str, float]]
    busy: float  # system-wide, all cores, excluding idle and iowait

    @classmethod
    def take(cls, database: str) -> CpuSnapshot:
        system = psutil.cpu_times()
        idle = system.idle + getattr(system, "iowait", 0.0)
        guest = getattr(system, "guest", 0.0) + getattr(system, "guest_nice", 0.0)
        return cls(time.perf_counter(), _processes(database), sum(system) - idle - guest)


def cpu_split(
    before: CpuSnapshot, after: CpuSnapshot, workers: list[int], receiver: int
) -> dict[str, Any]:
    """Core-seconds used between two snapshots, by who used them."""
    me = os.getpid()
    groups = {"bench": 0.0, "worker": 0.0, "receiver": 0.0, "postgres": 0.0, "other": 0.0}
    by_worker = dict.fromkeys(workers, 0.0)
    others_used: dict[str, float] = {}
    for pid, (name, seconds) in after.processes.items():
        used = seconds - before.processes.get(pid, ("", 0.0))[1]
        if pid == me:
            groups["bench"] += used
        elif pid in by_worker:
            groups["worker"] += used
            by_worker[pid] = used
        elif pid == receiver:
            groups["receiver"] += used
        elif name == "postgres":
            groups["postgres"] += used
        else:
            groups["other"] += used
            others_used[name] = others_used.get(name, 0.0) + used
    wall = after.wall - before.wall
    busy = after.busy - before.busy
    return {
        "wall_s": wall,
        "capacity_core_s": wall * (psutil.cpu_count() or 1),
        "busy_core_s": busy,
        **{f"{who}_core_s": used for who, used in groups.items()},
        "worker_core_s_by_pid": {str(pid): used for pid, used in by_worker.items()},
        "other_top": dict(sorted(others_used.items(), key=lambda item: -item[1])[:3]),
        "kernel_or_exited_core_s": max(0.0, busy - sum(groups.values())),
    }


def _rounded(value: Any) -> Any:
    if isinstance(value, float):
        return round(value, 3)
    if isinstance(value, dict):
        return {k: _rounded(v) for k, v in value.items()}
    return value


@dataclass
class Result:
    name: str
    kind: str  # "plain" or "delivery"
    count: int = 0
    elapsed: float = 0.0
    latencies: list[float] = field(default_factory=list)
    errors: collections.Counter[str] = field(default_factory=collections.Counter)
    cpu: dict[str, Any] = field(default_factory=dict)
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def rate(self) -> float:
        return self.count / self.elapsed if self.elapsed else 0.0

    def summary(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "count": self.count,
            "elapsed_s": round(self.elapsed, 3),
            "per_second": round(self.rate, 1),
            **latency_summary(self.latencies),
            "errors": sum(self.errors.values()),
            "errors_by_kind": dict(self.errors),
            **_rounded(self.extra),
            "cpu": _rounded(self.cpu),
        }


# --- processes: the receiver and the workers -------------------------------------------------


class Receiver:
    def __init__(self) -> None:
        self.process: asyncio.subprocess.Process | None = None
        self.port = 0
        self.lock = asyncio.Lock()

    @property
    def pid(self) -> int:
        assert self.process is not None
        return self.process.pid

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/hooks"

    async def start(self) -> None:
        self.process = await asyncio.create_subprocess_exec(
            sys.executable,
            str(HERE),
            "--receiver",
            stdin=asyncio.subprocess.PIPE,
            stdout=asyncio.subprocess.PIPE,
            limit=PIPE_LIMIT,
        )
        line = await asyncio.wait_for(self._line(), STARTUP_TIMEOUT_S)
        word, port, _pid = line.split()
        if word != "ready":
            raise SystemExit(f"receiver did not start: {line}")
        self.port = int(port)

    async def _line(self) -> str:
        assert self.process is not None
        assert self.process.stdout is not None
        raw = await self.process.stdout.readline()
        if not raw:
            raise SystemExit("the receiver exited")
        return raw.decode().strip()

    async def ask(self, command: str) -> str:
        assert self.process is not None
        assert self.process.stdin is not None
        async with self.lock:
            self.process.stdin.write(command.encode() + b"\n")
            await self.process.stdin.drain()
            return await asyncio.wait_for(self._line(), 60)

    async def count(self) -> tuple[int, int]:
        requests, distinct = (await self.ask("count")).split()
        return int(requests), int(distinct)

    async def reset(self) -> None:
        await self.ask("reset")

    async def dump(self) -> list[tuple[float, str]]:
        return [(when, wid) for when, wid in json.loads(await self.ask("dump"))]

    async def stop(self) -> None:
        if self.process is None or self.process.returncode is not None:
            return
        assert self.process.stdin is not None
        self.process.stdin.close()
        try:
            await asyncio.wait_for(self.process.wait(), 10)
        except TimeoutError:
            self.process.kill()
            await self.process.wait()


class Worker:
    """One ``punchcard worker`` process; ready once it logged that it started."""

    def __init__(self, env: dict[str, str], command: list[str]) -> None:
        self.env, self.command = env, command
        self.process: asyncio.subprocess.Process | None = None
        self.output: collections.deque[str] = collections.deque(maxlen=200)
        self.error_lines: list[str] = []
        self._ready = asyncio.Event()
        self._reader: asyncio.Task[None] | None = None

    @property
    def pid(self) -> int:
        assert self.process is not None
        return self.process.pid

    async def start(self) -> None:
        self.process = await asyncio.create_subprocess_exec(
            *self.command,
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.STDOUT,
            env=self.env,
            limit=1 << 20,
        )
        self._reader = asyncio.create_task(self._read())
        try:
            await asyncio.wait_for(self._ready.wait(), STARTUP_TIMEOUT_S)
        except TimeoutError:
            raise SystemExit(self._explain("did not start")) from None
        if self.process.returncode is not None:
            raise SystemExit(self._explain("exited during start-up"))

    async def _read(self) -> None:
        assert self.process is not None
        assert self.process.stdout is not None
        async for raw in self.process.stdout:
            line = raw.decode(errors="replace").rstrip()
            self.output.append(line)
            if "webhook worker started" in line:
                self._ready.set()
            elif self._ready.is_set() and any(
                word in line for word in ("ERROR", "Traceback", "failed", "unavailable")
            ):
                self.error_lines.append(line)
        self._ready.set()  # exited: wake start() up so it can report it

    def _explain(self, what: str) -> str:
        tail = "\n".join(self.output)
        return f"punchcard worker {what}. Its last output:\n{tail}"

    async def stop(self) -> None:
        if self.process is None or self.process.returncode is not None:
            return
        self.process.send_signal(signal.SIGTERM)
        try:
            await asyncio.wait_for(self.process.wait(), SHUTDOWN_TIMEOUT_S)
        except TimeoutError:
            print(f"worker {self.pid} did not stop on SIGTERM; killing it", file=sys.stderr)
            self.process.kill()
            await self.process.wait()
        if self._reader is not None:
            await self._reader


# --- set-up ----------------------------------------------------------------------------------


async def connect(url: URL, database: str | None = None) -> asyncpg.Connection:
    return await asyncpg.connect(
        host=url.host,
        port=url.port or 5432,
        user=url.username,
        password=url.password,
        database=database or url.database or "postgres",
    )


async def recreate_database(admin: URL, database: str) -> None:
    connection = await connect(admin)
    try:
        await connection.execute(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')
        await connection.execute(f'CREATE DATABASE "{database}"')
    finally:
        await connection.close()


async def drop_database(admin: URL, database: str) -> None:
    connection = await connect(admin)
    try:
        await connection.execute(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')
    finally:
        await connection.close()


async def run_cli(env: dict[str, str], *arguments: str) -> str:
    process = await asyncio.create_subprocess_exec(
        PUNCHCARD,
        *arguments,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
        env=env,
    )
    out, err = await asyncio.wait_for(process.communicate(), STARTUP_TIMEOUT_S)
    if process.returncode != 0:
        raise SystemExit(f"punchcard {' '.join(arguments)} failed:\n{err.decode()}")
    return out.decode()


async def create_endpoint(database_url: str, business_id: str, url: str) -> str:
    """The endpoint, through the service layer (the settings come from os.environ)."""
    from punchcard.config import get_settings
    from punchcard.db.engine import Database
    from punchcard.staff.actor import Actor
    from punchcard.webhooks import service
    from punchcard.webhooks.schemas import EndpointCreate

    db = Database(get_settings())
    try:
        async with db.transaction() as session:
            endpoint, _secret = await service.create_endpoint(
                session,
                Actor.system(business_id),
                data=EndpointCreate(url=url, description="benchmark receiver"),
            )
            return endpoint.id
    finally:
        await db.dispose()


# --- events ----------------------------------------------------------------------------------

INSERT_EVENTS = """
INSERT INTO events (business_id, id, type, created_at, location_id, customer_id, card_id,
                    voucher_id, payload)
SELECT $1, u.id, 'stamp_added', $2, $3, u.customer_id, u.card_id, NULL, u.payload::jsonb
FROM unnest($4::text[], $5::text[], $6::text[], $7::text[]) AS u(id, customer_id, card_id, payload)
"""


class Committer:
    """Writes stamp_added events shaped like the API's (fresh ids, a card drawn from a pool),
    one transaction per batch, and remembers when each event's COMMIT returned."""

    def __init__(self, connection: asyncpg.Connection, business_id: str, location_id: str) -> None:
        from punchcard.events import catalogue

        self.connection = connection
        self.business_id, self.location_id = business_id, location_id
        self.template = catalogue.sample("stamp_added")
        self.cards = [
            (new_id("card"), new_id("cus"), f"{random.randrange(36**8):08X}") for _ in range(CARDS)
        ]
        self.committed: dict[str, float] = {}
        self.statement: Any = None
        self.commit_seconds: list[float] = []

    async def prepare(self) -> None:
        self.statement = await self.connection.prepare(INSERT_EVENTS)

    def _rows(self, count: int, at: datetime) -> tuple[list[str], list[str], list[str], list[str]]:
        ids, customers, cards, payloads = [], [], [], []
        timestamp = isoformat_z(at)
        for _ in range(count):
            card_id, customer_id, scan_code = random.choice(self.cards)
            event_id = new_id("evt")
            stamps = random.randrange(10)
            payload = {
                **self.template,
                "id": event_id,
                "timestamp": timestamp,
                "business_id": self.business_id,
                "location_id": self.location_id,
                "customer": {**self.template["customer"], "id": customer_id},
                "card": {
                    **self.template["card"],
                    "id": card_id,
                    "scan_code": scan_code,
                    "stamps": stamps,
                    "lifetime_stamps": stamps + 10,
                },
                "stamp": {"id": new_id("stp"), "count": 1, "note": None},
            }
            ids.append(event_id)
            customers.append(customer_id)
            cards.append(card_id)
            payloads.append(json.dumps(payload, separators=(",", ":")))
        return ids, customers, cards, payloads

    async def commit(self, count: int) -> float:
        """Commit ``count`` events in one transaction; returns when the COMMIT returned."""
        at = datetime.now(UTC)
        ids, customers, cards, payloads = self._rows(count, at)
        started = time.time()
        await self.statement.fetch(  # one statement, autocommitted: one round trip
            self.business_id, at, self.location_id, ids, customers, cards, payloads
        )
        done = time.time()
        self.commit_seconds.append(done - started)
        for event_id in ids:
            self.committed[event_id] = done
        return done

    async def flush_statistics(self) -> None:
        await self.connection.execute("SELECT pg_stat_force_next_flush()")


# --- the step and the record alone (--queue-only) ----------------------------------------------

QUEUE_BATCHES = ((500, 10), (20, 50))  # events per batch (500: phase A, 20: phase B), batches
QUEUE_WARM_UP = 2  # batches first run and not counted: statements prepared, caches filled


async def queue_only(bench: URL, made: dict[str, str]) -> None:
    """The worker's step (fan-out) and record of a batch of committed events, in this process
    with no HTTP (every outcome a 204): their CPU per delivery, which the load of a shared
    machine moves far less than the rates. Run it with another interpreter (another tree's
    ``.venv/bin/python``) to measure that tree's queue."""
    from punchcard.config import get_settings
    from punchcard.db.engine import Database
    from punchcard.kit.clock import utcnow
    from punchcard.webhooks import queue
    from punchcard.webhooks.sender import Outcome

    db = Database(get_settings())
    connection = await connect(bench)
    committer = Committer(connection, made["business_id"], made["location_id"])
    await committer.prepare()
    lease = timedelta(seconds=60)
    try:
        for batch, count in QUEUE_BATCHES:
            per_delivery = []
            for _ in range(QUEUE_WARM_UP + count):
                await committer.commit(batch)
                started = time.process_time()
                async with db.transaction() as session:
                    fanned = await queue.fan_out(session, utcnow(), batch, lease=lease, room=batch)
                outcomes = [(claim, Outcome(204, 1.0, "", None, None)) for claim in fanned.claims]
                async with db.transaction() as session:
                    await queue.complete(session, outcomes, utcnow())
                per_delivery.append((time.process_time() - started) / max(1, len(outcomes)) * 1e6)
            counted = sorted(per_delivery[QUEUE_WARM_UP:])
            print(
                f"step and record, batches of {batch}: {statistics.median(counted):.1f} µs of CPU"
                f" per delivery (median of {count} batches; {counted[0]:.1f} to {counted[-1]:.1f})"
            )
    finally:
        await connection.close()
        await db.dispose()


def sample_body(business_id: str, location_id: str) -> tuple[bytes, dict[str, str]]:
    """A body and headers the size of a real delivery, for the plain client."""
    from punchcard.events import catalogue
    from punchcard.webhooks.signing import new_secret, signature_header

    payload = {
        **catalogue.sample("stamp_added"),
        "id": new_id("evt"),
        "business_id": business_id,
        "location_id": location_id,
    }
    # As PostgreSQL prints the stored payload (JSONB as text), which the worker sends as is.
    body = json.dumps(payload, ensure_ascii=False).encode()
    timestamp = int(time.time())
    headers = {
        "content-type": "application/json",
        "user-agent": "Punchcard-Webhooks/0.1.0",
        "webhook-id": "plain",
        "webhook-timestamp": str(timestamp),
        "webhook-signature": signature_header([new_secret()], payload["id"], timestamp, body),
    }
    return body, headers


# --- the plain client ------------------------------------------------------------------------


@dataclass
class PlainRun:
    count: int
    elapsed: float
    latencies: list[float]
    errors: collections.Counter[str]
    cpu_before: CpuSnapshot  # taken once the connections are open
    cpu_after: CpuSnapshot


async def plain_aiohttp(
    url: str, body: bytes, headers: dict[str, str], total: int, database: str
) -> PlainRun:
    latencies: list[float] = []
    errors: collections.Counter[str] = collections.Counter()
    left = total
    connector = aiohttp.TCPConnector(limit=PLAIN_CONNECTIONS, force_close=False)
    deadline = time.perf_counter() + PLAIN_TIME_LIMIT_S

    async with aiohttp.ClientSession(connector=connector) as http:

        async def one() -> None:
            started = time.perf_counter()
            try:
                async with http.post(url, data=body, headers=headers) as response:
                    await response.read()
                    if response.status != 204:
                        errors[str(response.status)] += 1
            except aiohttp.ClientError as exc:
                errors[type(exc).__name__] += 1
            latencies.append(time.perf_counter() - started)

        async def client() -> None:
            nonlocal left
            while left > 0 and time.perf_counter() < deadline:
                left -= 1
                await one()

        await asyncio.gather(*(one() for _ in range(PLAIN_CONNECTIONS)))  # connect: not timed
        latencies.clear()
        cpu = CpuSnapshot.take(database)
        started = time.perf_counter()
        await asyncio.gather(*(client() for _ in range(PLAIN_CONNECTIONS)))
        elapsed = time.perf_counter() - started
    return PlainRun(len(latencies), elapsed, latencies, errors, cpu, CpuSnapshot.take(database))


# --- measuring a delivery phase --------------------------------------------------------------


@dataclass
class Rig:
    args: argparse.Namespace
    bench: URL
    receiver: Receiver
    workers: list[Worker]
    committer: Committer
    db: BenchDatabase

    @property
    def worker_pids(self) -> list[int]:
        return [worker.pid for worker in self.workers]

    def snapshot(self) -> CpuSnapshot:
        return CpuSnapshot.take(self.bench.database or BENCH_DB)


async def wait_delivered(rig: Rig, expected: set[str], deadline: float) -> bool:
    """Until the receiver saw every expected webhook-id (or the deadline passes)."""
    while time.time() < deadline:
        _requests, distinct = await rig.receiver.count()
        if distinct >= len(expected):
            arrivals = await rig.receiver.dump()
            if expected <= {wid for _, wid in arrivals}:
                return True
        await asyncio.sleep(0.05)
    return False


async def wait_recorded(rig: Rig, expected: int) -> float | None:
    """Seconds until the workers have recorded ``expected`` successful attempts."""
    started = time.time()
    while time.time() - started < RECORD_TIMEOUT_S:
        done = await rig.db.fetchval(
            "SELECT count(*) FROM webhook_messages WHERE status = 'succeeded'"
        )
        if done >= expected:
            return time.time() - started
        await asyncio.sleep(0.05)
    return None


class BenchDatabase:
    """Queries of the benchmark's own, counted, so its transactions can be told apart from
    the workers' in pg_stat_database."""

    def __init__(self, url: URL) -> None:
        self.url = url
        self.connection: asyncpg.Connection | None = None
        self.transactions = 0

    async def fetchval(self, sql: str, *args: Any) -> Any:
        if self.connection is None:
            self.connection = await connect(self.url)
        self.transactions += 1
        return await self.connection.fetchval(sql, *args)

    async def counters(self) -> dict[str, int]:
        """Transactions and rows so far. Busy backends flush their statistics at most once a
        second, so this waits a little first."""
        await asyncio.sleep(STATS_FLUSH_S)
        row = await self.fetchval(
            "SELECT ARRAY[xact_commit, xact_rollback, tup_inserted, tup_updated]"
            " FROM pg_stat_database WHERE datname = $1",
            self.url.database,
        )
        return dict(zip(COUNTERS, row, strict=True))

    async def close(self) -> None:
        if self.connection is not None:
            await self.connection.close()


async def delivery_phase(
    rig: Rig, name: str, commit: Any, recorded_before: int, offered: float | None = None
) -> Result:
    """Run ``commit`` (which commits events), wait for their delivery, and measure."""
    await rig.receiver.reset()
    rig.committer.committed.clear()
    rig.committer.commit_seconds.clear()
    db_before = await rig.db.counters()
    own_before = rig.db.transactions
    before = rig.snapshot()
    first_commit = time.time()
    await commit()
    last_commit = time.time()
    committed = dict(rig.committer.committed)
    complete = await wait_delivered(rig, set(committed), last_commit + rig.args.drain_timeout)
    after = rig.snapshot()
    arrivals = await rig.receiver.dump()
    recorded = await wait_recorded(rig, recorded_before + len(committed))
    await rig.committer.flush_statistics()
    db_after = await rig.db.counters()
    database = {key: db_after[key] - db_before[key] for key in db_after}
    # The workers' share: less the committer's transactions and this benchmark's own reads.
    database["worker_commits"] = (
        database["commits"]
        - len(rig.committer.commit_seconds)
        - (rig.db.transactions - own_before)
        - 1  # the committer's statistics flush
    )

    first_arrival: dict[str, float] = {}
    duplicates = strangers = 0
    for when, wid in arrivals:
        if wid not in committed:
            strangers += 1
        elif wid in first_arrival:
            duplicates += 1
        else:
            first_arrival[wid] = when
    latencies = [when - committed[wid] for wid, when in first_arrival.items()]
    last_arrival = max(first_arrival.values(), default=first_commit)
    result = Result(name, "delivery")
    result.count = len(first_arrival)
    result.elapsed = last_arrival - first_commit
    result.latencies = latencies
    if len(first_arrival) < len(committed):
        result.errors["not delivered in time"] = len(committed) - len(first_arrival)
    if duplicates:
        result.errors["delivered twice"] = duplicates
    if strangers:
        result.errors["unknown webhook-id"] = strangers
    commit_s = sorted(rig.committer.commit_seconds)
    result.extra = {
        "events": len(committed),
        "complete": complete,
        "commit_s": last_commit - first_commit,
        "commits": len(commit_s),
        "offered_per_second": len(committed) / (last_commit - first_commit),
        "target_offered_per_second": offered,
        "commit_p50_ms": percentile(commit_s, 0.5) * 1000,
        "commit_p99_ms": percentile(commit_s, 0.99) * 1000,
        "last_delivery_after_last_commit_s": last_arrival - last_commit,
        "all_recorded_after_last_delivery_s": recorded,
        "database": database,
    }
    result.cpu = cpu_split(before, after, rig.worker_pids, rig.receiver.pid)
    return result


async def phase_a(rig: Rig, recorded_before: int) -> Result:
    async def commit() -> None:
        left = rig.args.events
        while left > 0:
            count = min(left, rig.args.batch_a)
            await rig.committer.commit(count)
            left -= count

    return await delivery_phase(rig, "A: throughput", commit, recorded_before)


async def phase_b(rig: Rig, recorded_before: int) -> Result:
    args = rig.args
    interval = args.batch / args.rate
    batches = max(1, round(args.duration / interval))

    async def commit() -> None:
        loop = asyncio.get_running_loop()
        start = loop.time()
        for index in range(batches):
            delay = start + index * interval - loop.time()
            if delay > 0:
                await asyncio.sleep(delay)
            await rig.committer.commit(args.batch)

    name = f"B: {args.rate:g} events/s"
    return await delivery_phase(rig, name, commit, recorded_before, offered=args.rate)


async def plain_phase(
    name: str,
    client: Any,
    receiver: Receiver,
    body: bytes,
    headers: dict[str, str],
    total: int,
    database: str,
) -> Result:
    await receiver.reset()
    run: PlainRun = await client(receiver.url, body, headers, total, database)
    requests, _ = await receiver.count()
    result = Result(name, "plain", run.count, run.elapsed, run.latencies, run.errors)
    result.cpu = cpu_split(run.cpu_before, run.cpu_after, [], receiver.pid)
    result.extra = {"receiver_requests_with_warmup": requests}
    return result


# --- report ----------------------------------------------------------------------------------


def print_report(
    args: argparse.Namespace, context: dict[str, Any], results: list[Result], memory: Any
) -> dict[str, Any]:
    summaries = {result.name: result.summary() for result in results}
    print()
    print(
        f"{'phase':<30} {'count':>7} {'per s':>8} {'p50 ms':>8} {'p99 ms':>8} {'max ms':>8}"
        f" {'errors':>6}"
    )
    for name, s in summaries.items():
        print(
            f"{name:<30} {s['count']:>7} {s['per_second']:>8.1f} {s['p50_ms']:>8.1f}"
            f" {s['p99_ms']:>8.1f} {s['max_ms']:>8.1f} {s['errors']:>6}"
        )
    print(
        "  (plain: requests and their round-trip time; A, B: deliveries, from the first commit"
        " to the last delivery, and commit-to-delivery latency)"
    )
    for name, s in summaries.items():
        if s["errors"]:
            print(f"  {name} errors: {s['errors_by_kind']}")
        if s["kind"] != "delivery":
            continue
        print(
            f"  {name}: {s['events']} events in {s['commits']} commits over {s['commit_s']:.2f} s"
            f" ({s['offered_per_second']:.1f}/s offered; commit p50 {s['commit_p50_ms']:.1f} ms,"
            f" p99 {s['commit_p99_ms']:.1f} ms); last delivery"
            f" {s['last_delivery_after_last_commit_s']:.2f} s after the last commit"
        )
        db = s["database"]
        if s["count"]:
            print(
                f"  {'':<{len(name)}}  database: {db['worker_commits']} worker transactions"
                f" ({db['worker_commits'] / s['count']:.2f} per delivery), {db['rollbacks']}"
                f" rollbacks; per delivery {db['rows_inserted'] / s['count']:.2f} rows inserted,"
                f" {db['rows_updated'] / s['count']:.2f} updated (events included)"
            )
        recorded = s["all_recorded_after_last_delivery_s"]
        shown = "not within the limit" if recorded is None else f"{recorded:.2f} s later"
        print(f"  {'':<{len(name)}}  every attempt recorded as succeeded: {shown}")

    print()
    print("CPU used during each phase, in core-seconds:")
    print(
        f"  {'phase':<30} {'wall s':>6} {'worker':>7} {'postgres':>8} {'receiver':>8}"
        f" {'bench':>6} {'other':>6} {'kernel':>6} {'idle':>6}"
    )
    for name, s in summaries.items():
        cpu = s["cpu"]
        idle = max(0.0, cpu["capacity_core_s"] - cpu["busy_core_s"])
        print(
            f"  {name:<30} {cpu['wall_s']:>6.1f} {cpu['worker_core_s']:>7.2f}"
            f" {cpu['postgres_core_s']:>8.2f} {cpu['receiver_core_s']:>8.2f}"
            f" {cpu['bench_core_s']:>6.2f} {cpu['other_core_s']:>6.2f}"
            f" {cpu['kernel_or_exited_core_s']:>6.2f} {idle:>6.2f}"
        )
        if s["count"]:
            per = {
                who: cpu[f"{who}_core_s"] / s["count"] * 1e6
                for who in ("worker", "postgres", "receiver", "bench")
                if cpu[f"{who}_core_s"] > 0.005
            }
            shown = ", ".join(f"{who} {us:.0f}" for who, us in per.items())
            print(f"  {'':<30} CPU µs per request/delivery: {shown}")
        if cpu["other_core_s"] > BUSY_ELSEWHERE_WARNING * cpu["capacity_core_s"]:
            top = ", ".join(f"{who} {used:.1f}" for who, used in cpu["other_top"].items())
            print(f"  {'':<30} WARNING: other processes were busy ({top}): figures understated")

    plain = next(r for r in results if r.name.startswith("plain aiohttp"))
    a = next(r for r in results if r.name.startswith("A:"))
    b = next(r for r in results if r.name.startswith("B:"))
    ratio = a.rate / plain.rate if plain.rate else 0.0
    b_summary = summaries[b.name]
    receiver_us = plain.cpu["receiver_core_s"] / plain.count * 1e6 if plain.count else 0.0

    def busy(result: Result, pid: int) -> str:
        used = result.cpu["worker_core_s_by_pid"].get(str(pid), 0.0)
        return f"{used:.2f} s ({used / result.cpu['wall_s'] * 100:.0f}% of a core)"

    print()
    print("Worker processes (peak RSS = VmHWM, read before stopping them):")
    for pid, figures in memory.items():
        print(
            f"  pid {pid}: peak RSS {figures['peak_rss_mb']:.1f} MB,"
            f" now {figures['rss_mb']:.1f} MB,"
            f" CPU {busy(a, pid)} in A, {busy(b, pid)} in B"
        )
    print(
        f"Receiver: {receiver_us:.0f} µs of CPU per request during the plain aiohttp run"
        f" (one core would answer ~{1e6 / receiver_us if receiver_us else 0:,.0f} requests/s)"
    )
    print()
    print(
        f"deliveries/plain ratio: {ratio:.2f} ({a.rate:.0f} deliveries/s in phase A /"
        f" {plain.rate:.0f} requests/s plain aiohttp; target >= {TARGET_RATIO:.2f})"
    )
    print(
        f"p99 at {b_summary['offered_per_second']:.0f} events/s offered: {b_summary['p99_ms']:.0f}"
        f" ms (target <= {TARGET_P99_MS:.0f} ms at {TARGET_RATE:,.0f}/s)"
    )
    return {
        "when": datetime.now(UTC).isoformat().replace("+00:00", "Z"),
        "context": context,
        "phases": summaries,
        "workers": {str(pid): _rounded(figures) for pid, figures in memory.items()},
        "receiver_cpu_us_per_request": round(receiver_us, 1),
        "targets": {
            "deliveries_plain_ratio": {"value": round(ratio, 3), "target": f">= {TARGET_RATIO}"},
            "p99_ms_at_offered_rate": {
                "value": b_summary["p99_ms"],
                "offered_per_second": round(b_summary["offered_per_second"], 1),
                "target": f"<= {TARGET_P99_MS} at {TARGET_RATE:g}/s",
            },
        },
    }


# --- main ------------------------------------------------------------------------------------


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, default=20_000, help="events of phase A")
    parser.add_argument("--batch-a", type=int, default=500, help="events per commit in phase A")
    parser.add_argument("--rate", type=float, default=1000.0, help="events/s offered in phase B")
    parser.add_argument("--batch", type=int, default=10, help="events per commit in phase B")
    parser.add_argument("--duration", type=float, default=10.0, help="seconds of phase B")
    parser.add_argument("--workers", type=int, default=1, help="punchcard worker processes")
    parser.add_argument(
        "--plain-requests", type=int, default=20_000, help="requests of the plain client"
    )
    parser.add_argument(
        "--drain-timeout",
        type=float,
        default=300.0,
        help="seconds after the last commit to wait for the last delivery",
    )
    parser.add_argument(
        "--poll-seconds", type=float, help="PUNCHCARD_WEBHOOK_POLL_SECONDS (default: inherited)"
    )
    parser.add_argument(
        "--max-in-flight", type=int, help="PUNCHCARD_WEBHOOK_MAX_IN_FLIGHT (default: inherited)"
    )
    parser.add_argument(
        "--worker-command",
        help="command that starts one worker (default: punchcard worker); for trying a variant",
    )
    parser.add_argument(
        "--server-url",
        default="postgresql://postgres@127.0.0.1:5432/test",
        help="a PostgreSQL server on loopback; the benchmark creates and drops --db-name there",
    )
    parser.add_argument(
        "--db-name", default=BENCH_DB, help="the database to create, use and drop (a scratch one)"
    )
    parser.add_argument("--keep-db", action="store_true", help="do not drop --db-name at the end")
    parser.add_argument(
        "--queue-only",
        action="store_true",
        help="measure the worker's step and record alone, in this process, with no HTTP",
    )
    parser.add_argument(
        "--pause",
        type=float,
        default=0.0,
        help="seconds to wait, workers running, before phase A (to attach a profiler)",
    )
    args = parser.parse_args()
    counts = (args.events, args.batch_a, args.batch, args.workers)
    if min(*counts, args.plain_requests) < 1:
        parser.error("--events, --batch(-a), --workers and --plain-requests must be >= 1")
    if args.rate <= 0 or args.duration <= 0 or args.drain_timeout <= 0:
        parser.error("--rate, --duration and --drain-timeout must be positive")
    return args


async def postgres_context(admin: URL) -> dict[str, str]:
    connection = await connect(admin)
    try:
        settings = await connection.fetch(
            "SELECT name, setting FROM pg_settings WHERE name = ANY($1::text[])",
            ["server_version", "shared_buffers", "synchronous_commit", "fsync", "max_connections"],
        )
    finally:
        await connection.close()
    return {row["name"]: row["setting"] for row in settings}


def environment(database_url: str, args: argparse.Namespace) -> dict[str, str]:
    from cryptography.fernet import Fernet

    env = {
        "PUNCHCARD_DATABASE_URL": database_url,
        "PUNCHCARD_WEBHOOK_ALLOW_PRIVATE_NETWORKS": "true",
        "PUNCHCARD_SECRET_KEY": Fernet.generate_key().decode(),
    }
    if args.poll_seconds is not None:
        env["PUNCHCARD_WEBHOOK_POLL_SECONDS"] = str(args.poll_seconds)
    if args.max_in_flight is not None:
        env["PUNCHCARD_WEBHOOK_MAX_IN_FLIGHT"] = str(args.max_in_flight)
    return env


async def main() -> None:
    args = parse_args()
    admin = make_url(args.server_url)
    if admin.host not in LOOPBACK:
        raise SystemExit(f"--server-url must point at 127.0.0.1 (got host {admin.host!r})")
    bench = admin.set(drivername="postgresql", database=args.db_name)
    database_url = bench.render_as_string(hide_password=False)
    os.environ.update(environment(database_url, args))  # this process, and every child
    env = dict(os.environ)
    context: dict[str, Any] = {
        "cpus": psutil.cpu_count() or 1,
        "python": platform.python_version(),
        "platform": platform.platform(),
        "postgres": await postgres_context(admin),
        "worker_env": {k: v for k, v in env.items() if k.startswith("PUNCHCARD_WEBHOOK_")},
        "args": {k: v for k, v in vars(args).items() if k != "server_url"},
    }
    print(
        f"Punchcard webhook delivery benchmark: {args.workers} worker(s), {args.events} events"
        f" at once, then {args.rate:g} events/s for {args.duration:g} s;"
        f" {context['cpus']} CPUs, PostgreSQL {context['postgres'].get('server_version')}"
        f" (synchronous_commit={context['postgres'].get('synchronous_commit')})"
    )
    await recreate_database(admin, args.db_name)
    receiver = Receiver()
    command = shlex.split(args.worker_command) if args.worker_command else [PUNCHCARD, "worker"]
    workers = [Worker(env, command) for _ in range(args.workers)]
    connection: asyncpg.Connection | None = None
    rig: Rig | None = None
    results: list[Result] = []
    try:
        await run_cli(env, "migrate")
        made = json.loads(
            (await run_cli(env, "business", "create", "--name", "Bench Café", "--json"))
            .strip()
            .splitlines()[-1]
        )
        await receiver.start()
        endpoint_id = await create_endpoint(database_url, made["business_id"], receiver.url)
        print(
            f"set-up: business {made['business_id']}, endpoint {endpoint_id} -> {receiver.url}"
            f" (receiver pid {receiver.pid})"
        )

        if args.queue_only:
            await queue_only(bench, made)
            return
        body, headers = sample_body(made["business_id"], made["location_id"])
        print(f"plain client: {args.plain_requests} aiohttp POSTs of {len(body)} bytes each ...")
        results.append(
            await plain_phase(
                f"plain aiohttp ({PLAIN_CONNECTIONS} conns)",
                plain_aiohttp,
                receiver,
                body,
                headers,
                args.plain_requests,
                args.db_name,
            )
        )

        for worker in workers:
            await worker.start()
        print(f"workers up: pids {[worker.pid for worker in workers]}")
        connection = await connect(bench)
        committer = Committer(connection, made["business_id"], made["location_id"])
        await committer.prepare()
        rig = Rig(args, bench, receiver, workers, committer, BenchDatabase(bench))

        # Warm-up: connections opened, statements compiled and cached; then fresh statistics.
        await committer.commit(WARMUP_EVENTS)
        if not await wait_delivered(rig, set(committer.committed), time.time() + 60):
            tail = "\n".join(line for worker in workers for line in list(worker.output)[-20:])
            raise SystemExit(f"the warm-up events were not delivered within 60 s; workers:\n{tail}")
        recorded = WARMUP_EVENTS
        if await wait_recorded(rig, recorded) is None:
            raise SystemExit("the warm-up attempts were not recorded within the limit")
        await rig.db.fetchval("ANALYZE")
        if args.pause:
            print(f"pausing {args.pause:g} s before phase A ...")
            await asyncio.sleep(args.pause)

        print(f"phase A: {args.events} events committed at once ...")
        results.append(await phase_a(rig, recorded))
        recorded += results[-1].extra["events"]
        await rig.db.fetchval("ANALYZE")
        print(f"phase B: {args.rate:g} events/s for {args.duration:g} s ...")
        results.append(await phase_b(rig, recorded))
        memory = {worker.pid: memory_of(worker.pid) for worker in workers}
    finally:
        if rig is not None:
            await rig.db.close()
        if connection is not None:
            await connection.close()
        for worker in workers:
            await worker.stop()
        await receiver.stop()
        if not args.keep_db:
            await drop_database(admin, args.db_name)
        for worker in workers:
            if worker.error_lines:
                print(f"worker {worker.pid} logged {len(worker.error_lines)} error line(s), e.g.:")
                for line in worker.error_lines[:5]:
                    print(f"  {line}")
    report = print_report(args, context, results, memory)
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(report, indent=2) + "\n")
    shown = RESULTS.relative_to(Path.cwd()) if RESULTS.is_relative_to(Path.cwd()) else RESULTS
    print(f"\nfigures written to {shown}")


if __name__ == "__main__":
    if sys.argv[1:] == ["--receiver"]:
        run_receiver()
    else:
        with contextlib.suppress(KeyboardInterrupt):
            asyncio.run(main())
