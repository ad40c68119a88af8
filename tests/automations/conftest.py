"""Automation tests: the runner over the test database with a clock the test sets (no
sleeping: a scan "at 09:00 in Auckland" is a call with that instant), automations made
through the API, and their log and events read back through it."""

import itertools
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import httpx
import pytest
from sqlalchemy import insert

from punchcard.automations.tasks import AutomationRunner, Tally
from punchcard.config import Settings
from punchcard.db.base import Base, table_of
from punchcard.db.engine import Database
from punchcard.kit.clock import utcnow
from tests.campaigns.conftest import emailing, sender  # noqa: F401 (fixtures)
from tests.channels.conftest import mail  # noqa: F401 (fixture)
from tests.conftest import Tenant
from tests.support.factories import ok
from tests.webhooks.conftest import dispatcher, receiver  # noqa: F401 (fixtures)

_serial = itertools.count(1)


@dataclass
class Clock:
    """The runner's "now": set by the test."""

    now: datetime

    def __call__(self) -> datetime:
        return self.now


@dataclass
class Runner:
    """The runner of one test's business, at the clock's time."""

    runner: AutomationRunner
    clock: Clock
    business_id: str

    async def at(self, moment: datetime, business_id: str | None = None) -> Tally:
        """Run what is due at ``moment`` (for the test's business, or ``business_id``)."""
        self.clock.now = moment
        return await self.runner.run_due(business_id or self.business_id)


@pytest.fixture
def runner(db: Database, database_url: str, tenant: Tenant) -> Runner:
    clock = Clock(utcnow())
    settings = Settings(database_url=database_url, automation_batch_size=7)
    return Runner(AutomationRunner(db, settings, clock), clock, tenant.business_id)


def local(day: date, hour: int, zone: str, minute: int = 0) -> datetime:
    """``hour``:``minute`` on ``day`` in ``zone``."""
    return datetime.combine(day, time(hour, minute), tzinfo=ZoneInfo(zone))


def today_in(zone: str) -> date:
    return utcnow().astimezone(ZoneInfo(zone)).date()


def days(n: float) -> timedelta:
    return timedelta(days=n)


async def automation(api: httpx.AsyncClient, **fields: Any) -> dict[str, Any]:
    body = {"name": f"{fields.get('kind', 'rule')} rule", **fields}
    return ok(await api.post("/v1/automations", json=body), 201)  # type: ignore[no-any-return]


async def runs(api: httpx.AsyncClient, automation_id: str, **query: Any) -> list[dict[str, Any]]:
    page = ok(await api.get(f"/v1/automations/{automation_id}/runs", params=query))
    return page["data"]  # type: ignore[no-any-return]


async def events(api: httpx.AsyncClient, event_type: str) -> list[dict[str, Any]]:
    page = ok(await api.get("/v1/events", params={"type": event_type, "limit": 100}))
    return page["data"]  # type: ignore[no-any-return]


async def customer(api: httpx.AsyncClient, program_id: str, **fields: Any) -> dict[str, Any]:
    """A customer (``fields``) holding a card of the program: the card."""
    fields.setdefault("email", f"fan{next(_serial)}@example.com")
    made = ok(await api.post("/v1/customers", json=fields), 201)
    body = {"program_id": program_id, "customer_id": made["id"]}
    return ok(await api.post("/v1/cards", json=body), 201)  # type: ignore[no-any-return]


def program_row(business_id: str, program_id: str, now: datetime) -> dict[str, Any]:
    """A program without goals, as a row (for tests that write thousands of cards directly)."""
    return {
        "business_id": business_id,
        "id": program_id,
        "name": "Bulk card",
        "goals": [],
        "after_last_goal": "restart",
        "status": "active",
        "created_at": now,
        "updated_at": now,
    }


async def insert_rows(db: Database, rows: dict[type[Base], list[dict[str, Any]]]) -> None:
    """Rows written straight to their tables, in the order given, in one transaction."""
    async with db.transaction() as session:
        for model, values in rows.items():
            await session.execute(insert(table_of(model)), values)
