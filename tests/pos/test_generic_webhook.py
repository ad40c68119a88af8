from datetime import UTC, datetime, timedelta

from tests.conftest import Tenant
from tests.support.factories import ok, problem
from tests.support.pos import generic_setup, receipt, sales, send_signed, signed_headers


def _hook(till: dict) -> str:  # type: ignore[type-arg]
    return f"/v1/pos/{till['id']}/webhook"


async def test_closed_receipt_stamps_the_customers_card(tenant: Tenant) -> None:
    api = tenant.client
    till, the_card = await generic_setup(api, location_id=tenant.location_id)
    answer = ok(
        await send_signed(
            api,
            _hook(till),
            till["signing_secret"],
            receipt("R-1", 1250, scan_code=the_card["scan_code"]),
        )
    )
    assert answer["status"] == "accept"
    assert answer["sale"]["outcome"] == "stamped"
    assert answer["sale"]["stamps"] == 1
    assert answer["sale"]["card_id"] == the_card["id"]
    assert ok(await api.get(f"/v1/cards/{the_card['id']}"))["stamps"] == 1
    event = ok(await api.get("/v1/events", params={"type": "stamp_added", "limit": 1}))["data"][0]
    assert event["location_id"] == tenant.location_id
    assert event["stamp"]["note"] == "Till: transaction R-1"


async def test_per_amount_rule_with_a_minimum(tenant: Tenant) -> None:
    api = tenant.client
    rule = {"per": "amount", "amount": 500, "minimum": 300}
    till, the_card = await generic_setup(api, stamp_rule=rule)
    secret, scan = till["signing_secret"], the_card["scan_code"]
    earned = {}
    for transaction, amount in (("A", 1250), ("B", 300), ("C", 299), ("D", 0)):
        sale = ok(
            await send_signed(
                api, _hook(till), secret, receipt(transaction, amount, scan_code=scan)
            )
        )
        earned[transaction] = (sale["sale"]["outcome"], sale["sale"]["stamps"])
    assert earned == {
        "A": ("stamped", 2),
        "B": ("stamped", 1),
        "C": ("below_minimum", 0),
        "D": ("below_minimum", 0),
    }
    assert ok(await api.get(f"/v1/cards/{the_card['id']}"))["stamps"] == 3


async def test_receipt_rule_gives_its_stamps_whatever_the_amount(tenant: Tenant) -> None:
    api = tenant.client
    till, the_card = await generic_setup(api, stamp_rule={"per": "receipt", "stamps": 2})
    sale = ok(
        await send_signed(
            api,
            _hook(till),
            till["signing_secret"],
            receipt("R-9", 99999, scan_code=the_card["scan_code"]),
        )
    )
    assert (sale["sale"]["outcome"], sale["sale"]["stamps"]) == ("stamped", 2)


async def test_customer_found_by_email_phone_or_source_id(tenant: Tenant) -> None:
    api = tenant.client
    till, _ = await generic_setup(api)
    program_id = till["program_id"]
    customer = {"source_id": "crm-7", "email": "eve@example.com", "phone": "+4915112345678"}
    made = ok(
        await api.post("/v1/cards", json={"program_id": program_id, "customer": customer}), 201
    )
    keys = [{"source_id": "crm-7"}, {"email": "EVE@example.com"}, {"phone": "+49 151 12345678"}]
    for n, key in enumerate(keys):
        sale = ok(
            await send_signed(
                api, _hook(till), till["signing_secret"], receipt(f"K{n}", 500, **key)
            )
        )
        assert sale["sale"]["outcome"] == "stamped", key
        assert sale["sale"]["card_id"] == made["id"]


async def test_unknown_customer_is_accepted_and_logged(tenant: Tenant) -> None:
    api = tenant.client
    till, _ = await generic_setup(api)
    secret = till["signing_secret"]
    unknown = ok(
        await send_signed(api, _hook(till), secret, receipt("U1", 800, scan_code="NOSUCH00"))
    )
    anonymous = ok(await send_signed(api, _hook(till), secret, receipt("U2", 800)))
    assert unknown["sale"]["outcome"] == "no_customer"
    assert anonymous["sale"]["outcome"] == "no_customer"
    log = await sales(api, till["id"])
    assert [(s["transaction_id"], s["outcome"]) for s in log] == [
        ("U2", "no_customer"),
        ("U1", "no_customer"),
    ]
    assert log[1]["identifiers"] == [{"kind": "scan_code", "value": "NOSUCH00"}]
    assert log[1]["items"] == [{"name": "Latte", "sku": "LAT", "quantity": 2.0, "amount": 800}]


async def test_a_replayed_webhook_never_stamps_twice(tenant: Tenant) -> None:
    api = tenant.client
    till, the_card = await generic_setup(api)
    payload = receipt("R-77", 500, scan_code=the_card["scan_code"])
    first = ok(await send_signed(api, _hook(till), till["signing_secret"], payload))
    again = ok(await send_signed(api, _hook(till), till["signing_secret"], payload))
    assert (first["sale"]["outcome"], again["sale"]["outcome"]) == ("stamped", "duplicate")
    assert again["sale"]["detail"] == "Already processed (stamped)."
    assert ok(await api.get(f"/v1/cards/{the_card['id']}"))["stamps"] == 1
    outcomes = [s["outcome"] for s in await sales(api, till["id"])]
    assert outcomes == ["duplicate", "stamped"]


async def test_decided_sales_stay_decided(tenant: Tenant) -> None:
    """A sale below the minimum, sent again with a bigger amount, is still a duplicate: the
    till must send a new transaction id for a new sale."""
    api = tenant.client
    till, the_card = await generic_setup(api, stamp_rule={"per": "receipt", "minimum": 500})
    secret, scan = till["signing_secret"], the_card["scan_code"]
    ok(await send_signed(api, _hook(till), secret, receipt("S", 100, scan_code=scan)))
    again = ok(await send_signed(api, _hook(till), secret, receipt("S", 900, scan_code=scan)))
    assert again["sale"]["outcome"] == "duplicate"


async def test_bad_signatures_are_refused_and_nothing_is_recorded(tenant: Tenant) -> None:
    api = tenant.client
    till, the_card = await generic_setup(api)
    payload = receipt("R-1", 500, scan_code=the_card["scan_code"])
    other_secret = (await generic_setup(api))[0]["signing_secret"]
    forged = await send_signed(api, _hook(till), other_secret, payload)
    problem(forged, 401, "pos_signature_invalid")
    stale = datetime.now(UTC) - timedelta(minutes=10)
    problem(
        await send_signed(api, _hook(till), till["signing_secret"], payload, at=stale),
        401,
        "pos_signature_invalid",
    )
    unsigned = await api.post(_hook(till), json=payload)
    problem(unsigned, 401, "pos_signature_invalid")
    body = b'{"transaction_id": "R-1", "amount": 99999, "currency": "EUR"}'
    tampered = signed_headers(till["signing_secret"], b'{"transaction_id": "R-1", "amount": 1}')
    problem(
        await api.post(_hook(till), content=body, headers=tampered), 401, "pos_signature_invalid"
    )
    assert await sales(api, till["id"]) == []
    # The genuine webhook still stamps: nothing was claimed by the forgeries.
    ok(await send_signed(api, _hook(till), till["signing_secret"], payload))
    assert ok(await api.get(f"/v1/cards/{the_card['id']}"))["stamps"] == 1


async def test_a_signed_body_that_is_not_a_sale_names_the_field(tenant: Tenant) -> None:
    api = tenant.client
    till, _ = await generic_setup(api)
    bad = {"transaction_id": "X", "amount": -5, "currency": "EUR"}
    body = problem(
        await send_signed(api, _hook(till), till["signing_secret"], bad), 422, "validation_error"
    )
    assert body["errors"][0]["field"] == "amount"


async def test_other_currencies_earn_nothing(tenant: Tenant) -> None:
    api = tenant.client
    till, the_card = await generic_setup(api, currency="eur")
    assert till["currency"] == "EUR"
    payload = {**receipt("FX", 5000, scan_code=the_card["scan_code"]), "currency": "USD"}
    sale = ok(await send_signed(api, _hook(till), till["signing_secret"], payload))
    assert sale["sale"]["outcome"] == "currency_mismatch"


async def test_customer_without_a_card_in_the_program(tenant: Tenant) -> None:
    api = tenant.client
    till, _ = await generic_setup(api)
    ok(await api.post("/v1/customers", json={"email": "nocard@example.com"}), 201)
    sale = ok(
        await send_signed(
            api, _hook(till), till["signing_secret"], receipt("N", 500, email="nocard@example.com")
        )
    )
    assert sale["sale"]["outcome"] == "no_card"
    assert sale["sale"]["customer_id"] is not None


async def test_a_disabled_connector_logs_without_deciding(tenant: Tenant) -> None:
    api = tenant.client
    till, the_card = await generic_setup(api, enabled=False)
    payload = receipt("D-1", 500, scan_code=the_card["scan_code"])
    off = ok(await send_signed(api, _hook(till), till["signing_secret"], payload))
    assert off["sale"]["outcome"] == "disabled"
    ok(await api.patch(f"/v1/pos-connectors/{till['id']}", json={"enabled": True}))
    on = ok(await send_signed(api, _hook(till), till["signing_secret"], payload))
    assert on["sale"]["outcome"] == "stamped"


async def test_unknown_connector_is_404(tenant: Tenant) -> None:
    problem(
        await tenant.client.post("/v1/pos/pos_nope/webhook", json={}),
        404,
        "pos_connector_not_found",
    )
