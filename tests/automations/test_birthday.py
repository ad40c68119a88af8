"""Birthday automations: at the local hour in the business's time zone, N days ahead or on the
day, once a year; 29 February on the 28th in other years; the gift voucher once."""

from datetime import date, datetime, timedelta

import httpx

from tests.automations.conftest import (
    Runner,
    automation,
    customer,
    events,
    local,
    today_in,
)
from tests.conftest import Tenant
from tests.support.factories import coffee_program, ok


async def _birthday_business(api: httpx.AsyncClient, zone: str, born: date) -> dict[str, object]:
    """A business in ``zone`` with a birthday rule (09:00 local) and one customer born on
    ``born``; the rule."""
    ok(await api.patch("/v1/business", json={"timezone": zone}))
    program = await coffee_program(api)
    await customer(api, program["id"], birthday=born.isoformat())
    return await automation(api, kind="birthday", hour=9)


async def test_a_birthday_fires_at_nine_local_in_auckland_and_in_los_angeles(
    runner: Runner, tenant: Tenant, stranger: Tenant
) -> None:
    zones = [(tenant, "Pacific/Auckland"), (stranger, "America/Los_Angeles")]
    day = today_in("Pacific/Auckland") + timedelta(days=3)  # a day ahead in both zones
    for business, zone in zones:
        await _birthday_business(business.client, zone, day.replace(year=1990))

    async def fired_at(moment: datetime) -> list[int]:
        found = []
        for business, _ in zones:
            await runner.at(moment, business.business_id)
            found.append(len(await events(business.client, "birthday_reached")))
        return found

    auckland_nine, los_angeles_nine = (local(day, 9, zone) for _, zone in zones)
    minute = timedelta(minutes=1)
    assert await fired_at(auckland_nine - minute) == [0, 0]
    assert await fired_at(auckland_nine) == [1, 0]  # 19 or 21 hours before Los Angeles
    assert await fired_at(los_angeles_nine - minute) == [1, 0]
    assert await fired_at(los_angeles_nine) == [1, 1]
    assert await fired_at(los_angeles_nine + timedelta(hours=20)) == [1, 1]  # once
    for business, _ in zones:
        (event,) = await events(business.client, "birthday_reached")
        assert event["birthday_on"] == day.isoformat()
        assert event["birthday"] == day.replace(year=1990).isoformat()
