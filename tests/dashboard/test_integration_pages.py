"""API & Integrations in the dashboard: API keys (one per login, shown once), webhook
endpoints with their deliveries, the event catalogue, Zapier and Make, POS connectors."""

import re

import httpx

from punchcard.db.engine import Database
from punchcard.staff.actor import Role
from tests.conftest import Tenant
from tests.dashboard.conftest import Browsing
from tests.support.dashboard import post_form, staff_login
from tests.support.factories import ok

KEYS = "/dashboard/integrations"
SHOWN_KEY = re.compile(r'<code id="new-key">(pc_sk_[^<]+)</code>')


async def test_an_owner_generates_a_key_for_a_login_that_has_none_and_it_works(
    tenant: Tenant, db: Database, browsing: Browsing
) -> None:
    owner = await browsing("olga", Role.OWNER, None)
    till = await staff_login(db, tenant.business_id, "till", Role.SCANNER)
    page = await owner.get(KEYS)
    assert page.status_code == 200
    assert f'<option value="{till}">' in page.text

    made = await post_form(owner, KEYS, f"{KEYS}/api-keys", {"staff_id": till})
    assert made.status_code == 201
    assert "it will not be shown again" in made.text
    found = SHOWN_KEY.search(made.text)
    assert found
    client = await tenant.client_for(found.group(1))
    me = ok(await client.get("/v1/me"))
    assert (me["staff_id"], me["role"]) == (till, "scanner")

    again = await owner.get(KEYS)
    assert found.group(1) not in again.text  # masked from now on
    assert f"pc_sk_••••••••{found.group(1)[-4:]}" in again.text
    assert f'<option value="{till}">' not in again.text  # one key per login

    twice = await post_form(owner, KEYS, f"{KEYS}/api-keys", {"staff_id": till})
    assert twice.status_code == 409
    assert "already has an API key" in twice.text


async def test_regenerating_replaces_the_key_and_deleting_removes_it(
    tenant: Tenant, db: Database, browsing: Browsing
) -> None:
    owner = await browsing("olga", Role.OWNER, None)
    till = await staff_login(db, tenant.business_id, "till", Role.SCANNER)
    first = SHOWN_KEY.search(
        (await post_form(owner, KEYS, f"{KEYS}/api-keys", {"staff_id": till})).text
    )
    assert first
    key_id = ok(await tenant.client.get("/v1/api-keys"))["data"][0]["id"]
    regenerated = await post_form(owner, KEYS, f"{KEYS}/api-keys/{key_id}/regenerate", {})
    second = SHOWN_KEY.search(regenerated.text)
    assert second
    assert second.group(1) != first.group(1)
    old = await tenant.client_for(first.group(1))
    assert (await old.get("/v1/me")).status_code == 401
    new = await tenant.client_for(second.group(1))
    assert (await new.get("/v1/me")).status_code == 200

    gone = await post_form(owner, KEYS, f"{KEYS}/api-keys/{key_id}/delete", {})
    assert gone.status_code == 303
    assert (await new.get("/v1/me")).status_code == 401


async def test_no_login_picked_names_the_field_and_makes_nothing(
    tenant: Tenant, browsing: Browsing
) -> None:
    owner = await browsing("olga", Role.OWNER, None)
    keys = "/v1/api-keys"
    before = [key["id"] for key in ok(await tenant.client.get(keys))["data"]]
    refused = await post_form(owner, KEYS, f"{KEYS}/api-keys", {"staff_id": ""})
    assert refused.status_code == 422
    assert "Please choose a staff login." in refused.text
    assert [key["id"] for key in ok(await tenant.client.get(keys))["data"]] == before


async def test_a_manager_bound_to_a_location_sees_only_its_logins(
    tenant: Tenant, db: Database, browsing: Browsing
) -> None:
    other = ok(await tenant.client.post("/v1/locations", json={"name": "Harbour"}), 201)["id"]
    await staff_login(db, tenant.business_id, "far", Role.SCANNER, other)
    near = await staff_login(db, tenant.business_id, "near", Role.SCANNER, tenant.location_id)
    manager = await browsing("mia", Role.MANAGER, tenant.location_id)
    page = await manager.get(KEYS)
    assert f'<option value="{near}">' in page.text
    assert "far" not in page.text


async def test_webhook_endpoint_test_event_delivery_log_and_replay(
    tenant: Tenant, browsing: Browsing
) -> None:
    owner = await browsing("olga", Role.OWNER, None)
    hooks = f"{KEYS}/webhooks"
    bad = await post_form(owner, hooks, hooks, {"url": "not a url"})
    assert bad.status_code == 422
    assert 'id="url-error"' in bad.text
    added = await post_form(
        owner, hooks, hooks, {"url": "https://crm.example.com/hooks", "description": "CRM"}
    )
    assert added.status_code == 303
    endpoint = added.headers["location"].split("?")[0]
    page = await owner.get(endpoint)
    assert "https://crm.example.com/hooks" in page.text
    sent = await post_form(owner, endpoint, f"{endpoint}/test", {"event_type": "stamp_added"})
    assert sent.status_code == 303
    page = await owner.get(endpoint)
    message = re.search(rf'href="({re.escape(endpoint)}/messages/[^"]+)">stamp_added', page.text)
    assert message, page.text
    replayed = await post_form(owner, message.group(1), f"{message.group(1)}/replay", {})
    assert replayed.status_code == 303
    assert "being sent again" in (await owner.get(replayed.headers["location"])).text
    retried = await post_form(owner, endpoint, f"{endpoint}/retry-now", {})
    assert retried.status_code == 303
    off = await post_form(owner, endpoint, f"{endpoint}/switch", {})
    assert "The endpoint is off" in (await owner.get(off.headers["location"])).text


async def test_catalogue_no_code_and_pos_pages_show(tenant: Tenant, browsing: Browsing) -> None:
    owner = await browsing("olga", Role.OWNER, None)
    events = await owner.get(f"{KEYS}/events?lang=de")
    assert "voucher_redeemed" in events.text
    assert "Beispiel" in events.text
    steps = await owner.get(f"{KEYS}/no-code")
    assert "Zapier" in steps.text
    assert "http" in steps.text
    pos = await owner.get(f"{KEYS}/pos")
    assert pos.status_code == 200


async def test_a_scanner_login_cannot_open_the_key_list(
    tenant: Tenant, browsing: Browsing, visitor: httpx.AsyncClient
) -> None:
    till = await browsing("till", Role.SCANNER, None)
    assert (await till.get(KEYS)).status_code == 403
    assert (await visitor.get(KEYS)).status_code == 303
