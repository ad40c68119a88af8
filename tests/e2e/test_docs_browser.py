"""/docs in headless Chromium against a real server: Swagger UI renders every operation from
the package's own files, with no request leaving loopback and nothing on the console."""

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from playwright.async_api import Browser, ConsoleMessage, Request, expect

from tests.support.browser import needs_chromium
from tests.support.databases import fresh_sqlite
from tests.support.server import Server, running_server

pytestmark = needs_chromium
REDEEM = "redeem_by_code"  # an operation id (the endpoint function's name)


@pytest.fixture(scope="module")
def docs_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    directory: Path = tmp_path_factory.mktemp("docs")
    with running_server(fresh_sqlite(directory), webhook_worker=False) as running:
        yield running


async def test_docs_render_every_operation_offline(docs_server: Server, browser: Browser) -> None:
    async with httpx.AsyncClient(base_url=docs_server.base_url, timeout=60) as client:
        spec = (await client.get("/openapi.json")).json()  # built once, on the first request
    sections = [*spec["paths"].values(), *spec["webhooks"].values()]
    # Every operation and webhook, listed under each of its tags.
    operations = sum(len(op.get("tags", [])) or 1 for ops in sections for op in ops.values())
    loopback = httpx.URL(docs_server.base_url).host
    context = await browser.new_context()
    page = await context.new_page()
    requested: list[str] = []
    problems: list[str] = []

    def on_request(request: Request) -> None:
        requested.append(request.url)

    def on_console(message: ConsoleMessage) -> None:
        if message.type == "error":  # (a deep link with "_" draws Swagger UI's deprecation warning)
            problems.append(f"{message.type}: {message.text}")

    page.on("request", on_request)
    page.on("console", on_console)
    page.on("pageerror", lambda error: problems.append(f"page error: {error}"))
    try:
        # Deep linking opens one operation as the page loads: its refusals are shown.
        await page.goto(f"{docs_server.base_url}/docs#/Vouchers/{REDEEM}")
        blocks = page.locator(".opblock")
        await expect(blocks).to_have_count(operations, timeout=30_000)
        await expect(page.locator(".info .title")).to_contain_text("Punchcard API")
        redeem = page.locator(f"#operations-Vouchers-{REDEEM}")
        responses = redeem.locator(".responses-table")
        await expect(responses).to_contain_text("too_many_failed_lookups", timeout=60_000)
        await expect(redeem).to_contain_text("application/problem+json")
    finally:
        await context.close()
    assert requested
    assert all(httpx.URL(url).host == loopback for url in requested), requested
    assert problems == []
