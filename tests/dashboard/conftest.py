"""Dashboard tests: in-process clients signed in as staff logins of a fresh business, and a
real server (one per module) for the pages in Chromium."""

import itertools
import os
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from dataclasses import dataclass

import httpx
import pytest
from playwright.async_api import Browser

from punchcard.db.engine import Database
from punchcard.staff.actor import Role
from tests.conftest import BACKENDS, Tenant, fresh_database
from tests.support.browser import chromium
from tests.support.dashboard import sign_in, staff_login
from tests.support.factories import ok
from tests.support.server import Server, create_business, running_server

_addresses = itertools.count()
# Every test signs in from the same address (loopback): the per-address limit would refuse the
# suite after 20 sign-ins. Failed passwords per login keep their limit (tested).
os.environ.setdefault("PUNCHCARD_SIGN_IN_LIMIT_PER_ADDRESS", "100000")

Browsing = Callable[[str, Role, str | None], Awaitable[httpx.AsyncClient]]


@pytest.fixture
async def browsing(tenant: Tenant, db: Database) -> AsyncIterator[Browsing]:
    """``await browsing(login, role, location_id)``: a cookie-keeping client signed in as a new
    staff login of the tenant."""
    clients: list[httpx.AsyncClient] = []

    async def signed_in(
        login: str, role: Role, location_id: str | None = None
    ) -> httpx.AsyncClient:
        await staff_login(db, tenant.business_id, login, role, location_id)
        # Each login signs in from its own address: the sign-in limit per address (kept for
        # the whole test session's database) is not spent by the tests that sign in.
        n = next(_addresses)
        app = tenant.client._transport.app  # type: ignore[attr-defined]
        transport = httpx.ASGITransport(app=app, client=(f"10.0.{n // 250}.{n % 250 + 1}", 1))
        client = httpx.AsyncClient(transport=transport, base_url="http://punchcard.test")
        clients.append(client)
        answer = await sign_in(client, tenant.business_id, login)
        assert answer.status_code == 303, answer.text
        return client

    yield signed_in
    for client in clients:
        await client.aclose()


@pytest.fixture
async def visitor(tenant: Tenant) -> AsyncIterator[httpx.AsyncClient]:
    """A browser that is not signed in."""
    async with httpx.AsyncClient(
        transport=tenant.client._transport, base_url="http://punchcard.test"
    ) as client:
        yield client


@dataclass
class LiveBusiness:
    """A business on a real server: its id, first location, and the owner's API client."""

    server: Server
    business_id: str
    location_id: str
    api: httpx.AsyncClient

    async def staff(self, login: str, role: Role, location_id: str | None = None) -> str:
        body = {"name": login.title(), "login": login, "role": role.value}
        if location_id:
            body["location_id"] = location_id
        return str(ok(await self.api.post("/v1/staff", json=body), 201)["id"])


@pytest.fixture(scope="module", params=BACKENDS)
def live_server(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Server]:
    """A real server on each backend the run tests (PostgreSQL when it is set)."""
    made = fresh_database(request.param, tmp_path_factory.mktemp("dashboard"), "dashboard")
    with made as url, running_server(url) as running:
        yield running


@pytest.fixture(scope="module")
async def browser() -> AsyncIterator[Browser]:
    async with chromium() as launched:
        yield launched


@pytest.fixture
async def live(live_server: Server) -> AsyncIterator[LiveBusiness]:
    """A fresh business on the module's server (as `punchcard business create` makes one)."""
    made = create_business(live_server.env, "Café Lumen")
    headers = {"Authorization": f"Bearer {made['api_key']}"}
    async with httpx.AsyncClient(base_url=live_server.base_url, headers=headers) as api:
        yield LiveBusiness(live_server, made["business_id"], made["location_id"], api)
