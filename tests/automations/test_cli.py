"""`punchcard automations list|run-due`: the operator's view and "scan what is due now", as a
real process on the test database."""

import asyncio
import json
import os
import subprocess
import sys
from pathlib import Path

from tests.automations.conftest import automation, customer, runs
from tests.conftest import Tenant
from tests.support.factories import coffee_program

PUNCHCARD = str(Path(sys.executable).with_name("punchcard"))


async def _cli(database_url: str, *args: str) -> subprocess.CompletedProcess[str]:
    return await asyncio.to_thread(
        subprocess.run,
        [PUNCHCARD, "automations", *args],
        env={**os.environ, "PUNCHCARD_DATABASE_URL": database_url},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


async def test_run_due_scans_what_is_due_and_list_shows_the_automations(
    tenant: Tenant, database_url: str
) -> None:
    api = tenant.client
    rule = await automation(api, kind="welcome", name="Hello")
    card = await customer(api, (await coffee_program(api))["id"])
    business = ("--business", tenant.business_id)

    first = await _cli(database_url, "run-due", *business, "--json")
    listed = await _cli(database_url, "list", *business)

    assert first.returncode == 0, first.stderr
    assert [(s["automation_id"], s["runs"]) for s in json.loads(first.stdout)] == [(rule["id"], 1)]
    assert [run["card_id"] for run in await runs(api, rule["id"])] == [card["id"]]
    assert rule["id"] in listed.stdout
    assert "welcome" in listed.stdout
    assert "Hello" in listed.stdout
