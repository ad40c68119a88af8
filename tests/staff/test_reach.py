"""Who may manage which staff logins: every cell of the table in the README (API conventions).

A login creates, changes, keys and removes only logins it could be itself: a role no higher
than its own, at its own location (bound to none: any). Seeing logins needs the location only.
"""

from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Any

import httpx
import pytest

from tests.conftest import Tenant
from tests.support.factories import ok, problem, staff_key

ROLES = ("owner", "manager", "scanner")
PLACES = ("all", "here", "there")  # bound to no location, the actor's location, another one
# Acting login -> the answer for a login of each role (rows) at each place (columns).
REACH = {
    ("owner", "all"): ["ok ok ok", "ok ok ok", "ok ok ok"],
    ("owner", "here"): ["loc ok loc", "loc ok loc", "loc ok loc"],
    ("manager", "all"): ["own own own", "ok ok ok", "ok ok ok"],
    ("manager", "here"): ["own own own", "loc ok loc", "loc ok loc"],
}
REFUSALS = {"own": "owner_only", "loc": "location_forbidden"}
CELLS = [(role, place) for role in ROLES for place in PLACES]


def expected(actor: tuple[str, str], role: str, place: str) -> str:
    return REACH[actor][ROLES.index(role)].split()[PLACES.index(place)]


def answers(response: httpx.Response, outcome: str, status: int = 200) -> None:
    if outcome == "ok":
        ok(response, status)
    else:
        problem(response, 403, REFUSALS[outcome])


@dataclass
class Scene:
    """The owner's client, the acting login's client, and where "here" and "there" are."""

    owner: httpx.AsyncClient
    actor: httpx.AsyncClient
    me: dict[str, Any]
    locations: dict[str, str | None]

    async def login(self, role: str, place: str) -> tuple[dict[str, Any], str]:
        """A login made by the owner, with a key; returns it and its key's id."""
        staff, _ = await staff_key(self.owner, role, self.locations[place])
        keys = ok(await self.owner.get("/v1/api-keys", params={"limit": 1}))["data"]
        assert keys[0]["staff_id"] == staff["id"]
        return staff, keys[0]["id"]


@pytest.fixture(params=list(REACH), ids=lambda actor: "-".join(actor))
async def scene(tenant: Tenant, request: pytest.FixtureRequest) -> AsyncIterator[Scene]:
    role, place = request.param
    there = ok(await tenant.client.post("/v1/locations", json={"name": "Airport"}), 201)["id"]
    locations = {"all": None, "here": tenant.location_id, "there": there}
    me, key = await staff_key(tenant.client, role, locations[place])
    async with await tenant.client_for(key) as actor:
        yield Scene(tenant.client, actor, me, locations)


def acting(scene: Scene) -> tuple[str, str]:
    return scene.me["role"], "all" if scene.me["location_id"] is None else "here"


async def test_creating_a_login(scene: Scene) -> None:
    for n, (role, place) in enumerate(CELLS):
        body = {"name": "New", "login": f"new-{n}", "role": role}
        response = await scene.actor.post(
            "/v1/staff", json=body | {"location_id": scene.locations[place]}
        )
        answers(response, expected(acting(scene), role, place), 201)


async def test_changing_keying_and_removing_a_login(scene: Scene) -> None:
    for role, place in CELLS:
        outcome = expected(acting(scene), role, place)
        staff, key_id = await scene.login(role, place)
        url = f"/v1/staff/{staff['id']}"
        answers(await scene.actor.patch(url, json={"name": "Renamed"}), outcome)
        answers(await scene.actor.post(f"/v1/api-keys/{key_id}/regenerate"), outcome)
        answers(await scene.actor.delete(f"/v1/api-keys/{key_id}"), outcome, 204)
        if outcome == "ok":  # the key is gone: make it again
            ok(await scene.actor.post("/v1/api-keys", json={"staff_id": staff["id"]}), 201)
        else:  # refused before the login's existing key makes it a 409
            answers(await scene.actor.post("/v1/api-keys", json={"staff_id": staff["id"]}), outcome)
        answers(await scene.actor.delete(url), outcome, 204)
        left = await scene.owner.get(url)
        if outcome == "ok":
            problem(left, 404, "staff_not_found")
        else:
            assert ok(left)["name"] == staff["name"]


@pytest.mark.parametrize(("role", "place"), CELLS)
async def test_moving_a_login_within_reach(scene: Scene, role: str, place: str) -> None:
    """A scanner here is within every actor's reach; where it may be moved is the same table."""
    staff, _ = await scene.login("scanner", "here")
    response = await scene.actor.patch(
        f"/v1/staff/{staff['id']}", json={"role": role, "location_id": scene.locations[place]}
    )
    answers(response, expected(acting(scene), role, place))
    after = ok(await scene.owner.get(f"/v1/staff/{staff['id']}"))
    moved = (role, scene.locations[place])
    assert (after["role"], after["location_id"]) == (
        moved if expected(acting(scene), role, place) == "ok" else ("scanner", staff["location_id"])
    )


async def test_seeing_logins_and_keys_needs_the_location_only(scene: Scene) -> None:
    made = {cell: await scene.login(*cell) for cell in CELLS}
    listed = {
        s["id"] for s in ok(await scene.actor.get("/v1/staff", params={"limit": 100}))["data"]
    }
    keys = {
        k["id"] for k in ok(await scene.actor.get("/v1/api-keys", params={"limit": 100}))["data"]
    }
    for (_, place), (staff, key_id) in made.items():
        outcome = "ok" if acting(scene)[1] == "all" or place == "here" else "loc"
        answers(await scene.actor.get(f"/v1/staff/{staff['id']}"), outcome)
        answers(await scene.actor.get(f"/v1/api-keys/{key_id}"), outcome)
        assert (staff["id"] in listed, key_id in keys) == (outcome == "ok",) * 2


async def test_a_location_bound_manager_cannot_leave_its_location(tenant: Tenant) -> None:
    api = tenant.client
    there = ok(await api.post("/v1/locations", json={"name": "Airport"}), 201)["id"]
    me, key = await staff_key(api, "manager", tenant.location_id)
    async with await tenant.client_for(key) as manager:
        for location_id in (None, there):
            problem(
                await manager.patch(f"/v1/staff/{me['id']}", json={"location_id": location_id}),
                403,
                "location_forbidden",
            )
        assert ok(await manager.get("/v1/me"))["location_id"] == tenant.location_id


async def test_nobody_raises_their_own_role(tenant: Tenant) -> None:
    api = tenant.client
    me, key = await staff_key(api, "manager")
    async with await tenant.client_for(key) as manager:
        patch = await manager.patch(f"/v1/staff/{me['id']}", json={"role": "owner"})
        problem(patch, 403, "owner_only")
        assert ok(await manager.get("/v1/me"))["role"] == "manager"


async def test_a_location_bound_manager_makes_logins_at_its_location(tenant: Tenant) -> None:
    """Leaving location_id out means "where I work"; asking for all locations is refused."""
    _, key = await staff_key(tenant.client, "manager", tenant.location_id)
    async with await tenant.client_for(key) as manager:
        made = ok(await manager.post("/v1/staff", json={"name": "Sam", "login": "sam"}), 201)
        assert made["location_id"] == tenant.location_id
        everywhere = {"name": "Max", "login": "max", "location_id": None}
        problem(await manager.post("/v1/staff", json=everywhere), 403, "location_forbidden")


async def test_a_scanner_manages_no_logins(tenant: Tenant) -> None:
    me, key = await staff_key(tenant.client, "scanner", tenant.location_id)
    async with await tenant.client_for(key) as scanner:
        for response in (
            await scanner.get("/v1/staff"),
            await scanner.patch(f"/v1/staff/{me['id']}", json={"name": "Me"}),
            await scanner.post("/v1/api-keys", json={"staff_id": me["id"]}),
        ):
            problem(response, 403, "insufficient_role")
