"""Build test data through the public API, the way integrators do."""

import itertools
from datetime import datetime
from typing import Any

import httpx
from sqlalchemy import update

from punchcard.db.engine import Database
from punchcard.vouchers.models import Voucher

_serial = itertools.count(1)


def ok(response: httpx.Response, status: int = 200) -> Any:
    """The JSON body, after checking the status (with the body in the failure message)."""
    assert response.status_code == status, f"{response.status_code}: {response.text}"
    return response.json() if response.content else None


def problem(response: httpx.Response, status: int, code: str) -> dict[str, Any]:
    """Assert a problem+json error with a stable code; return its body."""
    assert response.status_code == status, f"{response.status_code}: {response.text}"
    assert response.headers["content-type"].startswith("application/problem+json")
    body: dict[str, Any] = response.json()
    assert body["code"] == code, body
    return body


async def template(api: httpx.AsyncClient, **fields: Any) -> dict[str, Any]:
    body = {"title": "Free cookie", "redeem_code": {"type": "fixed", "value": "FREECOOKIE"}}
    return ok(await api.post("/v1/voucher-templates", json={**body, **fields}), 201)  # type: ignore[no-any-return]


async def program(
    api: httpx.AsyncClient, goals: list[tuple[int, str]], **fields: Any
) -> dict[str, Any]:
    body = {
        "name": "Coffee card",
        "goals": [{"stamps": stamps, "template_id": tid} for stamps, tid in goals],
        **fields,
    }
    return ok(await api.post("/v1/programs", json=body), 201)  # type: ignore[no-any-return]


async def coffee_program(api: httpx.AsyncClient, **fields: Any) -> dict[str, Any]:
    """5 stamps -> free cookie (fixed code), 10 -> free coffee (unique CAFE-#### code)."""
    cookie = await template(api)
    coffee = await template(
        api, title="Free coffee", redeem_code={"type": "pattern", "pattern": "CAFE-####"}
    )
    return await program(api, [(5, cookie["id"]), (10, coffee["id"])], **fields)


async def card(api: httpx.AsyncClient, program_id: str, email: str | None = None) -> dict[str, Any]:
    email = email or f"guest{next(_serial)}@example.com"
    body = {"program_id": program_id, "customer": {"email": email}}
    return ok(await api.post("/v1/cards", json=body), 201)  # type: ignore[no-any-return]


async def stamp(api: httpx.AsyncClient, card_ref: str, count: int = 1) -> dict[str, Any]:
    return ok(await api.post(f"/v1/cards/{card_ref}/stamps", json={"count": count}), 201)  # type: ignore[no-any-return]


async def staff_key(
    api: httpx.AsyncClient, role: str, location_id: str | None = None
) -> tuple[dict[str, Any], str]:
    """A new staff login with the given role, and its API key."""
    n = next(_serial)
    staff = ok(
        await api.post(
            "/v1/staff",
            json={
                "name": f"Staff {n}",
                "login": f"staff{n}",
                "role": role,
                "location_id": location_id,
            },
        ),
        201,
    )
    key = ok(await api.post("/v1/api-keys", json={"staff_id": staff["id"]}), 201)
    return staff, key["key"]


async def lottery(
    api: httpx.AsyncClient, variants: list[dict[str, Any]] | None = None, **fields: Any
) -> dict[str, Any]:
    """A lottery; by default a free cookie (weight 1) against no prize (weight 1)."""
    if variants is None:
        cookie = await template(api)
        variants = [
            {"key": "free_cookie", "template_id": cookie["id"], "weight": 1},
            {"key": "no_prize", "weight": 1},
        ]
    body = {"title": "Spin the wheel", "variants": variants, **fields}
    return ok(await api.post("/v1/lotteries", json=body), 201)  # type: ignore[no-any-return]


async def lottery_card(api: httpx.AsyncClient, lottery_id: str) -> dict[str, Any]:
    """A card whose program gives a ticket for ``lottery_id`` with every stamp."""
    body = {
        "name": "Lucky card",
        "goals": [{"stamps": 1, "lottery_id": lottery_id}],
        "after_last_goal": "restart",
    }
    made = ok(await api.post("/v1/programs", json=body), 201)
    return await card(api, made["id"])


async def tickets(api: httpx.AsyncClient, card_id: str, count: int = 1) -> list[dict[str, Any]]:
    """``count`` stamps on a lottery card: its new tickets."""
    return (await stamp(api, card_id, count))["vouchers_issued"]  # type: ignore[no-any-return]


async def expire(db: Database, voucher_ids: list[str], at: datetime) -> None:
    """Age vouchers to expire at ``at`` (the API refuses a voucher born expired)."""
    async with db.transaction() as session:
        await session.execute(
            update(Voucher).where(Voucher.id.in_(voucher_ids)).values(expires_at=at)
        )
