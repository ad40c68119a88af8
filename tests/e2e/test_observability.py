"""Metrics, logs and request ids of real processes, as an operator runs them: `punchcard serve
--workers 2 --no-worker` and a `punchcard worker`, both with JSON logs and a metrics port.
The two server processes' counts add up on one scrape, a request is traced to its webhook
delivery by its id, and a customer's details never reach a log."""

import asyncio
import glob
import json
import os
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from prometheus_client.mmap_dict import MmapedDict
from prometheus_client.parser import text_string_to_metric_families

from punchcard.config import Settings
from punchcard.db.engine import Database
from tests.pages.conftest import Visitor
from tests.support.databases import fresh_sqlite
from tests.support.factories import card, coffee_program, ok
from tests.support.receiver import Receiver
from tests.support.server import Server, free_port, running_server
from tests.support.workers import Worker, Workers

WORKERS = 2
STAMPS_ROUTE = "/v1/cards/{card_ref}/stamps"


@pytest.fixture(scope="module")
def temporary(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The server's TMPDIR: where the CLI makes the workers' metric files directory."""
    return tmp_path_factory.mktemp("tmp")


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory, temporary: Path) -> Iterator[Server]:
    database_url = fresh_sqlite(tmp_path_factory.mktemp("observability"))
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("PUNCHCARD_METRICS_PORT", str(free_port()))
        patch.setenv("PUNCHCARD_LOG_FORMAT", "json")
        patch.setenv("TMPDIR", str(temporary))
        patch.delenv("PROMETHEUS_MULTIPROC_DIR", raising=False)
        with running_server(
            database_url, workers=WORKERS, webhook_worker=False, access_log=True
        ) as running:
            yield running


@pytest.fixture(scope="module")
def worker_metrics_port() -> int:
    return free_port()


@pytest.fixture(scope="module")
async def worker(server: Server, worker_metrics_port: int) -> AsyncIterator[Worker]:
    """Delivers the webhooks (the server runs --no-worker), with a metrics port of its own."""
    workers = Workers(server.env)
    port = str(worker_metrics_port)
    yield await workers.start("w1", metrics_port=port, webhook_poll_seconds="0.05")
    await workers.stop_all()


@pytest.fixture
async def api(server: Server) -> AsyncIterator[httpx.AsyncClient]:
    async with httpx.AsyncClient(
        base_url=server.base_url, headers={"Authorization": f"Bearer {server.api_key}"}
    ) as client:
        yield client


def metrics_url(port: int | str) -> str:
    return f"http://127.0.0.1:{port}/metrics"


async def scrape(url: str) -> dict[tuple[str, frozenset[tuple[str, str]]], float]:
    async with httpx.AsyncClient() as client:
        answer = await client.get(url)
    assert answer.status_code == 200, answer.text
    return {
        (sample.name, frozenset(sample.labels.items())): sample.value
        for family in text_string_to_metric_families(answer.text)
        for sample in family.samples
    }


def stamps_counted(samples: dict[tuple[str, frozenset[tuple[str, str]]], float]) -> float:
    labels = frozenset({"method": "POST", "route": STAMPS_ROUTE, "status": "201"}.items())
    return samples.get(("punchcard_http_requests_total", labels), 0.0)


def stamps_per_process(temporary: Path) -> dict[str, float]:
    """Each server process's own count of stamps, read from its file in the directory the CLI
    made for them (``counter_<pid>.db``)."""
    [directory] = glob.glob(str(temporary / "punchcard-metrics-*"))
    counts: dict[str, float] = {}
    for name in glob.glob(os.path.join(directory, "counter_*.db")):
        pid = Path(name).stem.removeprefix("counter_")
        for key, value, _, _ in MmapedDict.read_all_values_from_file(name):
            metric, _, labels, _ = json.loads(key)
            if metric == "punchcard_http_requests" and labels.get("route") == STAMPS_ROUTE:
                counts[pid] = counts.get(pid, 0.0) + value
    return counts


def json_lines(text: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in text.splitlines() if line.startswith("{")]


async def stamp_on_new_connections(server: Server, card_id: str, count: int) -> None:
    """Stamps sent at once, each on a connection of its own: the kernel hands new
    connections to whichever server process accepts first."""

    async def one() -> None:
        async with httpx.AsyncClient(
            base_url=server.base_url, headers={"Authorization": f"Bearer {server.api_key}"}
        ) as client:
            ok(await client.post(f"/v1/cards/{card_id}/stamps", json={"count": 1}), 201)

    await asyncio.gather(*(one() for _ in range(count)))


async def test_the_counts_of_both_server_processes_add_up_in_one_scrape(
    server: Server, api: httpx.AsyncClient, temporary: Path
) -> None:
    issued = await card(api, (await coffee_program(api))["id"])
    sent = 0
    for _ in range(30):  # until both processes took some (bounded: connections spread fast)
        await stamp_on_new_connections(server, issued["id"], 10)
        sent += 10
        per_process = stamps_per_process(temporary)
        if len([n for n in per_process.values() if n]) == WORKERS:
            break
    assert len([n for n in per_process.values() if n]) == WORKERS, per_process

    samples = await scrape(metrics_url(server.env["PUNCHCARD_METRICS_PORT"]))

    assert stamps_counted(samples) == sent == sum(per_process.values())
    settings = Settings(database_url=server.env["PUNCHCARD_DATABASE_URL"])
    database = Database(settings)
    one_pool = database.engine.sync_engine.pool.size()  # type: ignore[attr-defined]
    await database.dispose()
    assert samples[("punchcard_db_pool_size", frozenset())] == WORKERS * one_pool
    assert samples[("punchcard_database_metrics_up", frozenset())] == 1


async def test_a_request_is_traced_by_its_id_to_the_webhook_attempt_that_delivered_it(
    server: Server, api: httpx.AsyncClient, worker: Worker, receiver: Receiver
) -> None:
    endpoint = ok(await api.post("/v1/webhooks", json={"url": receiver.url()}), 201)
    issued = await card(api, (await coffee_program(api))["id"])
    await receiver.wait_for(1)  # card_issued
    stamped = await api.post(
        f"/v1/cards/{issued['id']}/stamps",
        json={"count": 1},
        headers={"X-Request-Id": "support-case-1203"},
    )
    assert stamped.headers["x-request-id"] == "support-case-1203"

    events = ok(
        await api.get("/v1/events", params={"card_id": issued["id"], "type": "stamp_added"})
    )
    [event] = events["data"]
    [delivery] = [d for d in await receiver.wait_for(2) if d.json["event"] == "stamp_added"]
    message = await delivered_message(api, endpoint["id"], event["id"])
    [attempt] = ok(
        await api.get(f"/v1/webhooks/{endpoint['id']}/messages/{message['id']}/attempts")
    )["data"]
    await worker.wait_for_log(attempt["id"])
    [logged] = [
        line for line in json_lines(worker.log.text()) if line.get("attempt_id") == attempt["id"]
    ]

    assert event["request_id"] == delivery.json["request_id"] == "support-case-1203"
    assert attempt["request_id"] == "support-case-1203"
    assert logged == logged | {
        "logger": "punchcard.webhooks",
        "attempt_id": attempt["id"],
        "message_id": message["id"],
        "event_id": event["id"],
        "request_id": "support-case-1203",
        "result": "succeeded",
        "status_code": 204,
    }
    [access] = [
        line
        for line in json_lines(server.log.text())
        if line.get("request_id") == "support-case-1203"
    ]
    assert access == access | {
        "logger": "punchcard.access",
        "method": "POST",
        "route": STAMPS_ROUTE,
        "path": f"/v1/cards/{issued['id']}/stamps",
        "status": 201,
        "business_id": event["business_id"],
        "staff_id": event["staff_id"],
    }
    assert access["client"].startswith("127.0.0.1:")
    assert access["api_key_id"].startswith("key_")
    assert access["duration_ms"] > 0


async def delivered_message(api: httpx.AsyncClient, endpoint_id: str, event_id: str) -> Any:
    """The event's message once the worker recorded its delivery (the receiver has it a
    moment before: attempts are recorded in batches after the answer)."""
    async with asyncio.timeout(30):
        while True:
            listed = ok(await api.get(f"/v1/webhooks/{endpoint_id}/messages"))["data"]
            [message] = [m for m in listed if m["event_id"] == event_id]
            if message["status"] == "succeeded":
                return message
            await asyncio.sleep(0.05)


async def test_the_worker_counts_its_deliveries_on_its_own_metrics_port(
    api: httpx.AsyncClient, worker: Worker, worker_metrics_port: int, receiver: Receiver
) -> None:
    url = metrics_url(worker_metrics_port)
    succeeded = ("punchcard_webhook_deliveries_total", frozenset({("result", "succeeded")}))
    before = (await scrape(url)).get(succeeded, 0.0)
    ok(await api.post("/v1/webhooks", json={"url": receiver.url("/counted")}), 201)
    await card(api, (await coffee_program(api))["id"])
    await receiver.wait_for(1, path="/counted")

    async with asyncio.timeout(30):
        while True:  # another process: its count follows the attempt's committed record
            if (await scrape(url)).get(succeeded, 0.0) > before:
                break
            await asyncio.sleep(0.05)


async def test_no_customer_details_reach_the_logs(
    server: Server, api: httpx.AsyncClient, worker: Worker
) -> None:
    program = await coffee_program(api)
    business = ok(await api.get("/v1/business"))
    path = f"/join/{business['id']}/{program['id']}"
    details = {"name": "Zofia Privatna", "email": "zofia.privatna@example.org"}
    async with Visitor(base_url=server.base_url) as visitor:
        joined = await visitor.submit(path, details)
        found = await api.get("/v1/customers", params={"email": details["email"]})
    assert joined.status_code in {200, 303}, joined.text
    assert ok(found)["data"]

    logs = server.log.text() + worker.log.text()
    assert "/join/" in logs  # the join form's request was logged ...
    for value in (*details.values(), "zofia.privatna", "example.org"):
        assert value not in logs  # ... without the customer's details, nor the search's
