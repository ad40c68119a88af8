"""``GET /metrics`` on a listener of its own (``PUNCHCARD_METRICS_PORT``, loopback unless
``PUNCHCARD_METRICS_HOST`` says otherwise, a bearer token when ``PUNCHCARD_METRICS_TOKEN`` is
set), never on the public port: operators scrape it from inside their network.

It runs as a thread of the process the CLI started: beside the server with one process, in
uvicorn's supervisor with ``--workers N`` (reading every worker's file in the multiprocess
directory), beside the loops of ``punchcard worker``.
"""

import contextlib
import glob
import hmac
import os
import re
import shutil
import socket
import tempfile
import threading
from collections.abc import Callable, Iterable, Iterator
from socketserver import ThreadingMixIn
from typing import Any
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

from prometheus_client import REGISTRY, CollectorRegistry, make_wsgi_app
from prometheus_client.multiprocess import MultiProcessCollector, mark_process_dead
from prometheus_client.registry import Collector

from punchcard.config import Settings
from punchcard.observability.database_gauges import DatabaseGauges

MULTIPROC_DIR = "PROMETHEUS_MULTIPROC_DIR"
PATH = "/metrics"
WsgiApp = Callable[[dict[str, Any], Callable[..., Any]], Iterable[bytes]]
_LIVE_GAUGE_FILE = re.compile(r"gauge_live\w*?_(\d+)\.db$")


def use_multiprocess_directory() -> str | None:
    """Before ``--workers N`` start: a fresh directory for their metric files, named in the
    environment they inherit. Returns it (to remove at exit), or None when the operator set
    PROMETHEUS_MULTIPROC_DIR (theirs to empty between runs, as prometheus-client says)."""
    if os.environ.get(MULTIPROC_DIR):
        return None
    directory = tempfile.mkdtemp(prefix="punchcard-metrics-")
    os.environ[MULTIPROC_DIR] = directory
    return directory


def remove_multiprocess_directory(directory: str | None) -> None:
    if directory:
        shutil.rmtree(directory, ignore_errors=True)
        os.environ.pop(MULTIPROC_DIR, None)


class _Workers(MultiProcessCollector):
    """Every process's files, added up; the live gauges of processes that died (a worker
    uvicorn replaced) are dropped first, counters are kept (they only ever add up)."""

    def collect(self) -> Iterable[Any]:
        for name in glob.glob(os.path.join(self._path, "gauge_live*.db")):
            found = _LIVE_GAUGE_FILE.search(name)
            if found and not _alive(int(found.group(1))):
                mark_process_dead(int(found.group(1)), self._path)  # type: ignore[no-untyped-call]
        return super().collect()  # type: ignore[no-untyped-call,no-any-return]


class _ThisProcess(Collector):
    """The process's own registry (its metrics, and its CPU, memory and file figures)."""

    def collect(self) -> Iterator[Any]:
        return iter(REGISTRY.collect())


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def registry_for(settings: Settings) -> CollectorRegistry:
    registry = CollectorRegistry()
    directory = os.environ.get(MULTIPROC_DIR)
    if directory:
        _Workers(registry, directory)  # type: ignore[no-untyped-call]
    else:
        registry.register(_ThisProcess())
    registry.register(DatabaseGauges(settings.database_url))
    return registry


def _only_metrics(app: WsgiApp, token: str | None) -> WsgiApp:
    expected = f"Bearer {token}".encode() if token else None

    def guarded(environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        if environ.get("PATH_INFO") != PATH:
            start_response("404 Not Found", [("Content-Type", "text/plain")])
            return [b"metrics are at /metrics\n"]
        given = environ.get("HTTP_AUTHORIZATION", "").encode("latin-1", "replace")
        if expected is not None and not hmac.compare_digest(given, expected):
            start_response(
                "401 Unauthorized",
                [("Content-Type", "text/plain"), ("WWW-Authenticate", 'Bearer realm="metrics"')],
            )
            return [b"send Authorization: Bearer <PUNCHCARD_METRICS_TOKEN>\n"]
        return app(environ, start_response)

    return guarded


class _Quiet(WSGIRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        """Scrapes are not logged (one every few seconds, forever)."""


class _Server(ThreadingMixIn, WSGIServer):
    daemon_threads = True


class Exporter:
    """The listener; ``stop`` closes it."""

    def __init__(self, settings: Settings) -> None:
        assert settings.metrics_port is not None
        host = settings.metrics_host

        class Server(_Server):
            address_family = socket.AF_INET6 if ":" in host else socket.AF_INET

        app = _only_metrics(make_wsgi_app(registry_for(settings)), settings.metrics_token)
        self.server = make_server(
            host, settings.metrics_port, app, server_class=Server, handler_class=_Quiet
        )
        self.thread = threading.Thread(
            target=self.server.serve_forever, name="metrics", daemon=True
        )
        self.thread.start()

    def stop(self) -> None:
        with contextlib.suppress(Exception):
            self.server.shutdown()
            self.server.server_close()


def start(settings: Settings) -> Exporter | None:
    """Serve /metrics when PUNCHCARD_METRICS_PORT is set."""
    return Exporter(settings) if settings.metrics_port is not None else None
