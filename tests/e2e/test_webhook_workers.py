"""Webhook delivery by real `punchcard worker` processes sharing one PostgreSQL queue, next to
an API server started with --no-worker: workers share the work without sending anything twice,
a SIGKILLed worker's messages are redelivered (same webhook-id, same body), a worker that loses
its database connection recovers by itself, and a receiver answering byte by byte cannot hold a
send past its lease. Skipped unless PUNCHCARD_TEST_DATABASE_URL names a server.
"""

import asyncio
import contextlib
import os
from collections import Counter, defaultdict
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import UTC, datetime, timedelta
from typing import Any, NamedTuple
from urllib.parse import urlsplit

import httpx
import psutil
import pytest
from sqlalchemy import and_, func, select
from sqlalchemy.engine import make_url
from standardwebhooks import Webhook

from punchcard.businesses.onboarding import onboard
from punchcard.config import Settings
from punchcard.db.engine import Database
from punchcard.webhooks.models import WebhookAttempt, WebhookMessage
from tests.support.factories import card, coffee_program, ok
from tests.support.receiver import Delivery, Receiver
from tests.support.server import Server
from tests.support.tcp_proxy import tcp_proxy
from tests.support.workers import Worker, Workers

RECORDING_FAILED = "webhook worker: database unavailable"


@pytest.fixture(scope="module")
async def postgres(postgres_url: str) -> AsyncIterator[Database]:
    database = Database(Settings(database_url=postgres_url))
    yield database
    await database.dispose()


@pytest.fixture
async def api(api_server: Server, postgres: Database) -> AsyncIterator[httpx.AsyncClient]:
    """The owner's client of a new business: each test sees only its own events."""
    async with postgres.transaction() as session:
        made = await onboard(session, name="Worker Café", location="Main St")
    async with httpx.AsyncClient(
        base_url=api_server.base_url,
        headers={"Authorization": f"Bearer {made.api_key}"},
        timeout=60.0,
    ) as client:
        yield client


@pytest.fixture
async def workers(postgres_url: str) -> AsyncIterator[Workers]:
    """Workers a test starts; stopped after it (their output is shown if it fails)."""
    pool = Workers(
        {
            **os.environ,
            "PUNCHCARD_DATABASE_URL": postgres_url,
            "PUNCHCARD_LOG_LEVEL": "info",
            "PUNCHCARD_WEBHOOK_POLL_SECONDS": "0.05",
            "PUNCHCARD_WEBHOOK_TIMEOUT_SECONDS": "1",
            "PUNCHCARD_WEBHOOK_LEASE_SECONDS": "4",  # renewed while a worker lives
            "PYTHONUNBUFFERED": "1",
        }
    )
    try:
        yield pool
    finally:
        await pool.stop_all()


async def event_ids(api: httpx.AsyncClient) -> set[str]:
    ids: set[str] = set()
    cursor: str | None = None
    while True:
        query = {"limit": "100"} | ({"cursor": cursor} if cursor else {})
        page = ok(await api.get("/v1/events", params=query))
        ids |= {event["id"] for event in page["data"]}
        if (cursor := page["next_cursor"]) is None:
            return ids


async def issue_cards(api: httpx.AsyncClient, count: int) -> set[str]:
    """Issue ``count`` cards (one card_issued event each); the ids of the new events."""
    before = await event_ids(api)
    program = await coffee_program(api)  # records no event
    lanes = asyncio.Semaphore(20)

    async def issue() -> None:
        async with lanes:
            await card(api, program["id"])

    await asyncio.gather(*(issue() for _ in range(count)))
    made = await event_ids(api) - before
    assert len(made) == count
    return made


async def add_endpoint(api: httpx.AsyncClient, receiver: Receiver) -> dict[str, Any]:
    made: dict[str, Any] = ok(await api.post("/v1/webhooks", json={"url": receiver.url()}), 201)
    return made


def webhook_ids(deliveries: list[Delivery]) -> Counter[str]:
    return Counter(delivery.webhook_id for delivery in deliveries)


def assert_signed(deliveries: list[Delivery], secret: str) -> None:
    for delivery in deliveries:
        payload = Webhook(secret).verify(delivery.body, delivery.headers)
        assert payload["id"] == delivery.webhook_id


class State(NamedTuple):
    status: str
    attempts: int  # the message's attempt counter (claims)
    logged: int  # rows in its delivery log


async def message_states(db: Database, endpoint_id: str) -> dict[str, State]:
    """Event id -> state of its message to the endpoint, read from the database."""
    message, attempt = WebhookMessage, WebhookAttempt
    logged = and_(attempt.business_id == message.business_id, attempt.message_id == message.id)
    async with db.transaction() as session:
        rows = await session.execute(
            select(message.event_id, message.status, message.attempts, func.count(attempt.id))
            .outerjoin(attempt, logged)
            .where(message.endpoint_id == endpoint_id)
            .group_by(message.id, message.event_id, message.status, message.attempts)
        )
        return {row[0]: State(*row[1:]) for row in rows}


def sender_of(
    deliveries: list[Delivery], senders: list[Worker], receiver: Receiver
) -> Counter[str]:
    """How many of these (held, so still connected) requests each worker process sent."""
    port = urlsplit(receiver.base_url).port
    owner = {
        connection.laddr.port: worker.name
        for worker in senders
        for connection in psutil.Process(worker.pid).net_connections(kind="tcp")
        if connection.raddr and connection.raddr.port == port
    }
    return Counter(owner.get(delivery.peer_port or 0, "unknown") for delivery in deliveries)


async def test_two_workers_share_the_queue_and_send_each_event_once(
    api: httpx.AsyncClient, receiver: Receiver, workers: Workers, postgres: Database
) -> None:
    events, per_worker = 300, 100
    endpoint = await add_endpoint(api, receiver)
    receiver.hold = asyncio.Event()
    # Held requests must not time out: a timeout is a failed attempt, retried (sent twice).
    settings = {"webhook_max_in_flight": str(per_worker), "webhook_timeout_seconds": "60"}
    expected, *started = await asyncio.gather(
        issue_cards(api, events), workers.start("a", **settings), workers.start("b", **settings)
    )
    # A worker has at most `per_worker` sends in flight, so twice that many requests waiting
    # at once means both are sending; their source ports say which worker sent which.
    held = await receiver.until(lambda arrived: len(arrived) >= 2 * per_worker)
    assert sender_of(held, started, receiver) == {"a": per_worker, "b": per_worker}
    receiver.hold.set()
    await receiver.until(lambda arrived: len(arrived) >= events)
    await workers.stop_all()  # graceful: every send under way is finished and recorded

    assert webhook_ids(receiver.arrivals) == dict.fromkeys(expected, 1)
    assert_signed(receiver.arrivals, endpoint["secret"])
    states = await message_states(postgres, endpoint["id"])
    assert Counter(states.values()) == {State("succeeded", 1, 1): events}


async def test_messages_of_a_killed_worker_are_redelivered_with_the_same_id_and_body(
    api: httpx.AsyncClient, receiver: Receiver, workers: Workers, postgres: Database
) -> None:
    events, in_flight = 60, 20
    endpoint = await add_endpoint(api, receiver)
    expected = await issue_cards(api, events)

    receiver.hold = asyncio.Event()
    # Its sends must not time out (a timeout frees a slot for another claim) before the kill;
    # 2 s leaves a wide margin (the lease, 4 s, is renewed while it lives).
    victim = await workers.start(
        "victim", webhook_max_in_flight=str(in_flight), webhook_timeout_seconds="2"
    )
    await receiver.until(lambda arrived: len(arrived) >= in_flight)
    await victim.kill()  # SIGKILL with `in_flight` messages claimed, sent, not answered
    held_ids = set(webhook_ids(receiver.arrivals))
    assert len(held_ids) == len(receiver.arrivals) == in_flight  # all it sent, each once
    receiver.hold.set()  # their requests get an answer now, on a dead connection
    await workers.start("fresh")

    def all_delivered_and_held_ones_again(arrived: list[Delivery]) -> bool:
        seen = webhook_ids(arrived)
        return set(seen) == expected and all(seen[id_] >= 2 for id_ in held_ids)

    await receiver.until(all_delivered_and_held_ones_again)
    await workers.stop_all()

    bodies: dict[str, set[bytes]] = defaultdict(set)
    for delivery in receiver.arrivals:
        bodies[delivery.webhook_id].add(delivery.body)
    assert set(bodies) == expected
    assert all(len(variants) == 1 for variants in bodies.values())  # a duplicate is identical
    assert_signed(receiver.arrivals, endpoint["secret"])
    states = await message_states(postgres, endpoint["id"])
    assert {state.status for state in states.values()} == {"succeeded"}
    assert all(states[id_].attempts >= 2 for id_ in held_ids)  # the dead claim, then the retry


async def test_worker_recovers_by_itself_when_its_database_connection_is_cut(
    api: httpx.AsyncClient,
    receiver: Receiver,
    workers: Workers,
    postgres: Database,
    postgres_url: str,
) -> None:
    endpoint = await add_endpoint(api, receiver)
    direct = make_url(postgres_url)
    async with tcp_proxy(direct.host or "127.0.0.1", direct.port or 5432) as proxy:
        proxied = direct.set(port=proxy.port).render_as_string(hide_password=False)
        # A long send timeout: requests held at the receiver must not time out.
        before, worker = await asyncio.gather(
            issue_cards(api, 10),
            workers.start("cut", database_url=proxied, webhook_timeout_seconds="60"),
        )
        await receiver.until(lambda arrived: set(webhook_ids(arrived)) == before)

        receiver.hold = asyncio.Event()
        in_flight = await issue_cards(api, 10)
        await receiver.until(lambda arrived: len(arrived) >= 20)
        await proxy.stop()  # every connection reset, new ones refused
        mark = len(worker.log.lines)
        receiver.hold.set()  # the sends succeed while the database is unreachable
        while_down = await issue_cards(api, 10)
        await worker.wait_for_log(RECORDING_FAILED, since=mark)
        assert set(webhook_ids(receiver.arrivals)) == before | in_flight  # nothing new got out

        accepted = proxy.accepted
        await proxy.start()
        after = await issue_cards(api, 10)
        await receiver.until(
            lambda arrived: set(webhook_ids(arrived)) == before | in_flight | while_down | after
        )
        assert worker.running
        assert proxy.accepted > accepted  # it reconnected, through the proxy, by itself
        assert await worker.stop() == 0

    assert webhook_ids(receiver.arrivals) == dict.fromkeys(
        before | in_flight | while_down | after, 1
    )
    states = await message_states(postgres, endpoint["id"])
    assert Counter(states.values()) == {State("succeeded", 1, 1): 40}


@asynccontextmanager
async def dripping_receiver() -> AsyncIterator[tuple[str, asyncio.Event]]:
    """An HTTP server that answers one byte every 0.2 s (20 s in all): each read is quick, the
    whole answer is not. Yields its URL and an event set when a sender hangs up on it."""
    hung_up = asyncio.Event()

    async def drip(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        async def answer() -> None:
            writer.write(b"HTTP/1.1 200 OK\r\ncontent-length: 100\r\n\r\n")
            for _ in range(100):
                await asyncio.sleep(0.2)  # the receiver's behaviour, not a synchronisation
                writer.write(b"x")
                await writer.drain()

        answering = asyncio.create_task(answer())
        with contextlib.suppress(OSError):
            while await reader.read(65536):  # the request, then nothing until the sender leaves
                pass
        hung_up.set()
        answering.cancel()
        writer.transport.abort()

    server = await asyncio.start_server(drip, "127.0.0.1", 0)
    try:
        yield f"http://127.0.0.1:{server.sockets[0].getsockname()[1]}/hooks", hung_up
    finally:
        server.close()


async def test_a_receiver_answering_byte_by_byte_is_cut_off_at_the_timeout(
    api: httpx.AsyncClient, workers: Workers
) -> None:
    async with dripping_receiver() as (url, hung_up):
        endpoint = ok(await api.post("/v1/webhooks", json={"url": url}), 201)
        await workers.start("patient")  # timeout 1 s
        await issue_cards(api, 1)
        # The whole exchange, not each read, is bounded by the timeout: the worker leaves well
        # before its lease ends (after which another claim would send a twin).
        async with asyncio.timeout(4):
            await hung_up.wait()
        await workers.stop_all()
    [message] = ok(await api.get(f"/v1/webhooks/{endpoint['id']}/messages"))["data"]
    assert (message["status"], message["last_error"]) == ("pending", "timeout")


async def held_states(db: Database, endpoint_id: str) -> list[tuple[Any, ...]]:
    """(attempts, next_attempt_at, in_flight_until) of the endpoint's pending messages."""
    message = WebhookMessage
    async with db.transaction() as session:
        rows = await session.execute(
            select(message.attempts, message.next_attempt_at, message.in_flight_until).where(
                message.endpoint_id == endpoint_id, message.status == "pending"
            )
        )
        return [tuple(row) for row in rows]


async def test_sigterm_lets_deliveries_under_way_finish(
    api: httpx.AsyncClient, receiver: Receiver, workers: Workers, postgres: Database
) -> None:
    in_flight = 10
    endpoint = await add_endpoint(api, receiver)
    expected = await issue_cards(api, in_flight)
    receiver.hold = asyncio.Event()
    worker = await workers.start("stopping", webhook_timeout_seconds="60")
    await receiver.until(lambda arrived: len(arrived) >= in_flight)
    worker.process.terminate()  # SIGTERM while every request waits for its answer
    receiver.hold.set()
    assert await worker.stop() == 0
    assert webhook_ids(receiver.deliveries) == dict.fromkeys(expected, 1)
    states = await message_states(postgres, endpoint["id"])
    assert Counter(states.values()) == {State("succeeded", 1, 1): in_flight}


async def test_sigterm_releases_what_cannot_finish_within_the_grace_period(
    api: httpx.AsyncClient, receiver: Receiver, workers: Workers, postgres: Database
) -> None:
    in_flight = 10
    endpoint = await add_endpoint(api, receiver)
    expected = await issue_cards(api, in_flight)
    receiver.hold = asyncio.Event()  # the receiver never answers while the worker stops
    worker = await workers.start(
        "impatient", webhook_timeout_seconds="60", shutdown_grace_seconds="1"
    )
    await receiver.until(lambda arrived: len(arrived) >= in_flight)
    assert await worker.stop() == 0
    await worker.wait_for_log(f"released {in_flight} leased webhook messages")
    released = await held_states(postgres, endpoint["id"])
    now = datetime.now(UTC)
    assert len(released) == in_flight
    # Due now, not leased, and the cut-off attempt does not count against the schedule.
    assert all(n == 0 and due <= now and lease is None for n, due, lease in released)
    receiver.hold.set()
    await workers.start("next")
    await receiver.until(
        lambda arrived: len(arrived) >= 2 * in_flight and set(webhook_ids(arrived)) == expected
    )


async def test_a_killed_workers_messages_are_leased_only_briefly_while_it_sends_on(
    api: httpx.AsyncClient, receiver: Receiver, workers: Workers, postgres: Database
) -> None:
    """Sends may take the whole timeout (60 s here); the lease is 2 s and renewed while the
    worker lives, so after a SIGKILL its messages are due again within 2 s, not 60."""
    in_flight = 5
    endpoint = await add_endpoint(api, receiver)
    await issue_cards(api, in_flight)
    receiver.hold = asyncio.Event()
    victim = await workers.start("victim", webhook_timeout_seconds="60", webhook_lease_seconds="2")
    await receiver.until(lambda arrived: len(arrived) >= in_flight)
    first = {lease for _, _, lease in await held_states(postgres, endpoint["id"])}

    async def renewed() -> None:
        while {lease for _, _, lease in await held_states(postgres, endpoint["id"])} & first:  # noqa: ASYNC110
            await asyncio.sleep(0.1)  # polling the database for the heartbeat's write

    await asyncio.wait_for(renewed(), 30)
    await victim.kill()
    killed_at = datetime.now(UTC)
    leases = await held_states(postgres, endpoint["id"])
    assert all(due <= killed_at + timedelta(seconds=2) for _, due, _ in leases)
    receiver.hold.set()
