"""Automations made and changed through the dashboard's forms: the API's body, checked by the
same service, with each refusal shown at its field and nothing saved."""

import re

import httpx

from punchcard.db.engine import Database
from punchcard.staff.actor import Role
from tests.conftest import Tenant, onboarded
from tests.dashboard.conftest import Browsing
from tests.support.dashboard import post_form
from tests.support.factories import ok

NEW = "/dashboard/automations/new"
BLANK = {
    "name": "",
    "kind": "",
    "days": "",
    "days_before": "",
    "hour": "",
    "reminder": "",
    "program_id": "",
    "voucher_template_id": "",
    "voucher_valid_days": "",
    "message_channel": "email",
    "message_template_id": "",
}


async def gift(tenant: Tenant) -> str:
    body = {"title": "Come back coffee", "redeem_code": {"type": "fixed", "value": "BACK"}}
    return str(ok(await tenant.client.post("/v1/voucher-templates", json=body), 201)["id"])


async def automations(tenant: Tenant) -> list[dict[str, object]]:
    return ok(await tenant.client.get("/v1/automations"))["data"]  # type: ignore[no-any-return]


async def test_an_owner_creates_an_inactivity_automation_with_a_voucher(
    tenant: Tenant, browsing: Browsing
) -> None:
    owner = await browsing("olga", Role.OWNER, None)
    template_id = await gift(tenant)
    form = BLANK | {
        "name": "We miss you",
        "kind": "inactivity",
        "days": "30",
        "days_before": "3",  # another kind's field, shown until the script hides it: ignored
        "voucher_template_id": template_id,
        "voucher_valid_days": "14",
        "enabled": "on",
    }
    made = await post_form(owner, NEW, NEW, form)
    assert made.status_code == 303, made.text
    (saved,) = await automations(tenant)
    assert made.headers["location"] == f"/dashboard/automations/{saved['id']}?done=created"
    assert saved["kind"] == "inactivity"
    assert saved["days"] == 30
    assert saved["hour"] == 10  # the kind's default
    assert saved["days_before"] is None
    assert saved["voucher"] == {"template_id": template_id, "valid_days": 14}
    assert saved["message"] is None
    assert saved["enabled"] is True
    page = await owner.get(made.headers["location"])
    assert "The automation is saved." in page.text
    assert 'value="30"' in page.text


async def test_bad_input_is_shown_at_its_field_and_nothing_is_saved(
    tenant: Tenant, browsing: Browsing
) -> None:
    owner = await browsing("olga", Role.OWNER, None)
    no_days = await post_form(owner, NEW, NEW, BLANK | {"name": "Lapsed", "kind": "inactivity"})
    assert no_days.status_code == 422
    assert re.search(r'id="days-error">Please fill this in\.<', no_days.text)
    assert 'value="Lapsed"' in no_days.text  # the form as typed
    unknown = await post_form(
        owner,
        NEW,
        NEW,
        BLANK | {"name": "Hello", "kind": "welcome", "voucher_template_id": "vtp_nosuch"},
    )
    assert unknown.status_code == 422
    assert re.search(r'class="error">No voucher template &#39;vtp_nosuch&#39;', unknown.text)
    assert await automations(tenant) == []


async def test_a_change_keeps_the_kind_and_the_audience_and_clears_what_is_blank(
    tenant: Tenant, browsing: Browsing
) -> None:
    template_id = await gift(tenant)
    body = {
        "name": "Birthday",
        "kind": "birthday",
        "days_before": 2,
        "audience": {"birthday_month": 5},
        "voucher": {"template_id": template_id},
    }
    made = ok(await tenant.client.post("/v1/automations", json=body), 201)
    owner = await browsing("olga", Role.OWNER, None)
    path = f"/dashboard/automations/{made['id']}"
    changed = await post_form(
        owner, path, path, BLANK | {"name": "Happy birthday", "kind": "welcome", "hour": "8"}
    )
    assert changed.status_code == 303, changed.text
    now = ok(await tenant.client.get(f"/v1/automations/{made['id']}"))
    assert (now["name"], now["kind"], now["hour"]) == ("Happy birthday", "birthday", 8)
    assert now["days_before"] == 0  # blank: the default again
    assert now["voucher"] is None
    assert now["audience"] == {"birthday_month": 5}
    bad = await post_form(owner, path, path, BLANK | {"name": "Birthday", "hour": "25"})
    assert bad.status_code == 422
    assert 'id="hour-error"' in bad.text
    assert ok(await tenant.client.get(f"/v1/automations/{made['id']}"))["hour"] == 8


async def test_only_logins_the_api_lets_manage_automations_see_the_form(
    tenant: Tenant, browsing: Browsing
) -> None:
    location = ok(await tenant.client.post("/v1/locations", json={"name": "Harbour"}), 201)
    bound = await browsing("mia", Role.MANAGER, location["id"])
    scanner = await browsing("sam", Role.SCANNER, None)
    assert (await bound.get(NEW)).status_code == 403
    assert (await scanner.get(NEW)).status_code == 403
    assert "New automation" not in (await bound.get("/dashboard/automations")).text


async def test_an_automation_form_posted_without_its_csrf_token_is_refused(
    tenant: Tenant, browsing: Browsing
) -> None:
    owner = await browsing("olga", Role.OWNER, None)
    forged = await owner.post(NEW, data=BLANK | {"name": "Hello", "kind": "welcome"})
    assert forged.status_code == 403
    assert await automations(tenant) == []


async def test_odd_text_huge_numbers_and_another_business_automation_are_refused(
    tenant: Tenant, browsing: Browsing, db: Database, app_transport: httpx.ASGITransport
) -> None:
    owner = await browsing("olga", Role.OWNER, None)
    nul = await post_form(owner, NEW, NEW, BLANK | {"name": "Lap\x00sed", "kind": "welcome"})
    assert nul.status_code == 422
    assert "name" in nul.text
    huge = BLANK | {"name": "Lapsed", "kind": "inactivity", "days": "9" * 40}
    refused = await post_form(owner, NEW, NEW, huge)
    assert refused.status_code == 422
    assert 'id="days-error"' in refused.text
    assert await automations(tenant) == []
    async with onboarded(db, app_transport, "Other café", "Quay") as other:
        theirs = await other.client.post(
            "/v1/automations", json={"name": "Their welcome", "kind": "welcome"}
        )
        foreign = ok(theirs, 201)["id"]
    assert (await owner.get(f"/dashboard/automations/{foreign}")).status_code == 404
