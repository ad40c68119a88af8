"""Every request has an id: the client's X-Request-Id when acceptable, else one made here. It
comes back as a header, is stamped on the events the request writes, and its access log line
names it with who made the request."""

import json
import logging

import httpx
import pytest

from punchcard.app import create_app
from punchcard.config import Settings
from punchcard.observability.logs import JsonFormatter
from tests.conftest import Tenant
from tests.support.factories import card, coffee_program, ok, stamp


async def test_a_request_without_an_id_gets_a_new_one_back(tenant: Tenant) -> None:
    first = await tenant.client.get("/v1/programs")
    second = await tenant.client.get("/v1/programs")
    assert first.headers["x-request-id"].startswith("req_")
    assert first.headers["x-request-id"] != second.headers["x-request-id"]


async def test_an_acceptable_request_id_comes_back_as_sent(tenant: Tenant) -> None:
    sent = "till-7:2026-05-11.0042_a1B2"
    answer = await tenant.client.get("/v1/programs", headers={"X-Request-Id": sent})
    assert answer.headers["x-request-id"] == sent


@pytest.mark.parametrize(
    "sent", [b"a" * 101, b"two words", b'quote"d', b"semi;colon", b"-dash", "ünï".encode()]
)
async def test_an_unacceptable_request_id_is_replaced(tenant: Tenant, sent: bytes) -> None:
    answer = await tenant.client.get("/v1/programs", headers={"X-Request-Id": sent})
    assert answer.status_code == 200
    assert answer.headers["x-request-id"].startswith("req_")


async def test_errors_carry_the_request_id_too(tenant: Tenant) -> None:
    answer = await tenant.client.get("/v1/cards/card_nope", headers={"X-Request-Id": "r-404"})
    assert (answer.status_code, answer.headers["x-request-id"]) == (404, "r-404")


async def test_events_carry_the_id_of_the_request_that_wrote_them(tenant: Tenant) -> None:
    api = tenant.client
    issued = await card(api, (await coffee_program(api))["id"])
    stamped = await api.post(
        f"/v1/cards/{issued['id']}/stamps", json={"count": 5}, headers={"X-Request-Id": "pos-17"}
    )
    ok(stamped, 201)
    events = ok(await api.get("/v1/events", params={"card_id": issued["id"]}))["data"]
    written = {event["event"]: event["request_id"] for event in events}
    assert written.pop("card_issued").startswith("req_")  # the card's own request
    assert written == dict.fromkeys(
        ("stamp_added", "goal_reached", "reward_issued", "voucher_issued"), "pos-17"
    )


async def test_the_access_log_line_names_the_request_and_who_made_it(
    tenant: Tenant, database_url: str, caplog: pytest.LogCaptureFixture
) -> None:
    issued = await card(tenant.client, (await coffee_program(tenant.client))["id"])
    app = create_app(Settings(database_url=database_url, run_worker=False, access_log=True))
    headers = {"Authorization": f"Bearer {tenant.api_key}", "X-Request-Id": "stamp-1"}
    with caplog.at_level(logging.INFO, logger="punchcard.access"):
        async with (
            app.router.lifespan_context(app),
            httpx.AsyncClient(
                transport=httpx.ASGITransport(app=app),
                base_url="http://127.0.0.1:8000",
                headers=headers,
            ) as client,
        ):
            await stamp(client, issued["id"])
    [record] = [r for r in caplog.records if r.name == "punchcard.access"]
    line = json.loads(JsonFormatter().format(record))
    assert line == line | {
        "level": "info",
        "logger": "punchcard.access",
        "method": "POST",
        "route": "/v1/cards/{card_ref}/stamps",
        "path": f"/v1/cards/{issued['id']}/stamps",
        "status": 201,
        "client": "127.0.0.1:123",
        "request_id": "stamp-1",
        "business_id": tenant.business_id,
        "staff_id": tenant.staff_id,
    }
    assert line["api_key_id"].startswith("key_")
    assert line["duration_ms"] > 0
    assert line["time"].endswith("Z")
    assert "request_id=stamp-1" in record.getMessage()
