"""Referral programs, referrers and referees through the public API."""

from typing import Any

import httpx

from tests.support.factories import card, coffee_program, ok, template


async def referral_program(
    api: httpx.AsyncClient, program_id: str | None = None, **fields: Any
) -> dict[str, Any]:
    """A referral program of ``program_id`` (by default a new coffee program's): a welcome
    cookie for the referee, a free coffee for the referrer at the referee's first stamp."""
    if program_id is None:
        program_id = (await coffee_program(api))["id"]
    body: dict[str, Any] = {"name": "Bring a friend", "program_id": program_id}
    if "referee_template_id" not in fields:
        body["referee_template_id"] = (await template(api, title="Welcome cookie"))["id"]
    if "referrer_template_id" not in fields:
        coffee = await template(
            api, title="Free coffee", redeem_code={"type": "pattern", "pattern": "REF-######"}
        )
        body["referrer_template_id"] = coffee["id"]
    return ok(await api.post("/v1/referral-programs", json={**body, **fields}), 201)  # type: ignore[no-any-return]


async def referrer(
    api: httpx.AsyncClient, referral_program: dict[str, Any], email: str | None = None
) -> dict[str, Any]:
    """A customer with a card in the program, made a referrer: their code and link."""
    holder = await card(api, referral_program["program_id"], email)
    body = {"customer_id": holder["customer_id"]}
    path = f"/v1/referral-programs/{referral_program['id']}/referrers"
    return ok(await api.post(path, json=body), 201)  # type: ignore[no-any-return]


async def referee(
    api: httpx.AsyncClient, program_id: str, code: str, email: str, **fields: Any
) -> httpx.Response:
    """A new customer's card, issued with a referral code."""
    body = {"program_id": program_id, "customer": {"email": email}, "referral_code": code}
    return await api.post("/v1/cards", json={**body, **fields})


async def referrals_of(api: httpx.AsyncClient, referral_program_id: str) -> list[dict[str, Any]]:
    path = f"/v1/referral-programs/{referral_program_id}/referrals"
    return ok(await api.get(path, params={"limit": 100}))["data"]  # type: ignore[no-any-return]


async def refusals_of(api: httpx.AsyncClient, referral_program_id: str | None = None) -> list[Any]:
    path = (
        f"/v1/referral-programs/{referral_program_id}/refusals"
        if referral_program_id
        else "/v1/referral-refusals"
    )
    return ok(await api.get(path, params={"limit": 100}))["data"]  # type: ignore[no-any-return]
