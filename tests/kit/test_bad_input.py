"""Whatever a client sends, the answer is a 4xx problem that names the field, and nothing is
written: the shared mechanisms of kit (text no database stores, times with no UTC form, null in
partial updates, strict numbers and flags, JSON bodies, cursors, the pool, the challenge)."""

import json
from typing import Any

import httpx
import pytest

from punchcard.kit.http import DATABASE_RETRY_AFTER_SECONDS
from tests.conftest import Tenant
from tests.support.factories import card, coffee_program, ok, problem, stamp, template

OVERFLOWING = ["9999-12-31T23:59:59-14:00", "0001-01-01T00:00:00+14:00"]


def as_json(body: Any) -> dict[str, Any]:
    """A request's JSON as a client may write it: escaped (\\ud800 is no UTF-8)."""
    return {"content": json.dumps(body).encode(), "headers": {"content-type": "application/json"}}


def fields_of(body: dict[str, Any]) -> list[str]:
    return [error["field"] for error in body["errors"]]


async def locations(api: httpx.AsyncClient) -> list[str]:
    return [row["name"] for row in ok(await api.get("/v1/locations"))["data"]]


@pytest.mark.parametrize(("text", "where"), [("a\x00b", "NUL"), ("a\ud800b", "unpaired surrogate")])
async def test_text_no_database_stores_is_refused_in_bodies(
    tenant: Tenant, text: str, where: str
) -> None:
    api = tenant.client
    before = await locations(api)
    answer = await api.post("/v1/locations", **as_json({"name": text}))
    assert fields_of(problem(answer, 422, "validation_error")) == ["body.name"], where
    nested = {"email": "ada@example.com", "metadata": {"note": text, text: 1}}
    body = problem(await api.post("/v1/customers", **as_json(nested)), 422, "validation_error")
    assert fields_of(body) == ["body.metadata.note", "body.metadata"]
    assert await locations(api) == before
    assert ok(await api.get("/v1/customers"))["data"] == []


async def test_nul_in_a_path_id_or_a_query_parameter_is_a_422_naming_it(tenant: Tenant) -> None:
    api = tenant.client
    body = problem(await api.get("/v1/cards/card_%00x"), 422, "validation_error")
    assert fields_of(body) == ["path.card_ref"]
    body = problem(
        await api.get("/v1/customers", params={"email": "a\x00"}), 422, "validation_error"
    )
    assert fields_of(body) == ["query.email"]
    # The join form shows its own field error (tests/pages/test_join_page.py).


@pytest.mark.parametrize("moment", OVERFLOWING)
async def test_times_with_no_utc_form_are_refused_in_bodies_and_filters(
    tenant: Tenant, moment: str
) -> None:
    api = tenant.client
    refused = {"title": "Gift", "redeem_code": {"type": "fixed", "value": "GIFT"}}
    body = problem(
        await api.post("/v1/voucher-templates", json={**refused, "valid_until": moment}),
        422,
        "validation_error",
    )
    assert fields_of(body) == ["body.valid_until"]
    program = await coffee_program(api)
    made = await card(api, program["id"])
    custom = {"card_id": made["id"], "custom": {"title": "Sorry", "expires_at": moment}}
    body = problem(await api.post("/v1/vouchers", json=custom), 422, "validation_error")
    assert fields_of(body) == ["body.custom.expires_at"]
    for name in ("created_after", "created_before"):
        for path in ("/v1/customers", "/v1/exports/customers.csv"):
            body = problem(await api.get(path, params={name: moment}), 422, "validation_error")
            assert fields_of(body) == [f"query.{name}"]
    assert [t["title"] for t in ok(await api.get("/v1/voucher-templates"))["data"]] == [
        "Free coffee",
        "Free cookie",
    ]


async def test_a_custom_voucher_cannot_be_born_expired(tenant: Tenant) -> None:
    api = tenant.client
    program = await coffee_program(api)
    made = await card(api, program["id"])
    custom = {"title": "Sorry", "expires_at": "2020-01-01T00:00:00Z"}
    body = problem(
        await api.post("/v1/vouchers", json={"card_id": made["id"], "custom": custom}),
        422,
        "validation_error",
    )
    assert fields_of(body) == ["body.custom.expires_at"]
    assert ok(await api.get(f"/v1/cards/{made['id']}"))["vouchers"] == []


@pytest.mark.parametrize(
    ("path", "field"),
    [
        ("/v1/voucher-templates/{template}", "formats"),
        ("/v1/voucher-templates/{template}", "title"),
        ("/v1/locations/{location}", "name"),
        ("/v1/programs/{program}", "name"),
        ("/v1/programs/{program}", "goals"),
        ("/v1/staff/{staff}", "role"),
    ],
)
async def test_null_for_a_field_that_cannot_be_cleared_is_a_422_naming_it(
    tenant: Tenant, path: str, field: str
) -> None:
    api = tenant.client
    gift = await template(api)
    program = await coffee_program(api)
    ids = {
        "template": gift["id"],
        "location": tenant.location_id,
        "program": program["id"],
        "staff": tenant.staff_id,
    }
    url = path.format(**ids)
    before = ok(await api.get(url))
    body = problem(await api.patch(url, json={field: None}), 422, "validation_error")
    assert fields_of(body) == [f"body.{field}"]
    assert ok(await api.get(url)) == before


async def test_null_clears_what_may_be_cleared(tenant: Tenant) -> None:
    api = tenant.client
    url = f"/v1/locations/{tenant.location_id}"
    ok(await api.patch(url, json={"address": "1 Harbour Road"}))
    assert ok(await api.patch(url, json={"address": None}))["address"] is None


def test_the_openapi_document_offers_null_only_where_it_clears() -> None:
    from punchcard.businesses.schemas import LocationUpdate

    properties = LocationUpdate.model_json_schema()["properties"]
    assert properties["name"]["type"] == "string"
    assert {"type": "null"} in properties["address"]["anyOf"]


@pytest.mark.parametrize("count", ["3", True, 2.5])
async def test_a_count_is_a_json_integer(tenant: Tenant, count: Any) -> None:
    api = tenant.client
    program = await coffee_program(api)
    made = await card(api, program["id"])
    answer = await api.post(f"/v1/cards/{made['id']}/stamps", json={"count": count})
    assert fields_of(problem(answer, 422, "validation_error")) == ["body.count"]
    assert ok(await api.get(f"/v1/cards/{made['id']}"))["stamps"] == 0
    await stamp(api, made["id"], 3)  # a JSON integer is one


async def test_a_flag_is_a_json_boolean(tenant: Tenant) -> None:
    answer = await tenant.client.patch("/v1/business", json={"join_requires_privacy_links": 1})
    assert fields_of(problem(answer, 422, "validation_error")) == [
        "body.join_requires_privacy_links"
    ]


async def test_a_json_route_refuses_another_content_type_with_415(tenant: Tenant) -> None:
    api = tenant.client
    for kind in ("text/plain", "application/x-www-form-urlencoded", "application/xml"):
        answer = await api.post(
            "/v1/locations", content=b'{"name": "Harbour"}', headers={"content-type": kind}
        )
        body = problem(answer, 415, "unsupported_media_type")
        assert "application/json" in body["detail"]
    unnamed = await api.post("/v1/locations", content=b'{"name": "Harbour"}')
    assert (
        "Content-Type: application/json"
        in problem(unnamed, 415, "unsupported_media_type")["detail"]
    )
    assert await locations(api) == ["Main Street"]
    with_charset = {"content-type": "application/json; charset=utf-8"}
    named = await api.post("/v1/locations", content=b'{"name": "Harbour"}', headers=with_charset)
    assert ok(named, 201)["name"] == "Harbour"


@pytest.mark.parametrize("cursor", ["garbage", "' OR 1=1 --", "card_short"])
async def test_a_cursor_we_never_handed_out_is_a_422(tenant: Tenant, cursor: str) -> None:
    for path in ("/v1/customers", "/v1/events", "/v1/cards"):
        answer = await tenant.client.get(path, params={"cursor": cursor})
        assert fields_of(problem(answer, 422, "validation_error")) == ["query.cursor"]


async def test_an_unknown_event_type_filter_is_a_422(tenant: Tenant) -> None:
    answer = await tenant.client.get("/v1/events", params={"type": "stamp_addded"})
    assert fields_of(problem(answer, 422, "validation_error")) == ["query.type"]
    assert ok(await tenant.client.get("/v1/events", params={"type": "stamp_added"}))["data"] == []


async def test_unsubscribing_an_unknown_hook_is_a_404(tenant: Tenant) -> None:
    problem(await tenant.client.delete("/v1/hooks/whk_unknown"), 404, "hook_not_found")


async def test_a_401_names_the_bearer_scheme(tenant: Tenant) -> None:
    transport = tenant.client._transport
    async with httpx.AsyncClient(transport=transport, base_url="http://punchcard.test") as anon:
        for headers in ({}, {"Authorization": "Bearer pc_sk_nope"}):
            answer = await anon.get("/v1/me", headers=headers)
            assert answer.status_code == 401
            assert answer.headers["www-authenticate"] == "Bearer"


async def test_a_full_connection_pool_is_a_503_with_retry_after(
    tenant: Tenant, app_transport: httpx.ASGITransport
) -> None:
    engine = app_transport.app.state.db.engine  # type: ignore[attr-defined]
    pool = engine.pool
    timeout, pool._timeout = pool._timeout, 0.2
    held = []
    try:
        for _ in range(pool.size() + pool._max_overflow):
            held.append(await engine.connect())
        answer = await tenant.client.get("/v1/locations")
        problem(answer, 503, "database_unavailable")
        assert answer.headers["retry-after"] == str(DATABASE_RETRY_AFTER_SECONDS)
    finally:
        pool._timeout = timeout
        for connection in held:
            await connection.close()
    assert ok(await tenant.client.get("/v1/locations"))["data"]
