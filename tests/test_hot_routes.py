"""The hot routes' own request handling (hot_routes.HotAPIRoute) answers every request as
FastAPI's handler did: a valid one acts, and whatever it would not take is refused by
FastAPI's handler, in FastAPI's order (a bad key before a bad body, every bad field named)."""

from typing import Any

import httpx
import pytest
from fastapi import APIRouter, FastAPI

from punchcard.hot_routes import Hot, hot_post
from punchcard.kit.errors import Conflict
from punchcard.kit.http import check_input
from tests.conftest import Tenant
from tests.support.factories import card, coffee_program, ok, problem


def fields_of(body: dict[str, Any]) -> list[str]:
    return [error["field"] for error in body["errors"]]


async def test_a_valid_stamp_acts_and_an_idempotent_retry_replays_it(tenant: Tenant) -> None:
    api = tenant.client
    made = await card(api, (await coffee_program(api))["id"])
    path = f"/v1/cards/{made['id']}/stamps"
    first = ok(await api.post(path, json={"count": 2}, headers={"Idempotency-Key": "k1"}), 201)
    again = await api.post(path, json={"count": 2}, headers={"Idempotency-Key": "k1"})
    assert ok(again, 201) == first
    assert again.headers["idempotent-replayed"] == "true"
    assert ok(await api.get(f"/v1/cards/{made['id']}"))["stamps"] == 2


@pytest.mark.parametrize(
    ("content", "status", "code"),
    [
        (b"", 422, "validation_error"),  # no body: the body is missing
        (b'{"count": ', 400, "invalid_json"),
        (b'{"count": "2"}', 422, "validation_error"),
        (b'"a\\u0000b"', 422, "validation_error"),
    ],
)
async def test_a_stamp_with_a_bad_body_is_refused_as_before(
    tenant: Tenant, content: bytes, status: int, code: str
) -> None:
    api = tenant.client
    made = await card(api, (await coffee_program(api))["id"])
    json_body = {"content-type": "application/json"}
    answer = await api.post(f"/v1/cards/{made['id']}/stamps", content=content, headers=json_body)
    problem(answer, status, code)
    assert ok(await api.get(f"/v1/cards/{made['id']}"))["stamps"] == 0


@pytest.mark.parametrize(
    ("route", "content", "status", "code"),
    [
        ("stamps", b"null", 422, "validation_error"),
        ("stamps", b'{"count": null}', 422, "validation_error"),
        ("stamps", b'{"count": 18446744073709551617}', 422, "validation_error"),
        ("stamps", b'{"count": 1.5}', 422, "validation_error"),
        ("stamps", b'{"count": 1, "unknown": 1}', 422, "validation_error"),
        ("nul_ref", b'{"count": 1}', 422, "validation_error"),
        ("foreign", b'{"count": 1}', 404, "card_not_found"),
        ("stamps", b'{"count": 1, "note": "' + b"a" * 2_000_000 + b'"}', 413, "content_too_large"),
        ("redeem", b'{"code": "A\\u0000B"}', 422, "validation_error"),
        ("redeem", b'{"code": null}', 422, "validation_error"),
        ("redeem", b"[1]", 422, "validation_error"),
        ("redeem", b'{"code": "' + b"A" * 5000 + b'"}', 422, "validation_error"),
    ],
)
async def test_what_a_fuzzer_sends_is_refused_and_writes_nothing(
    tenant: Tenant, stranger: Tenant, route: str, content: bytes, status: int, code: str
) -> None:
    api = tenant.client
    made = await card(api, (await coffee_program(api))["id"])
    theirs = await card(stranger.client, (await coffee_program(stranger.client))["id"])
    path = {
        "stamps": f"/v1/cards/{made['id']}/stamps",
        "nul_ref": f"/v1/cards/{made['id']}%00/stamps",
        "foreign": f"/v1/cards/{theirs['id']}/stamps",
        "redeem": "/v1/vouchers/redeem",
    }[route]
    json_body = {"content-type": "application/json"}
    problem(await api.post(path, content=content, headers=json_body), status, code)
    assert ok(await api.get(f"/v1/cards/{made['id']}"))["stamps"] == 0
    assert ok(await stranger.client.get(f"/v1/cards/{theirs['id']}"))["stamps"] == 0


async def test_every_bad_field_is_named_and_a_bad_key_comes_first(tenant: Tenant) -> None:
    api = tenant.client
    made = await card(api, (await coffee_program(api))["id"])
    path = f"/v1/cards/{made['id']}/stamps"
    too_long = {"Idempotency-Key": "k" * 256}
    body = problem(
        await api.post(path, json={"count": 0}, headers=too_long), 422, "validation_error"
    )
    assert fields_of(body) == ["header.Idempotency-Key", "body.count"]
    stranger = {"Authorization": "Bearer pc_sk_unknown"}
    problem(await api.post(path, json={"count": 0}, headers=stranger), 401, "invalid_api_key")
    problem(
        await api.post(path, json={"count": 1}, headers={"Authorization": ""}),
        401,
        "missing_api_key",
    )
    text = {"content-type": "text/plain"}
    problem(
        await api.post(path, content=b'{"count": 1}', headers=text), 415, "unsupported_media_type"
    )
    body = problem(await api.post("/v1/vouchers/redeem", json={}), 422, "validation_error")
    assert fields_of(body) == ["body.code"]
    assert ok(await api.get(f"/v1/cards/{made['id']}"))["stamps"] == 0


async def test_a_hot_route_honours_dependency_overrides(
    tenant: Tenant, app_transport: httpx.ASGITransport
) -> None:
    app = app_transport.app
    assert isinstance(app, FastAPI)
    api = tenant.client
    made = await card(api, (await coffee_program(api))["id"])

    async def refuse_everything() -> None:
        raise Conflict("overridden", "The test's own check refuses.")

    app.dependency_overrides[check_input] = refuse_everything
    try:
        answer = await api.post(f"/v1/cards/{made['id']}/stamps", json={"count": 1})
    finally:
        app.dependency_overrides.clear()
    problem(answer, 409, "overridden")
    assert ok(await api.get(f"/v1/cards/{made['id']}"))["stamps"] == 0


def test_a_hot_route_takes_only_path_parameters_a_body_and_hot() -> None:
    router = APIRouter()

    async def with_a_query(thing_id: str, page: int, hot: Hot) -> object:
        return await hot.respond(200, None)  # type: ignore[arg-type]

    with pytest.raises(TypeError, match="path parameters, a body and Hot"):
        hot_post(router, "/things/{thing_id}")(with_a_query)
