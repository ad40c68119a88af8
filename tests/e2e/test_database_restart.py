"""PostgreSQL killed (SIGKILL) and started again under a real `punchcard serve --no-worker` and
`punchcard worker`: meanwhile the API answers 503 with Retry-After (never a 500, never a hang,
one log line per kind of failure, the keep-alive connection kept); afterwards it recovers by
itself (a stale pooled connection never fails the first request), every acknowledged stamp is
there, and every event is delivered.

Runs a PostgreSQL server of its own (the distribution's binaries), so it needs no
PUNCHCARD_TEST_DATABASE_URL; as root, the server runs as the postgres user."""

import asyncio
import os
import uuid
from collections import Counter
from collections.abc import AsyncIterator, Callable, Iterator
from dataclasses import dataclass, field

import httpx
import pytest

from tests.support.databases import upgrade
from tests.support.factories import card, coffee_program, ok
from tests.support.own_postgres import OwnPostgres, own_postgres, unavailable_reason
from tests.support.receiver import Receiver, receiving
from tests.support.server import Server, running_server
from tests.support.workers import Workers

OUTAGE_REQUESTS = 5  # 503s the load sees before the database comes back
RECOVERY_SECONDS = 30.0  # bound on waits for the API to serve again


@pytest.fixture(scope="module")
def postgres() -> Iterator[OwnPostgres]:
    reason = unavailable_reason()
    if reason is not None:
        pytest.skip(f"cannot run a PostgreSQL server of our own: {reason}")
    with own_postgres() as server:
        upgrade(server.url)
        yield server


@pytest.fixture(scope="module")
def api_server(postgres: OwnPostgres) -> Iterator[Server]:
    with running_server(postgres.url, webhook_worker=False) as running:
        yield running


@pytest.fixture
async def worker(postgres: OwnPostgres) -> AsyncIterator[Workers]:
    pool = Workers(
        {
            **os.environ,
            "PUNCHCARD_DATABASE_URL": postgres.url,
            "PUNCHCARD_LOG_LEVEL": "info",
            "PUNCHCARD_WEBHOOK_POLL_SECONDS": "0.05",
            "PYTHONUNBUFFERED": "1",
        }
    )
    await pool.start("survivor")
    try:
        yield pool
    finally:
        await pool.stop_all()


@dataclass
class Load:
    """Stamps one at a time on one keep-alive connection; each with an Idempotency-Key,
    retried with it until acknowledged, as a till would."""

    client: httpx.AsyncClient
    card_id: str
    statuses: Counter[int] = field(default_factory=Counter)
    retry_afters: set[str | None] = field(default_factory=set)
    ports: set[int] = field(default_factory=set)  # our side of the TCP connections used
    acknowledged: int = 0
    changed: asyncio.Condition = field(default_factory=asyncio.Condition)

    async def stamp(self) -> httpx.Response:
        key = str(uuid.uuid4())
        while True:
            answer = await self.client.post(
                f"/v1/cards/{self.card_id}/stamps",
                json={"count": 1},
                headers={"Idempotency-Key": key},
            )
            stream = answer.extensions["network_stream"]
            self.ports.add(stream.get_extra_info("client_addr")[1])
            async with self.changed:
                self.statuses[answer.status_code] += 1
                if answer.status_code == 503:
                    self.retry_afters.add(answer.headers.get("retry-after"))
                if answer.status_code == 201:
                    self.acknowledged += 1
                self.changed.notify_all()
            if answer.status_code != 503:
                return answer
            await asyncio.sleep(0.05)  # the load's own pace between retries

    async def wait(self, condition: Callable[["Load"], bool], timeout: float) -> None:
        async with asyncio.timeout(timeout), self.changed:
            await self.changed.wait_for(lambda: condition(self))


async def test_the_api_and_worker_survive_postgresql_being_killed(
    postgres: OwnPostgres, api_server: Server, worker: Workers
) -> None:
    headers = {"Authorization": f"Bearer {api_server.api_key}"}
    async with (
        receiving() as receiver,
        httpx.AsyncClient(
            base_url=api_server.base_url,
            headers=headers,
            timeout=15.0,  # a hang fails the test
            limits=httpx.Limits(max_connections=1),
        ) as client,
    ):
        ok(await client.post("/v1/webhooks", json={"url": receiver.url()}), 201)
        load = Load(client, (await card(client, (await coffee_program(client))["id"]))["id"])
        for _ in range(3):
            ok(await load.stamp(), 201)

        # A quiet outage: nothing asks while the database is away. The pooled connections
        # went stale; the first request after it must not fail on one.
        await asyncio.to_thread(postgres.kill)
        await asyncio.to_thread(postgres.start)
        first = await load.stamp()
        assert first.status_code == 201, first.text
        assert load.statuses[503] == 0

        # A busy outage: the load runs through it.
        async def keep_stamping() -> None:
            while True:
                await load.stamp()

        stamping = asyncio.create_task(keep_stamping())
        await load.wait(lambda seen: seen.acknowledged >= 6, RECOVERY_SECONDS)
        await asyncio.to_thread(postgres.kill)
        await load.wait(lambda seen: seen.statuses[503] >= OUTAGE_REQUESTS, RECOVERY_SECONDS)
        await asyncio.to_thread(postgres.start)
        back = load.acknowledged
        await load.wait(lambda seen: seen.acknowledged >= back + 5, RECOVERY_SECONDS)
        stamping.cancel()
        await asyncio.gather(stamping, return_exceptions=True)

        assert set(load.statuses) <= {201, 503}, load.statuses
        assert load.retry_afters == {"5"}
        assert len(load.ports) == 1  # one keep-alive connection throughout
        state = ok(await client.get(f"/v1/cards/{load.card_id}"))
        # A stamp cut short by the cancel may have been committed but not acknowledged.
        assert state["lifetime_stamps"] in {load.acknowledged, load.acknowledged + 1}
        await delivered_every_event(client, receiver)

    server_log = api_server.log.text()
    assert "Traceback" not in server_log
    outage_lines = [line for line in server_log.splitlines() if "database unavailable" in line]
    assert 1 <= len(outage_lines) <= 4, outage_lines  # one per kind of failure
    worker_log = worker.text()
    assert "Traceback" not in worker_log
    assert worker.started[0].running


async def delivered_every_event(client: httpx.AsyncClient, receiver: Receiver) -> None:
    events: set[str] = set()
    cursor: str | None = None
    while True:
        page = ok(
            await client.get(
                "/v1/events", params={"limit": 100} | ({"cursor": cursor} if cursor else {})
            )
        )
        events |= {event["id"] for event in page["data"]}
        if (cursor := page["next_cursor"]) is None:
            break
    await receiver.until(
        lambda arrived: {d.webhook_id for d in arrived} >= events, RECOVERY_SECONDS
    )
