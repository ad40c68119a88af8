"""DELETE /v1/customers/{id}: personal data goes (GDPR), anonymous ledger totals stay."""

from sqlalchemy import select

from punchcard.db.engine import Database
from punchcard.events.catalogue import PAYLOADS
from punchcard.imports.models import ImportRow
from punchcard.imports.tasks import ImportRunner
from tests.conftest import Tenant
from tests.support.factories import card, coffee_program, ok, problem, staff_key, stamp
from tests.support.imports import imported, report


async def test_erasure_keeps_the_ledger_and_forgets_the_person(tenant: Tenant) -> None:
    api = tenant.client
    program = await coffee_program(api)
    profile = {
        "source_id": "crm-9",
        "email": "eve@example.com",
        "phone": "+4915112345678",
        "name": "Eve",
        "birthday": "1990-05-17",
        "marketing_consent": True,
        "metadata": {"tier": "gold"},
    }
    customer = ok(await api.post("/v1/customers", json=profile), 201)
    ok(await api.post("/v1/customers", json={"source_id": "crm-9", "name": "Eve B."}))
    the_card = await card(api, program["id"], "eve@example.com")
    voucher = (await stamp(api, the_card["id"], 5))["vouchers_issued"][0]
    ok(await api.post(f"/v1/vouchers/{voucher['id']}/redeem"))

    assert (await api.delete(f"/v1/customers/{customer['id']}")).status_code == 204

    problem(await api.get(f"/v1/customers/{customer['id']}"), 404, "customer_not_found")
    assert ok(await api.get("/v1/customers", params={"source_id": "crm-9"}))["data"] == []
    kept = ok(await api.get(f"/v1/cards/{the_card['id']}"))
    assert (kept["lifetime_stamps"], kept["vouchers"][0]["status"]) == (5, "redeemed")
    history = ok(await api.get("/v1/events", params={"customer_id": customer["id"], "limit": 100}))
    text = str(history["data"])
    for personal in ("crm-9", "eve@example.com", "+4915112345678", "Eve", "1990-05-17", "gold"):
        if personal == "crm-9":  # only the deletion event names the CRM id, for the CRM
            assert text.count(personal) == 1
        else:
            assert personal not in text
    deleted = history["data"][0]
    PAYLOADS["customer_deleted"].model_validate(deleted)
    assert (deleted["event"], deleted["customer"]["source_id"]) == ("customer_deleted", "crm-9")


async def test_an_erased_identity_can_join_again_as_someone_new(tenant: Tenant) -> None:
    api = tenant.client
    first = ok(await api.post("/v1/customers", json={"email": "re@example.com"}), 201)
    assert (await api.delete(f"/v1/customers/{first['id']}")).status_code == 204
    again = ok(await api.post("/v1/customers", json={"email": "re@example.com"}), 201)
    assert again["id"] != first["id"]
    problem(await api.delete(f"/v1/customers/{first['id']}"), 404, "customer_not_found")


async def test_scanners_may_not_erase(tenant: Tenant) -> None:
    customer = ok(await tenant.client.post("/v1/customers", json={"email": "s@example.com"}), 201)
    _, key = await staff_key(tenant.client, "scanner")
    scanner = await tenant.client_for(key)
    problem(await scanner.delete(f"/v1/customers/{customer['id']}"), 403, "insufficient_role")


async def test_erasure_reaches_the_import_lines_that_named_them(
    tenant: Tenant, runner: ImportRunner, db: Database
) -> None:
    text = "source_id,email,birthday\ncrm-i,ima@example.com,\ncrm-j,IMA@example.com,1990-01-01\n"
    job = await imported(tenant.client, runner, text)
    (applied, repeated) = await report(tenant.client, job["id"])
    assert repeated["errors"][0]["code"] == "duplicate_in_file"
    assert (await tenant.client.delete(f"/v1/customers/{applied['id']}")).status_code == 204
    async with db.transaction() as session:
        staged = (
            await session.execute(select(ImportRow.data).where(ImportRow.import_id == job["id"]))
        ).scalars()
        assert list(staged) == [{}, {}]
    assert "ima@" not in str(await report(tenant.client, job["id"]))
