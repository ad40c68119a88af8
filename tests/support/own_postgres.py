"""A PostgreSQL server of the test's own (the distribution's server binaries, a fresh data
directory, a free port), so a test can SIGKILL it and start it again.

PostgreSQL refuses to run as root; CI runs as root, so the server then runs as the
``postgres`` system user (``setpriv``, which execs: the process we hold is the postmaster)."""

import contextlib
import glob
import os
import pwd
import shutil
import signal
import subprocess
import tempfile
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import psutil

from tests.support.server import ServerLog, free_port

READY = "database system is ready to accept connections"
START_TIMEOUT = 60.0


def server_binaries() -> Path | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    return Path(found[-1]).parent if found else None


def unavailable_reason() -> str | None:
    """Why this machine cannot run a server of our own (None: it can)."""
    if server_binaries() is None:
        return "no PostgreSQL server binaries under /usr/lib/postgresql/*/bin"
    if os.geteuid() == 0:
        if shutil.which("setpriv") is None:
            return "running as root and no setpriv to run PostgreSQL as another user"
        try:
            pwd.getpwnam("postgres")
        except KeyError:
            return "running as root and there is no postgres user to run PostgreSQL as"
    return None


@dataclass
class OwnPostgres:
    directory: Path
    port: int = field(default_factory=free_port)
    process: subprocess.Popen[str] | None = None
    log: ServerLog | None = None

    @property
    def url(self) -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/postgres"

    def _command(self, *args: str) -> list[str]:
        binaries = server_binaries()
        assert binaries is not None
        command = [str(binaries / args[0]), *args[1:]]
        if os.geteuid() != 0:
            return command
        return ["setpriv", "--reuid=postgres", "--regid=postgres", "--init-groups", *command]

    def init(self) -> None:
        if os.geteuid() == 0:
            owner = pwd.getpwnam("postgres")
            os.chown(self.directory, owner.pw_uid, owner.pw_gid)
        subprocess.run(
            self._command(
                "initdb",
                "-D",
                str(self.directory / "data"),
                "-U",
                "postgres",
                "-A",
                "trust",
                "--no-sync",
                "-E",
                "UTF8",
            ),
            check=True,
            capture_output=True,
            text=True,
        )

    def start(self) -> None:
        """Start (or restart) the server and wait until it accepts connections."""
        self.process = subprocess.Popen(
            self._command(
                "postgres",
                "-D",
                str(self.directory / "data"),
                "-p",
                str(self.port),
                "-k",
                str(self.directory),
                "-c",
                "listen_addresses=127.0.0.1",
                "-c",
                "fsync=off",
                "-c",
                "max_connections=60",
            ),
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            start_new_session=True,
        )
        assert self.process.stdout is not None
        self.log = ServerLog(1, ready_text=READY)
        threading.Thread(target=self.log.follow, args=(self.process.stdout,), daemon=True).start()
        self.log.ready.wait(START_TIMEOUT)
        if not self.log.started:
            raise AssertionError(f"PostgreSQL did not start:\n{self.log.text()}")

    def kill(self) -> None:
        """SIGKILL the postmaster, as an OOM killer would, and wait for every backend to go."""
        assert self.process is not None
        children = psutil.Process(self.process.pid).children(recursive=True)
        self.process.kill()
        self.process.wait()
        _, alive = psutil.wait_procs(children, timeout=30)
        for process in alive:
            with contextlib.suppress(psutil.NoSuchProcess):
                process.kill()
        psutil.wait_procs(alive, timeout=30)

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)  # fast shutdown
            try:
                self.process.wait(30)
            except subprocess.TimeoutExpired:
                self.kill()


@contextlib.contextmanager
def own_postgres() -> Iterator[OwnPostgres]:
    directory = Path(tempfile.mkdtemp(prefix="punchcard-pg-"))
    server = OwnPostgres(directory)
    try:
        server.init()
        server.start()
        yield server
    finally:
        server.stop()
        shutil.rmtree(directory, ignore_errors=True)
