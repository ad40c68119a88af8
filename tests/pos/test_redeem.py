import json

from tests.conftest import Tenant
from tests.support.factories import ok, problem, stamp
from tests.support.pos import generic_setup, send_signed, signed_headers


async def test_till_redeems_by_code_through_the_redemption_service(tenant: Tenant) -> None:
    api = tenant.client
    till, the_card = await generic_setup(api, name="Harbour till", location_id=tenant.location_id)
    _, coffee = (await stamp(api, the_card["id"], 10))["vouchers_issued"]
    path = f"/v1/pos/{till['id']}/redeem"
    redeemed = ok(
        await send_signed(api, path, till["signing_secret"], {"code": coffee["redeem_code"]})
    )
    assert (redeemed["id"], redeemed["status"]) == (coffee["id"], "redeemed")
    assert (redeemed["redeemed_via"], redeemed["redeemed_via_detail"]) == ("pos", "Harbour till")
    assert redeemed["redeemed_location_id"] == tenant.location_id
    event = ok(await api.get("/v1/events", params={"type": "voucher_redeemed", "limit": 1}))
    assert event["data"][0]["voucher"]["redeemed_via_detail"] == "Harbour till"
    again = await send_signed(api, path, till["signing_secret"], {"code": coffee["redeem_code"]})
    problem(again, 409, "voucher_already_redeemed")


async def test_shared_code_needs_the_card(tenant: Tenant) -> None:
    api = tenant.client
    till, the_card = await generic_setup(api)
    await stamp(api, the_card["id"], 5)
    path, secret = f"/v1/pos/{till['id']}/redeem", till["signing_secret"]
    problem(
        await send_signed(api, path, secret, {"code": "freecookie"}), 409, "redeem_code_ambiguous"
    )
    body = {"code": "freecookie", "card_id": the_card["id"]}
    assert ok(await send_signed(api, path, secret, body))["redeemed_via"] == "pos"


async def test_unsigned_or_disabled_redemptions_are_refused(tenant: Tenant) -> None:
    api = tenant.client
    till, the_card = await generic_setup(api)
    cookie = (await stamp(api, the_card["id"], 5))["vouchers_issued"][0]
    path = f"/v1/pos/{till['id']}/redeem"
    body = {"code": "FREECOOKIE", "card_id": the_card["id"]}
    problem(await api.post(path, json=body), 401, "pos_signature_invalid")
    # The signature is checked before the body: an unsigned bad body is still a 401.
    problem(await api.post(path, json={"nonsense": 1}), 401, "pos_signature_invalid")
    ok(await api.patch(f"/v1/pos-connectors/{till['id']}", json={"enabled": False}))
    disabled = await send_signed(api, path, till["signing_secret"], body)
    problem(disabled, 403, "pos_connector_disabled")
    assert ok(await api.get(f"/v1/vouchers/{cookie['id']}"))["status"] == "issued"


async def test_a_replayed_signed_redemption_is_refused_after_a_rollback(tenant: Tenant) -> None:
    """An attacker who captured a signed redemption sends it again once staff rolled the
    redemption back: the webhook-id was seen, so nothing is redeemed twice."""
    api = tenant.client
    till, the_card = await generic_setup(api)
    cookie = (await stamp(api, the_card["id"], 5))["vouchers_issued"][0]
    path = f"/v1/pos/{till['id']}/redeem"
    body = json.dumps({"code": "FREECOOKIE", "card_id": the_card["id"]}).encode()
    headers = signed_headers(till["signing_secret"], body)
    ok(await api.post(path, content=body, headers=headers))
    rollback = {"reason": "Scanned the wrong voucher"}
    ok(await api.post(f"/v1/vouchers/{cookie['id']}/redemption/rollback", json=rollback))

    replayed = await api.post(path, content=body, headers=headers)

    problem(replayed, 409, "pos_request_replayed")
    assert ok(await api.get(f"/v1/vouchers/{cookie['id']}"))["status"] == "issued"


async def test_a_failed_signed_redemption_may_be_sent_again(tenant: Tenant) -> None:
    api = tenant.client
    till, the_card = await generic_setup(api)
    path = f"/v1/pos/{till['id']}/redeem"
    body = json.dumps({"code": "FREECOOKIE", "card_id": the_card["id"]}).encode()
    headers = signed_headers(till["signing_secret"], body)
    problem(await api.post(path, content=body, headers=headers), 404, "voucher_not_found")
    await stamp(api, the_card["id"], 5)
    assert ok(await api.post(path, content=body, headers=headers))["status"] == "redeemed"
