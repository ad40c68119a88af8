"""Signing in and out, passwords, rate limits and CSRF on the dashboard's forms."""

import httpx
from argon2 import PasswordHasher

from punchcard.dashboard import passwords, service
from punchcard.db.engine import Database
from punchcard.staff.actor import Actor, Role
from tests.conftest import Tenant
from tests.dashboard.conftest import Browsing
from tests.support.dashboard import PASSWORD, csrf_token, post_form, sign_in, staff_login


async def test_an_owner_signs_in_sees_the_overview_and_signs_out(
    tenant: Tenant, db: Database, visitor: httpx.AsyncClient
) -> None:
    await staff_login(db, tenant.business_id, "olga", Role.OWNER)

    answer = await sign_in(visitor, tenant.business_id, "olga")
    assert (answer.status_code, answer.headers["location"]) == (303, "/dashboard")
    cookie = answer.headers["set-cookie"]
    assert "pc_session=" in cookie
    assert "HttpOnly" in cookie
    assert "SameSite=lax" in cookie
    page = await visitor.get("/dashboard")
    assert page.status_code == 200
    assert "Signed in as Olga" in page.text

    out = await post_form(visitor, "/dashboard", "/dashboard/sign-out", {})
    assert out.status_code == 303
    assert (await visitor.get("/dashboard")).headers["location"].startswith("/dashboard/sign-in")


async def test_a_wrong_password_shows_the_form_again_and_signs_nobody_in(
    tenant: Tenant, db: Database, visitor: httpx.AsyncClient
) -> None:
    await staff_login(db, tenant.business_id, "olga", Role.OWNER)
    answer = await sign_in(visitor, tenant.business_id, "olga", "not the password")
    assert answer.status_code == 401
    assert "The login or the password is not right." in answer.text
    assert (await visitor.get("/dashboard")).status_code == 303
    unknown = await sign_in(visitor, tenant.business_id, "nobody", PASSWORD)
    assert unknown.status_code == 401


async def test_failed_passwords_lock_the_login_for_a_while(
    tenant: Tenant, db: Database, visitor: httpx.AsyncClient
) -> None:
    await staff_login(db, tenant.business_id, "olga", Role.OWNER)
    for _ in range(5):
        assert (await sign_in(visitor, tenant.business_id, "olga", "guess")).status_code == 401
    locked = await sign_in(visitor, tenant.business_id, "olga", PASSWORD)
    assert locked.status_code == 429
    assert int(locked.headers["retry-after"]) > 0
    assert "too many attempts" in locked.text


async def test_a_form_without_its_csrf_token_is_refused(
    tenant: Tenant, db: Database, visitor: httpx.AsyncClient
) -> None:
    await staff_login(db, tenant.business_id, "olga", Role.OWNER)
    path = service.sign_in_path(tenant.business_id)
    await visitor.get(path)
    refused = await visitor.post(path, data={"login": "olga", "password": PASSWORD})
    assert refused.status_code == 403
    assert "This form has expired" in refused.text
    assert "pc_session" not in refused.headers.get("set-cookie", "")


async def test_a_form_posted_from_another_site_is_refused(
    tenant: Tenant, db: Database, visitor: httpx.AsyncClient
) -> None:
    await staff_login(db, tenant.business_id, "olga", Role.OWNER)
    path = service.sign_in_path(tenant.business_id)
    token = csrf_token((await visitor.get(path)).text)
    form = {"login": "olga", "password": PASSWORD, "csrf_token": token}
    refused = await visitor.post(path, data=form, headers={"Sec-Fetch-Site": "cross-site"})
    assert refused.status_code == 403


async def test_a_scanner_login_gets_the_scanner_only(browsing: Browsing) -> None:
    scanner = await browsing("till", Role.SCANNER, None)
    page = await scanner.get("/dashboard")
    assert page.status_code == 403
    assert "This login works the scanner only." in page.text
    assert 'href="/scan"' in page.text


async def test_a_scanner_lands_on_the_scanner_after_signing_in(
    tenant: Tenant, db: Database, visitor: httpx.AsyncClient
) -> None:
    await staff_login(db, tenant.business_id, "till", Role.SCANNER)
    answer = await sign_in(visitor, tenant.business_id, "till")
    assert answer.headers["location"] == "/scan"


async def test_a_session_acts_as_the_same_actor_as_the_logins_api_key(
    tenant: Tenant, db: Database
) -> None:
    location = tenant.location_id
    staff_id = await staff_login(db, tenant.business_id, "mia", Role.MANAGER, location)
    async with db.transaction() as session:
        token = await service.sign_in(session, tenant.business_id, "mia", PASSWORD)
        signed = await service.open_session(session, token)
    assert signed is not None
    assert signed.actor == Actor(
        business_id=tenant.business_id,
        role=Role.MANAGER,
        staff_id=staff_id,
        staff_name="Mia",
        location_id=location,
    )


async def test_a_password_link_works_once(
    tenant: Tenant, db: Database, visitor: httpx.AsyncClient
) -> None:
    actor = Actor.system(tenant.business_id)
    async with db.transaction() as session:
        _, path = await service.create_reset_link(session, actor, tenant.staff_id)
    page = await visitor.get(path)
    assert page.status_code == 200
    assert "Hello Owner, choose your password" in page.text
    form = {"new": "a brand new secret", "repeat": "a brand new secret"}
    answer = await visitor.post(path, data={**form, "csrf_token": csrf_token(page.text)})
    assert (answer.status_code, answer.headers["location"]) == (303, "/dashboard")
    assert (await visitor.get("/dashboard")).status_code == 200

    again = await visitor.get(path)
    assert again.status_code == 404
    assert "Link no longer valid" in again.text
    used = await visitor.post(path, data={**form, "csrf_token": csrf_token(page.text)})
    assert used.status_code == 404
    assert (
        await sign_in(visitor, tenant.business_id, "owner", "a brand new secret")
    ).status_code == 303


async def test_changing_the_password_signs_out_other_devices(
    tenant: Tenant, db: Database, browsing: Browsing, visitor: httpx.AsyncClient
) -> None:
    phone = await browsing("olga", Role.OWNER, None)
    assert (await sign_in(visitor, tenant.business_id, "olga")).status_code == 303
    form = {"current": PASSWORD, "new": "another good one", "repeat": "another good one"}
    changed = await post_form(visitor, "/dashboard/password", "/dashboard/password", form)
    assert changed.status_code == 200
    assert "Your password is changed." in changed.text
    assert (await visitor.get("/dashboard")).status_code == 200
    assert (await phone.get("/dashboard")).status_code == 303


async def test_a_short_new_password_is_refused_at_its_field(browsing: Browsing) -> None:
    owner = await browsing("olga", Role.OWNER, None)
    form = {"current": PASSWORD, "new": "short", "repeat": "short"}
    refused = await post_form(owner, "/dashboard/password", "/dashboard/password", form)
    assert refused.status_code == 422
    assert 'id="new-error"' in refused.text


async def test_german_browsers_get_german_pages(tenant: Tenant, visitor: httpx.AsyncClient) -> None:
    path = service.sign_in_path(tenant.business_id)
    page = await visitor.get(path, headers={"Accept-Language": "de-DE,de;q=0.9"})
    assert "Bei Test Café anmelden" in page.text


def test_an_unknown_login_is_checked_against_a_hash_as_costly_as_a_password() -> None:
    # The decoy is a literal (hashing it at import kept 64 MiB in every server's peak RSS):
    # made with the parameters the hasher uses today, so checking it takes as long.
    assert not PasswordHasher().check_needs_rehash(passwords.DECOY)
