"""A business always keeps an active owner for all locations who holds an API key: removing the
last one (its key, its login, its owner rights) would lock everybody out but the operator."""

from typing import Any

import httpx
import pytest

from tests.conftest import Tenant
from tests.support.factories import ok, problem, staff_key

# Ways to take owner rights from a login (deleting its key is tested on its own).
REMOVALS: dict[str, tuple[str, dict[str, Any] | None]] = {
    "deactivate": ("PATCH", {"active": False}),
    "demote": ("PATCH", {"role": "manager"}),
    "bind to a location": ("PATCH", {"location_id": "HERE"}),
    "delete": ("DELETE", None),
}


async def key_id_of(api: httpx.AsyncClient, staff_id: str) -> str:
    keys = ok(await api.get("/v1/api-keys", params={"limit": 100}))["data"]
    return str(next(key["id"] for key in keys if key["staff_id"] == staff_id))


async def remove(tenant: Tenant, removal: str, staff_id: str) -> httpx.Response:
    method, body = REMOVALS[removal]
    if body is not None and body.get("location_id") == "HERE":
        body = {"location_id": tenant.location_id}
    return await tenant.client.request(method, f"/v1/staff/{staff_id}", json=body)


async def test_the_last_owner_key_cannot_be_deleted(tenant: Tenant) -> None:
    api = tenant.client
    key_id = await key_id_of(api, tenant.staff_id)
    problem(await api.delete(f"/v1/api-keys/{key_id}"), 409, "last_owner_key")
    assert ok(await api.get("/v1/me"))["role"] == "owner"


async def test_the_last_owner_key_can_be_regenerated(tenant: Tenant) -> None:
    api = tenant.client
    new = ok(await api.post(f"/v1/api-keys/{await key_id_of(api, tenant.staff_id)}/regenerate"))
    async with await tenant.client_for(new["key"]) as owner:
        assert ok(await owner.get("/v1/me"))["staff_id"] == tenant.staff_id


async def test_with_two_keyed_owners_one_key_may_go(tenant: Tenant) -> None:
    api = tenant.client
    other, other_key = await staff_key(api, "owner")
    ok(await api.delete(f"/v1/api-keys/{await key_id_of(api, tenant.staff_id)}"), 204)
    async with await tenant.client_for(other_key) as owner:
        last = await owner.delete(f"/v1/api-keys/{await key_id_of(owner, other['id'])}")
        problem(last, 409, "last_owner_key")


@pytest.mark.parametrize("kind", ["without a key", "bound to a location"])
async def test_an_owner_who_cannot_manage_everything_does_not_count(
    tenant: Tenant, kind: str
) -> None:
    api = tenant.client
    if kind == "without a key":
        body = {"name": "Silent", "login": "silent", "role": "owner"}
        ok(await api.post("/v1/staff", json=body), 201)
    else:
        await staff_key(api, "owner", tenant.location_id)
    key_id = await key_id_of(api, tenant.staff_id)
    problem(await api.delete(f"/v1/api-keys/{key_id}"), 409, "last_owner_key")


@pytest.mark.parametrize("removal", list(REMOVALS))
async def test_the_last_keyed_owner_keeps_owner_rights(tenant: Tenant, removal: str) -> None:
    problem(await remove(tenant, removal, tenant.staff_id), 409, "last_owner")
    # Another owner without a key is an owner, but nobody could act as one.
    ok(
        await tenant.client.post(
            "/v1/staff", json={"name": "Sue", "login": "sue", "role": "owner"}
        ),
        201,
    )
    problem(await remove(tenant, removal, tenant.staff_id), 409, "last_owner_key")
    assert ok(await tenant.client.get("/v1/me"))["role"] == "owner"


@pytest.mark.parametrize("removal", list(REMOVALS))
async def test_owner_rights_may_go_while_another_keyed_owner_stays(
    tenant: Tenant, removal: str
) -> None:
    other, _ = await staff_key(tenant.client, "owner")
    ok(await remove(tenant, removal, other["id"]), 204 if removal == "delete" else 200)
