"""Referral programs: what is stored and shown, edits and archiving, and bad input refused
whole with the field named."""

from typing import Any

import httpx
import pytest

from tests.conftest import Tenant
from tests.support.factories import coffee_program, ok, problem, staff_key, template
from tests.support.referrals import referral_program


async def test_a_program_keeps_its_rules_and_defaults(api: httpx.AsyncClient) -> None:
    made = await referral_program(api)

    assert made["id"].startswith("rfp_")
    assert made["code"] == {
        "type": "generated",
        "prefix": "",
        "charset": "23456789ABCDEFGHJKLMNPQRSTUVWXYZ",
        "length": 8,
        "postfix": "",
    }
    assert made["conversion"] == {"on": "stamp", "stamps": 1}
    assert (made["tiers"], made["limit"], made["pool"], made["archived"]) == ([], None, None, False)
    assert ok(await api.get(f"/v1/referral-programs/{made['id']}")) == made
    assert [p["id"] for p in ok(await api.get("/v1/referral-programs"))["data"]] == [made["id"]]


async def test_tiers_limits_conversion_and_window_are_stored(api: httpx.AsyncClient) -> None:
    big, bigger = await template(api, title="Big"), await template(api, title="Bigger")
    tiers = [
        {"referrals": 3, "template_id": big["id"]},
        {"referrals": 5, "template_id": bigger["id"]},
    ]
    made = await referral_program(
        api,
        tiers=tiers,
        conversion={"on": "pos_sale", "min_amount": 1000},
        limit={"rewards": 5, "per": "month"},
        code={"type": "generated", "prefix": "FRIEND-", "length": 10},
        starts_at="2026-01-01T00:00:00+01:00",
        ends_at="2099-01-01T00:00:00Z",
    )

    assert made["tiers"] == tiers
    assert made["conversion"] == {"on": "pos_sale", "min_amount": 1000}
    assert made["limit"] == {"rewards": 5, "per": "month"}
    assert made["code"]["prefix"] == "FRIEND-"
    assert made["starts_at"] == "2025-12-31T23:00:00Z"


async def test_edits_replace_fields_and_null_clears(api: httpx.AsyncClient) -> None:
    made = await referral_program(api, limit={"rewards": 2, "per": "week"})
    path = f"/v1/referral-programs/{made['id']}"

    edited = ok(
        await api.patch(
            path,
            json={"name": "Friends", "limit": None, "conversion": {"on": "redemption"}},
        )
    )

    assert (edited["name"], edited["limit"]) == ("Friends", None)
    assert edited["conversion"] == {"on": "redemption"}
    assert edited["referee_template_id"] == made["referee_template_id"]
    refused = await api.patch(
        path, json={"referee_template_id": None, "referrer_template_id": None}
    )
    problem(refused, 422, "validation_error")
    assert ok(await api.get(path))["referee_template_id"] == made["referee_template_id"]


async def test_archived_programs_are_hidden_and_read_only(api: httpx.AsyncClient) -> None:
    made = await referral_program(api)
    path = f"/v1/referral-programs/{made['id']}"

    assert (await api.delete(path)).status_code == 204

    assert ok(await api.get("/v1/referral-programs"))["data"] == []
    listed = ok(await api.get("/v1/referral-programs", params={"include_archived": "true"}))
    assert [p["archived"] for p in listed["data"]] == [True]
    problem(await api.patch(path, json={"name": "Again"}), 409, "referral_program_archived")


async def test_only_managers_and_owners_manage_programs(tenant: Tenant) -> None:
    made = await referral_program(tenant.client)
    _, key = await staff_key(tenant.client, "scanner", tenant.location_id)
    async with await tenant.client_for(key) as scanner:
        problem(
            await scanner.patch(f"/v1/referral-programs/{made['id']}", json={"name": "x"}),
            403,
            "insufficient_role",
        )
        assert ok(await scanner.get(f"/v1/referral-programs/{made['id']}"))["id"] == made["id"]


def _bad_bodies(
    program_id: str, template_id: str, foreign: str
) -> list[tuple[str, dict[str, Any]]]:
    """(the field named, a body that is wrong only there)."""
    good = {"name": "Friends", "program_id": program_id, "referee_template_id": template_id}
    return [
        ("body.name", {**good, "name": "Fri\x00ends"}),
        ("body.name", {**good, "name": None}),
        ("body.program_id", {**good, "program_id": 42}),
        ("body.program_id", {**good, "program_id": "prg_\x00"}),
        ("body.program_id", {**good, "program_id": "prg_unknown"}),
        ("body.referee_template_id", {**good, "referee_template_id": "vtp_unknown"}),
        ("body.referee_template_id", {**good, "referee_template_id": foreign}),
        ("body.tiers", {**good, "tiers": [{"referrals": 5, "template_id": template_id}] * 2}),
        (
            "body.tiers",
            {
                **good,
                "tiers": [
                    {"referrals": 5, "template_id": template_id},
                    {"referrals": 3, "template_id": template_id},
                ],
            },
        ),
        (
            "body.tiers.0.referrals",
            {**good, "tiers": [{"referrals": "3", "template_id": template_id}]},
        ),
        ("body.limit.rewards", {**good, "limit": {"rewards": -1, "per": "month"}}),
        ("body.limit.rewards", {**good, "limit": {"rewards": 2.5, "per": "month"}}),
        ("body.limit.per", {**good, "limit": {"rewards": 5, "per": "fortnight"}}),
        ("body.conversion.stamp.stamps", {**good, "conversion": {"on": "stamp", "stamps": 0}}),
        ("body.conversion.stamp.stamps", {**good, "conversion": {"on": "stamp", "stamps": True}}),
        ("body.conversion.pos_sale.min_amount", {**good, "conversion": {"on": "pos_sale"}}),
        ("body.conversion", {**good, "conversion": {"on": "birthday"}}),
        ("body.ends_at", {**good, "ends_at": "9999-12-31T23:59:59-14:00"}),
        ("body.starts_at", {**good, "starts_at": "10000-01-01T00:00:00Z"}),
        ("body.starts_at", {**good, "starts_at": "2026-05-01T00:00:00"}),
        ("body", {**good, "starts_at": "2026-05-02T00:00:00Z", "ends_at": "2026-05-01T00:00:00Z"}),
        ("body.code.generated", {**good, "code": {"type": "generated", "length": 4}}),
        ("body.code.generated.length", {**good, "code": {"type": "generated", "length": "12"}}),
        ("body", {**good, "referee_template_id": None}),
        ("body.surprise", {**good, "surprise": 1}),
    ]


async def test_bad_input_is_a_422_naming_the_field_and_saves_nothing(
    tenant: Tenant, stranger: Tenant
) -> None:
    api = tenant.client
    program = await coffee_program(api)
    cookie = await template(api)
    theirs = await template(stranger.client)

    for field, body in _bad_bodies(program["id"], cookie["id"], theirs["id"]):
        answer = await api.post("/v1/referral-programs", json=body)
        assert answer.status_code == 422, (field, answer.text)
        named = [error["field"] for error in answer.json().get("errors", [])]
        assert any(name.startswith(field) for name in named), (field, answer.json())

    listed = ok(await api.get("/v1/referral-programs", params={"include_archived": "true"}))
    assert listed["data"] == []


@pytest.mark.parametrize(
    "body",
    [
        {"limit": {"rewards": 0, "per": "day"}},
        {"tiers": None},
        {"name": "\x00"},
        {"ends_at": "9999-12-31T23:59:59-14:00"},
        {"starts_at": "2099-01-01T00:00:00Z", "ends_at": "2098-01-01T00:00:00Z"},
    ],
)
async def test_bad_edits_change_nothing(api: httpx.AsyncClient, body: dict[str, Any]) -> None:
    made = await referral_program(api)
    path = f"/v1/referral-programs/{made['id']}"

    assert (await api.patch(path, json=body)).status_code == 422

    assert ok(await api.get(path)) == made


async def test_another_business_cannot_see_a_program(
    api: httpx.AsyncClient, stranger: Tenant
) -> None:
    made = await referral_program(api)

    problem(
        await stranger.client.get(f"/v1/referral-programs/{made['id']}"),
        404,
        "referral_program_not_found",
    )


async def test_every_route_refuses_bad_ids_queries_and_bodies(api: httpx.AsyncClient) -> None:
    made = await referral_program(api)
    base = f"/v1/referral-programs/{made['id']}"
    bad_paths = [
        "/v1/referral-programs/rfp_%00",
        "/v1/referral-programs/RFP-1/referrals",
        "/v1/referral-programs/rfp_1%20OR%201=1/refusals",
        f"{base}/referrers/cus_%00",
        f"{base}/referrers/cus_%00/qr.png",
        "/v1/customers/cus_%00/referrals",
    ]
    for path in bad_paths:
        answer = await api.get(path)
        assert answer.status_code == 422, (path, answer.text)
    for path, query in [
        (f"{base}/referrals", {"status": "lost"}),
        (f"{base}/referrals", {"referrer_customer_id": "cus_\x00"}),
        (f"{base}/refusals", {"reason": "bored"}),
        ("/v1/referral-refusals", {"limit": "0"}),
        (f"{base}/referrers/{made['id']}/qr.png", {"size": "99999"}),
    ]:
        assert (await api.get(path, params=query)).status_code == 422, (path, query)
    for path, body in [
        (base, ["name"]),
        (f"{base}/referrers", {"customer_id": None}),
        (f"{base}/referrers", {"customer_id": 5}),
        (f"{base}/codes", {"codes": "FRIEND-0001"}),
        (f"{base}/codes", {"codes": [f"FRIEND-{n:05d}" for n in range(10_001)]}),
    ]:
        send = api.patch if path == base else api.post
        answer = await send(path, json=body)
        assert answer.status_code == 422, (path, answer.text)
    huge = await api.post("/v1/referral-programs", content=b"{" + b" " * 1_100_000 + b"}")
    assert huge.status_code == 413
