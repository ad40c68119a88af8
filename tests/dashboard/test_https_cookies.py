"""Served over https, the session cookie is Secure and ``__Host-`` prefixed."""

import httpx

from punchcard.app import create_app
from punchcard.config import Settings
from punchcard.db.engine import Database
from punchcard.staff.actor import Role
from tests.conftest import Tenant
from tests.support.dashboard import sign_in, staff_login


async def test_the_session_cookie_is_secure_when_the_public_url_is_https(
    tenant: Tenant, db: Database, database_url: str
) -> None:
    await staff_login(db, tenant.business_id, "olga", Role.OWNER)
    settings = Settings(
        database_url=database_url, run_worker=False, public_url="https://punchcard.test"
    )
    app = create_app(settings)
    async with (
        app.router.lifespan_context(app),
        httpx.AsyncClient(
            transport=httpx.ASGITransport(app=app), base_url="https://punchcard.test"
        ) as browser,
    ):
        answer = await sign_in(browser, tenant.business_id, "olga")
        cookie = answer.headers["set-cookie"]
        assert answer.status_code == 303
        assert cookie.startswith("__Host-pc_session=")
        assert "Secure" in cookie
        assert "HttpOnly" in cookie
        assert (await browser.get("/dashboard")).status_code == 200
