from tests.conftest import Tenant
from tests.support.factories import card, coffee_program, ok, staff_key


async def test_a_location_bound_manager_sees_what_happened_at_its_location(
    tenant: Tenant,
) -> None:
    """Events elsewhere, or of the business as a whole, name other locations' customers and
    staff: they are not in its list."""
    api = tenant.client
    there = ok(await api.post("/v1/locations", json={"name": "Harbour"}), 201)["id"]
    the_card = await card(api, (await coffee_program(api))["id"])
    stamps = f"/v1/cards/{the_card['id']}/stamps"
    ok(await api.post(stamps, json={"location_id": tenant.location_id, "count": 1}), 201)
    ok(await api.post(stamps, json={"location_id": there, "count": 2}), 201)
    ok(await api.post(stamps, json={"count": 3}), 201)
    _, key = await staff_key(api, "manager", tenant.location_id)
    async with await tenant.client_for(key) as manager:
        seen = ok(await manager.get("/v1/events", params={"limit": 100}))["data"]
    assert {event["location_id"] for event in seen} == {tenant.location_id}
    assert [event["card"]["stamps"] for event in seen if event["event"] == "stamp_added"] == [1]
    everything = ok(await api.get("/v1/events", params={"type": "stamp_added"}))["data"]
    assert len(everything) == 3
