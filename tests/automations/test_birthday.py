"""Birthday automations: at the local hour in the business's time zone, N days ahead or on the
day, once a year; 29 February on the 28th in other years; the gift voucher once."""

import calendar
from datetime import date, datetime, timedelta

import httpx

from tests.automations.conftest import (
    Runner,
    automation,
    customer,
    events,
    local,
    runs,
    today_in,
)
from tests.conftest import Tenant
from tests.support.factories import coffee_program, ok, template


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


async def test_days_before_fires_ahead_of_the_birthday_once_a_year(
    runner: Runner, tenant: Tenant
) -> None:
    api = tenant.client
    zone = "Europe/Berlin"
    birthday = today_in(zone) + timedelta(days=5)
    ok(await api.patch("/v1/business", json={"timezone": zone}))
    program = await coffee_program(api)
    card = await customer(api, program["id"], birthday=birthday.replace(year=1985).isoformat())
    rule = await automation(api, kind="birthday", days_before=3, hour=8)

    await runner.at(local(birthday - timedelta(days=4), 23, zone))
    assert await events(api, "birthday_reached") == []
    await runner.at(local(birthday - timedelta(days=3), 8, zone))
    await runner.at(local(birthday, 8, zone))  # the day itself: not again
    (event,) = await events(api, "birthday_reached")
    assert (event["birthday_on"], event["days_before"]) == (birthday.isoformat(), 3)
    assert event["card"]["id"] == card["id"]
    assert event["automation"] == {"id": rule["id"], "name": rule["name"], "kind": "birthday"}
    (run,) = await runs(api, rule["id"])
    assert (run["period"], run["status"], run["event_id"]) == (
        str(birthday.year),
        "done",
        event["id"],
    )


async def test_a_29_february_birthday_is_on_the_28th_in_other_years(
    runner: Runner, tenant: Tenant
) -> None:
    api = tenant.client
    program = await coffee_program(api)
    leapling = await customer(api, program["id"], birthday="2000-02-29")
    await customer(api, program["id"], birthday="1999-02-28")
    common = await customer(api, program["id"], birthday="1999-03-01")
    await automation(api, kind="birthday", hour=9)
    year = next(y for y in range(today_in("UTC").year + 1, 2100) if not calendar.isleap(y))
    leap = next(y for y in range(year, 2100) if calendar.isleap(y))

    async def celebrated() -> list[tuple[str, str]]:
        found = await events(api, "birthday_reached")
        return sorted((event["card"]["id"], event["birthday_on"]) for event in found)

    await runner.at(local(date(year, 2, 28), 9, "UTC"))
    on_28th = await celebrated()
    assert (leapling["id"], f"{year}-02-28") in on_28th
    assert len(on_28th) == 2  # and the one born on the 28th
    await runner.at(local(date(year, 3, 1), 9, "UTC"))
    assert (common["id"], f"{year}-03-01") in await celebrated()
    await runner.at(local(date(leap, 2, 28), 9, "UTC"))
    assert len(await celebrated()) == 4  # the 28th only
    await runner.at(local(date(leap, 2, 29), 9, "UTC"))
    assert (leapling["id"], f"{leap}-02-29") in await celebrated()
    assert len(await celebrated()) == 5


async def test_the_gift_is_issued_once_valid_for_its_days(runner: Runner, tenant: Tenant) -> None:
    api = tenant.client
    birthday = today_in("UTC") + timedelta(days=1)
    program = await coffee_program(api)
    card = await customer(api, program["id"], birthday=birthday.replace(year=1990).isoformat())
    cake = await template(api, title="Birthday cake", validity_days=90)
    rule = await automation(
        api, kind="birthday", voucher={"template_id": cake["id"], "valid_days": 14}
    )

    nine = local(birthday, 9, "UTC")
    await runner.at(nine)
    await runner.at(nine + timedelta(hours=3))
    (run,) = await runs(api, rule["id"])
    voucher = ok(await api.get(f"/v1/vouchers/{run['voucher_id']}"))
    assert (voucher["title"], voucher["card_id"]) == ("Birthday cake", card["id"])
    assert voucher["expires_at"].startswith((birthday + timedelta(days=14)).isoformat())
    (issued,) = await events(api, "voucher_issued")
    assert issued["automation"]["id"] == rule["id"]
    (event,) = await events(api, "birthday_reached")
    assert event["voucher"]["id"] == voucher["id"]


async def test_the_program_and_the_audience_narrow_who_is_wished(
    runner: Runner, tenant: Tenant
) -> None:
    api = tenant.client
    birthday = (today_in("UTC") + timedelta(days=1)).replace(year=1990).isoformat()
    coffee, tea = await coffee_program(api), await coffee_program(api, name="Tea card")
    wished = await customer(api, coffee["id"], birthday=birthday, language="de")
    await customer(api, coffee["id"], birthday=birthday, language="en")  # not in the audience
    await customer(api, tea["id"], birthday=birthday, language="de")  # not of the program
    nobody = ok(
        await api.post("/v1/customers", json={"email": "x@example.com", "birthday": birthday}), 201
    )
    rule = await automation(  # at midnight: the next scan is tomorrow's, whatever the hour now
        api, kind="birthday", hour=0, program_id=coffee["id"], audience={"languages": ["de"]}
    )

    dry = ok(await api.post(f"/v1/automations/{rule['id']}/dry-run"))
    assert (dry["customers"], [m["card_id"] for m in dry["sample"]]) == (1, [wished["id"]])
    assert dry["period"] == (today_in("UTC") + timedelta(days=1)).isoformat()
    await runner.at(local(today_in("UTC") + timedelta(days=1), 9, "UTC"))
    assert [run["card_id"] for run in await runs(api, rule["id"])] == [wished["id"]]
    assert nobody["id"] not in [e["customer"]["id"] for e in await events(api, "birthday_reached")]
    assert ok(await api.post(f"/v1/automations/{rule['id']}/dry-run"))["customers"] == 0
