"""Staff bound to a location act there only: what every location shares (programs, templates and
their code pools, wallet designs, webhooks carrying every location's events, new locations, the
business itself) is changed by logins bound to no location."""

from typing import Any

import httpx

from tests.conftest import Tenant
from tests.support.factories import coffee_program, ok, problem, staff_key, template


async def shared_things(api: httpx.AsyncClient) -> dict[str, str]:
    program = await coffee_program(api)
    pool = await template(api, title="Gift", redeem_code={"type": "pool"})
    hook = ok(await api.post("/v1/webhooks", json={"url": "https://crm.example.com/in"}), 201)
    sub = {"target_url": "https://hooks.example.com/1", "event": "voucher_redeemed"}
    rest_hook = ok(await api.post("/v1/hooks", json=sub), 201)
    return {
        "program": program["id"],
        "template": program["goals"][0]["template_id"],
        "pool": pool["id"],
        "hook": hook["id"],
        "rest_hook": rest_hook["id"],
    }


def changes(ids: dict[str, str]) -> list[tuple[str, str, dict[str, Any] | None]]:
    program, template_id, pool = ids["program"], ids["template"], ids["pool"]
    goals = [{"stamps": 3, "template_id": template_id}]
    code_pool = f"/v1/voucher-templates/{pool}/code-pool"
    webhook = f"/v1/webhooks/{ids['hook']}"
    return [
        ("POST", "/v1/locations", {"name": "Pop-up"}),
        ("POST", "/v1/programs", {"name": "Tea card", "goals": goals}),
        ("PATCH", f"/v1/programs/{program}", {"name": "Renamed"}),
        ("PUT", f"/v1/programs/{program}/wallet-design", {"background_color": "#000000"}),
        (
            "POST",
            "/v1/voucher-templates",
            {"title": "T", "redeem_code": {"type": "fixed", "value": "T"}},
        ),
        ("PATCH", f"/v1/voucher-templates/{template_id}", {"title": "Renamed"}),
        ("DELETE", f"/v1/voucher-templates/{pool}", None),
        ("POST", f"{code_pool}/codes", {"codes": ["GIFT-1"]}),
        ("POST", f"{code_pool}/generate", {"count": 10}),
        ("GET", f"{code_pool}/codes", None),
        ("DELETE", f"{code_pool}/codes", None),
        ("DELETE", f"{code_pool}/codes/GIFT-1", None),
        ("POST", "/v1/webhooks", {"url": "https://crm.example.com/other"}),
        ("GET", "/v1/webhooks", None),
        ("GET", webhook, None),
        ("PATCH", webhook, {"ordered": True}),
        ("GET", f"{webhook}/secret", None),
        ("POST", f"{webhook}/rotate-secret", None),
        ("POST", f"{webhook}/test", {"event_type": "goal_reached"}),
        ("GET", f"{webhook}/messages", None),
        ("POST", f"{webhook}/recover", {"since": "2026-01-01T00:00:00Z"}),
        ("DELETE", webhook, None),
        (
            "POST",
            "/v1/hooks",
            {"target_url": "https://hooks.example.com/2", "event": "goal_reached"},
        ),
        ("GET", "/v1/hooks", None),
        ("GET", "/v1/hooks/samples/voucher_redeemed", None),
        ("DELETE", f"/v1/hooks/{ids['rest_hook']}", None),
    ]


async def test_a_location_bound_manager_changes_nothing_every_location_shares(
    tenant: Tenant,
) -> None:
    ids = await shared_things(tenant.client)
    _, key = await staff_key(tenant.client, "manager", tenant.location_id)
    async with await tenant.client_for(key) as manager:
        for method, url, body in changes(ids):
            response = await manager.request(method, url, json=body)
            assert response.status_code == 403, (method, url, response.text)
            problem(response, 403, "location_forbidden")
        # What they share can still be read, to serve customers with it.
        ok(await manager.get(f"/v1/programs/{ids['program']}"))
        ok(await manager.get(f"/v1/voucher-templates/{ids['template']}"))
        ok(await manager.get("/v1/locations"))
    # Nothing changed: the webhook and its subscription are still there.
    ok(await tenant.client.get(f"/v1/webhooks/{ids['hook']}"))
    assert ok(await tenant.client.get(f"/v1/programs/{ids['program']}"))["name"] != "Renamed"


async def test_a_location_bound_owner_leaves_the_business_settings_alone(tenant: Tenant) -> None:
    _, key = await staff_key(tenant.client, "owner", tenant.location_id)
    async with await tenant.client_for(key) as owner:
        for method, url, body in [
            ("PATCH", "/v1/business", {"name": "Mine now"}),
            ("GET", "/v1/wallet/apple-signing", None),
            ("DELETE", "/v1/wallet/apple-signing", None),
        ]:
            problem(await owner.request(method, url, json=body), 403, "location_forbidden")
        ok(await owner.get("/v1/business"))


async def test_a_location_bound_manager_edits_its_own_location_only(tenant: Tenant) -> None:
    there = ok(await tenant.client.post("/v1/locations", json={"name": "Airport"}), 201)
    _, key = await staff_key(tenant.client, "manager", tenant.location_id)
    async with await tenant.client_for(key) as manager:
        ok(await manager.patch(f"/v1/locations/{tenant.location_id}", json={"address": "No 1"}))
        problem(
            await manager.patch(f"/v1/locations/{there['id']}", json={"name": "Mine"}),
            403,
            "location_forbidden",
        )
