"""The hot paths on PostgreSQL: a stamp that reaches no goal and a redemption by a unique code
are one statement each (which also confirms the key), a stamp that reaches a goal four, and the
events they write are the ones the Python payload builders describe, on both databases."""

from datetime import datetime
from types import SimpleNamespace

from punchcard.events.payloads import card_part, customer_part, voucher_part
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


async def test_a_stamp_reaching_a_goal_tries_the_one_statement_once(tenant: Tenant) -> None:
    """The one statement refuses a stamp that reaches a goal; with the key confirmed as it was
    known, the stamp takes the whole way at once instead of trying the statement again."""
    api = tenant.client
    the_card = await card(api, (await coffee_program(api))["id"])
    await stamp(api, the_card["id"], 4)  # the key is known from here on

    async with server_statements(tenant) as seen:
        stamped = await stamp(api, the_card["id"])

    assert len(stamped["vouchers_issued"]) == 1
    if _dialect(tenant) == "postgresql":
        assert sum("WITH bumped" in sql for sql in seen) == 1, seen
        # the one statement; the card bumped (which checks the key: no look-up of its own);
        # the goal's template; the voucher, round, ledger row and events (stamp_writes)
        assert len(seen) == 4, seen
        assert seen[-1].lstrip().startswith("WITH voucher AS"), seen


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
