"""Tills connected, changed and disconnected through the dashboard's forms: the API's body and
service, the signing secret shown once (and working), errors at their fields, nothing half
saved, keys never sent back to the page."""

import re

import httpx

from punchcard.db.engine import Database
from punchcard.staff.actor import Role
from tests.conftest import Tenant, onboarded
from tests.dashboard.conftest import Browsing
from tests.support.dashboard import post_form
from tests.support.factories import card, coffee_program, ok
from tests.support.pos import receipt, send_signed

TILLS = "/dashboard/integrations/pos"
NEW = f"{TILLS}/new"
SECRET = re.compile(r'<code id="new-secret">(pos_whsec_[^<]+)</code>')


def till_form(**fields: str) -> dict[str, str]:
    return {"type": "generic", "name": "Harbour till", "stamp_rule.per": "receipt"} | fields


async def connectors(tenant: Tenant) -> list[dict[str, object]]:
    return ok(await tenant.client.get("/v1/pos-connectors"))["data"]  # type: ignore[no-any-return]


async def test_a_generic_till_connected_in_the_form_stamps_with_the_secret_shown_once(
    tenant: Tenant, browsing: Browsing
) -> None:
    owner = await browsing("olga", Role.OWNER, None)
    program = await coffee_program(tenant.client)
    form = till_form(
        program_id=program["id"],
        currency="eur",
        enabled="on",
        **{"stamp_rule.per": "amount", "stamp_rule.amount": "500", "stamp_rule.minimum": "300"},
        **{"stamp_rule.stamps": "3"},  # the other rule's field, hidden by the script: ignored
    )
    made = await post_form(owner, NEW, NEW, form)
    assert made.status_code == 201, made.text
    secret = SECRET.search(made.text)
    assert secret, "the signing secret is shown"
    assert "it will not be shown again" in made.text
    (till,) = await connectors(tenant)
    rule = {"per": "amount", "amount": 500, "minimum": 300, "max_stamps": None}
    assert till["stamp_rule"] == rule
    assert till["currency"] == "EUR"
    assert till["location_id"] is None
    assert secret.group(1) not in (await owner.get(f"{TILLS}/{till['id']}")).text
    member = await card(tenant.client, program["id"])
    sold = await send_signed(
        tenant.client,
        f"/v1/pos/{till['id']}/webhook",
        secret.group(1),
        receipt("R-1", 1250, customer_id=member["customer_id"]),
    )
    assert ok(sold)["sale"]["outcome"] == "stamped"
    assert ok(sold)["sale"]["stamps"] == 2


async def test_bad_input_is_shown_at_its_field_and_keys_are_not_sent_back(
    tenant: Tenant, browsing: Browsing
) -> None:
    owner = await browsing("olga", Role.OWNER, None)
    program = await coffee_program(tenant.client)
    refused = await post_form(
        owner,
        NEW,
        NEW,
        till_form(
            type="poster",
            program_id=program["id"],
            currency="euro",
            **{"poster.application_secret": "s3cret-app", "poster.access_token": ""},
        ),
    )
    assert refused.status_code == 422
    assert 'id="currency-error"' in refused.text
    assert 'id="poster.access_token-error">Please fill this in.<' in refused.text
    assert "s3cret-app" not in refused.text
    no_program = await post_form(owner, NEW, NEW, till_form())
    assert no_program.status_code == 422
    assert 'id="program_id-error">Please fill this in.<' in no_program.text
    assert await connectors(tenant) == []


async def test_a_till_is_changed_given_a_new_secret_and_disconnected(
    tenant: Tenant, browsing: Browsing
) -> None:
    program = await coffee_program(tenant.client)
    body = {
        "type": "poster",
        "name": "Poster Harbour",
        "program_id": program["id"],
        "location_id": tenant.location_id,
        "currency": "EUR",
        "poster": {"application_secret": "app", "access_token": "token"},
    }
    till = ok(await tenant.client.post("/v1/pos-connectors", json=body), 201)
    owner = await browsing("olga", Role.OWNER, None)
    path = f"{TILLS}/{till['id']}"
    page = await owner.get(path)
    assert 'value="Poster Harbour"' in page.text
    assert 'name="syrve.api_login"' not in page.text  # a Poster till's own keys only
    form = till_form(
        name="Poster Pier",
        program_id=program["id"],
        **{"stamp_rule.stamps": "2", "poster.base_url": "https://poster.example.com/api/"},
    )
    changed = await post_form(owner, path, path, form)
    assert changed.status_code == 303, changed.text
    now = ok(await tenant.client.get(f"/v1/pos-connectors/{till['id']}"))
    assert (now["name"], now["location_id"], now["currency"]) == ("Poster Pier", None, None)
    assert now["enabled"] is False  # unticked
    assert now["stamp_rule"]["stamps"] == 2
    assert now["poster"] == {
        "base_url": "https://poster.example.com/api",
        "credentials_set": True,  # blank keys kept
    }
    rotated = await post_form(owner, path, f"{path}/rotate-secret", {})
    assert SECRET.search(rotated.text)
    assert "The previous secret works until" in rotated.text
    gone = await post_form(owner, path, f"{path}/delete", {})
    assert gone.headers["location"] == f"{TILLS}?done=deleted"
    assert await connectors(tenant) == []


async def test_a_scanner_login_cannot_open_the_till_forms(
    tenant: Tenant, browsing: Browsing
) -> None:
    scanner = await browsing("sam", Role.SCANNER, None)
    assert (await scanner.get(NEW)).status_code == 403


async def test_a_till_form_posted_without_its_csrf_token_is_refused(
    tenant: Tenant, browsing: Browsing
) -> None:
    owner = await browsing("olga", Role.OWNER, None)
    program = await coffee_program(tenant.client)
    forged = await owner.post(NEW, data=till_form(program_id=program["id"]))
    assert forged.status_code == 403
    assert await connectors(tenant) == []


async def test_odd_text_huge_numbers_and_another_business_till_are_refused(
    tenant: Tenant, browsing: Browsing, db: Database, app_transport: httpx.ASGITransport
) -> None:
    owner = await browsing("olga", Role.OWNER, None)
    program = await coffee_program(tenant.client)
    nul = await post_form(owner, NEW, NEW, till_form(program_id=program["id"], name="Till\x00"))
    assert nul.status_code == 422
    assert "name" in nul.text
    amount = {"stamp_rule.per": "amount", "stamp_rule.amount": "9" * 40}
    huge = await post_form(owner, NEW, NEW, till_form(program_id=program["id"], **amount))
    assert huge.status_code == 422
    assert await connectors(tenant) == []
    async with onboarded(db, app_transport, "Other café", "Quay") as other:
        their_program = await coffee_program(other.client)
        rule = {"per": "receipt"}
        body = {"type": "generic", "name": "Theirs", "program_id": their_program["id"]}
        theirs = await other.client.post("/v1/pos-connectors", json=body | {"stamp_rule": rule})
        foreign = ok(theirs, 201)["id"]
    assert (await owner.get(f"{TILLS}/{foreign}")).status_code == 404
