"""The Poster connector against a fake Poster API on loopback (real HTTP)."""

import time
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest

from punchcard.config import get_settings
from tests.conftest import Tenant
from tests.support.factories import ok, problem
from tests.support.fake_poster import APPLICATION_SECRET, TOKEN, FakePoster, fake_poster, webhook
from tests.support.pos import sales, typed_setup


@pytest.fixture
async def poster() -> AsyncIterator[FakePoster]:
    async with fake_poster() as running:
        yield running


async def _setup(
    api: httpx.AsyncClient, poster: FakePoster, **fields: Any
) -> tuple[dict[str, Any], dict[str, Any]]:
    keys = {
        "application_secret": APPLICATION_SECRET,
        "access_token": TOKEN,
        "base_url": poster.base_url,
    }
    return await typed_setup(api, "poster", keys, **fields)


async def _send(
    api: httpx.AsyncClient, till: dict[str, Any], body: dict[str, Any]
) -> httpx.Response:
    return await api.post(f"/v1/pos/{till['id']}/webhook", json=body)


async def test_closed_transaction_stamps_the_scanned_card(
    tenant: Tenant, poster: FakePoster
) -> None:
    api = tenant.client
    till, the_card = await _setup(api, poster, stamp_rule={"per": "amount", "amount": 500})
    poster.close(16776, 2750, card_number=the_card["scan_code"].lower())
    answer = ok(await _send(api, till, webhook(16776)))
    assert answer["status"] == "accept"
    sale = answer["sale"]
    assert (sale["outcome"], sale["stamps"], sale["amount"]) == ("stamped", 5, 2750)
    assert sale["transaction_id"] == "16776"
    assert sale["closed_at"] == "2018-02-17T13:10:46.314000Z"
    assert sale["items"] == [{"sku": "162", "quantity": 1.0, "amount": 2750}]
    assert poster.requests == [
        {"token": TOKEN, "transaction_id": "16776", "include_products": "true"}
    ]
    stamped = ok(await api.get(f"/v1/cards/{the_card['id']}"))
    assert stamped["stamps"] == 5
    assert len(stamped["vouchers"]) == 1  # the 5-stamp goal's cookie, through the card service


async def test_poster_client_id_is_the_customers_source_id(
    tenant: Tenant, poster: FakePoster
) -> None:
    api = tenant.client
    till, _ = await _setup(api, poster)
    customer = {"source_id": "4021", "email": "olga@example.com"}
    made = ok(
        await api.post("/v1/cards", json={"program_id": till["program_id"], "customer": customer}),
        201,
    )
    poster.close(501, 1000, client_id=4021)
    sale = ok(await _send(api, till, webhook(501)))["sale"]
    assert (sale["outcome"], sale["card_id"]) == ("stamped", made["id"])


async def test_poster_client_phone_finds_the_customer(tenant: Tenant, poster: FakePoster) -> None:
    api = tenant.client
    till, _ = await _setup(api, poster)
    customer = {"phone": "+380671234567"}
    made = ok(
        await api.post("/v1/cards", json={"program_id": till["program_id"], "customer": customer}),
        201,
    )
    poster.close(502, 1000, client_id=77, client_phone="+380 67 123 4567")
    sale = ok(await _send(api, till, webhook(502)))["sale"]
    assert (sale["outcome"], sale["card_id"]) == ("stamped", made["id"])
    assert [i["kind"] for i in sale["identifiers"]] == ["source_id", "phone"]


async def test_bad_verify_is_401_and_poster_is_not_asked(
    tenant: Tenant, poster: FakePoster
) -> None:
    api = tenant.client
    till, the_card = await _setup(api, poster)
    poster.close(600, 1000, card_number=the_card["scan_code"])
    problem(
        await _send(api, till, webhook(600, secret="not-the-secret")), 401, "pos_signature_invalid"
    )
    tampered = {**webhook(600), "object_id": 601}
    problem(await _send(api, till, tampered), 401, "pos_signature_invalid")
    problem(await _send(api, till, {"hello": "world"}), 401, "pos_signature_invalid")
    assert poster.requests == []
    assert await sales(api, till["id"]) == []


async def test_replayed_webhook_is_a_duplicate_without_asking_poster(
    tenant: Tenant, poster: FakePoster
) -> None:
    api = tenant.client
    till, the_card = await _setup(api, poster)
    poster.close(700, 1000, card_number=the_card["scan_code"])
    first = ok(await _send(api, till, webhook(700)))["sale"]
    again = ok(await _send(api, till, webhook(700, action="changed", data=None)))["sale"]
    assert (first["outcome"], again["outcome"]) == ("stamped", "duplicate")
    assert len(poster.requests) == 1
    assert ok(await api.get(f"/v1/cards/{the_card['id']}"))["stamps"] == 1


async def test_open_transaction_waits_for_its_close(tenant: Tenant, poster: FakePoster) -> None:
    api = tenant.client
    till, the_card = await _setup(api, poster)
    poster.close(800, 1000, card_number=the_card["scan_code"], status=1, date_close=0)
    opened = ok(await _send(api, till, webhook(800, action="added")))["sale"]
    assert opened["outcome"] == "not_closed"
    poster.close(800, 1000, card_number=the_card["scan_code"])
    closed = ok(await _send(api, till, webhook(800)))["sale"]
    assert (closed["outcome"], closed["stamps"]) == ("stamped", 1)


async def test_unknown_customer_and_small_receipts(tenant: Tenant, poster: FakePoster) -> None:
    api = tenant.client
    till, the_card = await _setup(api, poster, stamp_rule={"per": "receipt", "minimum": 300})
    poster.close(900, 1000, client_id=999999)
    poster.close(901, 299, card_number=the_card["scan_code"])
    assert ok(await _send(api, till, webhook(900)))["sale"]["outcome"] == "no_customer"
    assert ok(await _send(api, till, webhook(901)))["sale"]["outcome"] == "below_minimum"
    assert ok(await api.get(f"/v1/cards/{the_card['id']}"))["stamps"] == 0


async def test_other_objects_are_ignored(tenant: Tenant, poster: FakePoster) -> None:
    api = tenant.client
    till, _ = await _setup(api, poster)
    sale = ok(await _send(api, till, webhook(12, object="product", data=None)))["sale"]
    assert sale["outcome"] == "ignored"
    assert poster.requests == []


async def test_poster_down_is_502_logged_and_retried(tenant: Tenant, poster: FakePoster) -> None:
    api = tenant.client
    till, the_card = await _setup(api, poster)
    poster.close(1000, 1000, card_number=the_card["scan_code"])
    poster.failing = True
    body = problem(await _send(api, till, webhook(1000)), 502, "pos_api_error")
    assert TOKEN not in body["detail"]
    poster.failing = False
    assert ok(await _send(api, till, webhook(1000)))["sale"]["outcome"] == "stamped"
    assert [s["outcome"] for s in await sales(api, till["id"])] == ["stamped", "pos_api_error"]


async def test_wrong_access_token_is_a_pos_api_error(tenant: Tenant, poster: FakePoster) -> None:
    api = tenant.client
    till, _ = await _setup(api, poster)
    ok(
        await api.patch(
            f"/v1/pos-connectors/{till['id']}", json={"poster": {"access_token": "expired"}}
        )
    )
    poster.close(1100, 1000)
    body = problem(await _send(api, till, webhook(1100)), 502, "pos_api_error")
    assert body["detail"] == "Poster API error (code 10)."  # Poster's own words are not echoed
    assert [s["detail"] for s in await sales(api, till["id"])] == [body["detail"]]


async def test_a_stale_poster_webhook_is_refused(tenant: Tenant, poster: FakePoster) -> None:
    api = tenant.client
    till, the_card = await _setup(api, poster)
    poster.close(1300, 1000, card_number=the_card["scan_code"])
    captured = webhook(1300, at=int(time.time()) - 301)  # a webhook captured and sent again
    problem(await _send(api, till, captured), 401, "pos_signature_invalid")
    problem(await _send(api, till, webhook(1300, at=978_307_200)), 401, "pos_signature_invalid")
    assert poster.requests == []


async def test_poster_api_on_a_private_address_is_refused_and_not_echoed(
    tenant: Tenant, poster: FakePoster, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The base_url was allowed when saved (private networks allowed then); a connection is
    checked again on the address it goes to, and the internal answer is never shown."""
    api = tenant.client
    till, the_card = await _setup(api, poster)
    poster.close(1400, 1000, card_number=the_card["scan_code"])
    monkeypatch.setenv("PUNCHCARD_WEBHOOK_ALLOW_PRIVATE_NETWORKS", "false")
    get_settings.cache_clear()
    try:
        body = problem(await _send(api, till, webhook(1400)), 502, "pos_api_error")
    finally:
        monkeypatch.undo()
        get_settings.cache_clear()
    assert "non-public address" in body["detail"]
    assert poster.requests == []
    assert TOKEN not in body["detail"]


async def test_form_encoded_webhooks_verify_too(tenant: Tenant, poster: FakePoster) -> None:
    api = tenant.client
    till, the_card = await _setup(api, poster)
    poster.close(1200, 1000, card_number=the_card["scan_code"])
    form = {name: str(value) for name, value in webhook(1200).items()}
    answer = ok(await api.post(f"/v1/pos/{till['id']}/webhook", data=form))
    assert answer["sale"]["outcome"] == "stamped"


@pytest.mark.parametrize("verify", ["\u00e7", "\u00e7" * 32, "\U0001f600"])
async def test_a_non_ascii_verify_is_401_not_500(
    tenant: Tenant, poster: FakePoster, verify: str
) -> None:
    api = tenant.client
    till, the_card = await _setup(api, poster)
    poster.close(602, 1000, card_number=the_card["scan_code"])
    problem(
        await _send(api, till, {**webhook(602), "verify": verify}), 401, "pos_signature_invalid"
    )
    assert poster.requests == []
