"""Team and locations pages: the staff service's rules, seen through the dashboard."""

import re

import httpx

from punchcard.db.engine import Database
from punchcard.staff.actor import Role
from tests.conftest import Tenant
from tests.dashboard.conftest import Browsing
from tests.support.dashboard import post_form
from tests.support.factories import ok
from tests.support.smtp_server import smtp_server


async def second_location(tenant: Tenant, name: str = "Harbour") -> str:
    made = ok(await tenant.client.post("/v1/locations", json={"name": name}), 201)
    return str(made["id"])


async def test_an_owner_adds_a_scanner_and_makes_its_password_link(
    tenant: Tenant, browsing: Browsing
) -> None:
    owner = await browsing("olga", Role.OWNER, None)
    form = {"name": "Till One", "login": "till1", "role": "scanner", "location_id": ""}
    added = await post_form(owner, "/dashboard/staff", "/dashboard/staff", form)
    assert added.status_code == 303
    member = added.headers["location"].split("?")[0]

    page = await post_form(owner, member, f"{member}/password-link", {})
    assert page.status_code == 200
    link = re.search(r'data-testid="password-link">([^<]+)<', page.text)
    assert link is not None
    assert "/password/" in link.group(1)
    assert "We also emailed it" not in page.text  # "till1" is no email address

    team = await owner.get("/dashboard/staff")
    assert "Till One" in team.text
    assert "Scanner (till)" in team.text


async def test_a_taken_login_is_said_at_its_field(browsing: Browsing) -> None:
    owner = await browsing("olga", Role.OWNER, None)
    form = {"name": "Twin", "login": "olga", "role": "scanner", "location_id": ""}
    refused = await post_form(owner, "/dashboard/staff", "/dashboard/staff", form)
    assert refused.status_code == 422
    assert 'id="login-error"' in refused.text


async def test_the_password_link_goes_by_email_when_the_business_has_email(
    tenant: Tenant, browsing: Browsing
) -> None:
    owner = await browsing("olga", Role.OWNER, None)
    with smtp_server() as mail:
        settings = {
            "host": mail.host,
            "port": mail.port,
            "security": "none",
            "from_email": "hello@cafe.example",
        }
        ok(await tenant.client.put("/v1/channels/email", json=settings))
        form = {"name": "Anna", "login": "anna@example.com", "role": "manager", "location_id": ""}
        added = await post_form(owner, "/dashboard/staff", "/dashboard/staff", form)
        member = added.headers["location"].split("?")[0]
        page = await post_form(owner, member, f"{member}/password-link", {})

    assert "We also emailed it to anna@example.com." in page.text
    [received] = mail.mailbox.received
    assert received.rcpt_tos == ["anna@example.com"]
    link = re.search(r'data-testid="password-link">([^<]+)<', page.text)
    assert link is not None
    assert link.group(1) in received.message.get_body(("plain",)).get_content()


async def test_a_manager_sees_and_changes_only_the_team_of_their_location(
    tenant: Tenant, db: Database, browsing: Browsing
) -> None:
    harbour = await second_location(tenant)
    other = ok(
        await tenant.client.post(
            "/v1/staff",
            json={"name": "Hal", "login": "hal", "role": "scanner", "location_id": harbour},
        ),
        201,
    )
    manager = await browsing("mia", Role.MANAGER, tenant.location_id)

    team = await manager.get("/dashboard/staff")
    assert "Mia" in team.text
    assert "Hal" not in team.text
    assert "Harbour" not in team.text
    refused = await manager.get(f"/dashboard/staff/{other['id']}")
    assert refused.status_code == 403
    assert (await manager.get(f"/dashboard/locations/{harbour}")).status_code == 403
    places = await manager.get("/dashboard/locations")
    assert "Harbour" not in places.text


async def test_an_owner_adds_and_renames_a_location(browsing: Browsing) -> None:
    owner = await browsing("olga", Role.OWNER, None)
    form = {"name": "Station", "address": "", "timezone": "Europe/Berlin"}
    added = await post_form(owner, "/dashboard/locations", "/dashboard/locations", form)
    assert added.status_code == 303
    listed = await owner.get("/dashboard/locations")
    location_id = re.findall(r'href="/dashboard/locations/(loc_[^"]+)"', listed.text)[-1]
    path = f"/dashboard/locations/{location_id}"
    bad = await post_form(owner, path, path, {"name": "Station", "timezone": "Mars/Base"})
    assert bad.status_code == 422
    renamed = await post_form(owner, path, path, {"name": "Main Station", "timezone": ""})
    assert renamed.status_code == 303
    assert "Main Station" in (await owner.get("/dashboard/locations")).text


async def test_an_owner_deactivates_a_login_which_is_then_signed_out(
    tenant: Tenant, browsing: Browsing, visitor: httpx.AsyncClient
) -> None:
    owner = await browsing("olga", Role.OWNER, None)
    till = await browsing("till", Role.SCANNER, None)
    team = await owner.get("/dashboard/staff")
    till_id = re.findall(r'href="/dashboard/staff/(stf_[^"]+)"', team.text)[-1]
    path = f"/dashboard/staff/{till_id}"
    form = {"name": "Till", "role": "scanner", "location_id": ""}  # "active" unchecked
    assert (await post_form(owner, path, path, form)).status_code == 303
    assert "Inactive" in (await owner.get("/dashboard/staff")).text
    assert (await till.get("/dashboard/password")).status_code == 303
