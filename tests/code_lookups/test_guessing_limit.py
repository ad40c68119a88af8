"""Codes that match no voucher are logged; too many from one key or location: 429."""

import httpx

from tests.conftest import Tenant
from tests.support.factories import card, coffee_program, ok, problem, staff_key, stamp

LIMIT = 10  # PUNCHCARD_CODE_LOOKUP_FAILURE_LIMIT's default, per 300 s


async def _guess(client: httpx.AsyncClient, code: str, **body: object) -> httpx.Response:
    return await client.post("/v1/vouchers/redeem", json={"code": code, **body})


async def test_failures_beyond_the_limit_are_429_even_for_a_right_code(tenant: Tenant) -> None:
    api = tenant.client
    the_card = await card(api, (await coffee_program(api))["id"])
    _, coffee = (await stamp(api, the_card["id"], 10))["vouchers_issued"]
    _, key = await staff_key(api, "scanner")
    async with await tenant.client_for(key) as scanner:
        for n in range(LIMIT - 1):
            problem(await _guess(scanner, f"GUESS-{n}"), 404, "voucher_not_found")
        checked = ok(await scanner.post("/v1/vouchers/validate", json={"code": "GUESS-V"}))
        assert checked["reason"] == "voucher_not_found"  # the 10th failure: still answered
        refused = await _guess(scanner, "GUESS-11")
        body = problem(refused, 429, "too_many_failed_lookups")
        assert 290 <= int(refused.headers["retry-after"]) <= 300
        assert body["retry_after"] == int(refused.headers["retry-after"])
        # Blocked: a right code is refused too (else guessing would go on), and nothing changes.
        problem(await _guess(scanner, coffee["redeem_code"]), 429, "too_many_failed_lookups")
        problem(
            await scanner.post("/v1/vouchers/validate", json={"code": coffee["redeem_code"]}),
            429,
            "too_many_failed_lookups",
        )
    # Another key (no location) is not limited by the scanner's failures.
    ok(await _guess(api, coffee["redeem_code"]))


async def test_failures_are_counted_per_location_across_keys(tenant: Tenant) -> None:
    api = tenant.client
    first, first_key = await staff_key(api, "scanner", tenant.location_id)
    _, second_key = await staff_key(api, "scanner", tenant.location_id)
    async with (
        await tenant.client_for(first_key) as till_1,
        await tenant.client_for(second_key) as till_2,
    ):
        for n in range(LIMIT // 2):
            problem(await _guess(till_1, f"A-{n}"), 404, "voucher_not_found")
            problem(await _guess(till_2, f"B-{n}"), 404, "voucher_not_found")
        problem(await _guess(till_2, "B-X"), 429, "too_many_failed_lookups")
        problem(await _guess(till_1, "A-X"), 429, "too_many_failed_lookups")
    # The owner's key works everywhere, but not at the blocked location.
    problem(
        await _guess(api, "OWNER", location_id=tenant.location_id), 429, "too_many_failed_lookups"
    )
    problem(await _guess(api, "OWNER"), 404, "voucher_not_found")
    other = ok(await api.post("/v1/locations", json={"name": "Harbour"}), 201)
    problem(await _guess(api, "OWNER", location_id=other["id"]), 404, "voucher_not_found")

    log = ok(
        await api.get(
            "/v1/code-lookup-failures", params={"location_id": tenant.location_id, "limit": 100}
        )
    )["data"]
    # Blocked requests never reached a look-up: only the answered failures are logged.
    assert len(log) == LIMIT
    newest = log[0]
    assert newest["code"] == f"B-{LIMIT // 2 - 1}"
    assert newest["operation"] == "redeem"
    assert newest["staff_id"] != first["id"]
    assert newest["api_key_id"] is not None
    assert newest["at"].endswith("Z")
    assert [row["code"] for row in log].count("A-0") == 1
    by_first = ok(await api.get("/v1/code-lookup-failures", params={"staff_id": first["id"]}))
    assert {row["code"] for row in by_first["data"]} == {f"A-{n}" for n in range(LIMIT // 2)}


async def test_the_log_is_paginated_and_for_managers(tenant: Tenant) -> None:
    api = tenant.client
    for n in range(3):
        problem(await _guess(api, f"TYPO-{n}"), 404, "voucher_not_found")
    page = ok(await api.get("/v1/code-lookup-failures", params={"limit": 2}))
    assert [row["code"] for row in page["data"]] == ["TYPO-2", "TYPO-1"]
    rest = ok(
        await api.get(
            "/v1/code-lookup-failures", params={"limit": 2, "cursor": page["next_cursor"]}
        )
    )
    assert [row["code"] for row in rest["data"]] == ["TYPO-0"]
    assert rest["next_cursor"] is None
    _, key = await staff_key(api, "scanner")
    async with await tenant.client_for(key) as scanner:
        problem(await scanner.get("/v1/code-lookup-failures"), 403, "insufficient_role")


async def test_successful_and_refused_lookups_are_not_failures(tenant: Tenant) -> None:
    api = tenant.client
    the_card = await card(api, (await coffee_program(api))["id"])
    (await stamp(api, the_card["id"], 10))["vouchers_issued"]
    problem(await _guess(api, "FREECOOKIE"), 409, "redeem_code_ambiguous")
    ok(await _guess(api, "FREECOOKIE", card_id=the_card["id"]))
    problem(
        await _guess(api, "FREECOOKIE", card_id=the_card["id"]), 409, "voucher_already_redeemed"
    )
    assert ok(await api.get("/v1/code-lookup-failures"))["data"] == []


async def test_a_location_bound_manager_sees_its_locations_failures(tenant: Tenant) -> None:
    api = tenant.client
    there = ok(await api.post("/v1/locations", json={"name": "Harbour"}), 201)["id"]
    problem(await _guess(api, "HERE-1", location_id=tenant.location_id), 404, "voucher_not_found")
    problem(await _guess(api, "THERE-1", location_id=there), 404, "voucher_not_found")
    problem(await _guess(api, "NOWHERE-1"), 404, "voucher_not_found")
    _, key = await staff_key(api, "manager", tenant.location_id)
    async with await tenant.client_for(key) as manager:
        seen = ok(await manager.get("/v1/code-lookup-failures"))["data"]
        assert [row["code"] for row in seen] == ["HERE-1"]
        problem(
            await manager.get("/v1/code-lookup-failures", params={"location_id": there}),
            403,
            "location_forbidden",
        )
