"""Settings: the business's details, the Apple signing identity with its expiry, Google Wallet's
status and the public address; owners only."""

import re
from pathlib import Path

from punchcard.staff.actor import Role
from tests.conftest import Tenant
from tests.dashboard.conftest import Browsing
from tests.support.dashboard import post_form
from tests.support.factories import ok
from tests.support.pass_certs import PASS_TYPE_IDENTIFIER, make_chain


async def test_an_owner_renames_the_business_and_sets_its_time_zone(
    tenant: Tenant, browsing: Browsing
) -> None:
    owner = await browsing("olga", Role.OWNER, None)
    path = "/dashboard/settings"
    bad = await post_form(owner, path, path, {"name": "Café Nord", "timezone": "Nowhere/Land"})
    assert bad.status_code == 422
    assert 'id="timezone-error"' in bad.text
    saved = await post_form(owner, path, path, {"name": "Café Nord", "timezone": "Europe/Berlin"})
    assert saved.status_code == 303
    business = ok(await tenant.client.get("/v1/business"))
    assert (business["name"], business["timezone"]) == ("Café Nord", "Europe/Berlin")
    page = await owner.get(path)
    assert "Off. The server&#39;s operator turns it on" in page.text
    assert "http://127.0.0.1:8000" in page.text


async def test_an_uploaded_signing_identity_shows_its_expiry_and_warns_a_month_ahead(
    browsing: Browsing, tmp_path: Path
) -> None:
    owner = await browsing("olga", Role.OWNER, None)
    chain = make_chain(tmp_path, valid_days=20)
    page = await owner.get("/dashboard/settings")
    token = re.findall(
        r'action="/dashboard/settings/apple" enctype="multipart/form-data">\s*'
        r'<input type="hidden" name="csrf_token" value="([^"]+)"',
        page.text,
    )[0]
    files = {
        "certificate": ("pass.pem", chain.certificate_pem.encode()),
        "key": ("pass.key", chain.key_pem.encode()),
        "wwdr_certificate": ("wwdr.pem", chain.root_pem.encode()),
    }
    uploaded = await owner.post(
        "/dashboard/settings/apple", data={"csrf_token": token}, files=files
    )
    assert uploaded.status_code == 303, uploaded.text
    shown = (await owner.get("/dashboard/settings")).text
    assert PASS_TYPE_IDENTIFIER in shown
    assert "The certificate expires on" in shown


async def test_a_key_that_is_not_the_certificates_is_refused_at_its_field(
    browsing: Browsing, tmp_path: Path
) -> None:
    owner = await browsing("olga", Role.OWNER, None)
    one, other = make_chain(tmp_path / "a"), make_chain(tmp_path / "b")
    page = await owner.get("/dashboard/settings")
    token = re.findall(r'name="csrf_token" value="([^"]+)"', page.text)[-1]
    files = {
        "certificate": ("pass.pem", one.certificate_pem.encode()),
        "key": ("pass.key", other.key_pem.encode()),
        "wwdr_certificate": ("wwdr.pem", one.root_pem.encode()),
    }
    refused = await owner.post("/dashboard/settings/apple", data={"csrf_token": token}, files=files)
    assert refused.status_code == 422
    assert 'id="key-error"' in refused.text


async def test_a_manager_cannot_open_the_settings(browsing: Browsing) -> None:
    manager = await browsing("mia", Role.MANAGER, None)
    page = await manager.get("/dashboard/settings")
    assert page.status_code == 403
    assert 'href="/dashboard/settings"' not in (await manager.get("/dashboard")).text
