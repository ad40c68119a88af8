"""Real `punchcard serve` processes for end-to-end tests, reached over TCP on loopback."""

import json
import os
import signal
import socket
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

import pytest

from tests.support.databases import fresh_sqlite

CLI = str(Path(sys.executable).with_name("punchcard"))
READY = "Application startup complete"
LISTENING = "Uvicorn running on"  # a single process binds its socket after start-up
# Bounds on blocking waits (never sleeps). Workers import the app before answering uvicorn's
# supervisor, which takes seconds on a loaded 2-core machine; generous bounds keep CI stable.
START_TIMEOUT = 120.0
STOP_TIMEOUT = 20.0


@dataclass
class ServerLog:
    """A process's output, collected line by line by a reader thread."""

    workers: int
    lines: list[str] = field(default_factory=list)
    started: int = 0
    ready: threading.Event = field(default_factory=threading.Event)
    ready_text: str = READY  # the line each of ``workers`` prints once it is ready
    _grown: threading.Condition = field(default_factory=threading.Condition)

    def follow(self, stream: IO[str]) -> None:
        for line in stream:
            with self._grown:
                self.lines.append(line)
                self._grown.notify_all()
            if self.ready_text in line:
                self.started += 1
                if self.started == self.workers:
                    self.ready.set()
        self.ready.set()  # end of output: the server exited, wake the waiter to report it

    def text(self) -> str:
        return "".join(self.lines)

    def wait_for_text(self, text: str, since: int = 0, timeout: float = 30) -> bool:
        """Block (bounded) until a line after the first ``since`` lines contains ``text``."""
        with self._grown:
            return self._grown.wait_for(
                lambda: any(text in line for line in self.lines[since:]), timeout
            )


@dataclass
class Server:
    base_url: str
    api_key: str  # the owner key of a business made by `punchcard business create`
    log: ServerLog
    env: dict[str, str]  # the environment it runs in (its database), for more CLI commands


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def create_business(env: dict[str, str], name: str = "E2E Café") -> dict[str, str]:
    command = [CLI, "business", "create", "--name", name, "--location", "Main St", "--json"]
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    made: dict[str, str] = json.loads(done.stdout)
    return made


def _stop(process: subprocess.Popen[str]) -> None:
    """SIGTERM (uvicorn stops its workers), then SIGKILL the whole group if that hangs."""
    if process.poll() is None:
        process.terminate()
    try:
        process.wait(STOP_TIMEOUT)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()


@contextmanager
def running_server(
    database_url: str, workers: int = 1, *, webhook_worker: bool = True, access_log: bool = False
) -> Iterator[Server]:
    """Create a business, start `punchcard serve`, wait for every worker, stop at exit.
    ``webhook_worker=False`` serves the API only (`--no-worker`): `punchcard worker` delivers."""
    env = {
        # Several servers and worker processes of one run share the database server's
        # max_connections (100 by default): a smaller pool each keeps them all within it.
        "PUNCHCARD_DB_POOL_SIZE": "10",
        **os.environ,
        "PUNCHCARD_DATABASE_URL": database_url,
        "PUNCHCARD_LOG_LEVEL": "info",
    }
    api_key = create_business(env)["api_key"]
    port = free_port()
    serve = [CLI, "serve", "--host", "127.0.0.1", "--port", str(port)]
    serve.append("--access-log" if access_log else "--no-access-log")
    if not webhook_worker:
        serve.append("--no-worker")
    process = subprocess.Popen(
        [*serve, "--workers", str(workers)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,  # its own process group, so a hung server can be killed whole
    )
    assert process.stdout is not None
    log = ServerLog(workers)
    threading.Thread(target=log.follow, args=(process.stdout,), daemon=True).start()
    try:
        log.ready.wait(START_TIMEOUT)
        if log.started < workers or not log.wait_for_text(LISTENING, timeout=START_TIMEOUT):
            raise AssertionError(f"server did not start {workers} workers:\n{log.text()}")
        yield Server(f"http://127.0.0.1:{port}", api_key, log, env)
    finally:
        _stop(process)


@contextmanager
def delivering_sqlite_server(directory: Path) -> Iterator[Server]:
    """`punchcard serve` on a fresh SQLite database in ``directory`` that may deliver webhooks
    to loopback receivers (the SSRF guard refuses them unless private networks are allowed)."""
    with ExitStack() as stack:
        with pytest.MonkeyPatch.context() as patch:  # the server keeps its copy of the environment
            patch.setenv("PUNCHCARD_WEBHOOK_ALLOW_PRIVATE_NETWORKS", "true")
            patch.setenv("PUNCHCARD_SECRET_KEY_FILE", str(directory / "secret-key"))
            running = stack.enter_context(running_server(fresh_sqlite(directory)))
        yield running
