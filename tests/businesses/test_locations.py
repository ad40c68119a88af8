from tests.conftest import Tenant
from tests.support.factories import card, coffee_program, ok, problem, staff_key


async def test_locations_can_be_added_listed_and_renamed(tenant: Tenant) -> None:
    api = tenant.client
    created = ok(
        await api.post(
            "/v1/locations",
            json={"name": "Harbour", "address": "Pier 1", "timezone": "Europe/Berlin"},
        ),
        201,
    )
    assert created["id"].startswith("loc_")
    renamed = ok(await api.patch(f"/v1/locations/{created['id']}", json={"name": "Harbour Kiosk"}))
    assert renamed["name"] == "Harbour Kiosk"
    assert renamed["address"] == "Pier 1"
    names = [loc["name"] for loc in ok(await api.get("/v1/locations"))["data"]]
    assert names == ["Harbour Kiosk", "Main Street"]


async def test_bad_time_zone_is_named(tenant: Tenant) -> None:
    response = await tenant.client.post(
        "/v1/locations", json={"name": "X", "timezone": "Mars/Base"}
    )
    body = problem(response, 422, "validation_error")
    assert body["errors"][0]["field"] == "body.timezone"


async def test_location_bound_staff_stamp_at_their_location_only(tenant: Tenant) -> None:
    api = tenant.client
    other = ok(await api.post("/v1/locations", json={"name": "Airport"}), 201)
    the_card = await card(api, (await coffee_program(api))["id"])
    _, key = await staff_key(api, "scanner", tenant.location_id)
    async with await tenant.client_for(key) as scanner:
        problem(
            await scanner.post(
                f"/v1/cards/{the_card['id']}/stamps", json={"location_id": other["id"]}
            ),
            403,
            "location_forbidden",
        )
        ok(await scanner.post(f"/v1/cards/{the_card['id']}/stamps", json={}), 201)
    events = ok(await api.get("/v1/events", params={"type": "stamp_added"}))["data"]
    assert events[0]["location_id"] == tenant.location_id


async def test_unknown_location_is_404(tenant: Tenant) -> None:
    api = tenant.client
    the_card = await card(api, (await coffee_program(api))["id"])
    response = await api.post(f"/v1/cards/{the_card['id']}/stamps", json={"location_id": "loc_x"})
    problem(response, 404, "location_not_found")


async def test_owner_updates_business_settings(tenant: Tenant) -> None:
    api = tenant.client
    updated = ok(
        await api.patch("/v1/business", json={"name": "Café Nord", "timezone": "Europe/Oslo"})
    )
    assert (updated["name"], updated["timezone"]) == ("Café Nord", "Europe/Oslo")
    _, key = await staff_key(api, "manager")
    async with await tenant.client_for(key) as manager:
        problem(await manager.patch("/v1/business", json={"name": "X"}), 403, "insufficient_role")
