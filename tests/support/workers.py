"""Real `punchcard worker` processes (webhook delivery), started and stopped by a test.

Every wait here is async (a worker finishing its sends needs the test's receiver to answer)."""

import asyncio
import os
import signal
import subprocess
import threading
from dataclasses import dataclass, field

from tests.support.server import CLI, START_TIMEOUT, STOP_TIMEOUT, ServerLog

WORKER_READY = "webhook worker started"


@dataclass
class Worker:
    name: str
    process: subprocess.Popen[str]
    log: ServerLog

    @property
    def pid(self) -> int:
        return self.process.pid

    @property
    def running(self) -> bool:
        return self.process.poll() is None

    async def kill(self) -> None:
        """SIGKILL: no chance to finish sends or record them."""
        self.process.kill()
        await asyncio.to_thread(self.process.wait)

    async def stop(self) -> int:
        """SIGTERM: finish the sends under way, record them, exit. Returns the exit status."""
        if self.running:
            self.process.terminate()
        try:
            return await asyncio.to_thread(self.process.wait, STOP_TIMEOUT)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            return await asyncio.to_thread(self.process.wait)

    async def wait_for_log(self, text: str, since: int = 0, timeout: float = 30) -> None:
        """Wait (bounded) until the worker logs ``text`` after its first ``since`` lines."""
        if not await asyncio.to_thread(self.log.wait_for_text, text, since, timeout):
            raise AssertionError(f"{self.name} did not log {text!r} within {timeout} s")


@dataclass
class Workers:
    """The workers of one test; each started with the test's base environment plus overrides."""

    env: dict[str, str]
    started: list[Worker] = field(default_factory=list)

    async def start(self, name: str, **overrides: str) -> Worker:
        """Start `punchcard worker` and wait until it works. Overrides are PUNCHCARD_ settings:
        ``start("a", webhook_max_in_flight="20")`` sets PUNCHCARD_WEBHOOK_MAX_IN_FLIGHT."""
        env = self.env | {f"PUNCHCARD_{key.upper()}": value for key, value in overrides.items()}
        worker = _spawn(name, env)
        self.started.append(worker)
        await asyncio.to_thread(worker.log.ready.wait, START_TIMEOUT)
        if not worker.log.started:
            raise AssertionError(f"worker {name} did not start:\n{worker.log.text()}")
        return worker

    async def stop_all(self) -> None:
        await asyncio.gather(*(worker.stop() for worker in self.started))

    def text(self) -> str:
        return "\n".join(
            f"--- worker {w.name} (pid {w.pid}) ---\n{w.log.text()}" for w in self.started
        )


def _spawn(name: str, env: dict[str, str]) -> Worker:
    process = subprocess.Popen(
        [CLI, "worker"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,  # its own process group, so a hung worker can be killed whole
    )
    assert process.stdout is not None
    log = ServerLog(1, ready_text=WORKER_READY)
    threading.Thread(target=log.follow, args=(process.stdout,), daemon=True).start()
    return Worker(name, process, log)
