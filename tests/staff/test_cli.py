"""The operator's way back in, through the real `punchcard` command: find the business and its
staff, give an owner a key (or a new one), or make a new owner login."""

import json
import os
import subprocess
import sys
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import httpx
import pytest

from punchcard.app import create_app
from punchcard.config import Settings
from tests.support.databases import fresh_sqlite
from tests.support.factories import ok, problem

PUNCHCARD = str(Path(sys.executable).with_name("punchcard"))


class Cli:
    def __init__(self, database_url: str) -> None:
        self.database_url = database_url
        self.env = {**os.environ, "PUNCHCARD_DATABASE_URL": database_url}

    def run(self, *args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [PUNCHCARD, *args], env=self.env, capture_output=True, text=True, check=False
        )

    def json(self, *args: str) -> Any:
        done = self.run(*args, "--json")
        assert done.returncode == 0, done.stderr
        return json.loads(done.stdout)

    @asynccontextmanager
    async def api(self, key: str) -> AsyncIterator[httpx.AsyncClient]:
        """The API on the same database, called with ``key``."""
        app = create_app(Settings(database_url=self.database_url, run_worker=False))
        async with (
            app.router.lifespan_context(app),
            httpx.AsyncClient(
                transport=httpx.ASGITransport(app=app),
                base_url="http://punchcard.test",
                headers={"Authorization": f"Bearer {key}"},
            ) as client,
        ):
            yield client


@pytest.fixture(scope="module")
def cli(tmp_path_factory: pytest.TempPathFactory) -> Cli:
    return Cli(fresh_sqlite(tmp_path_factory.mktemp("cli")))


@pytest.fixture(scope="module")
def made(cli: Cli) -> dict[str, str]:
    """A business made by `punchcard business create`: its ids and owner key."""
    made: dict[str, str] = cli.json("business", "create", "--name", "Kiosk Co")
    return made


async def test_an_owner_whose_key_is_lost_gets_a_new_one(cli: Cli, made: dict[str, str]) -> None:
    business = made["business_id"]
    assert cli.json("business", "list") == [{"business_id": business, "name": "Kiosk Co"}]
    [owner, *_] = cli.json("staff", "list", "--business", business)
    assert (owner["id"], owner["role"], owner["location_id"]) == (made["staff_id"], "owner", None)
    assert owner["api_key_id"] is not None

    kept = cli.run("api-key", "create", "--business", business, "--staff", owner["id"])
    assert kept.returncode == 1
    assert "staff_has_api_key" in kept.stderr
    assert "--replace" in kept.stderr
    new = cli.json("api-key", "create", "--business", business, "--staff", owner["id"], "--replace")

    assert new["key_id"] == owner["api_key_id"]
    async with cli.api(made["api_key"]) as lost, cli.api(new["api_key"]) as found:
        problem(await lost.get("/v1/me"), 401, "invalid_api_key")
        assert ok(await found.get("/v1/me"))["staff_id"] == owner["id"]


async def test_the_operator_makes_a_new_owner_login_with_a_key(
    cli: Cli, made: dict[str, str]
) -> None:
    business = made["business_id"]
    login = ["--name", "New owner", "--login", "Boss@Example.com", "--role", "owner"]
    staff = cli.json("staff", "create", "--business", business, *login)
    key = cli.json("api-key", "create", "--business", business, "--staff", staff["staff_id"])
    async with cli.api(key["api_key"]) as owner:
        me = ok(await owner.get("/v1/me"))
        assert (me["staff_id"], me["role"], me["location_id"]) == (staff["staff_id"], "owner", None)
        assert ok(await owner.get(f"/v1/staff/{staff['staff_id']}"))["login"] == "boss@example.com"


def test_an_unknown_business_or_login_is_an_error(cli: Cli, made: dict[str, str]) -> None:
    for args, code in [
        (("staff", "list", "--business", "biz_nope"), "business_not_found"),
        (
            ("api-key", "create", "--business", made["business_id"], "--staff", "stf_nope"),
            "staff_not_found",
        ),
    ]:
        done = cli.run(*args)
        assert done.returncode == 1
        assert code in done.stderr
