import json

import httpx
import pytest
from sqlalchemy import select

from punchcard.businesses.onboarding import onboard
from punchcard.config import get_settings
from punchcard.db.base import table_of
from punchcard.db.engine import Database
from punchcard.pos.models import PosConnector
from tests.conftest import Tenant
from tests.support.factories import coffee_program, ok, problem, staff_key
from tests.support.fake_poster import APPLICATION_SECRET, TOKEN
from tests.support.pos import connector, generic_setup, receipt, send_signed

POSTER = {"application_secret": APPLICATION_SECRET, "access_token": TOKEN}


async def test_secrets_are_shown_once_and_stored_sealed(tenant: Tenant, db: Database) -> None:
    api = tenant.client
    program = await coffee_program(api)
    made = await connector(api, program["id"], type="poster", name="Poster", poster=POSTER)
    assert made["signing_secret"].startswith("pos_whsec_")
    assert made["webhook_url"].endswith(f"/v1/pos/{made['id']}/webhook")
    assert made["poster"] == {"base_url": "https://joinposter.com", "credentials_set": True}
    read = ok(await api.get(f"/v1/pos-connectors/{made['id']}"))
    listed = ok(await api.get("/v1/pos-connectors"))["data"]
    for shown in (json.dumps(read), json.dumps(listed)):
        assert not any(secret in shown for secret in (made["signing_secret"], *POSTER.values()))
    async with db.engine.connect() as connection:
        row = (
            await connection.execute(
                select(table_of(PosConnector)).where(table_of(PosConnector).c.id == made["id"])
            )
        ).one()
    stored = json.dumps([str(value) for value in row])
    assert not any(secret in stored for secret in (made["signing_secret"], *POSTER.values()))


async def test_defaults_and_edits(tenant: Tenant) -> None:
    api = tenant.client
    program = await coffee_program(api)
    made = await connector(api, program["id"])
    assert made["stamp_rule"] == {"per": "receipt", "stamps": 1, "minimum": None}
    assert (made["enabled"], made["location_id"], made["poster"]) == (True, None, None)
    rule = {"per": "amount", "amount": 500, "minimum": 300}
    edited = ok(
        await api.patch(
            f"/v1/pos-connectors/{made['id']}",
            json={"stamp_rule": rule, "location_id": tenant.location_id, "name": "Bar"},
        )
    )
    assert edited["stamp_rule"] == {**rule, "max_stamps": None}
    assert (edited["location_id"], edited["name"]) == (tenant.location_id, "Bar")
    cleared = ok(await api.patch(f"/v1/pos-connectors/{made['id']}", json={"location_id": None}))
    assert cleared["location_id"] is None


async def test_bad_settings_are_clear_errors(tenant: Tenant) -> None:
    api = tenant.client
    program = await coffee_program(api)
    base = {"type": "poster", "name": "P", "program_id": program["id"]}
    problem(await api.post("/v1/pos-connectors", json=base), 422, "validation_error")
    bad_rule = {**base, "type": "generic", "stamp_rule": {"per": "amount", "amount": 0}}
    body = problem(await api.post("/v1/pos-connectors", json=bad_rule), 422, "validation_error")
    assert body["errors"][0]["field"].startswith("body.stamp_rule")
    missing = {**base, "type": "generic", "program_id": "prg_nope"}
    problem(await api.post("/v1/pos-connectors", json=missing), 404, "program_not_found")
    made = await connector(api, program["id"])
    problem(
        await api.patch(f"/v1/pos-connectors/{made['id']}", json={"poster": {"access_token": "x"}}),
        422,
        "validation_error",
    )
    problem(
        await api.patch(f"/v1/pos-connectors/{made['id']}", json={"location_id": "loc_nope"}),
        404,
        "location_not_found",
    )


async def test_only_owners_and_managers_manage_connectors(tenant: Tenant) -> None:
    api = tenant.client
    program = await coffee_program(api)
    made = await connector(api, program["id"])
    _, scanner_key = await staff_key(api, "scanner")
    _, manager_key = await staff_key(api, "manager")
    async with await tenant.client_for(scanner_key) as scanner:
        problem(await scanner.get("/v1/pos-connectors"), 403, "insufficient_role")
        problem(
            await scanner.get(f"/v1/pos-connectors/{made['id']}/sales"), 403, "insufficient_role"
        )
    async with await tenant.client_for(manager_key) as manager:
        ok(await manager.get(f"/v1/pos-connectors/{made['id']}"))


async def test_rotation_keeps_the_old_secret_for_a_while(tenant: Tenant) -> None:
    api = tenant.client
    till, the_card = await generic_setup(api)
    rotated = ok(await api.post(f"/v1/pos-connectors/{till['id']}/rotate-secret"))
    assert rotated["signing_secret"] != till["signing_secret"]
    assert rotated["previous_secret_expires_at"] is not None
    hook, scan = f"/v1/pos/{till['id']}/webhook", the_card["scan_code"]
    old = ok(
        await send_signed(api, hook, till["signing_secret"], receipt("1", 500, scan_code=scan))
    )
    new = ok(
        await send_signed(api, hook, rotated["signing_secret"], receipt("2", 500, scan_code=scan))
    )
    assert old["sale"]["outcome"] == new["sale"]["outcome"] == "stamped"


async def test_delete_removes_the_connector_and_its_log(tenant: Tenant) -> None:
    api = tenant.client
    till, _ = await generic_setup(api)
    ok(
        await send_signed(
            api, f"/v1/pos/{till['id']}/webhook", till["signing_secret"], receipt("1", 500)
        )
    )
    ok(await api.delete(f"/v1/pos-connectors/{till['id']}"), 204)
    problem(await api.get(f"/v1/pos-connectors/{till['id']}"), 404, "pos_connector_not_found")
    problem(await api.get(f"/v1/pos-connectors/{till['id']}/sales"), 404, "pos_connector_not_found")


async def test_other_businesses_connectors_are_invisible(
    tenant: Tenant, db: Database, app_transport: httpx.ASGITransport
) -> None:
    till, _ = await generic_setup(tenant.client)
    async with db.transaction() as session:
        other = await onboard(session, name="Other Café", location="Elsewhere")
    async with await tenant.client_for(other.api_key) as outsider:
        problem(
            await outsider.get(f"/v1/pos-connectors/{till['id']}"), 404, "pos_connector_not_found"
        )
        problem(
            await outsider.patch(f"/v1/pos-connectors/{till['id']}", json={"enabled": False}),
            404,
            "pos_connector_not_found",
        )
        assert ok(await outsider.get("/v1/pos-connectors"))["data"] == []


async def test_poster_base_url_on_a_private_address_is_refused(
    tenant: Tenant, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PUNCHCARD_WEBHOOK_ALLOW_PRIVATE_NETWORKS", "false")
    get_settings.cache_clear()
    program = await coffee_program(tenant.client)
    keys = {"application_secret": "s", "access_token": "t"}
    try:
        for url in ("http://127.0.0.1:8080", "http://[64:ff9b::7f00:1]/", "http://2130706433/"):
            body = {"type": "poster", "name": "P", "program_id": program["id"]}
            body["poster"] = {**keys, "base_url": url}
            answer = await tenant.client.post("/v1/pos-connectors", json=body)
            assert problem(answer, 422, "url_not_allowed")["field"] == "poster.base_url", url
    finally:
        monkeypatch.undo()
        get_settings.cache_clear()


async def test_a_location_bound_manager_manages_its_locations_tills_only(tenant: Tenant) -> None:
    api = tenant.client
    program = await coffee_program(api)
    there = ok(await api.post("/v1/locations", json={"name": "Airport"}), 201)["id"]
    elsewhere = await connector(api, program["id"], location_id=there)
    everywhere = await connector(api, program["id"])  # stamps for every location
    _, key = await staff_key(api, "manager", tenant.location_id)
    async with await tenant.client_for(key) as manager:
        mine = await connector(manager, program["id"], name="Counter")  # where it works
        assert mine["location_id"] == tenant.location_id
        listed = ok(await manager.get("/v1/pos-connectors"))["data"]
        assert [till["id"] for till in listed] == [mine["id"]]
        for till in (elsewhere, everywhere):
            url = f"/v1/pos-connectors/{till['id']}"
            for response in (
                await manager.get(url),
                await manager.patch(url, json={"enabled": False}),
                await manager.post(f"{url}/rotate-secret"),
                await manager.get(f"{url}/sales"),
                await manager.delete(url),
            ):
                problem(response, 403, "location_forbidden")
        for location_id in (None, there):  # a till may not stamp beyond the manager's location
            body = {"type": "generic", "name": "T", "program_id": program["id"]}
            made = await manager.post(
                "/v1/pos-connectors", json=body | {"location_id": location_id}
            )
            problem(made, 403, "location_forbidden")
            moved = await manager.patch(
                f"/v1/pos-connectors/{mine['id']}", json={"location_id": location_id}
            )
            problem(moved, 403, "location_forbidden")
    assert ok(await api.get(f"/v1/pos-connectors/{elsewhere['id']}"))["enabled"] is True
