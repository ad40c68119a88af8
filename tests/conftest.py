"""Fixtures: every API test runs on SQLite and, when PUNCHCARD_TEST_DATABASE_URL is set, on
PostgreSQL. One migrated database per backend per run; each test gets its own business, so
tests are isolated by tenant exactly as real businesses are.
"""

import os
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager, contextmanager
from dataclasses import dataclass
from pathlib import Path

from cryptography.fernet import Fernet

# Before any settings are read: tests deliver webhooks to loopback receivers, and every
# process of a run (server subprocesses included) shares one secret key.
os.environ.setdefault("PUNCHCARD_WEBHOOK_ALLOW_PRIVATE_NETWORKS", "true")
os.environ.setdefault("PUNCHCARD_SECRET_KEY", Fernet.generate_key().decode())
os.environ.setdefault("PUNCHCARD_ALLOWED_HOSTS", '["punchcard.test"]')  # the test clients' host
os.environ.setdefault("PUNCHCARD_ACCESS_LOG", "false")

import httpx
import pytest

from punchcard.app import create_app
from punchcard.businesses.onboarding import Onboarded, onboard
from punchcard.channels import registry as channels
from punchcard.config import Settings, get_settings
from punchcard.db.engine import Database
from tests.support import fake_telegram
from tests.support.databases import drop_postgres, fresh_postgres, fresh_sqlite, postgres_server_url
from tests.support.fake_telegram import FakeTelegram

BACKENDS = ["sqlite"] + (["postgresql"] if postgres_server_url() else [])


@contextmanager
def fresh_database(backend: str, directory: Path, label: str) -> Iterator[str]:
    """A migrated database of its own on ``backend`` (dropped after, on PostgreSQL)."""
    if backend == "sqlite":
        yield fresh_sqlite(directory)
        return
    server = postgres_server_url()
    assert server is not None
    url = fresh_postgres(server, label)
    yield url
    drop_postgres(url)


@pytest.fixture(scope="session", autouse=True)
async def provider_connections() -> AsyncIterator[None]:
    """Provider clients opened in-process (a channel's credentials checked through the API)
    are closed when the tests end, as a stopping server closes them."""
    yield
    await channels.close()


@pytest.fixture
async def telegram(monkeypatch: pytest.MonkeyPatch) -> AsyncIterator[FakeTelegram]:
    """A fake Telegram Bot API on loopback, the settings pointed at it."""
    async with fake_telegram.fake_telegram() as fake:
        monkeypatch.setenv("PUNCHCARD_PUBLIC_URL", "https://punchcard.test")
        monkeypatch.setenv("PUNCHCARD_TELEGRAM_API_BASE_URL", fake.base_url)
        get_settings.cache_clear()
        yield fake
        monkeypatch.undo()
        get_settings.cache_clear()


@pytest.fixture(scope="module")
def postgres_url(request: pytest.FixtureRequest) -> Iterator[str]:
    """A fresh database for the test module (for servers and workers it starts itself)."""
    server_url = postgres_server_url()
    if server_url is None:
        pytest.skip("needs PostgreSQL: set PUNCHCARD_TEST_DATABASE_URL")
    url = fresh_postgres(server_url, request.module.__name__.rsplit("_", 1)[-1])
    try:
        yield url
    finally:
        drop_postgres(url)


@pytest.fixture(scope="session", params=BACKENDS)
def database_url(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[str]:
    with fresh_database(request.param, tmp_path_factory.mktemp("sqlite"), "api") as url:
        yield url


@pytest.fixture(scope="session")
async def app_transport(database_url: str) -> AsyncIterator[httpx.ASGITransport]:
    # Webhook tests run their own dispatcher (tests/webhooks/conftest.py).
    app = create_app(Settings(database_url=database_url, run_worker=False))
    async with app.router.lifespan_context(app):
        yield httpx.ASGITransport(app=app)


@pytest.fixture(scope="session")
async def db(database_url: str) -> AsyncIterator[Database]:
    database = Database(Settings(database_url=database_url))
    yield database
    await database.dispose()


@dataclass
class Tenant:
    """A fresh business, its first location, and an owner client."""

    business_id: str
    location_id: str
    staff_id: str
    api_key: str
    client: httpx.AsyncClient

    async def client_for(self, api_key: str) -> httpx.AsyncClient:
        return httpx.AsyncClient(
            transport=self.client._transport,
            base_url=str(self.client.base_url),
            headers={"Authorization": f"Bearer {api_key}"},
        )


@asynccontextmanager
async def onboarded(
    db: Database, transport: httpx.ASGITransport, name: str, location: str
) -> AsyncIterator[Tenant]:
    """A new business on the test server, with an owner client."""
    async with db.transaction() as session:
        made: Onboarded = await onboard(session, name=name, location=location)
    assert made.location_id is not None
    async with httpx.AsyncClient(
        transport=transport,
        base_url="http://punchcard.test",
        headers={"Authorization": f"Bearer {made.api_key}"},
    ) as client:
        yield Tenant(made.business_id, made.location_id, made.staff_id, made.api_key, client)


@pytest.fixture
async def tenant(db: Database, app_transport: httpx.ASGITransport) -> AsyncIterator[Tenant]:
    async with onboarded(db, app_transport, "Test Café", "Main Street") as made:
        yield made


@pytest.fixture
async def stranger(db: Database, app_transport: httpx.ASGITransport) -> AsyncIterator[Tenant]:
    """Another business on the same server."""
    async with onboarded(db, app_transport, "Other Bakery", "Elm Road") as made:
        yield made


@pytest.fixture
def api(tenant: Tenant) -> httpx.AsyncClient:
    """The owner's API client of a fresh business."""
    return tenant.client
