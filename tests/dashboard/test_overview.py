"""The overview: figures of today and this month, per location, as charts, table and CSV; a
backlog of hours left to the worker."""

import csv
import io

from punchcard.db.engine import Database
from punchcard.kit.clock import utcnow
from punchcard.reports.rollup import PAGE_ROLLUP, rolled_until
from punchcard.reports.tasks import Rollup
from punchcard.staff.actor import Role
from tests.conftest import Tenant
from tests.dashboard.conftest import Browsing
from tests.reports.test_rollup import opened_days_ago
from tests.support.factories import card, coffee_program, ok, stamp


async def test_the_overview_counts_todays_stamps_cards_and_vouchers(
    tenant: Tenant, browsing: Browsing
) -> None:
    api = tenant.client
    the_card = await card(api, (await coffee_program(api))["id"])
    voucher = (await stamp(api, the_card["id"], 5))["vouchers_issued"][0]
    ok(await api.post(f"/v1/vouchers/{voucher['id']}/redeem"))
    owner = await browsing("olga", Role.OWNER, None)

    page = await owner.get("/dashboard")
    assert page.status_code == 200
    assert "<svg" in page.text
    exported = await owner.get("/dashboard/overview.csv", params={"by": "day"})
    assert exported.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(exported.text)))
    assert len(rows) == 30
    today = rows[-1]
    assert (today["stamps"], today["new_cards"]) == ("5", "1")
    assert (today["vouchers_issued"], today["vouchers_redeemed"]) == ("1", "1")
    assert today["redemption_rate"] == "1.000"
    by_month = await owner.get("/dashboard/overview.csv", params={"by": "month"})
    assert list(csv.DictReader(io.StringIO(by_month.text)))[-1]["stamps"] == "5"


async def test_a_location_shows_what_happened_there_and_a_bound_manager_sees_only_theirs(
    tenant: Tenant, browsing: Browsing
) -> None:
    api = tenant.client
    harbour = ok(await api.post("/v1/locations", json={"name": "Harbour"}), 201)["id"]
    the_card = await card(api, (await coffee_program(api))["id"])
    ok(
        await api.post(
            f"/v1/cards/{the_card['id']}/stamps", json={"count": 2, "location_id": harbour}
        ),
        201,
    )
    ok(
        await api.post(
            f"/v1/cards/{the_card['id']}/stamps",
            json={"count": 1, "location_id": tenant.location_id},
        ),
        201,
    )
    manager = await browsing("mia", Role.MANAGER, tenant.location_id)

    mine = await manager.get("/dashboard/overview.csv")
    assert list(csv.DictReader(io.StringIO(mine.text)))[-1]["stamps"] == "1"
    theirs = await manager.get("/dashboard/overview.csv", params={"location": harbour})
    assert theirs.status_code == 403
    owner = await browsing("olga", Role.OWNER, None)
    at_harbour = await owner.get("/dashboard/overview.csv", params={"location": harbour})
    assert list(csv.DictReader(io.StringIO(at_harbour.text)))[-1]["stamps"] == "2"
    everywhere = await owner.get("/dashboard/overview.csv")
    assert list(csv.DictReader(io.StringIO(everywhere.text)))[-1]["stamps"] == "3"


async def test_a_big_backlog_is_left_to_the_worker_and_the_page_says_it_is_still_counting(
    tenant: Tenant, browsing: Browsing, db: Database
) -> None:
    api = tenant.client
    the_card = await card(api, (await coffee_program(api))["id"])
    await stamp(api, the_card["id"], 3)
    opened = await opened_days_ago(db, tenant.business_id, 20)
    owner = await browsing("olga", Role.OWNER, None)

    page = await owner.get("/dashboard")
    today = list(csv.DictReader(io.StringIO((await owner.get("/dashboard/overview.csv")).text)))
    german = await owner.get("/dashboard", params={"lang": "de"})

    assert "are still being counted" in page.text
    assert "werden noch gezählt" in german.text
    assert today[-1]["stamps"] == "3"  # the recent hours are counted live
    async with db.transaction() as session:
        mark = await rolled_until(session, tenant.business_id)
    assert mark is not None
    assert mark <= opened + PAGE_ROLLUP
    await Rollup(db).catch_up(tenant.business_id, utcnow())
    page = await owner.get("/dashboard", params={"lang": "en"})
    assert "still being counted" not in page.text
    today = list(csv.DictReader(io.StringIO((await owner.get("/dashboard/overview.csv")).text)))
    assert today[-1]["stamps"] == "3"
