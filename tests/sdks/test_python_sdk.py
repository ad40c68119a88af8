"""The Python SDK (sdks/python) against a real `punchcard serve`: the tour's first steps through
the generated calls, idempotent replays, retries on 429 and 503 from a loopback fake, typed
errors, and a real webhook delivery verified with the SDK's verifier."""

import asyncio
import json
import os
import subprocess
import sys
from collections.abc import AsyncIterator, Callable
from pathlib import Path

import pytest
from punchcard_client import (
    BadRequest,
    Conflict,
    NotFound,
    RateLimited,
    Retry,
    ServerError,
    WebhookVerificationError,
    connect,
    ok,
    verify_webhook,
)
from punchcard_client.generated.api.cards import add_stamps, get_card, issue_card
from punchcard_client.generated.api.customers import upsert_customer
from punchcard_client.generated.api.programs import create_program
from punchcard_client.generated.api.voucher_templates import create_voucher_template
from punchcard_client.generated.api.vouchers import redeem_by_code
from punchcard_client.generated.api.webhooks import create_endpoint, rotate_webhook_secret
from punchcard_client.generated.client import AuthenticatedClient
from punchcard_client.generated.models import (
    CardIssue,
    CardIssued,
    CustomerUpsert,
    EndpointCreate,
    EndpointCreateEventTypesItem,
    GoalIn,
    PatternCode,
    ProgramCreate,
    RedeemByCode,
    RedeemByCodeVia,
    StampAdd,
    StampOut,
    TemplateCreate,
)

from tests.sdks.readme import example
from tests.support.flaky import flaky
from tests.support.receiver import Delivery, Receiver, receiving
from tests.support.server import Server

NO_WAIT = {"Retry-After": "0"}
README = Path(__file__).resolve().parents[2] / "sdks" / "python" / "README.md"


@pytest.fixture
async def client(server: Server) -> AsyncIterator[AuthenticatedClient]:
    async with connect(server.base_url, server.api_key) as client:
        yield client


async def a_card(client: AuthenticatedClient, source_id: str) -> CardIssued:
    """The tour's first steps: a reward, a program whose 2nd stamp earns it, a customer, a card."""
    # Errors are raised: `ok` types each answer as its success.
    template = ok(
        await create_voucher_template.asyncio(
            client=client,
            body=TemplateCreate(title="Free coffee", redeem_code=PatternCode(pattern="SDK-####")),
        )
    )
    goals = [GoalIn(stamps=2, template_id=template.id)]
    program = ok(
        await create_program.asyncio(client=client, body=ProgramCreate(name="Card", goals=goals))
    )
    customer = ok(
        await upsert_customer.asyncio(
            client=client,
            body=CustomerUpsert(source_id=source_id, email=f"{source_id}@example.com"),
        )
    )
    card = await issue_card.asyncio(
        client=client, body=CardIssue(program_id=program.id, customer_id=customer.id)
    )
    assert isinstance(card, CardIssued)
    assert card.customer_id == customer.id
    return card


async def test_the_tour_stamps_a_card_and_redeems_its_voucher_once(
    client: AuthenticatedClient,
) -> None:
    card = await a_card(client, "crm-tour")
    stamped = ok(await add_stamps.asyncio(card.scan_code, client=client, body=StampAdd(count=2)))
    [voucher] = stamped.vouchers_issued
    assert voucher.redeem_code.startswith("SDK-")

    redeemed = ok(
        await redeem_by_code.asyncio(
            client=client, body=RedeemByCode(code=voucher.redeem_code, via=RedeemByCodeVia.API)
        )
    )
    assert redeemed.status == "redeemed"
    with pytest.raises(Conflict) as refused:
        await redeem_by_code.asyncio(client=client, body=RedeemByCode(code=voucher.redeem_code))
    assert refused.value.code == "voucher_already_redeemed"
    assert refused.value.status == 409
    assert refused.value.request_id


async def test_a_write_sent_again_with_its_key_is_replayed_not_repeated(
    client: AuthenticatedClient,
) -> None:
    card = await a_card(client, "crm-replay")
    first, again = [
        await add_stamps.asyncio_detailed(
            card.id, client=client, body=StampAdd(count=1), idempotency_key="py-replay-1"
        )
        for _ in range(2)
    ]
    assert again.headers["Idempotent-Replayed"] == "true"
    assert json.loads(again.content) == json.loads(first.content)
    state = ok(await get_card.asyncio(card.id, client=client))
    assert state.lifetime_stamps == 1


async def test_errors_carry_the_problem_code(client: AuthenticatedClient) -> None:
    with pytest.raises(NotFound) as missing:
        await get_card.asyncio("card_nope", client=client)
    assert missing.value.code == "card_not_found"
    with pytest.raises(BadRequest) as invalid:
        await add_stamps.asyncio("card_nope", client=client, body=StampAdd(count=0))
    assert invalid.value.code == "validation_error"
    assert invalid.value.problem["errors"][0]["field"].endswith("count")


async def test_a_429_then_a_503_are_retried_as_retry_after_says_with_one_idempotency_key(
    server: Server, client: AuthenticatedClient
) -> None:
    card = await a_card(client, "crm-retry")
    busy_script = [(429, NO_WAIT), (503, NO_WAIT)]
    async with (
        flaky(server.base_url, busy_script) as busy,
        connect(busy.base_url, server.api_key) as through_busy,
    ):
        stamped = ok(await add_stamps.asyncio(card.id, client=through_busy, body=StampAdd(count=1)))
    assert stamped.card.lifetime_stamps == 1  # three sends, one stamp
    keys = {headers["Idempotency-Key"] for headers in busy.requests}
    assert len(busy.requests) == 3
    assert len(keys) == 1


async def test_the_sync_client_retries_too(server: Server, client: AuthenticatedClient) -> None:
    card = await a_card(client, "crm-sync")
    async with flaky(server.base_url, [(503, NO_WAIT)]) as busy:

        def stamp() -> StampOut:
            with connect(busy.base_url, server.api_key) as through_busy:
                return ok(add_stamps.sync(card.id, client=through_busy, body=StampAdd(count=1)))

        stamped = await asyncio.to_thread(stamp)
    assert stamped.card.lifetime_stamps == 1
    assert len(busy.requests) == 2
    assert busy.requests[0]["Idempotency-Key"] == busy.requests[1]["Idempotency-Key"]


async def test_retries_are_bounded_and_a_long_retry_after_is_not_waited_for(
    server: Server,
) -> None:
    # Without Retry-After the waits are jittered (zero here); after 3 tries the error is raised.
    no_backoff = Retry(attempts=3, backoff=0)
    async with (
        flaky(server.base_url, [(503, {})] * 5) as down,
        connect(down.base_url, server.api_key, retry=no_backoff) as client,
    ):
        with pytest.raises(ServerError) as unavailable:
            await get_card.asyncio("card_any", client=client)
    assert unavailable.value.status == 503
    assert unavailable.value.code == "busy"
    assert len(down.requests) == 3

    async with (
        flaky(server.base_url, [(429, {"Retry-After": "3600"})]) as limited,
        connect(limited.base_url, server.api_key) as client,
    ):
        with pytest.raises(RateLimited):
            await get_card.asyncio("card_any", client=client)
    assert len(limited.requests) == 1


async def test_reads_carry_no_idempotency_key(server: Server) -> None:
    async with flaky(server.base_url, []) as spy, connect(spy.base_url, server.api_key) as client:
        with pytest.raises(NotFound):
            await get_card.asyncio("card_any", client=client)
    assert "Idempotency-Key" not in spy.requests[0]


@pytest.fixture
async def receiver() -> AsyncIterator[Receiver]:
    async with receiving() as running:
        yield running


async def test_real_deliveries_verify_with_the_endpoint_secret_across_a_rotation(
    client: AuthenticatedClient, receiver: Receiver
) -> None:
    stamp_added = [EndpointCreateEventTypesItem.STAMP_ADDED]
    endpoint = ok(
        await create_endpoint.asyncio(
            client=client, body=EndpointCreate(url=receiver.url(), event_types=stamp_added)
        )
    )
    card = await a_card(client, "crm-hook")

    # An event goes to the endpoints there are when the worker fans it out, which under load
    # can be after this one was made: earlier tests' stamps may arrive here too.
    def stamp_of(earlier: Delivery | None = None) -> Callable[[Delivery], bool]:
        """This card's stamps, after ``earlier`` (not a redelivery of it)."""
        return lambda delivery: (
            delivery.json["card"]["id"] == card.id
            and (earlier is None or delivery.webhook_id != earlier.webhook_id)
        )

    await add_stamps.asyncio(card.id, client=client, body=StampAdd(count=1))
    delivery = await receiver.first(stamp_of())
    payload = verify_webhook(endpoint.secret, delivery.body, delivery.headers)
    assert payload["event"] == "stamp_added"
    assert payload["card"]["id"] == card.id
    with pytest.raises(WebhookVerificationError):
        verify_webhook(endpoint.secret, delivery.body.replace(b"1", b"2"), delivery.headers)

    # While a rotation overlaps, deliveries carry both signatures: either secret verifies.
    rotated = ok(await rotate_webhook_secret.asyncio(endpoint.id, client=client))
    await add_stamps.asyncio(card.id, client=client, body=StampAdd(count=1))
    second = await receiver.first(stamp_of(delivery))
    for secret in (endpoint.secret, rotated.secret):
        assert verify_webhook(secret, second.body, second.headers)["card"]["id"] == card.id


def test_the_readmes_first_steps_run_as_written(server: Server) -> None:
    env = {**os.environ, "PUNCHCARD_BASE_URL": server.base_url, "PUNCHCARD_API_KEY": server.api_key}
    done = subprocess.run(
        [sys.executable, "-c", example(README, "python")],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[-1] == "voucher_already_redeemed"
