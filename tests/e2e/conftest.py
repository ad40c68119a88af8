"""Real server processes on a fresh PostgreSQL database: `punchcard serve --workers 2`, as run
in production, reached over TCP. Skipped unless PUNCHCARD_TEST_DATABASE_URL names a server.
"""

from collections.abc import AsyncIterator, Generator, Iterator

import httpx
import pytest
from playwright.async_api import Browser

from tests.support.browser import chromium
from tests.support.databases import drop_postgres, fresh_postgres, postgres_server_url
from tests.support.receiver import Receiver, receiving
from tests.support.server import Server, running_server
from tests.support.workers import Workers

WORKERS = 2


@pytest.fixture(scope="session")
def server() -> Iterator[Server]:
    server_url = postgres_server_url()
    if server_url is None:
        pytest.skip("needs PostgreSQL: set PUNCHCARD_TEST_DATABASE_URL")
    database_url = fresh_postgres(server_url, "e2e")
    try:
        with running_server(database_url, workers=WORKERS) as running:
            yield running
    finally:
        drop_postgres(database_url)


@pytest.fixture(scope="module")
def api_server(postgres_url: str) -> Iterator[Server]:
    """The API only (--no-worker): nothing is delivered or imported unless a test starts
    `punchcard worker`."""
    with running_server(postgres_url, webhook_worker=False) as running:
        yield running


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(
    item: pytest.Item,
) -> Generator[None, pytest.TestReport, pytest.TestReport]:
    """A failing test shows what the server and the webhook workers logged (tracebacks of
    500s, pool timeouts, ...)."""
    report = yield
    if not report.failed:
        return report
    for value in getattr(item, "funcargs", {}).values():
        if isinstance(value, Server):
            report.sections.append(("server output", value.log.text()))
        elif isinstance(value, Workers):
            report.sections.append(("worker output", value.text()))
    return report


@pytest.fixture(scope="module")
async def browser() -> AsyncIterator[Browser]:
    """Headless Chromium for a module's page tests (they are marked ``needs_chromium``)."""
    async with chromium() as launched:
        yield launched


@pytest.fixture
async def live_api(server: Server) -> AsyncIterator[httpx.AsyncClient]:
    """The owner's client of the running server, with room for hundreds of parallel requests."""
    async with httpx.AsyncClient(
        base_url=server.base_url,
        headers={"Authorization": f"Bearer {server.api_key}"},
        limits=httpx.Limits(max_connections=250, max_keepalive_connections=250),
        timeout=60.0,
    ) as client:
        yield client


@pytest.fixture
async def receiver() -> AsyncIterator[Receiver]:
    """A webhook receiver on loopback."""
    async with receiving() as running:
        yield running
