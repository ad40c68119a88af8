"""The Syrve connector against a fake Syrve Cloud API on loopback (real HTTP)."""

import json
from collections.abc import AsyncIterator, Callable
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest

from punchcard.config import get_settings
from tests.conftest import Tenant
from tests.support.factories import coffee_program, ok, problem
from tests.support.fake_syrve import API_LOGIN, LATTE, ORGANIZATION_ID, FakeSyrve, fake_syrve
from tests.support.pos import connector, sales, send_signed, typed_setup


@pytest.fixture
async def syrve() -> AsyncIterator[FakeSyrve]:
    async with fake_syrve() as running:
        yield running


async def _setup(
    api: httpx.AsyncClient, syrve: FakeSyrve, **fields: Any
) -> tuple[dict[str, Any], dict[str, Any]]:
    keys = {"api_login": API_LOGIN, "organization_id": ORGANIZATION_ID, "base_url": syrve.base_url}
    return await typed_setup(api, "syrve", keys, **fields)


async def _send(
    api: httpx.AsyncClient,
    till: dict[str, Any],
    *events: dict[str, Any],
    token: str | bytes | None = None,
) -> httpx.Response:
    """As Syrve sends it: a JSON array, the authToken as the Authorization header."""
    headers = {"Authorization": till["signing_secret"] if token is None else token}
    return await api.post(f"/v1/pos/{till['id']}/webhook", json=list(events), headers=headers)


async def _stamps(api: httpx.AsyncClient, the_card: dict[str, Any]) -> int:
    return ok(await api.get(f"/v1/cards/{the_card['id']}"))["stamps"]  # type: ignore[no-any-return]


async def test_closed_order_stamps_the_card_the_till_scanned(
    tenant: Tenant, syrve: FakeSyrve
) -> None:
    """The wallet card's scan code is the guest's Syrve Loyalty card number."""
    api = tenant.client
    till, the_card = await _setup(api, syrve, stamp_rule={"per": "amount", "amount": 500})
    guest = syrve.guest(number=the_card["scan_code"].lower())
    order = syrve.order(27.5, guest_id=guest)
    at = datetime.now(UTC).replace(microsecond=123000)
    answer = ok(await _send(api, till, syrve.event(order, at=at)))
    assert answer["status"] == "accept"
    sale = answer["sale"]
    assert answer["sales"] == [sale]
    assert (sale["outcome"], sale["stamps"], sale["amount"]) == ("stamped", 5, 2750)
    assert sale["transaction_id"] == order
    assert sale["closed_at"] == at.isoformat().replace("+00:00", "Z")
    assert sale["items"] == [{"sku": LATTE["id"], "name": "Latte", "quantity": 2.0, "amount": 2750}]
    assert sale["identifiers"][:2] == [
        {"kind": "scan_code", "value": the_card["scan_code"].lower()},
        {"kind": "source_id", "value": guest},
    ]
    assert syrve.requests == [
        ("/api/1/access_token", {"apiLogin": API_LOGIN}),
        ("/api/1/order/by_id", {"organizationIds": [ORGANIZATION_ID], "orderIds": [order]}),
        (
            "/api/1/loyalty/iiko/customer/info",
            {"organizationId": ORGANIZATION_ID, "type": "id", "id": guest},
        ),
    ]
    stamped = ok(await api.get(f"/v1/cards/{the_card['id']}"))
    assert stamped["stamps"] == 5
    assert len(stamped["vouchers"]) == 1  # the 5-stamp goal's cookie, through the card service


async def test_the_syrve_guest_is_the_customers_source_id(tenant: Tenant, syrve: FakeSyrve) -> None:
    api = tenant.client
    till, _ = await _setup(api, syrve)
    guest = syrve.guest()
    customer = {"source_id": guest, "email": "olga@example.com"}
    made = ok(
        await api.post("/v1/cards", json={"program_id": till["program_id"], "customer": customer}),
        201,
    )
    sale = ok(await _send(api, till, syrve.event(syrve.order(10, guest_id=guest))))["sale"]
    assert (sale["outcome"], sale["card_id"]) == ("stamped", made["id"])


async def test_guest_email_or_the_orders_phone_finds_the_customer(
    tenant: Tenant, syrve: FakeSyrve
) -> None:
    api = tenant.client
    till, _ = await _setup(api, syrve)
    program_id = till["program_id"]
    by_email = ok(
        await api.post(
            "/v1/cards",
            json={"program_id": program_id, "customer": {"email": "eve@example.com"}},
        ),
        201,
    )
    by_phone = ok(
        await api.post(
            "/v1/cards", json={"program_id": program_id, "customer": {"phone": "+380671234567"}}
        ),
        201,
    )
    with_email = syrve.order(10, guest_id=syrve.guest(email="EVE@example.com"))
    with_phone = syrve.order(10, phone="+380 67 123 4567")  # a walk-in: no guest, a phone
    first = ok(await _send(api, till, syrve.event(with_email)))["sale"]
    second = ok(await _send(api, till, syrve.event(with_phone)))["sale"]
    assert (first["outcome"], first["card_id"]) == ("stamped", by_email["id"])
    assert (second["outcome"], second["card_id"]) == ("stamped", by_phone["id"])
    assert second["identifiers"] == [{"kind": "phone", "value": "+380671234567"}]


async def test_closed_delivery_order_stamps(tenant: Tenant, syrve: FakeSyrve) -> None:
    api = tenant.client
    till, the_card = await _setup(api, syrve)
    order = syrve.order(18, kind="delivery", guest_id=syrve.guest(number=the_card["scan_code"]))
    sale = ok(await _send(api, till, syrve.event(order)))["sale"]
    assert (sale["outcome"], sale["amount"]) == ("stamped", 1800)
    assert syrve.requests[1] == (
        "/api/1/deliveries/by_id",
        {"organizationId": ORGANIZATION_ID, "orderIds": [order]},
    )


async def test_the_authorization_header_must_be_the_connectors_secret(
    tenant: Tenant, syrve: FakeSyrve
) -> None:
    api = tenant.client
    till, the_card = await _setup(api, syrve)
    other, _ = await _setup(api, syrve)  # another connector's secret
    event = syrve.event(syrve.order(10, guest_id=syrve.guest(number=the_card["scan_code"])))
    for token in ("", "Bearer ", other["signing_secret"], till["signing_secret"][:-1], b"\xe9"):
        problem(await _send(api, till, event, token=token), 401, "pos_signature_invalid")
    unsigned = await api.post(f"/v1/pos/{till['id']}/webhook", json=[event])
    problem(unsigned, 401, "pos_signature_invalid")
    assert syrve.requests == []
    assert await sales(api, till["id"]) == []
    bearer = f"Bearer {till['signing_secret']}"  # as some Syrve settings send it
    assert ok(await _send(api, till, event, token=bearer))["sale"]["outcome"] == "stamped"


async def test_a_rotated_secret_is_accepted_for_a_while(tenant: Tenant, syrve: FakeSyrve) -> None:
    api = tenant.client
    till, the_card = await _setup(api, syrve)
    guest = syrve.guest(number=the_card["scan_code"])
    rotated = ok(await api.post(f"/v1/pos-connectors/{till['id']}/rotate-secret"))
    old = ok(await _send(api, till, syrve.event(syrve.order(10, guest_id=guest))))
    new = ok(
        await _send(
            api, till, syrve.event(syrve.order(10, guest_id=guest)), token=rotated["signing_secret"]
        )
    )
    assert old["sale"]["outcome"] == new["sale"]["outcome"] == "stamped"


async def test_a_stale_event_is_refused(tenant: Tenant, syrve: FakeSyrve) -> None:
    api = tenant.client
    till, the_card = await _setup(api, syrve)
    order = syrve.order(10, guest_id=syrve.guest(number=the_card["scan_code"]))
    captured = syrve.event(order, at=datetime.now(UTC) - timedelta(seconds=301))
    problem(await _send(api, till, captured), 401, "pos_signature_invalid")
    fresh = syrve.event(order)
    problem(await _send(api, till, fresh, captured), 401, "pos_signature_invalid")
    assert syrve.requests == []
    assert ok(await _send(api, till, fresh))["sale"]["outcome"] == "stamped"


async def test_a_replayed_event_is_a_duplicate_without_asking_syrve(
    tenant: Tenant, syrve: FakeSyrve
) -> None:
    api = tenant.client
    till, the_card = await _setup(api, syrve)
    event = syrve.event(syrve.order(10, guest_id=syrve.guest(number=the_card["scan_code"])))
    first = ok(await _send(api, till, event))["sale"]
    asked = len(syrve.requests)
    again = ok(await _send(api, till, event))["sale"]
    assert (first["outcome"], again["outcome"]) == ("stamped", "duplicate")
    assert len(syrve.requests) == asked
    assert await _stamps(api, the_card) == 1


async def test_an_open_order_waits_for_its_close(tenant: Tenant, syrve: FakeSyrve) -> None:
    """The webhook's own status spares a call while the order is open; a "Closed" in the
    webhook is believed only once Syrve's API says so."""
    api = tenant.client
    till, the_card = await _setup(api, syrve)
    guest = syrve.guest(number=the_card["scan_code"])
    order = syrve.order(10, guest_id=guest, status="Bill")
    billed = ok(await _send(api, till, syrve.event(order)))["sale"]
    assert (billed["outcome"], billed["detail"]) == (
        "not_closed",
        "Syrve order status Bill: not closed.",
    )
    assert syrve.requests == []
    claimed = syrve.event(order)
    claimed["eventInfo"] = {**claimed["eventInfo"], "order": {"status": "Closed"}}
    still_open = ok(await _send(api, till, claimed))["sale"]
    assert still_open["outcome"] == "not_closed"
    syrve.order(10, guest_id=guest, order_id=order)  # now closed at the till
    closed = ok(await _send(api, till, syrve.event(order)))["sale"]
    assert (closed["outcome"], closed["stamps"]) == ("stamped", 1)


@pytest.mark.parametrize(
    ("kind", "change", "outcome", "detail"),
    [
        (
            "table",
            {"creationStatus": "InProgress"},
            "not_closed",
            "Syrve order creation: InProgress.",
        ),
        (
            "table",
            {"creationStatus": "Error", "order": None},
            "ignored",
            "Syrve could not create the order.",
        ),
        ("delivery", {"isDeleted": True}, "ignored", "The Syrve order is deleted."),
        ("table", {"status": "Paid\x00"}, "not_closed", "Syrve order status unknown: not closed."),
    ],
)
async def test_orders_syrve_did_not_create_close_or_keep_are_no_sale(
    tenant: Tenant, syrve: FakeSyrve, kind: str, change: dict[str, Any], outcome: str, detail: str
) -> None:
    api = tenant.client
    till, _ = await _setup(api, syrve)
    order = syrve.order(10, kind=kind)
    event = syrve.event(order)  # the webhook says "Closed"; Syrve's API says otherwise
    if "creationStatus" in change:
        syrve.orders[order] |= change
    else:
        syrve.orders[order]["order"] |= change
    sale = ok(await _send(api, till, event))["sale"]
    assert (sale["outcome"], sale["detail"]) == (outcome, detail)


async def test_other_events_and_organizations_are_ignored(tenant: Tenant, syrve: FakeSyrve) -> None:
    api = tenant.client
    till, _ = await _setup(api, syrve)
    order = syrve.order(10)
    stop_list = {**syrve.event(order, event_type="StopListUpdate"), "eventInfo": {}}
    foreign = syrve.event(order, organization_id="00000000-0000-4000-8000-000000000001")
    error = syrve.event(order, event_type="TableOrderError")
    answer = ok(await _send(api, till, stop_list, foreign, error))
    assert [(s["outcome"], s["detail"]) for s in answer["sales"]] == [
        ("ignored", "Syrve StopListUpdate event: not an order update."),
        (
            "ignored",
            "Syrve organization 00000000-0000-4000-8000-000000000001: not this connector's.",
        ),
        ("ignored", "Syrve TableOrderError event: not an order update."),
    ]
    empty = ok(await _send(api, till))["sale"]
    assert (empty["outcome"], empty["detail"]) == (
        "ignored",
        "The Syrve webhook carries no events.",
    )
    assert syrve.requests == []


async def test_a_batch_is_decided_event_by_event(tenant: Tenant, syrve: FakeSyrve) -> None:
    api = tenant.client
    till, the_card = await _setup(api, syrve, stamp_rule={"per": "receipt", "minimum": 500})
    guest = syrve.guest(number=the_card["scan_code"])
    paid, small, stranger = (
        syrve.order(12, guest_id=guest),
        syrve.order(4.99, guest_id=guest),
        syrve.order(30, guest_id=syrve.guest(number="NOSUCH00")),
    )
    events = [syrve.event(order) for order in (paid, small, stranger, paid)]
    answer = ok(await _send(api, till, *events))
    assert [(s["transaction_id"], s["outcome"]) for s in answer["sales"]] == [
        (paid, "stamped"),
        (small, "below_minimum"),
        (stranger, "no_customer"),
        (paid, "duplicate"),
    ]
    assert answer["sale"] == answer["sales"][0]
    assert await _stamps(api, the_card) == 1


async def test_a_customer_without_a_card_in_the_program(tenant: Tenant, syrve: FakeSyrve) -> None:
    api = tenant.client
    till, _ = await _setup(api, syrve)
    ok(await api.post("/v1/customers", json={"email": "nocard@example.com"}), 201)
    order = syrve.order(10, guest_id=syrve.guest(email="nocard@example.com"))
    sale = ok(await _send(api, till, syrve.event(order)))["sale"]
    assert (sale["outcome"], sale["customer_id"] is not None) == ("no_card", True)


async def test_a_disabled_connector_logs_without_deciding(tenant: Tenant, syrve: FakeSyrve) -> None:
    api = tenant.client
    till, the_card = await _setup(api, syrve, enabled=False)
    event = syrve.event(syrve.order(10, guest_id=syrve.guest(number=the_card["scan_code"])))
    assert ok(await _send(api, till, event))["sale"]["outcome"] == "disabled"
    assert syrve.requests == []
    ok(await api.patch(f"/v1/pos-connectors/{till['id']}", json={"enabled": True}))
    assert ok(await _send(api, till, event))["sale"]["outcome"] == "stamped"


async def test_syrve_down_is_502_logged_and_retried(tenant: Tenant, syrve: FakeSyrve) -> None:
    api = tenant.client
    till, the_card = await _setup(api, syrve)
    event = syrve.event(syrve.order(10, guest_id=syrve.guest(number=the_card["scan_code"])))
    syrve.failing = True
    body = problem(await _send(api, till, event), 502, "pos_api_error")
    assert body["detail"] == "Syrve API (access_token) answered 503."
    syrve.failing = False
    assert ok(await _send(api, till, event))["sale"]["outcome"] == "stamped"
    assert [s["outcome"] for s in await sales(api, till["id"])] == ["stamped", "pos_api_error"]


async def test_a_wrong_api_login_is_a_pos_api_error_without_syrves_words(
    tenant: Tenant, syrve: FakeSyrve
) -> None:
    api = tenant.client
    till, _ = await _setup(api, syrve)
    patched = {"syrve": {"api_login": "revoked-login"}}
    ok(await api.patch(f"/v1/pos-connectors/{till['id']}", json=patched))
    body = problem(await _send(api, till, syrve.event(syrve.order(10))), 502, "pos_api_error")
    assert body["detail"] == "Syrve API (access_token) answered 401."
    assert "revoked-login" not in json.dumps(await sales(api, till["id"]))


@pytest.mark.parametrize(
    ("answer", "detail"),
    [
        ({"sum": None}, "Syrve API: order {order} has no usable sum."),
        ({"sum": "12.50"}, "Syrve API: order {order} has no usable sum."),
        ({"sum": 1e300}, "Syrve API: order {order} has no usable sum."),
    ],
)
async def test_an_order_without_a_usable_sum_is_a_pos_api_error(
    tenant: Tenant, syrve: FakeSyrve, answer: dict[str, Any], detail: str
) -> None:
    api = tenant.client
    till, _ = await _setup(api, syrve)
    order = syrve.order(10)
    syrve.orders[order]["order"] |= answer
    body = problem(await _send(api, till, syrve.event(order)), 502, "pos_api_error")
    assert body["detail"] == detail.format(order=order)


async def test_an_order_syrve_does_not_know_is_a_pos_api_error(
    tenant: Tenant, syrve: FakeSyrve
) -> None:
    """A webhook naming an order Syrve's API does not have (forged, or of another kind)."""
    api = tenant.client
    till, _ = await _setup(api, syrve)
    event = syrve.event(syrve.order(10))
    event["eventType"] = "DeliveryOrderUpdate"
    body = problem(await _send(api, till, event), 502, "pos_api_error")
    assert body["detail"] == f"Syrve API: no order {event['eventInfo']['id']}."


async def test_what_syrve_answers_never_reaches_the_log_unread(
    tenant: Tenant, syrve: FakeSyrve
) -> None:
    """NUL bytes, control characters and wrong types in Syrve's answer are dropped, not stored
    (PostgreSQL refuses NUL in text and JSON) and not a 500."""
    api = tenant.client
    till, the_card = await _setup(api, syrve)
    guest = syrve.guest(number=the_card["scan_code"])
    syrve.guests[guest]["cards"].insert(0, {"number": "BAD\x00CARD", "track": 7})
    syrve.guests[guest] |= {"email": "x\x00@example.com", "phone": ["+380671234567"]}
    order = syrve.order(10, guest_id=guest)
    syrve.orders[order]["order"]["items"] += [
        {"type": "Product", "product": {"id": "nope", "name": "Tea\x00"}, "amount": "2"},
        "not an item",
    ]
    sale = ok(await _send(api, till, syrve.event(order)))["sale"]
    assert sale["outcome"] == "stamped"
    assert sale["identifiers"] == [
        {"kind": "scan_code", "value": the_card["scan_code"]},
        {"kind": "source_id", "value": guest},
    ]
    assert sale["items"][1:] == [{"quantity": 1.0}]


@pytest.mark.parametrize(
    ("currency", "total", "amount"),
    [("EUR", 12.345, 1235), ("KWD", 12.345, 12345), ("JPY", 1200, 1200), (None, 0.1, 10)],
)
async def test_sums_become_minor_units_of_the_connectors_currency(
    tenant: Tenant, syrve: FakeSyrve, currency: str | None, total: float, amount: int
) -> None:
    api = tenant.client
    till, the_card = await _setup(api, syrve, currency=currency)
    order = syrve.order(total, guest_id=syrve.guest(number=the_card["scan_code"]))
    sale = ok(await _send(api, till, syrve.event(order)))["sale"]
    assert (sale["amount"], sale["currency"]) == (amount, currency)


BAD_BODIES: dict[str, tuple[Callable[[dict[str, Any]], Any], str]] = {
    "an object, not an array": (lambda event: event, ""),
    "a NUL in the event type": (
        lambda e: [e | {"eventType": "TableOrder\x00Update"}],
        "0.eventType",
    ),
    "a null event time": (lambda event: [event | {"eventTime": None}], "0.eventTime"),
    "no such date": (lambda e: [e | {"eventTime": "2026-13-45 25:61:00.000"}], "0.eventTime"),
    "an ISO event time": (lambda e: [e | {"eventTime": "2026-05-11T12:34:56Z"}], "0.eventTime"),
    "a number for the organization": (lambda e: [e | {"organizationId": 7}], "0.organizationId"),
    "a null order": (lambda event: [event | {"eventInfo": None}], "0.eventInfo.id"),
    "an order id that is no UUID": (
        lambda e: [e | {"eventInfo": {"id": "1\x00"}}],
        "0.eventInfo.id",
    ),
    "a list for the event info": (lambda event: [event | {"eventInfo": []}], "0.eventInfo"),
    "a null event": (lambda event: [event, None], "1"),
}


@pytest.mark.parametrize("case", BAD_BODIES)
async def test_an_authenticated_body_that_is_not_syrves_names_the_field(
    tenant: Tenant, syrve: FakeSyrve, case: str
) -> None:
    api = tenant.client
    till, _ = await _setup(api, syrve)
    make, field = BAD_BODIES[case]
    headers = {"Authorization": till["signing_secret"]}
    body = make(syrve.event(syrve.order(10)))
    answer = await api.post(f"/v1/pos/{till['id']}/webhook", json=body, headers=headers)
    assert problem(answer, 422, "validation_error")["errors"][0]["field"] == field
    assert syrve.requests == []
    assert await sales(api, till["id"]) == []


async def test_more_than_100_events_or_a_huge_body_are_refused(
    tenant: Tenant, syrve: FakeSyrve
) -> None:
    api = tenant.client
    till, _ = await _setup(api, syrve)
    event = {**syrve.event(syrve.order(10)), "eventInfo": {}, "eventType": "StopListUpdate"}
    problem(await _send(api, till, *[event] * 101), 422, "validation_error")
    huge = {**event, "eventInfo": {"padding": "x" * 300_000}}
    too_big = await _send(api, till, huge)
    assert too_big.status_code == 413
    assert await sales(api, till["id"]) == []


async def test_the_till_redeems_with_the_connectors_secret(
    tenant: Tenant, syrve: FakeSyrve
) -> None:
    """A Syrve POS plugin redeems a scanned voucher code as any till does: signed."""
    api = tenant.client
    till, the_card = await _setup(api, syrve)
    voucher = {"card_id": the_card["id"], "custom": {"title": "Tea", "redeem_code": "TEA-42"}}
    ok(await api.post("/v1/vouchers", json=voucher), 201)
    path = f"/v1/pos/{till['id']}/redeem"
    scanned = {"code": "tea-42", "card_id": the_card["id"]}
    redeemed = ok(await send_signed(api, path, till["signing_secret"], scanned))
    assert (redeemed["status"], redeemed["redeemed_via_detail"]) == ("redeemed", "Syrve Harbour")


async def test_syrve_settings_are_shown_without_their_secret(
    tenant: Tenant, syrve: FakeSyrve
) -> None:
    api = tenant.client
    till, _ = await _setup(api, syrve)
    assert till["syrve"] == {
        "base_url": syrve.base_url,
        "organization_id": ORGANIZATION_ID,
        "credentials_set": True,
    }
    assert till["poster"] is None
    moved = "11111111-2222-4333-8444-555555555555"
    edited = ok(
        await api.patch(
            f"/v1/pos-connectors/{till['id']}",
            json={"syrve": {"organization_id": moved.upper(), "api_login": "new-login"}},
        )
    )
    assert edited["syrve"] == {**till["syrve"], "organization_id": moved}
    assert API_LOGIN not in json.dumps(ok(await api.get("/v1/pos-connectors")))
    program = await coffee_program(api)
    defaults = await connector(
        api,
        program["id"],
        type="syrve",
        syrve={"api_login": API_LOGIN, "organization_id": ORGANIZATION_ID},
    )
    assert defaults["syrve"]["base_url"] == "https://api-eu.syrve.live"


def _with_settings(**change: Any) -> Callable[[dict[str, Any]], dict[str, Any]]:
    return lambda body: body | {"syrve": body["syrve"] | change}


BAD_SETTINGS: dict[str, tuple[Callable[[dict[str, Any]], dict[str, Any]], str]] = {
    "no syrve settings": (lambda body: body | {"syrve": None}, "body"),
    "syrve settings on a generic till": (lambda body: body | {"type": "generic"}, "body"),
    "an organization that is no UUID": (_with_settings(organization_id="42"), "organization_id"),
    "a NUL in the organization": (_with_settings(organization_id="\x00"), "organization_id"),
    "a number for the organization": (_with_settings(organization_id=7), "organization_id"),
    "a null API key": (_with_settings(api_login=None), "api_login"),
    "an overlong API key": (_with_settings(api_login="x" * 201), "api_login"),
    "a NUL in the base URL": (_with_settings(base_url="https://api\x00.example"), "base_url"),
    "an unknown field": (_with_settings(api_key="x"), "api_key"),
    "a list for the settings": (lambda body: body | {"syrve": []}, "body.syrve"),
}


@pytest.mark.parametrize("case", BAD_SETTINGS)
async def test_bad_syrve_settings_name_the_field(tenant: Tenant, case: str) -> None:
    api = tenant.client
    program = await coffee_program(api)
    keys = {"api_login": API_LOGIN, "organization_id": ORGANIZATION_ID}
    make, field = BAD_SETTINGS[case]
    body = make({"type": "syrve", "name": "S", "program_id": program["id"], "syrve": keys})
    answer = problem(await api.post("/v1/pos-connectors", json=body), 422, "validation_error")
    assert answer["errors"][0]["field"].startswith("body")
    assert field in answer["errors"][0]["field"]


async def test_syrve_settings_belong_to_syrve_connectors(tenant: Tenant, stranger: Tenant) -> None:
    api = tenant.client
    program = await coffee_program(api)
    generic = await connector(api, program["id"])
    answer = await api.patch(
        f"/v1/pos-connectors/{generic['id']}", json={"syrve": {"api_login": "x"}}
    )
    assert problem(answer, 422, "validation_error")["field"] == "syrve"
    keys = {"api_login": API_LOGIN, "organization_id": ORGANIZATION_ID}
    theirs = await coffee_program(stranger.client)  # a foreign program
    body = {"type": "syrve", "name": "S", "program_id": theirs["id"], "syrve": keys}
    problem(await api.post("/v1/pos-connectors", json=body), 404, "program_not_found")


async def test_a_private_syrve_api_is_refused_when_saved_and_when_called(
    tenant: Tenant, syrve: FakeSyrve, monkeypatch: pytest.MonkeyPatch
) -> None:
    api = tenant.client
    till, the_card = await _setup(api, syrve)
    event = syrve.event(syrve.order(10, guest_id=syrve.guest(number=the_card["scan_code"])))
    monkeypatch.setenv("PUNCHCARD_WEBHOOK_ALLOW_PRIVATE_NETWORKS", "false")
    get_settings.cache_clear()
    try:
        body = problem(await _send(api, till, event), 502, "pos_api_error")
        keys = {"api_login": API_LOGIN, "organization_id": ORGANIZATION_ID}
        made = await api.post(
            "/v1/pos-connectors",
            json={
                "type": "syrve",
                "name": "S",
                "program_id": till["program_id"],
                "syrve": {**keys, "base_url": "http://[::1]:8080/"},
            },
        )
    finally:
        monkeypatch.undo()
        get_settings.cache_clear()
    assert "non-public address" in body["detail"]
    assert syrve.requests == []
    assert problem(made, 422, "url_not_allowed")["field"] == "syrve.base_url"


async def test_the_openapi_document_describes_syrve(api: httpx.AsyncClient) -> None:
    spec = ok(await api.get("/openapi.json"))
    webhook = spec["paths"]["/v1/pos/{connector_id}/webhook"]["post"]
    bodies = webhook["requestBody"]["content"]["application/json"]["schema"]["oneOf"]
    syrve_body = next(body for body in bodies if body.get("type") == "array")
    assert syrve_body["maxItems"] == 100
    assert syrve_body["items"]["required"] == ["eventType", "eventTime", "organizationId"]
    assert "Authorization" in webhook["description"]
    schemas = spec["components"]["schemas"]
    assert schemas["ConnectorCreate"]["properties"]["type"]["enum"] == [
        "poster",
        "syrve",
        "generic",
    ]
    assert schemas["SyrveIn"]["required"] == ["api_login", "organization_id"]
    assert "api_login" not in schemas["SyrveOut"]["properties"]
    assert "sales" in schemas["Accepted"]["required"]
