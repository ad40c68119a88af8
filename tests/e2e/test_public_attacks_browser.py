"""A stranger's site in a real browser (Debian's Chromium) against a real server: forms posted
from another origin, a no-cors fetch, and framing the join form (clickjacking). The attacker's
pages are served on another loopback origin (``localhost`` on a port of its own: another site
than ``127.0.0.1``, where Punchcard listens)."""

from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest
from aiohttp import web
from playwright.async_api import Browser, BrowserContext

from tests.e2e.test_join_browser import (  # the same real server
    join_page,
    join_server,
    owner,
)
from tests.support.browser import needs_chromium
from tests.support.factories import coffee_program, ok
from tests.support.server import free_port

__all__ = ["join_server", "owner"]  # fixtures used here

pytestmark = needs_chromium


class EvilSite:
    """The attacker's web server: serves whatever page a test gives it."""

    def __init__(self) -> None:
        self.html = ""
        self.port = free_port()
        self.origin = f"http://localhost:{self.port}"

    async def page(self, _request: web.Request) -> web.Response:
        return web.Response(text=self.html, content_type="text/html")


@pytest.fixture
async def evil() -> AsyncIterator[EvilSite]:
    site = EvilSite()
    app = web.Application()
    app.router.add_get("/", site.page)
    runner = web.AppRunner(app)
    await runner.setup()
    await web.TCPSite(runner, "localhost", site.port).start()
    yield site
    await runner.cleanup()


async def customers(owner: httpx.AsyncClient, email: str) -> list[object]:
    found: list[object] = ok(await owner.get("/v1/customers", params={"email": email}))["data"]
    return found


async def new_join_page(owner: httpx.AsyncClient) -> str:
    program = await coffee_program(owner)
    return await join_page(owner, program["id"])


async def browsing(browser: Browser) -> BrowserContext:
    return await browser.new_context()


async def stolen_token(url: str) -> str:
    """The attacker fetches the join page server-side: a valid token, for its own cookie."""
    async with httpx.AsyncClient() as client:
        page = (await client.get(url)).text
    return page.split('name="csrf_token" value="', 1)[1].split('"', 1)[0]


async def test_an_auto_submitting_form_on_another_site_joins_nobody(
    owner: httpx.AsyncClient, browser: Browser, evil: EvilSite, tmp_path: Path
) -> None:
    url = await new_join_page(owner)
    context = await browsing(browser)
    victim = await context.new_page()
    await victim.goto(url)  # the victim has visited the café's page: it holds a CSRF cookie
    token = await stolen_token(url)
    evil.html = f"""<form id="f" method="post" action="{url}">
      <input name="name" value="Victim"><input name="email" value="csrf@example.com">
      <input name="marketing_consent" value="yes"><input name="csrf_token" value="{token}">
    </form><script>document.getElementById("f").submit()</script>"""

    async with victim.expect_navigation(url=url):
        await victim.goto(evil.origin)

    assert "This form has expired or was sent from another site." in await victim.content()
    assert await customers(owner, "csrf@example.com") == []
    await victim.screenshot(path=tmp_path / "csrf-refused.png")
    await context.close()


async def test_a_no_cors_fetch_from_another_origin_joins_nobody(
    owner: httpx.AsyncClient, browser: Browser, evil: EvilSite
) -> None:
    url = await new_join_page(owner)
    token = await stolen_token(url)
    evil.html = "<p>nothing to see</p>"
    context = await browsing(browser)
    page = await context.new_page()
    await page.goto(url)
    await page.goto(evil.origin)

    await page.evaluate(
        """async ([url, token]) => {
            const body = new URLSearchParams({name: "Victim", email: "fetch@example.com",
                marketing_consent: "yes", csrf_token: token});
            await fetch(url, {method: "POST", mode: "no-cors", body, credentials: "include"});
        }""",
        [url, token],
    )

    assert await customers(owner, "fetch@example.com") == []
    await context.close()


async def test_the_join_form_cannot_be_framed(
    owner: httpx.AsyncClient, browser: Browser, evil: EvilSite
) -> None:
    url = await new_join_page(owner)
    evil.html = (
        f'<h1>Win a prize!</h1><iframe id="f" src="{url}" width="400" height="600"></iframe>'
    )
    context = await browsing(browser)
    page = await context.new_page()
    blocked = []
    page.on("response", lambda r: blocked.append(r) if r.url == url else None)

    await page.goto(evil.origin)
    await page.wait_for_load_state("load")

    frame = next(f for f in page.frames if f != page.main_frame)
    assert blocked
    assert "frame-ancestors 'none'" in blocked[0].headers["content-security-policy"]
    assert await frame.locator("form").count() == 0  # the browser refused to show it
    await context.close()
