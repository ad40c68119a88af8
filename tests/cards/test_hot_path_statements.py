"""The hot paths on PostgreSQL: a stamp that reaches no goal and a redemption by a unique code
are one statement each (which also confirms the key), a stamp that reaches a goal two, and the
events they write are the ones the Python payload builders describe, on both databases."""

from datetime import datetime
from types import SimpleNamespace
from typing import Any

import pytest
from sqlalchemy import update
from sqlalchemy.ext.asyncio import AsyncSession

from punchcard.cards import stamp_writes
from punchcard.cards.models import Card
from punchcard.db.engine import Database
from punchcard.events.payloads import card_part, customer_part, voucher_part
from punchcard.kit.db import first_and_only_write
from tests.conftest import Tenant
from tests.support.factories import card, coffee_program, ok, staff_key, stamp
from tests.support.statements import server_statements


def _dialect(tenant: Tenant) -> str:
    app = tenant.client._transport.app  # type: ignore[attr-defined]
    return str(app.state.db.dialect)


def _when(text: str | None) -> datetime | None:
    return datetime.fromisoformat(text) if text else None


async def test_a_stamp_short_of_a_goal_is_one_statement_on_postgresql(tenant: Tenant) -> None:
    api = tenant.client
    the_card = await card(api, (await coffee_program(api))["id"])
    await stamp(api, the_card["id"])  # the key is known from here on

    async with server_statements(tenant) as seen:
        stamped = await stamp(api, the_card["id"])

    assert stamped["card"]["stamps"] == 2
    if _dialect(tenant) == "postgresql":
        assert len(seen) == 1, seen


async def test_a_redemption_by_unique_code_is_one_statement_on_postgresql(tenant: Tenant) -> None:
    api = tenant.client
    the_card = await card(api, (await coffee_program(api))["id"])
    voucher = ok(
        await api.post(
            "/v1/vouchers", json={"card_id": the_card["id"], "custom": {"title": "Gift"}}
        ),
        201,
    )

    async with server_statements(tenant) as seen:
        ok(await api.post("/v1/vouchers/redeem", json={"code": voucher["redeem_code"]}))

    if _dialect(tenant) == "postgresql":
        assert len(seen) == 1, seen


async def test_the_stamp_event_is_the_payload_builders(tenant: Tenant) -> None:
    api = tenant.client
    the_card = await card(api, (await coffee_program(api))["id"])
    customer = ok(await api.get(f"/v1/customers/{the_card['customer_id']}"))

    stamped = (await stamp(api, the_card["id"], 2))["card"]

    [written] = ok(await api.get("/v1/events", params={"card_id": the_card["id"], "limit": "1"}))[
        "data"
    ]
    assert written["event"] == "stamp_added"
    assert written["customer"] == customer_part(
        customer["id"], customer["source_id"], customer["language"]
    )
    assert written["card"] == card_part(
        stamped["id"],
        stamped["program_id"],
        stamped["scan_code"],
        stamped["stamps"],
        stamped["lifetime_stamps"],
        stamped["goal_index"],
    )
    assert written["voucher"] is None
    assert written["stamp"]["count"] == 2
    assert written["staff_id"] == tenant.staff_id


async def test_the_redeem_event_is_the_payload_builders(tenant: Tenant) -> None:
    api = tenant.client
    the_card = await card(api, (await coffee_program(api))["id"])
    stamped = (await stamp(api, the_card["id"], 3))["card"]
    # One expiry with microseconds, one on the second: both written as isoformat_z writes them.
    for expires_at in ("2031-05-06T07:08:09.123456Z", "2031-05-06T07:08:09Z"):
        custom = {"title": "Gift", "expires_at": expires_at}
        voucher = ok(
            await api.post("/v1/vouchers", json={"card_id": the_card["id"], "custom": custom}),
            201,
        )

        redeemed = ok(await api.post("/v1/vouchers/redeem", json={"code": voucher["redeem_code"]}))

        events = ok(
            await api.get(
                "/v1/events", params={"voucher_id": voucher["id"], "type": "voucher_redeemed"}
            )
        )["data"]
        [written] = events
        as_row = SimpleNamespace(
            **{**redeemed, "formats": redeemed["redeem_code_formats"]},
        )
        as_row.expires_at, as_row.redeemed_at = (
            _when(redeemed["expires_at"]),
            _when(redeemed["redeemed_at"]),
        )
        assert written["voucher"] == voucher_part(as_row)
        assert written["voucher"]["expires_at"] == expires_at
        assert written["card"]["stamps"] == stamped["stamps"]
        assert written["card"]["goal_index"] == stamped["goal_index"]
        assert written["customer"]["id"] == the_card["customer_id"]


async def test_a_stamp_reaching_a_goal_is_two_statements_on_postgresql(tenant: Tenant) -> None:
    """The one statement refuses a stamp that reaches a goal and reads the card, its goals and
    the goal's template instead; a second statement makes the stamp with its voucher."""
    api = tenant.client
    the_card = await card(api, (await coffee_program(api))["id"])
    await stamp(api, the_card["id"], 4)  # the key is known from here on

    async with server_statements(tenant) as seen:
        stamped = await stamp(api, the_card["id"])

    assert len(stamped["vouchers_issued"]) == 1
    assert stamped["card"]["stamps"] == 5
    if _dialect(tenant) == "postgresql":
        assert len(seen) == 2, seen
        assert "voucher_templates" in seen[0], seen
        assert "INSERT INTO vouchers" in seen[1], seen


async def test_a_card_moved_between_the_read_and_the_write_is_stamped_as_it_is_now(
    tenant: Tenant, db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """PostgreSQL: a stamp made while the stamp reaching a goal is between its two statements
    (the card read, the writes) leaves the second writing nothing; the stamp then takes the
    whole way, on the card as it is now: past the goal, it rewards nothing."""
    api = tenant.client
    the_card = await card(api, (await coffee_program(api))["id"])  # a goal at 5 stamps
    await stamp(api, the_card["id"], 4)
    moved: list[int] = []

    async def meanwhile(*args: Any) -> Any:
        if not moved:
            async with db.transaction() as session:
                moved.append(await stamp_cards_row(session, the_card["id"]))
        return await first_and_only_write(*args)

    monkeypatch.setattr(stamp_writes, "first_and_only_write", meanwhile)
    stamped = await stamp(api, the_card["id"])

    assert len(moved) == (_dialect(tenant) == "postgresql")
    assert stamped["card"]["stamps"] == 5 + len(moved)
    assert len(stamped["vouchers_issued"]) == 1 - len(moved)
    held = ok(await api.get("/v1/vouchers", params={"card_id": the_card["id"]}))["data"]
    assert len(held) == 1 - len(moved)
    ledger = ok(await api.get(f"/v1/cards/{the_card['id']}/history"))["data"]
    assert [e["event"] for e in ledger].count("goal_reached") == 1 - len(moved)


async def stamp_cards_row(session: AsyncSession, card_id: str) -> int:
    """A stamp as another writer makes it (on the row only): the card's stamps after it."""
    return int(
        (
            await session.execute(
                update(Card)
                .where(Card.id == card_id)
                .values(stamps=Card.stamps + 1, lifetime_stamps=Card.lifetime_stamps + 1)
                .returning(Card.stamps)
            )
        ).scalar_one()
    )


async def test_a_known_key_whose_login_moved_stamps_at_its_new_location(tenant: Tenant) -> None:
    """The statements check the key as this process knew it; a login moved since is looked
    up again and the stamp is taken where the login is now, short of a goal or reaching one."""
    api = tenant.client
    there = ok(await api.post("/v1/locations", json={"name": "Harbour"}), 201)
    login, key = await staff_key(api, "scanner", tenant.location_id)
    the_card = await card(api, (await coffee_program(api))["id"])
    async with await tenant.client_for(key) as till:
        await stamp(till, the_card["id"])  # the key is known from here on
        ok(await api.patch(f"/v1/staff/{login['id']}", json={"location_id": there["id"]}))

        short = await stamp(till, the_card["id"], 2)  # 3 stamps: no goal
        reaching = await stamp(till, the_card["id"], 2)  # 5: the cookie

    assert short["card"]["stamps"] == 3
    assert [v["title"] for v in reaching["vouchers_issued"]] == ["Free cookie"]
    history = ok(await api.get(f"/v1/cards/{the_card['id']}/history"))["data"]
    located = [(e["event"], e["location_id"]) for e in history if e["event"] != "card_issued"]
    assert located == [
        ("voucher_issued", there["id"]),
        ("reward_issued", there["id"]),
        ("goal_reached", there["id"]),
        ("stamp_added", there["id"]),
        ("stamp_added", there["id"]),
        ("stamp_added", tenant.location_id),
    ]
