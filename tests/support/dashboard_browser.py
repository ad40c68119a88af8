"""The dashboard in Chromium against a real server: pages at phone and desktop sizes, signed in
as a given staff login, watched for console errors and for requests that leave loopback, with
a screenshot of each page kept under ``artifacts/dashboard/`` (git-ignored)."""

import json
import os
import re
import subprocess
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import httpx
from playwright.async_api import Browser, ConsoleMessage, Page, Request, Response

from tests.support.browser import PHONE
from tests.support.server import CLI, Server

ARTIFACTS = Path(os.environ.get("PUNCHCARD_ARTIFACTS", "artifacts")) / "dashboard"
DESKTOP = {"viewport": {"width": 1366, "height": 900}}
SIZES = {"phone": PHONE, "desktop": DESKTOP}
LOOPBACK = {"127.0.0.1", "localhost", "::1"}


@dataclass
class Watched:
    """A page and what it did wrong: console errors, requests to anywhere but loopback."""

    page: Page
    size: str
    errors: list[str] = field(default_factory=list)
    outside: list[str] = field(default_factory=list)
    documents: set[str] = field(default_factory=set)  # pages answered with a 4xx on purpose

    def on_console(self, message: ConsoleMessage) -> None:
        """Errors count, but for a page's own status (a 401 after a wrong password, a 403
        page): Chromium logs those as a resource that failed to load."""
        own_status = message.text.startswith("Failed to load resource")
        if message.type == "error" and not (
            own_status and message.location.get("url") in self.documents
        ):
            self.errors.append(message.text)

    def on_response(self, response: Response) -> None:
        if response.request.resource_type == "document":
            self.documents.add(response.url)

    def on_request(self, request: Request) -> None:
        host = urlsplit(request.url).hostname
        if request.url.startswith(("http:", "https:", "ws:", "wss:")) and host not in LOOPBACK:
            self.outside.append(request.url)

    async def shot(self, name: str) -> Path:
        """A full-page screenshot, ``<name>-<size>.png``, kept as a test artifact."""
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        path = ARTIFACTS / f"{re.sub(r'[^a-z0-9-]+', '-', name.lower())}-{self.size}.png"
        await self.page.screenshot(path=path, full_page=True)
        return path

    def assert_clean(self) -> None:
        assert not self.errors, f"console errors: {self.errors}"
        assert not self.outside, f"requests left loopback: {self.outside}"


@asynccontextmanager
async def watched_page(
    browser: Browser, size: str, locale: str = "en-GB", **options: Any
) -> AsyncIterator[Watched]:
    """A fresh browser context at ``size`` ("phone" or "desktop"); clean when it closes.
    ``options``: more of Playwright's context options (permissions, JavaScript off, ...)."""
    context = await browser.new_context(**SIZES[size], locale=locale, **options)  # type: ignore[arg-type]
    page = await context.new_page()
    watched = Watched(page, size)
    page.on("console", watched.on_console)
    page.on("pageerror", lambda error: watched.errors.append(str(error)))
    page.on("request", watched.on_request)
    page.on("response", watched.on_response)
    try:
        yield watched
    finally:
        await context.close()
    watched.assert_clean()


def password_link(server: Server, business_id: str, staff_id: str) -> str:
    """The one-time password link `punchcard dashboard password-link` prints, on the server."""
    command = [CLI, "dashboard", "password-link", "--business", business_id, "--staff", staff_id]
    done = subprocess.run(
        [*command, "--json"], env=server.env, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    url = httpx.URL(json.loads(done.stdout)["password_url"])
    return server.base_url + url.path


async def sign_in_as(watched: Watched, server: Server, business_id: str, staff_id: str) -> None:
    """Set the login's password through its one-time link, which signs the browser in."""
    page = watched.page
    await page.goto(password_link(server, business_id, staff_id))
    await page.locator("#new").fill("a good long password")
    await page.locator("#repeat").fill("a good long password")
    await page.locator("button[type=submit]").click()
    await page.wait_for_url(re.compile(r"/(dashboard|scan)$"))
