from tests.conftest import Tenant
from tests.support.factories import card, coffee_program, ok, problem


async def test_issue_creates_customer_and_card_with_scan_code(tenant: Tenant) -> None:
    api = tenant.client
    prg = await coffee_program(api)
    issued = await card(api, prg["id"], email="Ada@Example.com")
    assert issued["id"].startswith("card_")
    assert len(issued["scan_code"]) == 8
    assert (issued["stamps"], issued["goal_index"], issued["status"]) == (0, 0, "active")
    assert issued["next_goal"]["stamps_to_go"] == 5
    customer = ok(await api.get(f"/v1/customers/{issued['customer_id']}"))
    assert customer["email"] == "ada@example.com"


async def test_issuing_again_returns_the_active_card(tenant: Tenant) -> None:
    api = tenant.client
    prg = await coffee_program(api)
    first = await card(api, prg["id"], email="bo@example.com")
    again = await api.post(
        "/v1/cards", json={"program_id": prg["id"], "customer": {"email": "bo@example.com"}}
    )
    assert ok(again, 200)["id"] == first["id"]
    by_id = await api.post(
        "/v1/cards", json={"program_id": prg["id"], "customer_id": first["customer_id"]}
    )
    assert ok(by_id, 200)["id"] == first["id"]


async def test_issue_by_phone_normalises_to_e164(tenant: Tenant) -> None:
    api = tenant.client
    prg = await coffee_program(api)
    body = {"program_id": prg["id"], "customer": {"phone": "+49 151 2345 6789"}}
    issued = ok(await api.post("/v1/cards", json=body), 201)
    customer = ok(await api.get(f"/v1/customers/{issued['customer_id']}"))
    assert customer["phone"] == "+4915123456789"


async def test_card_issue_event_is_written(tenant: Tenant) -> None:
    api = tenant.client
    prg = await coffee_program(api)
    issued = await card(api, prg["id"])
    events = ok(await api.get("/v1/events", params={"card_id": issued["id"]}))["data"]
    assert [e["event"] for e in events] == ["card_issued"]
    event = events[0]
    assert event["business_id"] == tenant.business_id
    assert event["customer"]["id"] == issued["customer_id"]
    assert event["card"] == {
        "id": issued["id"],
        "program_id": prg["id"],
        "scan_code": issued["scan_code"],
        "stamps": 0,
        "lifetime_stamps": 0,
        "goal_index": 0,
    }
    assert event["timestamp"].endswith("Z")
    assert event["id"].startswith("evt_")


async def test_issue_needs_exactly_one_customer_reference(tenant: Tenant) -> None:
    prg = await coffee_program(tenant.client)
    response = await tenant.client.post("/v1/cards", json={"program_id": prg["id"]})
    problem(response, 422, "validation_error")


async def test_archived_program_issues_no_new_cards(tenant: Tenant) -> None:
    api = tenant.client
    prg = await coffee_program(api)
    ok(await api.patch(f"/v1/programs/{prg['id']}", json={"status": "archived"}))
    body = {"program_id": prg["id"], "customer": {"email": "late@example.com"}}
    problem(await api.post("/v1/cards", json=body), 409, "program_archived")


async def test_cards_list_filters_by_customer(tenant: Tenant) -> None:
    api = tenant.client
    prg = await coffee_program(api)
    mine = await card(api, prg["id"])
    await card(api, prg["id"])
    listed = ok(await api.get("/v1/cards", params={"customer_id": mine["customer_id"]}))
    assert [c["id"] for c in listed["data"]] == [mine["id"]]


async def test_cards_list_finds_a_scan_code(tenant: Tenant) -> None:
    api = tenant.client
    prg = await coffee_program(api)
    mine = await card(api, prg["id"])
    await card(api, prg["id"])
    found = ok(await api.get("/v1/cards", params={"scan_code": mine["scan_code"].lower()}))["data"]
    assert [c["id"] for c in found] == [mine["id"]]
    assert ok(await api.get("/v1/cards", params={"scan_code": "NOPE2345"}))["data"] == []
