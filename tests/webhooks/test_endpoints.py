from punchcard.config import Settings
from punchcard.events.catalogue import EVENT_TYPES
from punchcard.webhooks import targets
from tests.conftest import Tenant
from tests.support.factories import ok, problem, staff_key
from tests.webhooks.conftest import endpoint


async def test_endpoint_lifecycle_and_secret(tenant: Tenant) -> None:
    api = tenant.client
    created = await endpoint(
        tenant,
        "https://crm.example.com/hooks",
        description="CRM",
        event_types=["voucher_redeemed", "goal_reached"],
    )
    assert created["secret"].startswith("whsec_")
    assert created["event_types"] == ["goal_reached", "voucher_redeemed"]
    fetched = ok(await api.get(f"/v1/webhooks/{created['id']}"))
    assert "secret" not in fetched
    assert ok(await api.get(f"/v1/webhooks/{created['id']}/secret"))["secret"] == created["secret"]
    updated = ok(
        await api.patch(
            f"/v1/webhooks/{created['id']}",
            json={
                "event_types": [],
                "rate_limit_per_second": 10,
                "max_concurrency": 2,
                "ordered": True,
            },
        )
    )
    assert (updated["event_types"], updated["rate_limit_per_second"], updated["ordered"]) == (
        [],
        10,
        True,
    )
    assert [e["id"] for e in ok(await api.get("/v1/webhooks"))["data"]] == [created["id"]]
    ok(await api.delete(f"/v1/webhooks/{created['id']}"), 204)
    problem(await api.get(f"/v1/webhooks/{created['id']}"), 404, "webhook_endpoint_not_found")


async def test_bad_endpoint_input_is_named(tenant: Tenant) -> None:
    api = tenant.client
    for body, field in (
        ({"url": "ftp://example.com"}, "body.url"),
        ({"url": "not a url"}, "body.url"),
        ({"url": "https://example.com", "event_types": ["coffee_spilled"]}, "body.event_types.0"),
        ({"url": "https://example.com", "rate_limit_per_second": 0}, "body.rate_limit_per_second"),
    ):
        errors = problem(await api.post("/v1/webhooks", json=body), 422, "validation_error")[
            "errors"
        ]
        assert errors[0]["field"] == field, errors


async def test_private_addresses_are_refused_unless_allowed(monkeypatch, tenant: Tenant) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(
        targets, "get_settings", lambda: Settings(webhook_allow_private_networks=False)
    )
    for url in (
        "http://127.0.0.1:9000/x",
        "http://localhost/x",
        "http://10.1.2.3/x",
        "http://[::1]/x",
        "http://169.254.169.254/latest",
        # IPv6 forms that carry a private IPv4 address: NAT64, 6to4, Teredo, mapped, compatible
        "http://[64:ff9b::a00:1]/",
        "http://[2002:a00:1::]/",
        "http://[2001:0:a00:1::]/",
        "http://[::ffff:10.0.0.1]/",
        "http://[::10.0.0.1]/",
        # IPv4 spellings a resolver accepts
        "http://2130706433/",
        "http://127.1/",
        "http://0x7f.0.0.1/",
        "http://app.localhost/",
    ):
        body = problem(
            await tenant.client.post("/v1/webhooks", json={"url": url}), 422, "url_not_allowed"
        )
        assert body["field"] == "url"
    monkeypatch.setattr(
        targets,
        "get_settings",
        lambda: Settings(webhook_https_only=True, webhook_allow_private_networks=True),
    )
    problem(
        await tenant.client.post("/v1/webhooks", json={"url": "http://example.com/x"}),
        422,
        "url_not_allowed",
    )


async def test_scanner_cannot_manage_webhooks(tenant: Tenant) -> None:
    _, key = await staff_key(tenant.client, "scanner", tenant.location_id)
    async with await tenant.client_for(key) as scanner:
        problem(await scanner.get("/v1/webhooks"), 403, "insufficient_role")
        problem(
            await scanner.post(
                "/v1/hooks", json={"target_url": "https://x.example", "event": "stamp_added"}
            ),
            403,
            "insufficient_role",
        )


async def test_event_catalogue_is_documented(tenant: Tenant) -> None:
    api = tenant.client
    types = ok(await api.get("/v1/event-types"))
    names = [t["type"] for t in types]
    assert names[:3] == ["card_issued", "card_saved", "card_opened"]
    assert names == list(EVENT_TYPES)
    redeemed = ok(await api.get("/v1/event-types/voucher_redeemed"))
    assert redeemed["sample"]["voucher"]["status"] == "redeemed"
    assert "voucher" in redeemed["schema"]["required"]
    spec = ok(await api.get("/openapi.json"))
    assert set(spec["webhooks"]) == set(names)
    problem(await api.get("/v1/event-types/nope"), 404, "event_type_not_found")
