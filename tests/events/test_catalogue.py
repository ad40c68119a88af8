"""What the core writes matches what the catalogue documents, key for key."""

from typing import Any

from pydantic import BaseModel

from punchcard.events.catalogue import EVENT_TYPES, PAYLOADS, sample
from punchcard.events.payloads import EVENT_ROW_KEYS, event_row
from punchcard.kit.clock import utcnow
from tests.conftest import Tenant
from tests.support.factories import card, coffee_program, lottery, lottery_card, ok, stamp, tickets


def _undocumented(model: type[BaseModel], payload: dict[str, Any], path: str = "") -> list[str]:
    """Keys of the payload that the schema does not name (recursively into nested models)."""
    missing = []
    for key, value in payload.items():
        field = model.model_fields.get(key)
        if field is None:
            missing.append(path + key)
            continue
        nested = [
            t
            for t in getattr(field.annotation, "__args__", (field.annotation,))
            if isinstance(t, type) and issubclass(t, BaseModel)
        ]
        if nested and isinstance(value, dict):
            missing += _undocumented(nested[0], value, f"{path}{key}.")
    return missing


async def test_every_written_event_matches_its_schema(tenant: Tenant) -> None:
    api = tenant.client
    the_card = await card(api, (await coffee_program(api))["id"])
    voucher = (await stamp(api, the_card["id"], 5))["vouchers_issued"][0]
    ok(await api.post(f"/v1/vouchers/{voucher['id']}/redeem"))
    ok(
        await api.post(
            "/v1/vouchers", json={"card_id": the_card["id"], "custom": {"title": "Gift"}}
        ),
        201,
    )
    written = ok(await api.get("/v1/events", params={"limit": 100}))["data"]
    assert {e["event"] for e in written} == {
        "card_issued",
        "stamp_added",
        "goal_reached",
        "reward_issued",
        "voucher_issued",
        "voucher_redeemed",
    }
    for payload in written:
        model = PAYLOADS[payload["event"]]
        model.model_validate(payload)
        assert _undocumented(model, payload) == [], payload["event"]


async def test_lottery_events_match_their_schemas(tenant: Tenant) -> None:
    api = tenant.client
    the_card = await lottery_card(api, (await lottery(api))["id"])
    [ticket] = await tickets(api, the_card["id"])
    ok(await api.post(f"/v1/vouchers/{ticket['id']}/play"))

    written = ok(await api.get("/v1/events", params={"card_id": the_card["id"]}))["data"]

    assert "lottery_played" in {e["event"] for e in written}
    for payload in written:
        model = PAYLOADS[payload["event"]]
        model.model_validate(payload)
        assert _undocumented(model, payload) == [], payload["event"]


def test_every_sample_is_valid_and_fully_documented() -> None:
    for event_type in EVENT_TYPES:
        body = sample(event_type)
        assert body["event"] == event_type
        assert _undocumented(PAYLOADS[event_type], body) == []


def test_event_rows_fill_exactly_the_columns_the_hot_path_binds() -> None:
    row = event_row(
        "stamp_added",
        business_id="biz_1",
        at=utcnow(),
        location_id=None,
        staff_id=None,
        customer=None,
    )
    assert tuple(row) == EVENT_ROW_KEYS
