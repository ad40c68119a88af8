"""/healthz says the process is alive; /readyz that the database answers and its schema is
at this code's migration, else 503 with the reason and Retry-After. A request that needs an
unreachable database is a 503 with Retry-After too, never a 500."""

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import httpx

from punchcard.app import create_app
from punchcard.config import Settings
from punchcard.db.migrate import upgrade
from tests.support.factories import ok, problem

UNREACHABLE = "postgresql://postgres@127.0.0.1:1/punchcard"


@asynccontextmanager
async def client_of(database_url: str) -> AsyncIterator[httpx.AsyncClient]:
    app = create_app(Settings(database_url=database_url, run_worker=False))
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://punchcard.test") as c:
            yield c


async def test_healthz_answers_without_the_database() -> None:
    async with client_of(UNREACHABLE) as client:
        assert ok(await client.get("/healthz")) == {"status": "ok"}


async def test_readyz_is_ready_on_a_migrated_database(api: httpx.AsyncClient) -> None:
    assert ok(await api.get("/readyz")) == {"status": "ready"}


async def test_readyz_names_an_unreachable_database() -> None:
    async with client_of(UNREACHABLE) as client:
        answer = await client.get("/readyz")
    body = problem(answer, 503, "not_ready")
    assert "cannot be reached" in body["detail"]
    assert answer.headers["retry-after"] == "5"


async def test_readyz_asks_for_migrations_when_the_schema_is_behind(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'old.db'}"
    await asyncio.to_thread(upgrade, url, "0010")  # alembic runs its own event loop
    async with client_of(url) as client:
        body = problem(await client.get("/readyz"), 503, "not_ready")
    assert "at 0010" in body["detail"]
    assert "punchcard migrate" in body["detail"]


async def test_a_request_while_the_database_is_unreachable_is_a_503_with_retry_after() -> None:
    async with client_of(UNREACHABLE) as client:
        headers = {"Authorization": "Bearer pc_sk_" + "x" * 40}
        answer = await client.get("/v1/me", headers=headers)
    problem(answer, 503, "database_unavailable")
    assert answer.headers["retry-after"] == "5"


async def test_health_routes_are_documented(api: httpx.AsyncClient) -> None:
    paths = ok(await api.get("/openapi.json"))["paths"]
    assert "503" in paths["/readyz"]["get"]["responses"]
    assert "/healthz" in paths
