"""Customer pages: search, the customer's cards, vouchers and history, and the changes staff
make there (through the same services as the API)."""

import re

import httpx

from punchcard.dashboard.listing import SHOWN
from punchcard.staff.actor import Role
from tests.conftest import Tenant
from tests.dashboard.conftest import Browsing
from tests.support.dashboard import post_form
from tests.support.factories import coffee_program, ok, stamp


async def customer_with_card(tenant: Tenant, **customer: str) -> dict[str, str]:
    program = await coffee_program(tenant.client)
    body = {"program_id": program["id"], "customer": customer}
    card = ok(await tenant.client.post("/v1/cards", json=body), 201)
    return {"card_id": card["id"], "customer_id": card["customer_id"], "scan": card["scan_code"]}


async def test_search_finds_a_customer_by_each_of_their_keys(
    tenant: Tenant, browsing: Browsing
) -> None:
    made = await customer_with_card(
        tenant, name="Ada Lovelace", email="ada@example.com", phone="+4915112345678"
    )
    ok(
        await tenant.client.post(
            "/v1/customers", json={"email": "ada@example.com", "source_id": "crm-42"}
        )
    )
    owner = await browsing("olga", Role.OWNER, None)
    link = f'href="/dashboard/customers/{made["customer_id"]}"'
    for typed in ("lovel", "ADA@example.com", "+49 151 12345678", made["scan"], "crm-42"):
        found = await owner.get("/dashboard/customers", params={"q": typed})
        assert link in found.text, typed
    nothing = await owner.get("/dashboard/customers", params={"q": "zebra"})
    assert "No customer matches" in nothing.text


async def test_staff_add_and_remove_stamps_and_the_history_says_why(
    tenant: Tenant, browsing: Browsing
) -> None:
    made = await customer_with_card(tenant, name="Ben", email="ben@example.com")
    owner = await browsing("olga", Role.OWNER, None)
    page = f"/dashboard/customers/{made['customer_id']}"

    added = await post_form(
        owner, page, f"{page}/stamps", {"card_id": made["card_id"], "count": "3"}
    )
    assert added.status_code == 303
    form = {"card_id": made["card_id"], "count": "1", "reason": "Stamped twice by mistake"}
    removed = await post_form(owner, page, f"{page}/stamp-removals", form)
    assert removed.status_code == 303

    shown = (await owner.get(removed.headers["location"])).text
    assert "Stamps removed." in shown
    assert "2 stamps" in shown
    assert "Stamped twice by mistake" in shown
    assert ok(await tenant.client.get(f"/v1/cards/{made['card_id']}"))["stamps"] == 2


async def test_a_long_history_is_shown_a_page_at_a_time_oldest_last(
    tenant: Tenant, browsing: Browsing
) -> None:
    made = await customer_with_card(tenant, name="Cleo", email="cleo@example.com")
    for _ in range(SHOWN):
        await stamp(tenant.client, made["card_id"])  # an event each, and more per goal
    owner = await browsing("olga", Role.OWNER, None)

    newest = await owner.get(f"/dashboard/customers/{made['customer_id']}")
    older = re.search(r'href="\?cursor=([^"]+)">Older<', newest.text)
    assert older is not None
    assert "Card issued" not in newest.text
    oldest = await owner.get(
        f"/dashboard/customers/{made['customer_id']}", params={"cursor": older.group(1)}
    )
    assert "Card issued" in oldest.text
    assert ">Older<" not in oldest.text


async def test_taking_more_stamps_than_the_card_has_is_said_at_the_field(
    tenant: Tenant, browsing: Browsing
) -> None:
    made = await customer_with_card(tenant, name="Cy", email="cy@example.com")
    owner = await browsing("olga", Role.OWNER, None)
    page = f"/dashboard/customers/{made['customer_id']}"
    form = {"card_id": made["card_id"], "count": "2", "reason": "wrong card"}
    refused = await post_form(owner, page, f"{page}/stamp-removals", form)
    assert refused.status_code == 422
    assert "has 0 stamps in this round" in refused.text


async def test_a_custom_voucher_is_given_with_its_code_shown(
    tenant: Tenant, browsing: Browsing
) -> None:
    made = await customer_with_card(tenant, name="Dee", email="dee@example.com")
    manager = await browsing("mia", Role.MANAGER, None)
    page = f"/dashboard/customers/{made['customer_id']}"
    form = {
        "card_id": made["card_id"],
        "template_id": "",
        "title": "Sorry cake",
        "expires_on": "2031-01-31",
    }
    given = await post_form(manager, page, f"{page}/vouchers", form)
    assert given.status_code == 303
    [voucher] = ok(
        await tenant.client.get("/v1/vouchers", params={"customer_id": made["customer_id"]})
    )["data"]
    assert voucher["title"] == "Sorry cake"
    shown = (await manager.get(page)).text
    assert voucher["redeem_code"] in shown
    assert "31 Jan 2031" in shown
    no_title = await post_form(manager, page, f"{page}/vouchers", {**form, "title": ""})
    assert no_title.status_code == 422
    assert "A custom voucher needs a title." in no_title.text


async def test_a_card_of_another_customer_cannot_be_stamped_from_this_page(
    tenant: Tenant, browsing: Browsing
) -> None:
    first = await customer_with_card(tenant, name="Eve", email="eve@example.com")
    second = await customer_with_card(tenant, name="Fay", email="fay@example.com")
    owner = await browsing("olga", Role.OWNER, None)
    page = f"/dashboard/customers/{first['customer_id']}"
    form = {"card_id": second["card_id"], "count": "1"}
    assert (await post_form(owner, page, f"{page}/stamps", form)).status_code == 403


async def test_a_manager_sees_the_history_of_their_location_only(
    tenant: Tenant, browsing: Browsing
) -> None:
    made = await customer_with_card(tenant, name="Gus", email="gus@example.com")
    harbour = ok(await tenant.client.post("/v1/locations", json={"name": "Harbour"}), 201)["id"]
    ok(
        await tenant.client.post(
            f"/v1/cards/{made['card_id']}/stamps",
            json={"count": 1, "location_id": harbour, "note": "harbour visit"},
        ),
        201,
    )
    await stamp(tenant.client, made["card_id"])
    manager = await browsing("mia", Role.MANAGER, tenant.location_id)
    owner = await browsing("olga", Role.OWNER, None)
    page = f"/dashboard/customers/{made['customer_id']}"
    assert "harbour visit" in (await owner.get(page)).text
    assert "harbour visit" not in (await manager.get(page)).text


async def test_a_scanner_cannot_open_customer_pages(
    tenant: Tenant, browsing: Browsing, visitor: httpx.AsyncClient
) -> None:
    made = await customer_with_card(tenant, name="Hal", email="hal@example.com")
    scanner = await browsing("till", Role.SCANNER, None)
    assert (await scanner.get("/dashboard/customers")).status_code == 403
    page = await scanner.get(f"/dashboard/customers/{made['customer_id']}")
    assert page.status_code == 403
    assert re.search("scanner only", page.text)
