"""One delivery over real HTTP on loopback: the SSRF guard at send time, the pinned connection,
and what is kept of the answer."""

import socket
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from urllib.parse import urlsplit

import pytest
from aiohttp import web
from aiohttp.resolver import ThreadedResolver

from punchcard.kit.clock import utcnow
from punchcard.kit.outbound import TargetRefused
from punchcard.kit.outbound_clients import GuardedResolver
from punchcard.webhooks.sender import RESPONSE_BODY_LIMIT, Outcome, Sender
from punchcard.webhooks.signing import new_secret
from tests.support.receiver import Receiver


@asynccontextmanager
async def sending(*, allow_private: bool) -> AsyncIterator[Sender]:
    sender = Sender(timeout_seconds=5, connections=4, allow_private=allow_private)
    try:
        yield sender
    finally:
        await sender.close()


async def deliver(url: str, *, allow_private: bool) -> Outcome:
    async with sending(allow_private=allow_private) as sender:
        return await sender.send(url, [new_secret()], "evt_1", b'{"event":"test"}', utcnow())


async def test_private_targets_are_refused_at_send_time(receiver: Receiver) -> None:
    port = urlsplit(receiver.base_url).port
    for url in (receiver.url(), f"http://localhost:{port}/hooks"):  # an IP literal, a name
        outcome = await deliver(url, allow_private=False)
        assert outcome.status_code is None
        assert (outcome.error or "").startswith("refused: "), outcome.error
        assert outcome.refused
    assert receiver.arrivals == []


async def test_a_refusal_holds_for_its_guard_only(receiver: Receiver) -> None:
    """The check is kept per URL (not made again per delivery): a worker that allows private
    networks still delivers to a URL another one refused."""
    assert (await deliver(receiver.url(), allow_private=False)).refused
    assert (await deliver(receiver.url(), allow_private=True)).status_code == 204
    assert (await deliver(receiver.url(), allow_private=False)).refused
    assert len(receiver.arrivals) == 1


async def test_resolver_refuses_a_name_of_a_private_address(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    async def dns(_self: object, host: str, port: int = 0, family: int = 0) -> list[object]:
        """The system's answer for an intranet name: a NAT64 form of 10.0.0.1."""
        family = socket.AF_INET6
        return [{"hostname": host, "host": "64:ff9b::a00:1", "port": port, "family": family}]

    monkeypatch.setattr(ThreadedResolver, "resolve", dns)
    with pytest.raises(TargetRefused, match=r"intranet\.example resolves to a non-public address"):
        await GuardedResolver(allow_private=False).resolve("intranet.example", 80)


async def test_resolver_pins_the_checked_addresses_under_the_name() -> None:
    found = await GuardedResolver(allow_private=True).resolve("localhost", 8080)
    assert found
    for result in found:  # the name stays for TLS; the connection goes to the address
        assert (result["hostname"], result["port"]) == ("localhost", 8080)
        assert result["host"] in {"127.0.0.1", "::1"}


async def test_a_name_keeps_its_host_header(receiver: Receiver) -> None:
    port = urlsplit(receiver.base_url).port
    outcome = await deliver(f"http://localhost:{port}/hooks", allow_private=True)
    assert outcome.status_code == 204
    [delivery] = receiver.deliveries
    assert delivery.headers["Host"] == f"localhost:{port}"


async def test_an_ip_literal_is_sent_to_as_is(receiver: Receiver) -> None:
    outcome = await deliver(receiver.url(), allow_private=True)
    assert outcome.status_code == 204
    assert receiver.deliveries[0].headers["Host"] == urlsplit(receiver.base_url).netloc


async def test_only_the_start_of_a_long_answer_is_kept(receiver: Receiver) -> None:
    receiver.responder = lambda _: web.Response(status=500, text="é" * 10_000)
    outcome = await deliver(receiver.url(), allow_private=True)
    assert outcome.status_code == 500
    assert len((outcome.response_body or "").encode()) == RESPONSE_BODY_LIMIT
