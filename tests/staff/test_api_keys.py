import httpx

from tests.conftest import Tenant
from tests.support.factories import ok, problem, staff_key


async def test_key_is_shown_once_then_masked_in_the_list(tenant: Tenant) -> None:
    api = tenant.client
    staff = ok(await api.post("/v1/staff", json={"name": "Mia", "login": "mia"}), 201)
    created = ok(await api.post("/v1/api-keys", json={"staff_id": staff["id"]}), 201)
    assert created["key"].startswith("pc_sk_")
    assert created["name"] == "Mia"  # defaults to the staff login's name
    listed = ok(await api.get("/v1/api-keys"))["data"]
    row = next(item for item in listed if item["id"] == created["id"])
    assert "key" not in row
    assert row["masked_key"].endswith(created["key"][-4:])
    assert created["key"] not in str(listed)
    assert row | {"last_used_at": None} == {
        "id": created["id"],
        "name": "Mia",
        "staff_id": staff["id"],
        "login": "mia",
        "masked_key": row["masked_key"],
        "status": "active",
        "created_at": created["created_at"],
        "last_used_at": None,
    }


async def test_key_authenticates_as_its_staff_login(tenant: Tenant) -> None:
    staff, key = await staff_key(tenant.client, "scanner", tenant.location_id)
    async with await tenant.client_for(key) as scanner:
        me = ok(await scanner.get("/v1/me"))
    assert me["staff_id"] == staff["id"]
    assert me["role"] == "scanner"
    assert me["location_id"] == tenant.location_id
    assert me["business_id"] == tenant.business_id
    assert me["business_name"] == "Test Café"


async def test_one_key_per_staff_login(tenant: Tenant) -> None:
    staff, _ = await staff_key(tenant.client, "manager")
    again = await tenant.client.post("/v1/api-keys", json={"staff_id": staff["id"]})
    problem(again, 409, "staff_has_api_key")


async def test_regenerate_stops_the_old_key_at_once(tenant: Tenant) -> None:
    api = tenant.client
    staff, old = await staff_key(api, "manager")
    key_id = next(
        k["id"] for k in ok(await api.get("/v1/api-keys"))["data"] if k["staff_id"] == staff["id"]
    )
    new = ok(await api.post(f"/v1/api-keys/{key_id}/regenerate"))["key"]
    assert new != old
    async with await tenant.client_for(old) as stale, await tenant.client_for(new) as fresh:
        problem(await stale.get("/v1/me"), 401, "invalid_api_key")
        assert ok(await fresh.get("/v1/me"))["staff_id"] == staff["id"]


async def test_deleted_key_no_longer_authenticates(tenant: Tenant) -> None:
    api = tenant.client
    staff, key = await staff_key(api, "scanner")
    key_id = next(
        k["id"] for k in ok(await api.get("/v1/api-keys"))["data"] if k["staff_id"] == staff["id"]
    )
    ok(await api.delete(f"/v1/api-keys/{key_id}"), 204)
    async with await tenant.client_for(key) as gone:
        problem(await gone.get("/v1/me"), 401, "invalid_api_key")
    problem(await api.get(f"/v1/api-keys/{key_id}"), 404, "api_key_not_found")


async def test_deactivated_staff_key_is_refused(tenant: Tenant) -> None:
    api = tenant.client
    staff, key = await staff_key(api, "scanner")
    ok(await api.patch(f"/v1/staff/{staff['id']}", json={"active": False}))
    listed = ok(await api.get("/v1/api-keys"))["data"]
    assert next(k for k in listed if k["staff_id"] == staff["id"])["status"] == "inactive"
    async with await tenant.client_for(key) as scanner:
        problem(await scanner.get("/v1/me"), 401, "staff_inactive")


async def test_scanner_may_not_manage_keys_staff_or_programs(tenant: Tenant) -> None:
    _, key = await staff_key(tenant.client, "scanner", tenant.location_id)
    async with await tenant.client_for(key) as scanner:
        for response in (
            await scanner.get("/v1/api-keys"),
            await scanner.post("/v1/staff", json={"name": "X", "login": "xyz"}),
            await scanner.post(
                "/v1/programs", json={"name": "P", "goals": [{"stamps": 1, "template_id": "t"}]}
            ),
            await scanner.post(
                "/v1/voucher-templates",
                json={"title": "T", "redeem_code": {"type": "fixed", "value": "X"}},
            ),
        ):
            body = problem(response, 403, "insufficient_role")
            assert body["role"] == "scanner"


async def test_manager_may_not_touch_owner_logins(tenant: Tenant) -> None:
    api = tenant.client
    _, key = await staff_key(api, "manager")
    async with await tenant.client_for(key) as manager:
        problem(
            await manager.post(
                "/v1/staff", json={"name": "Boss", "login": "boss", "role": "owner"}
            ),
            403,
            "owner_only",
        )
        problem(
            await manager.patch(f"/v1/staff/{tenant.staff_id}", json={"name": "X"}),
            403,
            "owner_only",
        )
        scanner = ok(await manager.post("/v1/staff", json={"name": "Sam", "login": "sam"}), 201)
        assert scanner["role"] == "scanner"


async def test_business_keeps_one_active_owner(tenant: Tenant) -> None:
    api = tenant.client
    problem(
        await api.patch(f"/v1/staff/{tenant.staff_id}", json={"role": "manager"}), 409, "last_owner"
    )
    problem(await api.delete(f"/v1/staff/{tenant.staff_id}"), 409, "last_owner")


async def test_staff_login_is_unique_in_the_business(tenant: Tenant) -> None:
    api = tenant.client
    ok(await api.post("/v1/staff", json={"name": "A", "login": "Till-1"}), 201)
    problem(
        await api.post("/v1/staff", json={"name": "B", "login": "till-1"}), 409, "staff_login_taken"
    )


async def test_missing_or_malformed_key_is_401(tenant: Tenant) -> None:
    async with httpx.AsyncClient(
        transport=tenant.client._transport, base_url=str(tenant.client.base_url)
    ) as anonymous:
        problem(await anonymous.get("/v1/me"), 401, "missing_api_key")
        problem(
            await anonymous.get("/v1/me", headers={"Authorization": "Bearer nope"}),
            401,
            "invalid_api_key",
        )
        problem(
            await anonymous.get("/v1/me", headers={"Authorization": "Bearer pc_sk_" + "x" * 43}),
            401,
            "invalid_api_key",
        )
