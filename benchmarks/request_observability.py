"""What the request middleware (kit.accesslog: request id, metrics, access log) costs per
request, beside the same route called without it.

Each configuration runs in a process of its own (prometheus-client picks multiprocess mode
when it is imported, from PROMETHEUS_MULTIPROC_DIR) and calls a Starlette router with one
route (``/v1/cards/{card_ref}/stamps``, answering 201 at once) directly, as the ASGI server
would, ``--requests`` times; the best of ``--rounds`` rounds of CPU time per request is
printed, and the difference from the bare router. Log lines go to /dev/null.

    uv run python benchmarks/request_observability.py [--requests 20000] [--rounds 5]

It prints figures and never asserts timings.
"""

import argparse
import asyncio
import logging
import os
import subprocess
import sys
import tempfile
import time
from typing import Any

CONFIGURATIONS = {
    "bare router (raw baseline)": {},
    "request id only (default)": {"middleware": "1"},
    "+ metrics, one process": {"middleware": "1", "metrics": "1"},
    "+ metrics, multiprocess files": {"middleware": "1", "metrics": "1", "multiprocess": "1"},
    "+ metrics + access log, text": {"middleware": "1", "metrics": "1", "log": "text"},
    "+ metrics + access log, JSON": {"middleware": "1", "metrics": "1", "log": "json"},
}


def measure(options: dict[str, str], requests: int, rounds: int) -> float:
    """Best CPU microseconds per request over ``rounds`` rounds (in this process)."""
    from starlette.responses import Response
    from starlette.routing import Route, Router

    from punchcard.kit.accesslog import AccessLog
    from punchcard.observability.logs import JsonFormatter
    from punchcard.observability.metrics import RequestMetrics

    async def stamp(request: Any) -> Response:
        return Response(b'{"ok":true}', status_code=201, media_type="application/json")

    app: Any = Router([Route("/v1/cards/{card_ref}/stamps", stamp, methods=["POST"])])
    if options.get("middleware"):
        log = logging.getLogger("punchcard.access")
        handler = logging.FileHandler(os.devnull)
        if options.get("log") == "json":
            handler.setFormatter(JsonFormatter())
        log.addHandler(handler)
        log.propagate = False
        observe = RequestMetrics().observe if options.get("metrics") else None
        app = AccessLog(app, log_requests=bool(options.get("log")), observe=observe)

    async def receive() -> dict[str, Any]:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: dict[str, Any]) -> None:
        pass

    def scope(n: int) -> dict[str, Any]:
        return {
            "type": "http",
            "http_version": "1.1",
            "method": "POST",
            "scheme": "http",
            "path": f"/v1/cards/card_{n % 2000}/stamps",
            "raw_path": b"",
            "query_string": b"",
            "root_path": "",
            "headers": [(b"host", b"127.0.0.1"), (b"authorization", b"Bearer pc_sk_x")],
            "client": ("127.0.0.1", 50000),
            "server": ("127.0.0.1", 8000),
        }

    async def one_round() -> float:
        started = time.process_time()
        for n in range(requests):
            await app(scope(n), receive, send)
        return (time.process_time() - started) / requests * 1e6

    async def rounds_of() -> float:
        await one_round()  # warm-up: caches, label children
        return min([await one_round() for _ in range(rounds)])

    return asyncio.run(rounds_of())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=20_000)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--one", help=argparse.SUPPRESS)  # a configuration, in a child process
    args = parser.parse_args()
    if args.one:
        print(measure(CONFIGURATIONS[args.one], args.requests, args.rounds))
        return
    print(f"CPU per request, best of {args.rounds} rounds of {args.requests} requests")
    print(f"(load average {' '.join(f'{x:.2f}' for x in os.getloadavg())})\n")
    baseline = None
    for name, options in CONFIGURATIONS.items():
        with tempfile.TemporaryDirectory() as directory:
            env = dict(os.environ)
            env.pop("PROMETHEUS_MULTIPROC_DIR", None)
            if options.get("multiprocess"):
                env["PROMETHEUS_MULTIPROC_DIR"] = directory
            command = [sys.executable, __file__, "--one", name]
            command += ["--requests", str(args.requests), "--rounds", str(args.rounds)]
            done = subprocess.run(command, env=env, capture_output=True, text=True, check=True)
        micros = float(done.stdout.strip().splitlines()[-1])
        baseline = micros if baseline is None else baseline
        print(f"  {name:34} {micros:7.1f} µs   (+{micros - baseline:5.1f} µs)")


if __name__ == "__main__":
    main()
