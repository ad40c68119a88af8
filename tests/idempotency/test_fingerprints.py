"""A retry is the same request when its JSON is the same value, however it is spelled."""

from tests.conftest import Tenant
from tests.support.factories import card, coffee_program, ok, problem

JSON = {"Content-Type": "application/json"}


async def test_same_object_with_keys_reordered_and_other_spacing_is_a_retry(
    tenant: Tenant,
) -> None:
    api = tenant.client
    the_card = await card(api, (await coffee_program(api))["id"])
    url = f"/v1/cards/{the_card['id']}/stamps"
    headers = {**JSON, "Idempotency-Key": "receipt-reordered"}
    first = await api.post(url, content=b'{"count":2,"note":"2 lattes"}', headers=headers)
    retry = await api.post(
        url, content=b'{\n  "note" : "2 lattes",\t"count": 2\n}\n', headers=headers
    )
    assert ok(first, 201) == ok(retry, 201)
    assert retry.headers["idempotent-replayed"] == "true"
    assert ok(await api.get(f"/v1/cards/{the_card['id']}"))["lifetime_stamps"] == 2


async def test_nested_objects_compare_by_value(tenant: Tenant) -> None:
    api = tenant.client
    program = (await coffee_program(api))["id"]
    headers = {**JSON, "Idempotency-Key": "issue-nested"}
    first = await api.post(
        "/v1/cards",
        content=b'{"program_id": "%s", "customer": {"email": "a@example.com", "name": "Ada"}}'
        % program.encode(),
        headers=headers,
    )
    retry = await api.post(
        "/v1/cards",
        content=b'{"customer":{"name":"Ada","email":"a@example.com"},"program_id":"%s"}'
        % program.encode(),
        headers=headers,
    )
    assert ok(first, 201) == ok(retry, 201)
    assert retry.headers["idempotent-replayed"] == "true"


async def test_a_different_value_in_the_same_shape_is_still_refused(tenant: Tenant) -> None:
    api = tenant.client
    the_card = await card(api, (await coffee_program(api))["id"])
    url = f"/v1/cards/{the_card['id']}/stamps"
    headers = {**JSON, "Idempotency-Key": "receipt-changed"}
    ok(await api.post(url, content=b'{"count": 1, "note": "latte"}', headers=headers), 201)
    for changed in (b'{"note": "latte", "count": 2}', b'{"note": "Latte", "count": 1}'):
        problem(
            await api.post(url, content=changed, headers=headers), 422, "idempotency_key_reused"
        )
    assert ok(await api.get(f"/v1/cards/{the_card['id']}"))["lifetime_stamps"] == 1
