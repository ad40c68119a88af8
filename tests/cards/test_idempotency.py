from tests.conftest import Tenant
from tests.support.factories import card, coffee_program, ok, problem


async def test_retried_stamp_returns_first_response_and_stamps_once(tenant: Tenant) -> None:
    api = tenant.client
    the_card = await card(api, (await coffee_program(api))["id"])
    url = f"/v1/cards/{the_card['id']}/stamps"
    headers = {"Idempotency-Key": "till-7-receipt-1001"}
    first = await api.post(url, json={"count": 5}, headers=headers)
    retry = await api.post(url, json={"count": 5}, headers=headers)
    assert ok(first, 201) == ok(retry, 201)
    assert "idempotent-replayed" not in first.headers
    assert retry.headers["idempotent-replayed"] == "true"
    assert ok(await api.get(f"/v1/cards/{the_card['id']}"))["lifetime_stamps"] == 5
    assert len(ok(await api.get("/v1/vouchers", params={"card_id": the_card["id"]}))["data"]) == 1


async def test_same_key_with_another_body_is_refused(tenant: Tenant) -> None:
    api = tenant.client
    the_card = await card(api, (await coffee_program(api))["id"])
    url = f"/v1/cards/{the_card['id']}/stamps"
    headers = {"Idempotency-Key": "k-1"}
    ok(await api.post(url, json={"count": 1}, headers=headers), 201)
    problem(await api.post(url, json={"count": 2}, headers=headers), 422, "idempotency_key_reused")


async def test_keys_are_scoped_to_the_business(tenant: Tenant, app_transport, db) -> None:  # type: ignore[no-untyped-def]
    from punchcard.businesses.onboarding import onboard

    async with db.transaction() as session:
        other = await onboard(session, name="Other", location=None)
    api = tenant.client
    headers = {"Idempotency-Key": "shared-key"}
    mine = await card(api, (await coffee_program(api))["id"])
    ok(await api.post(f"/v1/cards/{mine['id']}/stamps", json={}, headers=headers), 201)
    async with await tenant.client_for(other.api_key) as theirs:
        their_card = await card(theirs, (await coffee_program(theirs))["id"])
        response = await theirs.post(
            f"/v1/cards/{their_card['id']}/stamps", json={}, headers=headers
        )
        assert ok(response, 201)["card"]["id"] == their_card["id"]


async def test_failed_request_does_not_burn_the_key(tenant: Tenant) -> None:
    api = tenant.client
    headers = {"Idempotency-Key": "retry-after-404"}
    problem(
        await api.post("/v1/cards/card_missing/stamps", json={}, headers=headers),
        404,
        "card_not_found",
    )
    the_card = await card(api, (await coffee_program(api))["id"])
    ok(await api.post(f"/v1/cards/{the_card['id']}/stamps", json={}, headers=headers), 201)
