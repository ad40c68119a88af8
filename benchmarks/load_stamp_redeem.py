"""Load benchmark: add-stamp and redeem-by-code over HTTP, against the same SQL done raw.

Starts ``punchcard serve`` on a fresh PostgreSQL database, sets up one business (a program,
N cards, a till's scanner key, enough unique-code vouchers), then, one after the other:

1. add-stamp (API): ``--clients`` concurrent HTTP clients POST /v1/cards/{id}/stamps on random
   cards for ``--duration`` seconds;
2. redeem-by-code (API): the same, each request POST /v1/vouchers/redeem with a fresh code;
3. add-stamp (raw SQL): ``--raw-connections`` asyncpg connections run the database work of a
   stamp as prepared statements (UPDATE the card, INSERT a ledger row, INSERT an event row)
   in one transaction, for the same duration, with the server stopped.

Each phase starts with a CHECKPOINT and ``--warmup`` unmeasured seconds; the HTTP clients open
their keep-alive connections spread over ``--ramp`` seconds (as tills would), not in one burst.

It prints requests/s, p50/p99 latency, errors, the CPU split of each phase, the peak RSS of
every server process and the add-stamp API/raw ratio, and writes the same figures to
benchmarks/results/latest.json. It prints figures and never asserts timings.

    uv run python benchmarks/load_stamp_redeem.py [--duration 15] [--clients 32] [--workers 2]
        [--raw-connections 16] [--cards 2000]
        [--server-url postgresql://postgres@127.0.0.1:5432/test]

Everything talks to 127.0.0.1 only; every phase is bounded in time; the database it creates
(``punchcard_bench``) is dropped at the end unless ``--keep-db`` is given.
"""

from __future__ import annotations

import argparse
import asyncio
import collections
import contextlib
import json
import math
import os
import platform
import random
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import aiohttp
import asyncpg
import psutil
from sqlalchemy.engine import URL, make_url

import round_trips
from punchcard.kit.clock import isoformat_z
from punchcard.kit.ids import new_id
from punchcard.vouchers import codes
from webhook_delivery import Worker

BENCH_DB = "punchcard_bench"  # --db-name: benchmarks running at once need one each
LOOPBACK = {"127.0.0.1", "localhost", "::1"}
# Process title of a backend: "postgres: 15/main: <user> <database> <client>(<port>) <state>"
POSTGRES_BACKEND = re.compile(r"postgres: \S+: \S+ (\S+) (?:\[local\]|\S+\((\d+)\))")
# Other processes using more than this share of the machine make the figures unreliable.
BUSY_ELSEWHERE_WARNING = 0.05
RESULTS = Path(__file__).resolve().parent / "results" / "latest.json"
STARTUP_TIMEOUT_S = 300.0  # workers import the app first: seconds on a loaded 2-core machine
SHUTDOWN_TIMEOUT_S = 20.0
LOOPS = "punchcard worker"  # the background loops' process, beside serve --no-worker
REQUEST_TIMEOUT_S = 30.0
SETUP_CONCURRENCY = 32
# Redeem codes to prepare per second of redeem phase (warm-up included): several times what
# two cores redeem through the API, so the phase should not run dry (it stops and says so if
# it does; raise --vouchers then).
VOUCHERS_PER_SECOND = 1500
MIN_VOUCHERS = 20_000
API_ISSUED_VOUCHERS = 1000  # issued through the API (timed); the rest are copied from one of them
TARGET_RATIO = 0.35  # add-stamp API / raw SQL
TARGET_REDEEM_RATIO = 0.30  # redeem-by-code API / raw SQL (the same raw baseline)
TARGET_OPEN_LOOP_P99_MS = 25.0  # at half the measured maximum rate
TARGET_RSS_MB = 120.0
TARGET_POSTGRES_CPU_RATIO = 1.5  # PostgreSQL CPU per API stamp / per raw transaction
ROUND_TRIP_REQUESTS = 200  # counted in-process per hot path
TAIL_WINDOW_S = 0.1  # the open loop's slowest requests are grouped by when they were due
GOAL_STAMPS = 10  # the program's one goal: every tenth stamp on a card issues a voucher
JSON_HEADERS = {"Content-Type": "application/json"}
REWARDED = b'"vouchers_issued":[{'  # in a stamp's answer: the stamp reached a goal
CHECKPOINT_REFUSED: list[bool] = []
POSTGRES_SERVING = {  # whose statements a backend ran (``cpu_split``)
    "http": "the API's",
    "loops": "the background loops'",
    "clients": "the load generator's",
    "background": "no client's (WAL, checkpoints, autovacuum)",
}


# --- measuring -------------------------------------------------------------------------------


def percentile(sorted_values: list[float], fraction: float) -> float:
    """Nearest-rank percentile of an already sorted list (0.0 when empty)."""
    if not sorted_values:
        return 0.0
    rank = max(1, math.ceil(fraction * len(sorted_values)))
    return sorted_values[min(rank, len(sorted_values)) - 1]


def _processes(database: str) -> tuple[dict[int, tuple[str, float]], dict[int, int]]:
    """Every process: (who, user + system CPU seconds so far), and the client port of each
    PostgreSQL backend of ``database`` (by pid). Backends serving another database are named
    after it, so they count as "other"."""
    found, ports = {}, {}
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
            elif backend and backend.group(2):
                ports[process.pid] = int(backend.group(2))
        found[process.pid] = (name, times.user + times.system)
    return found, ports


def _port_owners() -> dict[int, int]:
    """The pid holding each local TCP port connected to PostgreSQL's."""
    return {
        connection.laddr.port: connection.pid
        for connection in psutil.net_connections(kind="tcp")
        if connection.raddr and connection.raddr.port == 5432 and connection.pid
    }


@dataclass
class CpuSnapshot:
    wall: float
    processes: dict[int, tuple[str, float]]
    busy: float  # system-wide, all cores, excluding idle and iowait
    backend_ports: dict[int, int]  # PostgreSQL backend pid -> its client's port
    steal: float  # time the hypervisor ran something else while this VM wanted a CPU
    iowait: float  # idle time with a disk write or read outstanding (WAL flushes)

    @classmethod
    def take(cls, database: str) -> CpuSnapshot:
        system = psutil.cpu_times()
        idle = system.idle + getattr(system, "iowait", 0.0)
        guest = getattr(system, "guest", 0.0) + getattr(system, "guest_nice", 0.0)
        processes, ports = _processes(database)
        steal, iowait = getattr(system, "steal", 0.0), getattr(system, "iowait", 0.0)
        busy = sum(system) - idle - guest
        return cls(time.perf_counter(), processes, busy, ports, steal, iowait)


def cpu_split(
    before: CpuSnapshot,
    after: CpuSnapshot,
    server_pids: list[int],
    loop_pids: Sequence[int] = (),
) -> dict[str, Any]:
    """Core-seconds used during a phase, by who used them. "kernel/exited" is what no live
    process accounts for: interrupts, softirqs (loopback TCP) and processes that ended.
    PostgreSQL's are split by whom each backend served: the server's HTTP workers, its
    background loops (``loop_pids``), other clients (this process), or no client (WAL writer,
    checkpointer, autovacuum: "background")."""
    used: dict[int, float] = {}
    for pid, (_name, seconds) in after.processes.items():
        used[pid] = seconds - before.processes.get(pid, ("", 0.0))[1]
    me = os.getpid()
    groups = {"loadgen": 0.0, "server": 0.0, "postgres": 0.0, "other": 0.0}
    served = {"http": 0.0, "loops": 0.0, "clients": 0.0, "background": 0.0}
    owners = _port_owners()
    others: dict[str, float] = collections.defaultdict(float)
    for pid, seconds in used.items():
        name = after.processes[pid][0]
        if pid == me:
            groups["loadgen"] += seconds
        elif pid in server_pids:
            groups["server"] += seconds
        elif name == "postgres":
            groups["postgres"] += seconds
            port = after.backend_ports.get(pid)
            client = None if port is None else owners.get(port)
            if port is None:
                served["background"] += seconds
            elif client in loop_pids:
                served["loops"] += seconds
            elif client in server_pids:
                served["http"] += seconds
            else:
                served["clients"] += seconds
        else:
            groups["other"] += seconds
            others[name] += seconds
    wall = after.wall - before.wall
    busy = after.busy - before.busy
    return {
        "steal_core_s": after.steal - before.steal,
        "iowait_core_s": after.iowait - before.iowait,
        **{f"postgres_for_{who}_core_s": seconds for who, seconds in served.items()},
        "wall_s": wall,
        "capacity_core_s": wall * (psutil.cpu_count() or 1),
        "busy_core_s": busy,
        "loadgen_core_s": groups["loadgen"],
        "server_core_s": groups["server"],
        "server_core_s_by_pid": {str(pid): used.get(pid, 0.0) for pid in server_pids},
        "postgres_core_s": groups["postgres"],
        "other_processes_core_s": groups["other"],
        "other_processes_top": dict(sorted(others.items(), key=lambda kv: -kv[1])[:3]),
        "kernel_or_exited_core_s": max(0.0, busy - sum(groups.values())),
    }


@dataclass
class Phase:
    name: str
    latencies: list[float] = field(default_factory=list)
    ok: int = 0
    errors: collections.Counter[str] = field(default_factory=collections.Counter)
    error_samples: list[str] = field(default_factory=list)
    elapsed: float = 0.0
    exhausted: bool = False
    cpu: dict[str, Any] = field(default_factory=dict)
    database: dict[str, int] = field(default_factory=dict)
    # Open loop: (seconds into the phase the request was due, latency), and the latencies of
    # the stamps that reached a goal (their answer issued a voucher).
    timeline: list[tuple[float, float]] = field(default_factory=list)
    goal_latencies: list[float] = field(default_factory=list)

    def fail(self, status: str, detail: str) -> None:
        self.errors[status] += 1
        if len(self.error_samples) < 3:
            self.error_samples.append(f"{status}: {detail[:300]}")

    def summary(self) -> dict[str, Any]:
        ordered = sorted(self.latencies)
        done = len(ordered)
        return {
            "requests": done,
            "ok": self.ok,
            "errors": sum(self.errors.values()),
            "errors_by_status": dict(self.errors),
            "error_samples": self.error_samples,
            "elapsed_s": round(self.elapsed, 3),
            "per_second": round(done / self.elapsed, 1) if self.elapsed else 0.0,
            "p50_ms": round(percentile(ordered, 0.50) * 1000, 2),
            "p99_ms": round(percentile(ordered, 0.99) * 1000, 2),
            "max_ms": round((ordered[-1] if ordered else 0.0) * 1000, 2),
            "ran_out_of_work": self.exhausted,
            "database": self.database,
            "cpu": {k: _rounded(v) for k, v in self.cpu.items()},
            "cpu_ms_per_request": {
                who: round(self.cpu[f"{who}_core_s"] / done * 1000, 3) if done else None
                for who in ("loadgen", "server", "postgres")
                if f"{who}_core_s" in self.cpu
            },
            **self._tail(),
            "postgres_cpu_ms_per_request_serving": {
                who: round(self.cpu[f"postgres_for_{who}_core_s"] / done * 1000, 3)
                for who in ("http", "loops", "clients", "background")
                if done and f"postgres_for_{who}_core_s" in self.cpu
            },
        }

    def _tail(self) -> dict[str, Any]:
        """Open loop: when the slowest 1% were due. Few windows holding them all say the tail
        is stalls of the whole machine, not the cost of some requests."""
        if not self.timeline:
            return {}
        ordered = sorted(self.timeline, key=lambda mark: mark[1])
        slowest = ordered[len(ordered) - max(1, len(ordered) // 100) :]
        windows = collections.Counter(int(due / TAIL_WINDOW_S) for due, _ in slowest)
        goals = sorted(self.goal_latencies)
        return {
            "slowest_1pct": len(slowest),
            "slowest_1pct_windows": len(windows),
            "slowest_1pct_in_busiest_window": max(windows.values()),
            "reaching_a_goal": len(goals),
            "reaching_a_goal_p50_ms": round(percentile(goals, 0.50) * 1000, 2) if goals else None,
            "reaching_a_goal_p99_ms": round(percentile(goals, 0.99) * 1000, 2) if goals else None,
        }


def _rounded(value: Any) -> Any:
    if isinstance(value, float):
        return round(value, 2)
    if isinstance(value, dict):
        return {k: _rounded(v) for k, v in value.items()}
    return value


# --- the server under test -------------------------------------------------------------------


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def memory_of(pid: int) -> dict[str, float]:
    """Peak (VmHWM) and current (VmRSS) resident memory of a live process, in MB."""
    status = Path(f"/proc/{pid}/status").read_text()
    found = dict(re.findall(r"^(VmHWM|VmRSS):\s+(\d+) kB$", status, re.MULTILINE))
    return {"peak_rss_mb": int(found["VmHWM"]) / 1024, "rss_mb": int(found["VmRSS"]) / 1024}


class Server:
    """``punchcard serve`` with N workers; ready once every worker has started its app.

    ``loops`` says where the background loops run: "process" (``serve --no-worker`` and one
    ``punchcard worker``, the README's production set-up), "server" (in each server process,
    ``serve``'s default) or "none"."""

    def __init__(self, database_url: str, port: int, workers: int, loops: str = "server") -> None:
        self.database_url, self.port, self.workers = database_url, port, workers
        # serve sets PUNCHCARD_RUN_WORKER from its flag, so that switch goes by flag too
        self.loops = "none" if os.environ.get("PUNCHCARD_RUN_WORKER") == "false" else loops
        self.loop_worker = (
            Worker(self.env(), [str(Path(sys.executable).with_name("punchcard")), "worker"])
            if self.loops == "process"
            else None
        )
        self.base_url = f"http://127.0.0.1:{port}"
        self.process: asyncio.subprocess.Process | None = None
        self.worker_pids: list[int] = []
        self.connections: dict[int, int] = {}
        self.output: collections.deque[str] = collections.deque(maxlen=200)
        self.error_lines: list[str] = []
        self._started = 0
        self._ready = asyncio.Event()
        self._reader: asyncio.Task[None] | None = None

    @property
    def pid(self) -> int:
        assert self.process is not None
        return self.process.pid

    def env(self) -> dict[str, str]:
        return {**os.environ, "PUNCHCARD_DATABASE_URL": self.database_url}

    async def start(self) -> None:
        command = Path(sys.executable).with_name("punchcard")
        self.process = await asyncio.create_subprocess_exec(
            str(command),
            "serve",
            "--host",
            "127.0.0.1",
            "--port",
            str(self.port),
            "--workers",
            str(self.workers),
            "--no-access-log",
            *([] if self.loops == "server" else ["--no-worker"]),
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.STDOUT,
            env=self.env(),
            limit=1 << 20,
        )
        self._reader = asyncio.create_task(self._read())
        try:
            await asyncio.wait_for(self._ready.wait(), STARTUP_TIMEOUT_S)
        except TimeoutError:
            raise SystemExit(
                self._explain(f"did not start within {STARTUP_TIMEOUT_S:.0f} s")
            ) from None
        if self.process.returncode is not None or self._started < self.workers:
            raise SystemExit(self._explain("exited during start-up"))
        children = {child.pid for child in psutil.Process(self.pid).children()}
        missing = set(self.worker_pids) - children
        if missing:
            raise SystemExit(self._explain(f"workers {missing} are not children of the server"))
        if self.loop_worker is not None:  # after serve, which migrated the database
            await self.loop_worker.start()

    @property
    def pids(self) -> list[int]:
        """Every process of the server: its CPU is the server's."""
        return [self.pid, *self.worker_pids, *self.loop_pids]

    @property
    def loop_pids(self) -> list[int]:
        """The process of the background loops, when they run apart (``--loops process``)."""
        return [] if self.loop_worker is None else [self.loop_worker.pid]

    async def _read(self) -> None:
        assert self.process is not None
        assert self.process.stdout is not None
        async for raw in self.process.stdout:
            line = raw.decode(errors="replace").rstrip()
            self.output.append(line)
            started = re.search(r"Started server process \[(\d+)\]", line)
            if started:
                self.worker_pids.append(int(started.group(1)))
            if "Application startup complete" in line:
                self._started += 1
                if self._started >= self.workers:
                    self._ready.set()
            elif self._ready.is_set() and ("ERROR" in line or "Traceback" in line):
                self.error_lines.append(line)
        self._ready.set()  # exited: wake start() up so it can report it

    def _explain(self, what: str) -> str:
        tail = "\n".join(self.output)
        return f"punchcard serve {what}. Its last output:\n{tail}"

    def count_connections(self) -> None:
        """How the load generator's keep-alive connections spread over the workers."""
        for pid in self.worker_pids:
            try:
                connections = psutil.Process(pid).net_connections(kind="tcp")
            except psutil.NoSuchProcess:  # a worker that died and was replaced
                continue
            self.connections[pid] = sum(
                1
                for c in connections
                if c.status == psutil.CONN_ESTABLISHED and c.laddr and c.laddr.port == self.port
            )

    def memory(self) -> dict[str, dict[str, float]]:
        found = {"master": memory_of(self.pid)}
        for index, pid in enumerate(self.worker_pids):
            if psutil.pid_exists(pid):  # uvicorn replaces a worker that dies
                found[f"worker {index + 1} (pid {pid})"] = memory_of(pid)
        if self.loop_worker is not None:
            found[f"{LOOPS} (pid {self.loop_worker.pid})"] = memory_of(self.loop_worker.pid)
        return found

    async def stop(self) -> None:
        if self.loop_worker is not None:
            await self.loop_worker.stop()
        if self.process is None or self.process.returncode is not None:
            return
        self.process.send_signal(signal.SIGTERM)
        try:
            await asyncio.wait_for(self.process.wait(), SHUTDOWN_TIMEOUT_S)
        except TimeoutError:
            print("server did not stop on SIGTERM; killing it and its workers", file=sys.stderr)
            for pid in self.worker_pids:
                with contextlib.suppress(ProcessLookupError):
                    os.kill(pid, signal.SIGKILL)
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


async def recreate_database(admin: URL, name: str) -> None:
    connection = await connect(admin)
    try:
        await connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        await connection.execute(f'CREATE DATABASE "{name}"')
    finally:
        await connection.close()


async def drop_database(admin: URL, name: str) -> None:
    connection = await connect(admin)
    try:
        await connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    finally:
        await connection.close()


async def create_business(server: Server) -> dict[str, Any]:
    command = Path(sys.executable).with_name("punchcard")
    process = await asyncio.create_subprocess_exec(
        str(command),
        "business",
        "create",
        "--name",
        "Bench Café",
        "--location",
        "Main Street",
        "--json",
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
        env=server.env(),
    )
    out, err = await asyncio.wait_for(process.communicate(), STARTUP_TIMEOUT_S)
    if process.returncode != 0:
        raise SystemExit(f"punchcard business create failed:\n{err.decode()}")
    made: dict[str, Any] = json.loads(out.decode().strip().splitlines()[-1])
    return made


async def call(
    http: aiohttp.ClientSession, key: str, path: str, body: dict[str, Any], expect: int = 201
) -> dict[str, Any]:
    headers = {"Authorization": f"Bearer {key}"}
    async with http.post(path, json=body, headers=headers) as response:
        data = await response.json(content_type=None)
        if response.status != expect:
            raise SystemExit(f"set-up call POST {path} answered {response.status}: {data}")
        result: dict[str, Any] = data
        return result


async def concurrently(
    count: int, concurrency: int, work: Callable[[int], Awaitable[Any]]
) -> tuple[list[Any], float]:
    """Run ``work(0..count-1)`` with at most ``concurrency`` in flight; (results, seconds)."""
    results: list[Any] = [None] * count
    indexes = iter(range(count))

    async def worker() -> None:
        for index in indexes:
            results[index] = await work(index)

    started = time.perf_counter()
    await asyncio.gather(*(worker() for _ in range(min(concurrency, count))))
    return results, time.perf_counter() - started


@dataclass
class Fixture:
    business_id: str
    location_id: str
    owner_key: str
    scanner_key: str
    scanner_staff_id: str
    cards: list[dict[str, str]]  # id, customer_id, scan_code
    codes: list[str]
    notes: list[str]


async def set_up(
    server: Server, bench: URL, http: aiohttp.ClientSession, n_cards: int, n_vouchers: int
) -> Fixture:
    made = await create_business(server)
    owner, location_id = made["api_key"], made["location_id"]
    staff = await call(
        http,
        owner,
        "/v1/staff",
        {"name": "Till 1", "login": "till-1", "role": "scanner", "location_id": location_id},
    )
    scanner = (await call(http, owner, "/v1/api-keys", {"staff_id": staff["id"]}))["key"]
    template = await call(
        http,
        owner,
        "/v1/voucher-templates",
        {"title": "Free coffee", "redeem_code": {"type": "pattern", "pattern": "CAFE-########"}},
    )
    program = await call(
        http,
        owner,
        "/v1/programs",
        {
            "name": "Coffee card",
            "goals": [{"stamps": GOAL_STAMPS, "template_id": template["id"]}],
            "after_last_goal": "restart",
        },
    )
    notes = []

    async def issue_card(index: int) -> dict[str, Any]:
        body = {"program_id": program["id"], "customer": {"email": f"guest{index}@example.com"}}
        return await call(http, scanner, "/v1/cards", body)

    issued, seconds = await concurrently(n_cards, SETUP_CONCURRENCY, issue_card)
    cards = [
        {"id": c["id"], "customer_id": c["customer_id"], "scan_code": c["scan_code"]}
        for c in issued
    ]
    notes.append(
        f"issued {n_cards} cards via the API in {seconds:.1f} s ({n_cards / seconds:.0f}/s)"
    )

    by_api = min(API_ISSUED_VOUCHERS, n_vouchers)

    async def issue_voucher(index: int) -> dict[str, Any]:
        body = {"card_id": cards[index % len(cards)]["id"], "custom": {"title": "Gift"}}
        return await call(http, owner, "/v1/vouchers", body)

    vouchers, seconds = await concurrently(by_api, SETUP_CONCURRENCY, issue_voucher)
    notes.append(
        f"issued {by_api} vouchers via the API in {seconds:.1f} s ({by_api / seconds:.0f}/s)"
    )
    redeem_codes = [v["redeem_code"] for v in vouchers]
    copied, seconds = await copy_vouchers(bench, vouchers[0]["id"], cards, n_vouchers - by_api)
    redeem_codes += copied
    notes.append(
        f"copied {len(copied)} more vouchers (+ their voucher_issued events) with COPY,"
        f" modelled on an API-issued one, in {seconds:.1f} s"
    )
    random.shuffle(redeem_codes)
    return Fixture(
        made["business_id"], location_id, owner, scanner, staff["id"], cards, redeem_codes, notes
    )


def fake_code() -> str:
    """A code shaped like the API's default (``####-####``); set-up needs no crypto RNG."""
    chars = random.choices(codes.DEFAULT_CHARSET, k=8)
    return f"{''.join(chars[:4])}-{''.join(chars[4:])}"


async def copy_vouchers(
    bench: URL, model_id: str, cards: list[dict[str, str]], count: int
) -> tuple[list[str], float]:
    """Insert ``count`` vouchers and their voucher_issued events exactly as the API wrote the
    model voucher, with fresh ids and codes, on random cards. Returns (codes, seconds)."""
    started = time.perf_counter()
    connection = await connect(bench)
    try:
        voucher = dict(await connection.fetchrow("SELECT * FROM vouchers WHERE id = $1", model_id))
        event = dict(
            await connection.fetchrow(
                "SELECT * FROM events WHERE voucher_id = $1 AND type = 'voucher_issued'", model_id
            )
        )
        taken = {
            row["redeem_code"]
            for row in await connection.fetch("SELECT redeem_code FROM vouchers WHERE code_unique")
        }
        payload = json.loads(event["payload"])
        voucher_rows, event_rows, fresh = [], [], []
        now = datetime.now(UTC)
        for _ in range(count):
            code = fake_code()
            while code in taken:
                code = fake_code()
            taken.add(code)
            fresh.append(code)
            card = random.choice(cards)
            voucher_id, event_id = new_id("vch"), new_id("evt")
            voucher.update(
                id=voucher_id,
                redeem_code=code,
                card_id=card["id"],
                customer_id=card["customer_id"],
                issued_at=now,
            )
            voucher_rows.append(tuple(voucher.values()))
            payload["id"], payload["timestamp"] = event_id, isoformat_z(now)
            payload["customer"]["id"] = card["customer_id"]
            payload["card"].update(id=card["id"], scan_code=card["scan_code"])
            payload["voucher"].update(id=voucher_id, redeem_code=code)
            event.update(
                id=event_id,
                created_at=now,
                customer_id=card["customer_id"],
                card_id=card["id"],
                voucher_id=voucher_id,
                payload=json.dumps(payload),
            )
            if "dispatched_at" in event:  # the webhook outbox: these are long handed over
                event["dispatched_at"] = now
            event_rows.append(tuple(event.values()))
        async with connection.transaction():
            await connection.copy_records_to_table(
                "vouchers", records=voucher_rows, columns=list(voucher)
            )
            await connection.copy_records_to_table(
                "events", records=event_rows, columns=list(event)
            )
        await connection.execute("ANALYZE")
    finally:
        await connection.close()
    return fresh, time.perf_counter() - started


# --- load ------------------------------------------------------------------------------------


async def drive(
    http: aiohttp.ClientSession,
    phase: Phase,
    clients: int,
    duration: float,
    next_request: Callable[[], tuple[str, bytes] | None],
    expect: int,
    ramp: float = 0.0,
) -> None:
    """``clients`` closed-loop clients send requests until ``duration`` seconds have passed.

    With ``ramp``, client i starts i/clients of it late, so that connections arrive spread out
    (as tills do) rather than in one burst that a single server worker would accept whole.
    """
    deadline = time.perf_counter() + duration

    async def client(index: int) -> None:
        latencies = phase.latencies
        if ramp:
            await asyncio.sleep(ramp * index / clients)
        while time.perf_counter() < deadline:
            request = next_request()
            if request is None:
                phase.exhausted = True
                return
            path, body = request
            started = time.perf_counter()
            try:
                async with http.post(path, data=body, headers=JSON_HEADERS) as response:
                    answer = await response.read()
                    status = response.status
            except (aiohttp.ClientError, TimeoutError) as error:
                latencies.append(time.perf_counter() - started)
                phase.fail(type(error).__name__, str(error))
                continue
            latencies.append(time.perf_counter() - started)
            if status == expect:
                phase.ok += 1
            else:
                phase.fail(str(status), answer.decode(errors="replace"))

    started = time.perf_counter()
    await asyncio.gather(*(client(index) for index in range(clients)))
    phase.elapsed = time.perf_counter() - started


async def drive_open(
    http: aiohttp.ClientSession,
    phase: Phase,
    rate: float,
    duration: float,
    next_request: Callable[[], tuple[str, bytes] | None],
    expect: int,
) -> None:
    """Open loop: a request every 1/``rate`` seconds whatever the answers, each timed from the
    moment it was due (so a late start counts as waiting, as it would for a till)."""
    interval = 1.0 / rate
    started = time.perf_counter()
    in_flight: set[asyncio.Task[None]] = set()

    async def send(due: float, path: str, body: bytes) -> None:
        try:
            async with http.post(path, data=body, headers=JSON_HEADERS) as response:
                answer = await response.read()
                status = response.status
        except (aiohttp.ClientError, TimeoutError) as error:
            phase.latencies.append(time.perf_counter() - due)
            phase.fail(type(error).__name__, str(error))
            return
        latency = time.perf_counter() - due
        phase.latencies.append(latency)
        phase.timeline.append((due - started, latency))
        if REWARDED in answer:
            phase.goal_latencies.append(latency)
        if status == expect:
            phase.ok += 1
        else:
            phase.fail(str(status), answer.decode(errors="replace"))

    for index in range(int(duration * rate)):
        due = started + index * interval
        delay = due - time.perf_counter()
        if delay > 0:
            await asyncio.sleep(delay)
        request = next_request()
        if request is None:
            phase.exhausted = True
            break
        task = asyncio.create_task(send(due, *request))
        in_flight.add(task)
        task.add_done_callback(in_flight.discard)
    if in_flight:
        await asyncio.gather(*in_flight)
    phase.elapsed = time.perf_counter() - started


async def checkpoint(bench: URL) -> None:
    """Start every phase from the same WAL state (no checkpoint pending from earlier writes).
    Needs superuser or the pg_checkpoint role; without them the phases run without it."""
    connection = await connect(bench)
    try:
        await connection.execute("CHECKPOINT")
    except asyncpg.InsufficientPrivilegeError:
        if not CHECKPOINT_REFUSED:
            print("note: CHECKPOINT refused (not superuser / pg_checkpoint); phases run without")
        CHECKPOINT_REFUSED.append(True)
    finally:
        await connection.close()


async def measured(
    name: str,
    bench: URL,
    server_pids: list[int],
    warmup: float,
    duration: float,
    run: Callable[[Phase, float], Awaitable[None]],
    loop_pids: Sequence[int] = (),
) -> Phase:
    """CHECKPOINT, warm up (discarded), then the measured run with its CPU split and the
    database's own counters (transactions committed, sessions opened)."""
    await checkpoint(bench)
    if warmup > 0:
        await run(Phase(f"{name} warm-up"), warmup)
    phase = Phase(name)
    monitor = await connect(bench)
    try:
        counters = await database_counters(monitor)
        before = CpuSnapshot.take(str(bench.database))
        await run(phase, duration)
        after_cpu = CpuSnapshot.take(str(bench.database))
        phase.cpu = cpu_split(before, after_cpu, server_pids, loop_pids)
        after = await database_counters(monitor)
    finally:
        await monitor.close()
    phase.database = {key: after[key] - counters[key] for key in counters}
    return phase


async def database_counters(connection: asyncpg.Connection) -> dict[str, int]:
    """pg_stat_database of the benchmark's database. Backends publish their counts about once
    a second, so phase deltas are approximate (the same lag at both ends mostly cancels)."""
    row = await connection.fetchrow(
        "SELECT xact_commit, xact_rollback, sessions FROM pg_stat_database"
        " WHERE datname = current_database()"
    )
    return {
        "commits": row["xact_commit"],
        "rollbacks": row["xact_rollback"],
        "sessions": row["sessions"],
    }


async def api_phases(
    args: argparse.Namespace, bench: URL, server: Server, fixture: Fixture
) -> list[Phase]:
    timeout = aiohttp.ClientTimeout(total=REQUEST_TIMEOUT_S)
    connector = aiohttp.TCPConnector(limit=args.clients, keepalive_timeout=60)
    headers = {"Authorization": f"Bearer {fixture.scanner_key}"}
    server_pids = server.pids
    card_paths = [f"/v1/cards/{card['id']}/stamps" for card in fixture.cards]
    stamp_body = b'{"count":1}'
    codes_left: Iterator[str] = iter(fixture.codes)

    def next_stamp() -> tuple[str, bytes]:
        return random.choice(card_paths), stamp_body

    def next_redeem() -> tuple[str, bytes] | None:
        code = next(codes_left, None)
        if code is None:
            return None
        return "/v1/vouchers/redeem", json.dumps({"code": code}).encode()

    async with aiohttp.ClientSession(
        base_url=server.base_url, connector=connector, timeout=timeout, headers=headers
    ) as http:
        ramp = [args.ramp]  # only the first run opens the connections; later ones reuse them

        def runner(
            make: Callable[[], tuple[str, bytes] | None], expect: int
        ) -> Callable[[Phase, float], Awaitable[None]]:
            async def run(phase: Phase, seconds: float) -> None:
                await drive(
                    http, phase, args.clients, seconds, make, expect, ramp.pop() if ramp else 0.0
                )

            return run

        stamping = await measured(
            "add-stamp (API)",
            bench,
            server_pids,
            args.warmup,
            args.duration,
            runner(next_stamp, 201),
            server.loop_pids,
        )
        redeeming = await measured(
            "redeem-by-code (API)",
            bench,
            server_pids,
            args.warmup,
            args.duration,
            runner(next_redeem, 200),
            server.loop_pids,
        )
        server.count_connections()

        def open_loop(
            make: Callable[[], tuple[str, bytes] | None], expect: int, rate: float
        ) -> Callable[[Phase, float], Awaitable[None]]:
            async def run(phase: Phase, seconds: float) -> None:
                await drive_open(http, phase, rate, seconds, make, expect)

            return run

        open_phases = []
        for closed, make, expect, label in (
            (stamping, next_stamp, 201, "add-stamp"),
            (redeeming, next_redeem, 200, "redeem"),
        ):
            rate = max(1.0, closed.summary()["per_second"] / 2)
            open_phases.append(
                await measured(
                    f"{label} open {rate:.0f}/s",
                    bench,
                    server_pids,
                    args.warmup,
                    args.duration,
                    open_loop(make, expect, rate),
                    server.loop_pids,
                )
            )
    return [stamping, redeeming, *open_phases]


async def count_round_trips(bench: URL, fixture: Fixture) -> dict[str, dict[str, Any]]:
    """Round trips per add-stamp and per redeem-by-code, counted at the driver in this process
    (the app in-process against the same database; no server, no webhook worker). The stamps
    that cross the goal (every tenth in the load phases) are counted apart: their cards are
    first brought to one stamp short of it (uncounted), and the crossing stamp restarts them
    at zero, as they were."""
    cards = [random.choice(fixture.cards) for _ in range(ROUND_TRIP_REQUESTS + 1)]
    stamps = [(f"/v1/cards/{card['id']}/stamps", {"count": 1}, 201) for card in cards]
    stamped = {card["id"] for card in cards}
    fresh = [card for card in fixture.cards if card["id"] not in stamped]
    unique = random.sample(fresh, ROUND_TRIP_REQUESTS + 1)
    short = GOAL_STAMPS - 1
    bring = [(f"/v1/cards/{card['id']}/stamps", {"count": short}, 201) for card in unique]
    crossing = [(f"/v1/cards/{card['id']}/stamps", {"count": 1}, 201) for card in unique]
    redeems = [
        ("/v1/vouchers/redeem", {"code": fixture.codes.pop()}, 200)
        for _ in range(ROUND_TRIP_REQUESTS + 1)
    ]
    url = bench.set(drivername="postgresql").render_as_string(hide_password=False)
    return await round_trips.per_request(
        url,
        fixture.scanner_key,
        {"add-stamp": stamps, "crossing a goal": crossing, "redeem-by-code": redeems},
        prepare={"crossing a goal": bring},
    )


# --- the one-statement reference (pgbench) ----------------------------------------------------

PGBENCH_STAMP = """\\set n random(1, {cards})
WITH c AS (SELECT id, customer_id FROM bench_cards WHERE n = :n),
u AS (UPDATE cards SET stamps = stamps + 1, lifetime_stamps = lifetime_stamps + 1,
      last_stamp_at = now() FROM c WHERE cards.business_id = '{business}' AND cards.id = c.id
      RETURNING cards.business_id, cards.id, cards.customer_id, cards.stamps,
      cards.lifetime_stamps),
l AS (INSERT INTO stamps (business_id, id, card_id, count, location_id, staff_id, note,
      created_at) SELECT business_id, 'stp_' || md5(random()::text), id, 1, '{location}',
      '{staff}', NULL, now() FROM u),
e AS (INSERT INTO events (business_id, id, type, created_at, location_id, customer_id, card_id,
      voucher_id, payload, dispatched_at) SELECT business_id, 'evt_' || md5(random()::text),
      'stamp_added', now(), '{location}', customer_id, id, NULL, '{payload}'::jsonb, now()
      FROM u)
SELECT stamps, lifetime_stamps FROM u;
"""


async def pgbench_phase(args: argparse.Namespace, bench: URL, fixture: Fixture) -> dict[str, Any]:
    """The stamp as one prepared statement (a data-modifying CTE) driven by pgbench, as the
    physical reference: no Python at all. Empty when pgbench is not installed."""
    pgbench = shutil.which("pgbench")
    if pgbench is None:
        return {}
    connection = await connect(bench)
    try:
        payload = json.dumps(await stamp_payload_model(connection)).replace("'", "''")
        await connection.execute(
            "DROP TABLE IF EXISTS bench_cards;"
            " CREATE TABLE bench_cards (n int PRIMARY KEY, id text, customer_id text)"
        )
        rows = [(i + 1, c["id"], c["customer_id"]) for i, c in enumerate(fixture.cards)]
        await connection.copy_records_to_table("bench_cards", records=rows)
    finally:
        await connection.close()
    script = Path(tempfile.mkdtemp()) / "stamp.sql"
    script.write_text(
        PGBENCH_STAMP.format(
            cards=len(fixture.cards),
            business=fixture.business_id,
            location=fixture.location_id,
            staff=fixture.scanner_staff_id,
            payload=payload,
        )
    )
    command = [
        pgbench,
        "-n",
        "-M",
        "prepared",
        "-c",
        str(args.raw_connections),
        "-j",
        "2",
        "-f",
        str(script),
        "-h",
        bench.host or "127.0.0.1",
        "-p",
        str(bench.port or 5432),
        "-U",
        bench.username or "postgres",
    ]
    environment = {**os.environ, "PGPASSWORD": bench.password or ""}
    result: dict[str, Any] = {}
    settle = 0.5  # pgbench and its backends exit with the run: CPU is read while they live

    async def run(phase: Phase, seconds: float) -> None:
        seconds = max(2 * settle + 1, round(seconds))
        process = await asyncio.create_subprocess_exec(
            *command,
            "-T",
            str(seconds),
            str(bench.database),
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.STDOUT,
            env=environment,
        )
        await asyncio.sleep(settle)
        before = CpuSnapshot.take(str(bench.database))
        await asyncio.sleep(seconds - 2 * settle)
        window = cpu_split(before, CpuSnapshot.take(str(bench.database)), [])
        out = (await process.communicate())[0].decode()
        tps = re.search(r"tps = ([\d.]+)", out)
        latency = re.search(r"latency average = ([\d.]+) ms", out)
        if phase.name.endswith("warm-up"):
            return
        result.update(
            tps=float(tps.group(1)) if tps else 0.0,
            latency_average_ms=float(latency.group(1)) if latency else None,
            output_tail=out.strip().splitlines()[-3:],
            cpu=_rounded(window),
        )
        transactions = result["tps"] * window["wall_s"]
        if transactions:
            per = window["postgres_core_s"] / transactions * 1000
            result["postgres_cpu_ms_per_transaction"] = round(per, 3)

    await measured("one statement (pgbench)", bench, [], args.warmup, args.duration, run)
    return result


# --- the raw SQL baseline --------------------------------------------------------------------

UPDATE_CARD = """
UPDATE cards SET stamps = stamps + 1, lifetime_stamps = lifetime_stamps + 1, last_stamp_at = $3
WHERE business_id = $1 AND id = $2
"""
INSERT_STAMP = """
INSERT INTO stamps (business_id, id, card_id, count, location_id, staff_id, note, created_at)
VALUES ($1, $2, $3, 1, $4, $5, NULL, $6)
"""
INSERT_EVENT = """
INSERT INTO events
    (business_id, id, type, created_at, location_id, customer_id, card_id, voucher_id, payload)
VALUES ($1, $2, 'stamp_added', $3, $4, $5, $6, NULL, $7)
"""


async def stamp_payload_model(connection: asyncpg.Connection) -> dict[str, Any]:
    """A stamp_added payload the API wrote: the raw events carry one of the same shape."""
    text = await connection.fetchval(
        "SELECT payload FROM events WHERE type = 'stamp_added' ORDER BY id DESC LIMIT 1"
    )
    if text is None:
        raise SystemExit("no stamp_added event found: the add-stamp API phase wrote nothing")
    model: dict[str, Any] = json.loads(text)
    return model


async def raw_phase(args: argparse.Namespace, bench: URL, fixture: Fixture) -> Phase:
    connections = [await connect(bench) for _ in range(args.raw_connections)]
    try:
        model = await stamp_payload_model(connections[0])
        business, location, staff = (
            fixture.business_id,
            fixture.location_id,
            fixture.scanner_staff_id,
        )

        async def run(phase: Phase, seconds: float) -> None:
            deadline = time.perf_counter() + seconds

            async def worker(connection: asyncpg.Connection) -> None:
                update = await connection.prepare(UPDATE_CARD)
                ledger = await connection.prepare(INSERT_STAMP)
                outbox = await connection.prepare(INSERT_EVENT)
                payload = json.loads(json.dumps(model))
                while time.perf_counter() < deadline:
                    card = random.choice(fixture.cards)
                    now = datetime.now(UTC)
                    stamp_id, event_id = new_id("stp"), new_id("evt")
                    payload["id"], payload["timestamp"] = event_id, isoformat_z(now)
                    payload["customer"]["id"] = card["customer_id"]
                    payload["card"].update(id=card["id"], scan_code=card["scan_code"])
                    payload["stamp"]["id"] = stamp_id
                    document = json.dumps(payload)
                    started = time.perf_counter()
                    try:
                        async with connection.transaction():
                            await update.fetch(business, card["id"], now)
                            await ledger.fetch(business, stamp_id, card["id"], location, staff, now)
                            await outbox.fetch(
                                business,
                                event_id,
                                now,
                                location,
                                card["customer_id"],
                                card["id"],
                                document,
                            )
                    except asyncpg.PostgresError as error:
                        phase.latencies.append(time.perf_counter() - started)
                        phase.fail(type(error).__name__, str(error))
                        continue
                    phase.latencies.append(time.perf_counter() - started)
                    phase.ok += 1

            started = time.perf_counter()
            await asyncio.gather(*(worker(connection) for connection in connections))
            phase.elapsed = time.perf_counter() - started

        return await measured("add-stamp (raw SQL)", bench, [], args.warmup, args.duration, run)
    finally:
        for connection in connections:
            await connection.close()


# --- report ----------------------------------------------------------------------------------


def print_report(
    args: argparse.Namespace,
    context: dict[str, Any],
    phases: list[Phase],
    memory: dict[str, dict[str, float]],
    connections: dict[int, int],
    trips: dict[str, dict[str, Any]],
    reference: dict[str, Any],
) -> dict[str, Any]:
    summaries = {phase.name: phase.summary() for phase in phases}
    print(f"\nload average when the report was printed: {os.getloadavg()}")
    print()
    print(f"{'phase':<22} {'requests':>9} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8} {'errors':>7}")
    for name, s in summaries.items():
        print(
            f"{name:<22} {s['requests']:>9} {s['per_second']:>8.1f} {s['p50_ms']:>8.1f}"
            f" {s['p99_ms']:>8.1f} {s['errors']:>7}"
        )
    for name, s in summaries.items():
        if s["errors"]:
            print(f"  {name} errors by status: {s['errors_by_status']}")
            for sample in s["error_samples"]:
                print(f"    e.g. {sample}")
        if s["ran_out_of_work"]:
            print(f"  {name}: ran out of vouchers after {s['ok']} redeemed (phase stopped early)")

    print()
    print(
        f"CPU used during each phase, in core-seconds ({context['cpus']} cores x"
        f" {args.duration:.0f} s = {context['cpus'] * args.duration:.0f} available):"
    )
    print(
        f"  {'phase':<22} {'load gen':>9} {'server':>8} {'postgres':>9} {'other':>6}"
        f" {'kernel':>7} {'idle':>6}"
    )
    for name, s in summaries.items():
        cpu = s["cpu"]
        idle = max(0.0, cpu["capacity_core_s"] - cpu["busy_core_s"])
        print(
            f"  {name:<22} {cpu['loadgen_core_s']:>9.1f} {cpu['server_core_s']:>8.1f}"
            f" {cpu['postgres_core_s']:>9.1f} {cpu['other_processes_core_s']:>6.1f}"
            f" {cpu['kernel_or_exited_core_s']:>7.1f} {idle:>6.1f}"
        )
        per = {who: ms for who, ms in s["cpu_ms_per_request"].items() if ms}
        if per:
            shown = ", ".join(f"{who} {ms:.2f} ms" for who, ms in per.items())
            print(f"  {'':<22} CPU per request: {shown}")
        serving = {who: ms for who, ms in s["postgres_cpu_ms_per_request_serving"].items() if ms}
        if serving:
            shown = ", ".join(f"{POSTGRES_SERVING[who]} {ms:.3f} ms" for who, ms in serving.items())
            print(f"  {'':<22} postgres per request, by whom it served: {shown}")
        db = s["database"]
        if db and s["requests"]:
            print(
                f"  {'':<22} database: {db['commits'] / s['requests']:.2f} commits per request,"
                f" {db['rollbacks']} rollbacks, {db['sessions']} new sessions (connections opened)"
            )
        by_pid = cpu["server_core_s_by_pid"]
        if by_pid:
            split = ", ".join(f"{pid}: {used:.1f}" for pid, used in by_pid.items())
            print(f"  {'':<22} server by pid: {split}")
        if cpu["other_processes_core_s"] > BUSY_ELSEWHERE_WARNING * cpu["capacity_core_s"]:
            top = ", ".join(f"{who} {used:.1f}" for who, used in cpu["other_processes_top"].items())
            print(f"  {'':<22} WARNING: other processes were busy ({top}): figures understated")
    print()
    print("Peak RSS (VmHWM) per server process, read after the API phases:")
    for name, figures in memory.items():
        print(
            f"  {name:<26} peak {figures['peak_rss_mb']:7.1f} MB   now {figures['rss_mb']:7.1f} MB"
        )

    spread = ", ".join(f"pid {pid}: {count}" for pid, count in connections.items())
    print(f"Load generator connections per worker (after the API phases): {spread}")

    print()
    print("Database round trips per request (counted at the driver, in-process, after warm-up):")
    for name, found in trips.items():
        print(
            f"  {name:<16} {found['round_trips_per_request']:5.2f} per request"
            f" (answers {found['statuses']}), in-process CPU"
            f" {found['in_process_cpu_ms_per_request']:.2f} ms per request (client included)"
        )
        for statement, count in found["by_statement"].items():
            print(f"    {count:5.2f}  {statement}")

    stamp = summaries["add-stamp (API)"]
    redeem = summaries["redeem-by-code (API)"]
    raw = summaries["add-stamp (raw SQL)"]
    ratio = stamp["per_second"] / raw["per_second"] if raw["per_second"] else 0.0
    redeem_ratio = redeem["per_second"] / raw["per_second"] if raw["per_second"] else 0.0
    worker_peak = max(
        (f["peak_rss_mb"] for name, f in memory.items() if name.startswith("worker ")),
        default=0.0,
    )
    open_stamp, open_redeem = (
        next(s for name, s in summaries.items() if name.startswith(f"{label} open"))
        for label in ("add-stamp", "redeem")
    )
    postgres_api = stamp["cpu_ms_per_request"].get("postgres") or 0.0
    postgres_raw = raw["cpu_ms_per_request"].get("postgres") or 0.0
    postgres_ratio = postgres_api / postgres_raw if postgres_raw else 0.0
    print()
    if reference:
        tps = reference["tps"]
        print(
            f"one-statement reference (pgbench -M prepared -c {args.raw_connections}): {tps:.1f}"
            f" tx/s, latency average {reference['latency_average_ms']} ms, PostgreSQL CPU"
            f" {reference.get('postgres_cpu_ms_per_transaction', 0.0):.3f} ms per transaction"
        )
        if tps:
            print(
                f"add-stamp API/pgbench ratio: {stamp['per_second'] / tps:.2f},"
                f" redeem API/pgbench: {redeem['per_second'] / tps:.2f},"
                f" raw SQL/pgbench: {raw['per_second'] / tps:.2f}"
            )
    else:
        print("one-statement reference: pgbench not installed")
    print(f"add-stamp API/raw ratio: {ratio:.2f} (target >= {TARGET_RATIO:.2f})")
    print(f"redeem-by-code API/raw ratio: {redeem_ratio:.2f} (target >= {TARGET_REDEEM_RATIO:.2f})")
    print(
        f"PostgreSQL CPU per stamp, API/raw: {postgres_api:.3f} / {postgres_raw:.3f} ms ="
        f" {postgres_ratio:.2f} (target <= {TARGET_POSTGRES_CPU_RATIO})"
    )
    serving_api = stamp["postgres_cpu_ms_per_request_serving"]
    serving_raw = raw["postgres_cpu_ms_per_request_serving"]
    if serving_api.get("http") and serving_raw.get("clients"):
        own, raw_own = serving_api["http"], serving_raw["clients"]
        print(
            f"  of which the statements' backends: API {own:.3f} / raw {raw_own:.3f} ms ="
            f" {own / raw_own:.2f}; the background loops' {serving_api.get('loops', 0.0):.3f} ms"
        )
    for label, found in (("add-stamp", open_stamp), ("redeem", open_redeem)):
        print(
            f"open loop {label} at {found['requests'] / found['elapsed_s']:.0f}/s: p50"
            f" {found['p50_ms']:.1f} ms, p99 {found['p99_ms']:.1f} ms"
            f" (target p99 <= {TARGET_OPEN_LOOP_P99_MS:.0f})"
        )
        print(
            f"  its slowest 1% ({found['slowest_1pct']}) were due in"
            f" {found['slowest_1pct_windows']} windows of {TAIL_WINDOW_S * 1000:.0f} ms, the"
            f" busiest holding {found['slowest_1pct_in_busiest_window']}"
            f"; core-s the VM's host took (steal) {found['cpu']['steal_core_s']:.2f},"
            f" idle waiting for the disk (iowait) {found['cpu']['iowait_core_s']:.2f}"
        )
        if found["reaching_a_goal"]:
            print(
                f"  the {found['reaching_a_goal']} stamps that reached a goal: p50"
                f" {found['reaching_a_goal_p50_ms']:.1f} ms, p99"
                f" {found['reaching_a_goal_p99_ms']:.1f} ms"
            )
    print(f"closed loop p99 add-stamp: {stamp['p99_ms']:.0f} ms, redeem: {redeem['p99_ms']:.0f} ms")
    print(f"peak RSS per worker: {worker_peak:.0f} MB (target <= {TARGET_RSS_MB:.0f})")
    print(f"master peak RSS: {memory['master']['peak_rss_mb']:.0f} MB")
    for name, figures in memory.items():
        if name.startswith(LOOPS):
            print(f"{LOOPS} (background loops) peak RSS: {figures['peak_rss_mb']:.0f} MB")

    return {
        "when": datetime.now(UTC).isoformat().replace("+00:00", "Z"),
        "context": context,
        "phases": summaries,
        "server_memory_mb": _rounded(memory),
        "connections_per_worker": {str(pid): count for pid, count in connections.items()},
        "add_stamp_api_raw_ratio": round(ratio, 3),
        "round_trips": trips,
        "pgbench_reference": reference,
        "load_average": os.getloadavg(),
        "targets": {
            "add_stamp_api_raw_ratio": {"value": round(ratio, 3), "target": f">= {TARGET_RATIO}"},
            "redeem_api_raw_ratio": {
                "value": round(redeem_ratio, 3),
                "target": f">= {TARGET_REDEEM_RATIO}",
            },
            "postgres_cpu_api_raw_ratio": {
                "value": round(postgres_ratio, 3),
                "target": f"<= {TARGET_POSTGRES_CPU_RATIO}",
            },
            "open_loop_p99_ms": {
                "add-stamp": open_stamp["p99_ms"],
                "redeem": open_redeem["p99_ms"],
                "target": f"<= {TARGET_OPEN_LOOP_P99_MS}",
            },
            "peak_rss_per_worker_mb": {
                "value": round(worker_peak, 1),
                "target": f"<= {TARGET_RSS_MB}",
            },
        },
    }


# --- main ------------------------------------------------------------------------------------


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--duration", type=float, default=15.0, help="seconds per measured phase")
    parser.add_argument("--warmup", type=float, default=2.0, help="unmeasured seconds before each")
    parser.add_argument("--clients", type=int, default=32, help="concurrent HTTP clients")
    parser.add_argument(
        "--ramp", type=float, default=1.0, help="seconds over which the clients first connect"
    )
    parser.add_argument("--workers", type=int, default=2, help="server worker processes")
    parser.add_argument(
        "--loops",
        choices=("process", "server", "none"),
        default="process",
        help="where the background loops run: one `punchcard worker` beside `serve --no-worker`"
        " (production), inside each server process (serve's default), or nowhere",
    )
    parser.add_argument("--raw-connections", type=int, default=16, help="raw SQL connections")
    parser.add_argument("--cards", type=int, default=2000, help="cards stamped at random")
    parser.add_argument(
        "--vouchers", type=int, default=0, help="redeem codes to prepare (0: enough for the phase)"
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
    args = parser.parse_args()
    if args.duration <= 0 or args.clients < 1 or args.raw_connections < 1 or args.cards < 1:
        parser.error("--duration, --clients, --raw-connections and --cards must be positive")
    if args.vouchers <= 0:
        # The closed-loop phase, then the open-loop one at half its rate.
        seconds = (args.duration + args.warmup) * 1.5
        args.vouchers = max(MIN_VOUCHERS, int(seconds * VOUCHERS_PER_SECOND)) + ROUND_TRIP_REQUESTS
    return args


def git_commit() -> str:
    """The commit measured, with "+changes" when the working tree differs from it."""
    here = Path(__file__).resolve().parent
    try:
        head = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=here, capture_output=True, text=True
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "--untracked-files=no", "--", "src"],
            cwd=here,
            capture_output=True,
            text=True,
        ).stdout.strip()
    except OSError:
        return "unknown"
    return f"{head}+changes" if head and dirty else head or "unknown"


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


async def main() -> None:
    args = parse_args()
    # SIGTERM (and Ctrl-C, which asyncio handles) cancel the run; the clean-up still happens.
    main_task = asyncio.current_task()
    assert main_task is not None
    asyncio.get_running_loop().add_signal_handler(signal.SIGTERM, main_task.cancel)
    admin = make_url(args.server_url)
    if admin.host not in LOOPBACK:
        raise SystemExit(f"--server-url must point at 127.0.0.1 (got host {admin.host!r})")
    bench = admin.set(drivername="postgresql", database=args.db_name)
    context: dict[str, Any] = {
        "cpus": psutil.cpu_count() or 1,
        "python": platform.python_version(),
        "platform": platform.platform(),
        "postgres": await postgres_context(admin),
        "args": {k: v for k, v in vars(args).items() if k != "server_url"},
        "commit": git_commit(),
        "server_environment": {
            k: v
            for k, v in os.environ.items()
            if k.startswith("PUNCHCARD_") and k != "PUNCHCARD_DATABASE_URL" and "SECRET" not in k
        },
    }
    print(
        f"Punchcard load benchmark at {context['commit']}: {args.clients} HTTP clients,"
        f" {args.workers} server workers, {args.raw_connections} raw connections,"
        f" {args.duration:.0f} s per phase (+{args.warmup:.0f} s warm-up), {args.cards} cards,"
        f" {context['cpus']} CPUs, PostgreSQL {context['postgres'].get('server_version')}"
    )
    if context["server_environment"]:
        print(f"server environment: {context['server_environment']}")
    await recreate_database(admin, args.db_name)
    server = Server(
        bench.render_as_string(hide_password=False), free_port(), args.workers, args.loops
    )
    phases: list[Phase] = []
    try:
        started = time.perf_counter()
        await server.start()
        print(
            f"server up in {time.perf_counter() - started:.1f} s on {server.base_url}:"
            f" master pid {server.pid}, workers {server.worker_pids}"
        )
        async with aiohttp.ClientSession(base_url=server.base_url) as setup_http:
            fixture = await set_up(server, bench, setup_http, args.cards, args.vouchers)
        for note in fixture.notes:
            print(f"set-up: {note}")
        print("counting database round trips per request (in-process) ...")
        trips = await count_round_trips(bench, fixture)
        print("measuring add-stamp and redeem-by-code through the API ...")
        phases += await api_phases(args, bench, server, fixture)
        memory = server.memory()
        await server.stop()
        if server.error_lines:
            print(f"server logged {len(server.error_lines)} error line(s), e.g.:")
            for line in server.error_lines[:5]:
                print(f"  {line}")
        print("measuring add-stamp as raw SQL ...")
        phases.append(await raw_phase(args, bench, fixture))
        print("measuring the one-statement reference (pgbench) ...")
        reference = await pgbench_phase(args, bench, fixture)
    finally:
        await server.stop()
        if not args.keep_db:
            await drop_database(admin, args.db_name)
    results = print_report(args, context, phases, memory, server.connections, trips, reference)
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(results, indent=2) + "\n")
    shown = RESULTS.relative_to(Path.cwd()) if RESULTS.is_relative_to(Path.cwd()) else RESULTS
    print(f"\nfigures written to {shown}")


def run() -> None:
    try:
        import uvloop
    except ImportError:
        asyncio.run(main())
    else:
        uvloop.run(main())


if __name__ == "__main__":
    try:
        run()
    except (KeyboardInterrupt, asyncio.CancelledError):
        print("\ninterrupted: the server was stopped; no figures written", file=sys.stderr)
        sys.exit(130)
