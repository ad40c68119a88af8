"""Settings: the business's details and logo, the Apple signing identity with its expiry,
Google Wallet's status and the public address; owners only."""

import base64
import re
from pathlib import Path

import httpx

from punchcard.db.engine import Database
from punchcard.kit.csrf import Csrf
from punchcard.staff.actor import Role
from tests.conftest import Tenant
from tests.dashboard.conftest import Browsing
from tests.support.dashboard import post_form, sign_in, staff_login
from tests.support.factories import ok
from tests.support.images import png_bytes
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


async def upload_logo(client: httpx.AsyncClient, logo: bytes | None) -> httpx.Response:
    """Post the settings page's logo form (no file chosen if None)."""
    files = {"logo_png": ("logo.png", logo, "image/png")} if logo is not None else None
    return await post_form(client, "/dashboard/settings", "/dashboard/settings/logo", {}, files)


async def test_an_owner_uploads_the_logo_sees_it_and_removes_it(
    tenant: Tenant, browsing: Browsing
) -> None:
    owner = await browsing("olga", Role.OWNER, None)
    logo = png_bytes((300, 90))
    assert 'id="business-logo"' not in (await owner.get("/dashboard/settings")).text
    uploaded = await upload_logo(owner, logo)
    assert uploaded.status_code == 303, uploaded.text
    page = (await owner.get("/dashboard/settings?done=logo")).text
    assert "The logo is saved." in page
    thumbnail = re.findall(r'<img class="logo-thumb" id="business-logo" src="([^"]+)"', page)
    assert thumbnail == ["data:image/png;base64," + base64.b64encode(logo).decode()]
    assert (
        ok(await tenant.client.get("/v1/business"))["logo_png"] == base64.b64encode(logo).decode()
    )
    path = "/dashboard/settings"
    removed = await post_form(owner, path, "/dashboard/settings/logo/remove", {})
    assert removed.status_code == 303
    assert 'id="business-logo"' not in (await owner.get(path)).text
    assert ok(await tenant.client.get("/v1/business"))["logo_png"] is None


async def test_a_file_that_is_not_a_small_png_is_refused_at_its_field(
    tenant: Tenant, browsing: Browsing
) -> None:
    owner = await browsing("olga", Role.OWNER, None)
    for bad in (png_bytes((40, 40), kind="JPEG"), png_bytes((2000, 40)), b"\x00" * 300_000):
        refused = await upload_logo(owner, bad)
        assert refused.status_code == 422
        assert 'id="logo_png-error"' in refused.text
    nothing = await upload_logo(owner, None)
    assert nothing.status_code == 422
    assert "Please choose the file." in nothing.text
    assert ok(await tenant.client.get("/v1/business"))["logo_png"] is None


async def test_the_logo_form_without_its_csrf_token_is_refused(
    tenant: Tenant, browsing: Browsing
) -> None:
    owner = await browsing("olga", Role.OWNER, None)
    files = {"logo_png": ("logo.png", png_bytes((30, 30)), "image/png")}
    refused = await owner.post("/dashboard/settings/logo", files=files)
    assert refused.status_code == 403
    removing = await owner.post("/dashboard/settings/logo/remove", data={})
    assert removing.status_code == 403
    assert ok(await tenant.client.get("/v1/business"))["logo_png"] is None


async def test_a_manager_cannot_change_the_logo(tenant: Tenant, browsing: Browsing) -> None:
    manager = await browsing("mia", Role.MANAGER, None)
    # A token the manager's browser could hold for the form (the page itself is refused).
    app = tenant.client._transport.app  # type: ignore[attr-defined]
    csrf = Csrf(app.state.settings.public_url)
    key = manager.cookies[csrf.cookie]
    for action in ("/dashboard/settings/logo", "/dashboard/settings/logo/remove"):
        files = {"logo_png": ("logo.png", png_bytes((30, 30)), "image/png")}
        data = {"csrf_token": csrf.token(key, action)}
        refused = await manager.post(action, data=data, files=files)
        assert refused.status_code == 403
        assert "may not do this (needs &#39;business:manage&#39;)" in refused.text
    assert ok(await tenant.client.get("/v1/business"))["logo_png"] is None


async def test_another_business_neither_sees_nor_changes_the_logo(
    tenant: Tenant, stranger: Tenant, browsing: Browsing, db: Database
) -> None:
    owner = await browsing("olga", Role.OWNER, None)
    logo = png_bytes((300, 90))
    assert (await upload_logo(owner, logo)).status_code == 303
    await staff_login(db, stranger.business_id, "otto", Role.OWNER, None)
    app = tenant.client._transport.app  # type: ignore[attr-defined]
    transport = httpx.ASGITransport(app=app, client=("10.9.0.1", 1))
    async with httpx.AsyncClient(transport=transport, base_url="http://punchcard.test") as other:
        assert (await sign_in(other, stranger.business_id, "otto")).status_code == 303
        assert 'id="business-logo"' not in (await other.get("/dashboard/settings")).text
        assert (await upload_logo(other, png_bytes((20, 20)))).status_code == 303
        removed = await post_form(
            other, "/dashboard/settings", "/dashboard/settings/logo/remove", {}
        )
        assert removed.status_code == 303
    assert (
        ok(await tenant.client.get("/v1/business"))["logo_png"] == base64.b64encode(logo).decode()
    )
    assert ok(await stranger.client.get("/v1/business"))["logo_png"] is None
