"""Audiences: each filter narrows the count, unknown filters and foreign ids are refused."""

from datetime import timedelta
from typing import Any

import httpx
import pytest
from sqlalchemy import update

from punchcard.cards.models import Card
from punchcard.db.engine import Database
from punchcard.kit.clock import utcnow
from tests.campaigns.conftest import consenting
from tests.channels.conftest import member
from tests.conftest import Tenant
from tests.support.factories import card, coffee_program, ok, problem


async def _count(api: httpx.AsyncClient, **audience: Any) -> int:
    return ok(await api.post("/v1/audiences/count", json=audience))["customers"]  # type: ignore[no-any-return]


async def test_each_filter_narrows_the_audience(tenant: Tenant) -> None:
    api = tenant.client
    regular = await consenting(
        tenant, language="de-AT", birthday="1990-05-11", metadata={"tier": "gold", "vip": True}
    )
    body = {"count": 7, "location_id": tenant.location_id}
    ok(await api.post(f"/v1/cards/{regular.card_id}/stamps", json=body), 201)
    newcomer = await member(tenant, language="en")
    assert await _count(api) == 2
    assert await _count(api, stamps={"min": 5}) == 1
    assert await _count(api, lifetime_stamps={"max": 0}) == 1
    assert await _count(api, languages=["de"]) == 1
    assert await _count(api, birthday_month=5) == 1
    assert await _count(api, metadata={"tier": "gold"}) == 1
    assert await _count(api, metadata={"vip": True}) == 1
    assert await _count(api, metadata={"vip": False}) == 0
    assert await _count(api, consent="email") == 1
    assert await _count(api, reachable_on="email") == 1
    assert await _count(api, reachable_on="telegram") == 0
    assert await _count(api, has_unredeemed_voucher=True) == 1  # the 5-stamp reward
    assert await _count(api, has_unredeemed_voucher=False) == 1
    assert await _count(api, last_stamp_location_id=tenant.location_id) == 1
    assert await _count(api, last_stamp_after="2000-01-01T00:00:00Z") == 1
    assert await _count(api, last_stamp_before="2000-01-01T00:00:00Z") == 0
    program = ok(await api.get(f"/v1/cards/{newcomer.card_id}"))["program_id"]
    assert await _count(api, program_id=program) == 1


async def test_a_program_counts_each_customer_with_a_live_card_in_it_once(
    tenant: Tenant, db: Database
) -> None:
    """Counted from the program's cards when nothing filters the customer: a replaced card,
    a card past its expiry and a card of another program count nobody twice or at all."""
    api = tenant.client
    coffee, tea = (await coffee_program(api))["id"], (await coffee_program(api))["id"]
    renewed = (await card(api, coffee))["customer_id"]
    await card(api, coffee)  # lapses
    await card(api, tea)
    async with db.transaction() as session:  # both coffee cards run out
        await session.execute(
            update(Card)
            .where(Card.business_id == tenant.business_id, Card.program_id == coffee)
            .values(expires_at=utcnow() - timedelta(days=1))
        )
    body = {"program_id": coffee, "customer_id": renewed}
    ok(await api.post("/v1/cards", json=body), 201)  # the expired card makes room for a new one

    assert await _count(api, program_id=coffee) == 1
    assert await _count(api, program_id=coffee, stamps={"max": 0}) == 1
    assert await _count(api, program_id=coffee, has_unredeemed_voucher=False) == 1  # joined
    assert await _count(api, stamps={"max": 0}) == 2  # the new coffee card and the tea card


@pytest.mark.parametrize(
    ("audience", "field"),
    [
        ({"favourite_colour": "red"}, "body.favourite_colour"),
        ({"stamps": {"min": "5"}}, "body.stamps.min"),
        ({"stamps": {"min": 5, "max": 1}}, "body.stamps"),
        ({"birthday_month": 13}, "body.birthday_month"),
        ({"languages": [None]}, "body.languages.0"),
        ({"stamps": None, "birthday_month": "5"}, "body.birthday_month"),
        ({"last_stamp_after": "99999-01-01T00:00:00Z"}, "body.last_stamp_after"),
        ({"last_stamp_after": "2020-01-01T00:00:00"}, "body.last_stamp_after"),
        ({"metadata": {"tier\x00": "gold"}}, "body.metadata"),  # the object with the bad key
        ({"metadata": {"tier": "go\x00ld"}}, "body.metadata.tier"),
        ({"reachable_on": "sms"}, "body.reachable_on"),
    ],
)
async def test_bad_filters_are_refused_naming_the_field(
    api: httpx.AsyncClient, audience: dict[str, Any], field: str | None
) -> None:
    refused = problem(await api.post("/v1/audiences/count", json=audience), 422, "validation_error")
    if field is not None:
        assert field in [error["field"] for error in refused["errors"]], refused


async def test_another_business_program_is_not_found(api: httpx.AsyncClient) -> None:
    problem(
        await api.post("/v1/audiences/count", json={"program_id": "prg_elsewhere"}),
        404,
        "program_not_found",
    )


async def test_a_scanner_may_not_count_audiences(tenant: Tenant) -> None:
    from tests.support.factories import staff_key

    _, key = await staff_key(tenant.client, "scanner")
    async with await tenant.client_for(key) as scanner:
        problem(await scanner.post("/v1/audiences/count", json={}), 403, "insufficient_role")
