import pytest
from sqlalchemy import func, select

from punchcard.cards.models import Stamp
from punchcard.db.engine import Database
from punchcard.events.models import Event
from punchcard.vouchers import codes
from punchcard.vouchers.models import Voucher
from tests.conftest import Tenant
from tests.support.factories import card, coffee_program, ok, problem, program, stamp, template

GOAL_EVENTS = ["goal_reached", "reward_issued", "voucher_issued"]


async def test_stamp_updates_progress_toward_next_goal(tenant: Tenant) -> None:
    api = tenant.client
    the_card = await card(api, (await coffee_program(api))["id"])
    result = await stamp(api, the_card["id"], 3)
    assert result["stamps_added"] == 3
    assert result["goals_reached"] == []
    assert result["vouchers_issued"] == []
    state = result["card"]
    assert (state["stamps"], state["goal_index"]) == (3, 0)
    assert state["next_goal"]["stamps_to_go"] == 2
    assert state["next_goal"]["title"] == "Free cookie"


async def test_scan_code_names_the_card_and_is_forgiving(tenant: Tenant) -> None:
    api = tenant.client
    the_card = await card(api, (await coffee_program(api))["id"])
    code = the_card["scan_code"]
    typed = f"{code[:4].lower()}-{code[4:]}"
    result = await stamp(api, typed)
    assert result["card"]["id"] == the_card["id"]
    assert ok(await api.get(f"/v1/cards/{code}"))["stamps"] == 1


async def test_one_call_can_cross_several_goals(tenant: Tenant) -> None:
    api = tenant.client
    the_card = await card(api, (await coffee_program(api))["id"])
    result = await stamp(api, the_card["id"], 12)
    assert [g["index"] for g in result["goals_reached"]] == [0, 1]
    codes = [v["redeem_code"] for v in result["vouchers_issued"]]
    assert codes[0] == "FREECOOKIE"
    assert codes[1].startswith("CAFE-")
    assert len(codes[1]) == 9
    # restart: the last goal ends the round, the rest count toward the next one
    state = result["card"]
    assert (state["stamps"], state["lifetime_stamps"], state["rounds_completed"]) == (2, 12, 1)
    vouchers = ok(await api.get(f"/v1/cards/{the_card['id']}"))["vouchers"]
    assert {v["goal_index"] for v in vouchers} == {0, 1}
    assert all(v["status"] == "issued" for v in vouchers)


async def test_many_rounds_in_one_call_issue_every_reward(tenant: Tenant) -> None:
    api = tenant.client
    the_card = await card(api, (await coffee_program(api))["id"])
    result = await stamp(api, the_card["id"], 35)
    assert [g["index"] for g in result["goals_reached"]] == [0, 1, 0, 1, 0, 1, 0]
    assert result["card"]["rounds_completed"] == 3
    assert result["card"]["stamps"] == 5
    assert result["card"]["goal_index"] == 1


async def test_continue_mode_keeps_counting_after_the_last_goal(tenant: Tenant) -> None:
    api = tenant.client
    prg = await coffee_program(api, after_last_goal="continue")
    the_card = await card(api, prg["id"])
    result = await stamp(api, the_card["id"], 25)
    assert len(result["goals_reached"]) == 2
    state = result["card"]
    assert (state["stamps"], state["rounds_completed"], state["next_goal"]) == (25, 0, None)
    assert state["goal_index"] == 2


async def test_stamp_events_describe_goal_and_reward(tenant: Tenant) -> None:
    api = tenant.client
    the_card = await card(api, (await coffee_program(api))["id"])
    await stamp(api, the_card["id"], 4)
    result = await stamp(api, the_card["id"], 1)
    voucher = result["vouchers_issued"][0]
    events = ok(await api.get("/v1/events", params={"card_id": the_card["id"], "limit": 4}))["data"]
    assert [e["event"] for e in events] == [
        "voucher_issued",
        "reward_issued",
        "goal_reached",
        "stamp_added",
    ]
    stamp_added, goal_reached, reward_issued = events[3], events[2], events[1]
    assert stamp_added["stamp"]["count"] == 1
    assert stamp_added["card"]["stamps"] == 5
    assert goal_reached["goal"]["index"] == 0
    assert reward_issued["voucher"]["id"] == voucher["id"]
    assert reward_issued["voucher"]["redeem_code"] == "FREECOOKIE"
    assert reward_issued["voucher"]["redeem_code_formats"] == ["text", "qr"]


async def test_stamp_count_is_bounded(tenant: Tenant) -> None:
    api = tenant.client
    the_card = await card(api, (await coffee_program(api))["id"])
    for count in (0, -1, 1001, 10**30, "many", None):
        response = await api.post(f"/v1/cards/{the_card['id']}/stamps", json={"count": count})
        body = problem(response, 422, "validation_error")
        assert body["errors"][0]["field"] == "body.count"


async def test_failed_goal_reward_rolls_back_the_whole_stamp(tenant: Tenant) -> None:
    """A stamp and its events are one transaction: if the reward cannot be issued, nothing is."""
    api = tenant.client
    pool = await template(api, redeem_code={"type": "pool"}, title="From the POS")
    ok(
        await api.post(
            f"/v1/voucher-templates/{pool['id']}/code-pool/codes", json={"codes": ["A"]}
        ),
        201,
    )
    prg = await program(api, [(1, pool["id"])])
    cards = [await card(api, prg["id"]) for _ in range(2)]
    assert (await stamp(api, cards[0]["id"]))["vouchers_issued"][0]["redeem_code"] == "A"
    response = await api.post(f"/v1/cards/{cards[1]['id']}/stamps", json={"count": 1})
    problem(response, 409, "code_pool_empty")
    after = ok(await api.get(f"/v1/cards/{cards[1]['id']}"))
    assert (after["lifetime_stamps"], after["vouchers"]) == (0, [])
    history = ok(await api.get(f"/v1/cards/{cards[1]['id']}/history"))["data"]
    assert [e["event"] for e in history] == ["card_issued"]


async def test_unknown_card_is_404(tenant: Tenant) -> None:
    problem(await tenant.client.post("/v1/cards/card_nope/stamps", json={}), 404, "card_not_found")
    problem(await tenant.client.post("/v1/cards/ZZZZZZZZ/stamps", json={}), 404, "card_not_found")


async def test_every_stamp_call_writes_one_ledger_row_beside_its_events(
    tenant: Tenant, db: Database
) -> None:
    api = tenant.client
    the_card = await card(api, (await coffee_program(api))["id"])
    await stamp(api, the_card["id"], 2)  # no goal: one event
    await stamp(api, the_card["id"], 3)  # a goal: four events
    async with db.transaction() as session:
        ledger = (
            await session.execute(
                select(Stamp.count, Stamp.location_id).where(
                    Stamp.business_id == tenant.business_id, Stamp.card_id == the_card["id"]
                )
            )
        ).all()
        types = await session.scalars(
            select(Event.type)
            .where(Event.business_id == tenant.business_id, Event.card_id == the_card["id"])
            .order_by(Event.id)
        )
        assert sorted(ledger) == [(2, None), (3, None)]  # an owner key names no location
        assert list(types) == [
            "card_issued",
            "stamp_added",
            "stamp_added",
            "goal_reached",
            "reward_issued",
            "voucher_issued",
        ]


async def test_a_goal_whose_drawn_code_is_taken_draws_again_and_writes_once(
    tenant: Tenant, db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The reward voucher goes in with the stamp's other writes (one statement on PostgreSQL):
    when its code is taken, none of them is made, and the next draw makes each once."""
    api = tenant.client
    prg = (await coffee_program(api))["id"]  # 5: a fixed code; 10: a CAFE-#### code
    first, second = await card(api, prg), await card(api, prg)
    drawn = iter(["CAFE-1111", "CAFE-1111", "CAFE-2222"])
    monkeypatch.setattr(codes, "from_pattern", lambda *_: next(drawn))
    for each in (first, second):
        await stamp(api, each["id"], 9)

    taken = await stamp(api, first["id"])
    stamped = await stamp(api, second["id"])

    assert [v["redeem_code"] for v in taken["vouchers_issued"]] == ["CAFE-1111"]
    assert [v["redeem_code"] for v in stamped["vouchers_issued"]] == ["CAFE-2222"]
    async with db.transaction() as session:
        ledger = await session.scalar(
            select(func.count()).where(
                Stamp.business_id == tenant.business_id, Stamp.card_id == second["id"]
            )
        )
        types = await session.scalars(
            select(Event.type)
            .where(Event.business_id == tenant.business_id, Event.card_id == second["id"])
            .order_by(Event.id)
        )
        held = await session.scalars(
            select(Voucher.redeem_code).where(
                Voucher.business_id == tenant.business_id,
                Voucher.card_id == second["id"],
                Voucher.goal_index == 1,
            )
        )
        assert ledger == 2
        assert list(types) == ["card_issued", *["stamp_added", *GOAL_EVENTS] * 2]
        assert list(held) == ["CAFE-2222"]
    assert stamped["card"]["lifetime_stamps"] == 10
