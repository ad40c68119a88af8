"""The overview: figures of today and this month, per location, as charts, table and CSV."""

import csv
import io

from punchcard.staff.actor import Role
from tests.conftest import Tenant
from tests.dashboard.conftest import Browsing
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
