"""Referral events carry what the catalogue documents, key for key."""

import httpx

from punchcard.events.catalogue import PAYLOADS
from tests.events.test_catalogue import _undocumented
from tests.support.factories import ok, stamp
from tests.support.referrals import referee, referral_program, referrer


async def test_referral_events_match_their_schemas(api: httpx.AsyncClient) -> None:
    made = await referral_program(api, limit={"rewards": 1, "per": "day"})
    ada = await referrer(api, made)
    for email in ("ben@example.com", "cleo@example.com"):  # rewarded, then over the limit
        friend = ok(await referee(api, made["program_id"], ada["code"], email), 201)
        await stamp(api, friend["id"])

    written = ok(await api.get("/v1/events", params={"limit": 100}))["data"]

    kinds = [e["event"] for e in written]
    assert (kinds.count("referral_joined"), kinds.count("referral_converted")) == (2, 2)
    for payload in written:
        model = PAYLOADS[payload["event"]]
        model.model_validate(payload)
        assert _undocumented(model, payload) == [], payload["event"]
