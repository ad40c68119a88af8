"""A key known to a server process (add-stamp and redeem skip its look-up) is refused by that
process as soon as another process regenerates or deletes it or deactivates its login: two
separate `punchcard serve` processes on one PostgreSQL database."""

from collections.abc import AsyncIterator, Iterator
from contextlib import AsyncExitStack

import httpx
import pytest

from tests.support.factories import card, coffee_program, ok, problem, staff_key
from tests.support.server import Server, running_server


@pytest.fixture(scope="module")
def two_servers(postgres_url: str) -> Iterator[tuple[Server, Server]]:
    with (
        running_server(postgres_url, webhook_worker=False) as first,
        running_server(postgres_url, webhook_worker=False) as second,
    ):
        yield first, second


@pytest.fixture
async def clients(
    two_servers: tuple[Server, Server],
) -> AsyncIterator[tuple[httpx.AsyncClient, httpx.AsyncClient]]:
    """The first server's owner, and the second server without a key (each call sends one)."""
    first, second = two_servers
    async with AsyncExitStack() as stack:
        owner = await stack.enter_async_context(
            httpx.AsyncClient(
                base_url=first.base_url, headers={"Authorization": f"Bearer {first.api_key}"}
            )
        )
        other = await stack.enter_async_context(httpx.AsyncClient(base_url=second.base_url))
        yield owner, other


def bearer(key: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {key}"}


async def known_scanner(
    owner: httpx.AsyncClient, other: httpx.AsyncClient
) -> tuple[dict[str, object], str, str, str]:
    """A scanner login whose key the second process knows (it stamped and redeemed twice):
    (staff, key, its key id, a card)."""
    program = await coffee_program(owner)
    the_card = await card(owner, program["id"])
    staff, key = await staff_key(owner, "scanner")
    for _ in range(2):
        stamped = await other.post(
            f"/v1/cards/{the_card['id']}/stamps", json={"count": 1}, headers=bearer(key)
        )
        ok(stamped, 201)
        voucher = ok(
            await owner.post(
                "/v1/vouchers", json={"card_id": the_card["id"], "custom": {"title": "Gift"}}
            ),
            201,
        )
        redeemed = await other.post(
            "/v1/vouchers/redeem", json={"code": voucher["redeem_code"]}, headers=bearer(key)
        )
        ok(redeemed)
    keys = ok(await owner.get("/v1/api-keys"))["data"]
    key_id = next(k["id"] for k in keys if k["staff_id"] == staff["id"])
    return staff, key, key_id, the_card


async def refused_everywhere(
    owner: httpx.AsyncClient, other: httpx.AsyncClient, key: str, card_id: str, code: str
) -> None:
    stamped = await other.post(
        f"/v1/cards/{card_id}/stamps", json={"count": 1}, headers=bearer(key)
    )
    problem(stamped, 401, code)
    voucher = ok(
        await owner.post("/v1/vouchers", json={"card_id": card_id, "custom": {"title": "Gift"}}),
        201,
    )
    redeemed = await other.post(
        "/v1/vouchers/redeem", json={"code": voucher["redeem_code"]}, headers=bearer(key)
    )
    problem(redeemed, 401, code)
    # Nothing was written by the refused calls: the voucher is still there to redeem.
    assert ok(await owner.get(f"/v1/vouchers/{voucher['id']}"))["status"] == "issued"


async def test_a_regenerated_key_is_refused_at_once_by_the_other_process(
    clients: tuple[httpx.AsyncClient, httpx.AsyncClient],
) -> None:
    owner, other = clients
    _, old, key_id, the_card = await known_scanner(owner, other)
    stamps_before = ok(await owner.get(f"/v1/cards/{the_card['id']}"))["lifetime_stamps"]

    new = ok(await owner.post(f"/v1/api-keys/{key_id}/regenerate"))["key"]

    await refused_everywhere(owner, other, old, str(the_card["id"]), "invalid_api_key")
    stamped = await other.post(
        f"/v1/cards/{the_card['id']}/stamps", json={"count": 1}, headers=bearer(new)
    )
    assert ok(stamped, 201)["card"]["lifetime_stamps"] == stamps_before + 1


async def test_a_deleted_key_is_refused_at_once_by_the_other_process(
    clients: tuple[httpx.AsyncClient, httpx.AsyncClient],
) -> None:
    owner, other = clients
    _, key, key_id, the_card = await known_scanner(owner, other)

    ok(await owner.delete(f"/v1/api-keys/{key_id}"), 204)

    await refused_everywhere(owner, other, key, str(the_card["id"]), "invalid_api_key")


async def test_a_deactivated_login_is_refused_at_once_by_the_other_process(
    clients: tuple[httpx.AsyncClient, httpx.AsyncClient],
) -> None:
    owner, other = clients
    staff, key, _, the_card = await known_scanner(owner, other)

    ok(await owner.patch(f"/v1/staff/{staff['id']}", json={"active": False}))

    await refused_everywhere(owner, other, key, str(the_card["id"]), "staff_inactive")


async def test_a_login_moved_to_another_location_stamps_there_at_once(
    clients: tuple[httpx.AsyncClient, httpx.AsyncClient],
) -> None:
    owner, other = clients
    staff, key, _, the_card = await known_scanner(owner, other)
    elsewhere = ok(await owner.post("/v1/locations", json={"name": "Harbour"}), 201)

    ok(await owner.patch(f"/v1/staff/{staff['id']}", json={"location_id": elsewhere["id"]}))

    stamped = await other.post(
        f"/v1/cards/{the_card['id']}/stamps", json={"count": 1}, headers=bearer(key)
    )
    ok(stamped, 201)
    events = ok(await owner.get("/v1/events", params={"type": "stamp_added", "limit": "1"}))
    assert events["data"][0]["location_id"] == elsewhere["id"]
