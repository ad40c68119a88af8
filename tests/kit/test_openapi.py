"""The OpenAPI document tells the truth about what each operation answers when it refuses."""

import json
from functools import cache
from typing import Any

import httpx
from fastapi.routing import APIRoute, RouteContext, iter_route_contexts

from punchcard.app import create_app
from punchcard.kit.http import Session, check_input
from punchcard.kit.openapi import PROBLEM_JSON, _dependencies
from tests.conftest import Tenant
from tests.support.factories import card, coffee_program, ok, problem, stamp
from tests.support.problem_codes import problem_codes

PROBLEM_CONTENT = {PROBLEM_JSON: {"schema": {"$ref": "#/components/schemas/Problem"}}}
TRANSACTION = Session.__metadata__[0].dependency  # type: ignore[attr-defined]
# Problems the code could raise in principle but these operations cannot meet: the key's own
# business always exists; the list of event types looks none up.
APP_WIDE = {check_input}
# A till or POS connector acts with no API key whose login could have been deactivated since.
KEYLESS: set[int | str] = {"invalid_api_key", "staff_inactive"}
UNREACHABLE: dict[tuple[str, str], set[int | str]] = {  # statuses, or single codes
    ("GET", "/v1/me"): {404},
    ("GET", "/v1/business"): {404},
    ("PATCH", "/v1/business"): {404},
    ("GET", "/v1/event-types"): {404},
    # The redeem service refuses a guessing block only for the scopes a by-code route passes.
    ("POST", "/v1/vouchers/{voucher_id}/redeem"): {429},
    ("POST", "/v1/pos/{connector_id}/redeem"): {429, *KEYLESS},
    ("POST", "/v1/pos/{connector_id}/webhook"): KEYLESS,
}


@cache
def _app_and_doc() -> tuple[list[RouteContext], dict[str, Any]]:
    app = create_app()
    routes = [
        route
        for route in iter_route_contexts(app.routes)
        if isinstance(route.original_route, APIRoute) and route.include_in_schema
    ]
    return routes, app.openapi()


def _operations() -> list[tuple[RouteContext, str, dict[str, Any]]]:
    routes, doc = _app_and_doc()
    return [
        (route, method, doc["paths"][route.path_format][method.lower()])
        for route in routes
        for method in sorted(route.methods or ())
    ]


def test_fastapi_validation_error_is_not_in_the_document() -> None:
    _routes, doc = _app_and_doc()
    text = json.dumps(doc)
    assert "HTTPValidationError" not in text
    assert "ValidationError" not in doc["components"]["schemas"]
    problem_schema = doc["components"]["schemas"]["Problem"]
    assert set(problem_schema["required"]) == {"type", "title", "status", "code", "detail"}
    assert problem_schema["properties"]["errors"]["items"]["required"] == ["field", "message"]


def test_every_refusal_is_a_problem() -> None:
    operations = _operations()
    assert len(operations) > 150
    for _route, method, operation in operations:
        for status, response in operation["responses"].items():
            if int(status) >= 400:
                assert response["content"] == PROBLEM_CONTENT, (method, operation["summary"])
                assert response["description"], (method, operation["summary"])


def test_every_operation_documents_what_its_dependencies_and_shape_imply() -> None:
    for route, method, operation in _operations():
        statuses = set(operation["responses"])
        where = (method, route.path_format)
        calls = set(_dependencies(route.dependant))
        if operation.get("parameters") or "requestBody" in operation:
            assert "422" in statuses, where
        if "requestBody" in operation:
            assert {"413", "415"} <= statuses, where
        if {"HTTPBearer": []} in operation.get("security", []):
            assert {"401", "403"} <= statuses, where
            assert "WWW-Authenticate" in operation["responses"]["401"]["headers"]
        if TRANSACTION in calls:
            assert "503" in statuses, where
            assert "Retry-After" in operation["responses"]["503"]["headers"]
        if any(parameter["in"] == "path" for parameter in operation.get("parameters", [])):
            assert "404" in statuses, where


def test_every_problem_the_code_can_raise_is_documented_with_its_code() -> None:
    """Read from the source: what the endpoint and its dependencies can reach, through
    module-level calls, raises; each such status is in the operation's responses, naming the
    code (a path id's `<kind>_not_found` is named once for all kinds)."""
    codes = problem_codes()
    for route, method, operation in _operations():
        # The app-wide input checks (kit.mediatype, kit.storabletext) refuse only a body or a
        # parameter the route reads: what BODY_REFUSALS and INPUT_REFUSALS document.
        owners = [
            call
            for call in (route.endpoint, *_dependencies(route.dependant))
            if call not in APP_WIDE
        ]
        names = [f"{call.__module__}.{getattr(call, '__qualname__', '')}" for call in owners]
        unreachable = UNREACHABLE.get((method, str(route.path_format)), set())
        for status, code in codes.reachable(names):
            if status in unreachable or code in unreachable:
                continue
            where = (method, route.path_format, status, code)
            response = operation["responses"].get(str(status))
            assert response is not None, where
            by_path = code.endswith("_not_found") and "<kind>_not_found" in response["description"]
            assert code in response["description"] or by_path, where


def _documented(response: httpx.Response, method: str, path: str, code: str) -> None:
    """A real answer: its status is documented for the operation, naming its code."""
    _routes, doc = _app_and_doc()
    body = response.json()
    assert response.headers["content-type"] == PROBLEM_JSON
    assert {"type", "title", "status", "code", "detail"} <= set(body)
    assert body["status"] == response.status_code
    assert body["code"] == code
    documented = doc["paths"][path][method]["responses"][str(response.status_code)]
    described = documented["description"]
    by_path = code.endswith("_not_found") and "<kind>_not_found" in described
    assert code in described or by_path, (path, documented)


async def test_real_refusals_are_documented_with_their_code(tenant: Tenant) -> None:
    api = tenant.client
    the_card = await card(api, (await coffee_program(api))["id"])
    await stamp(api, the_card["id"], 5)
    vouchers = ok(await api.get("/v1/vouchers", params={"card_id": the_card["id"]}))["data"]
    redeem = f"/v1/vouchers/{vouchers[0]['id']}/redeem"
    ok(await api.post(redeem))
    twice = problem(await api.post(redeem), 409, "voucher_already_redeemed")
    assert twice["status"] == 409
    _documented(
        await api.post(redeem),
        "post",
        "/v1/vouchers/{voucher_id}/redeem",
        "voucher_already_redeemed",
    )
    unknown = await api.post("/v1/vouchers/redeem", json={"code": "NO-SUCH-CODE"})
    _documented(unknown, "post", "/v1/vouchers/redeem", "voucher_not_found")
    staff = {"name": "Ann", "role": "scanner", "login": "ann@example.com"}
    ok(await api.post("/v1/staff", json=staff), 201)
    _documented(await api.post("/v1/staff", json=staff), "post", "/v1/staff", "staff_login_taken")
    invalid = await api.post(f"/v1/cards/{the_card['id']}/stamps", json={"count": "many"})
    _documented(invalid, "post", "/v1/cards/{card_ref}/stamps", "validation_error")
    assert {"field", "message"} <= set(invalid.json()["errors"][0])
    not_json = await api.post(
        f"/v1/cards/{the_card['id']}/stamps",
        content=b"{",
        headers={"content-type": "application/json"},
    )
    _documented(not_json, "post", "/v1/cards/{card_ref}/stamps", "invalid_json")
    _documented(
        await api.get("/v1/cards/card_unknown"), "get", "/v1/cards/{card_ref}", "card_not_found"
    )
    async with httpx.AsyncClient(transport=api._transport, base_url=str(api.base_url)) as anon:
        _documented(await anon.get("/v1/cards"), "get", "/v1/cards", "missing_api_key")


def test_every_operation_says_what_it_does_who_may_call_it_and_what_it_emits() -> None:
    for route, method, operation in _operations():
        description = operation.get("description", "")
        where = (method, route.path_format)
        assert description.count("**Who:**") == 1, where
        assert description.count("**Emits:**") == 1, where
        what = description.split("**Who:**")[0].strip()
        assert len(what) >= 10, where  # what it does, before who may do it
        who = description.split("**Who:**")[1].split("**Emits:**")[0].strip()
        assert len(who) >= 5, where
        assert description.split("**Emits:**")[1].strip(" ."), where
