"""Every dashboard page in Chromium, in English and German, at phone and desktop sizes: it
renders without console errors or requests leaving loopback, and its screenshot is kept."""

import pytest
from playwright.async_api import Browser, expect

from punchcard.staff.actor import Role
from tests.dashboard.conftest import LiveBusiness
from tests.support.browser import needs_chromium
from tests.support.dashboard_browser import SIZES, sign_in_as, watched_page
from tests.support.factories import coffee_program, ok
from tests.support.images import png_bytes

pytestmark = needs_chromium
HEADINGS = {
    "en": [
        "Overview",
        "Customers",
        "Ada Lovelace",
        "Team",
        "Locations",
        "Settings",
        "Campaigns",
        "API & Integrations",
    ],
    "de": [
        "Übersicht",
        "Kunden",
        "Ada Lovelace",
        "Team",
        "Standorte",
        "Einstellungen",
        "Kampagnen",
        "API & Integrationen",
    ],
}


# The rest of the pages: each answers with its heading.
MORE_PAGES = [
    "/dashboard/programs",
    "/dashboard/programs/{program}",
    "/dashboard/programs/{program}/design",
    "/dashboard/voucher-templates/{template}",
    "/dashboard/campaigns/new",
    "/dashboard/automations",
    "/dashboard/integrations",
    "/dashboard/integrations/webhooks",
    "/dashboard/integrations/events",
    "/dashboard/integrations/no-code",
    "/dashboard/integrations/pos",
    "/dashboard/password",
]


async def café_with_a_regular(live: LiveBusiness) -> str:
    """A program, Ada's card with a reward redeemed, a second location: the customer id."""
    program = await coffee_program(live.api)
    body = {
        "program_id": program["id"],
        "customer": {"name": "Ada Lovelace", "email": "ada@example.com"},
    }
    card = ok(await live.api.post("/v1/cards", json=body), 201)
    stamped = ok(await live.api.post(f"/v1/cards/{card['id']}/stamps", json={"count": 6}), 201)
    voucher = stamped["vouchers_issued"][0]
    ok(await live.api.post(f"/v1/vouchers/{voucher['id']}/redeem"))
    ok(await live.api.post("/v1/locations", json={"name": "Harbour"}), 201)
    return str(card["customer_id"])


@pytest.mark.parametrize("size", list(SIZES))
@pytest.mark.parametrize("language", ["en", "de"])
async def test_every_page_renders_cleanly(
    live: LiveBusiness, browser: Browser, size: str, language: str
) -> None:
    customer_id = await café_with_a_regular(live)
    owner = await live.staff(f"olga-{language}-{size}", Role.OWNER)
    pages = [
        "/dashboard",
        "/dashboard/customers?q=ada",
        f"/dashboard/customers/{customer_id}",
        "/dashboard/staff",
        "/dashboard/locations",
        "/dashboard/settings",
        "/dashboard/automations/new",
        "/dashboard/integrations/pos/new",
    ]
    async with watched_page(
        browser, size, locale="de-DE" if language == "de" else "en-GB"
    ) as watched:
        await sign_in_as(watched, live.server, live.business_id, owner)
        for path, heading in zip(pages, HEADINGS[language], strict=True):
            await watched.page.goto(live.server.base_url + path)
            await expect(watched.page.get_by_role("heading", level=1)).to_have_text(heading)
            name = path.strip("/").replace("/", "-").split("?")[0].replace(customer_id, "customer")
            await watched.shot(f"{name}-{language}")
        program = ok(await live.api.get("/v1/programs"))["data"][0]
        ids = {"program": program["id"], "template": program["goals"][0]["template_id"]}
        for pattern in MORE_PAGES:
            path = pattern.format(**ids)
            shown = await watched.page.goto(live.server.base_url + path)
            assert shown is not None
            assert shown.status == 200, path
            await expect(watched.page.get_by_role("heading", level=1)).to_be_visible()
            name = pattern.strip("/").replace("/", "-").replace("{", "").replace("}", "")
            await watched.shot(f"{name}-{language}")


async def test_stamps_added_in_the_browser_show_on_the_customer_page(
    live: LiveBusiness, browser: Browser
) -> None:
    await café_with_a_regular(live)
    manager = await live.staff("mia", Role.MANAGER)
    async with watched_page(browser, "phone") as watched:
        page = watched.page
        await sign_in_as(watched, live.server, live.business_id, manager)
        await page.goto(live.server.base_url + "/dashboard/customers")
        await page.get_by_label("Name, email, phone, card code or your CRM id").fill(
            "ada@example.com"
        )
        await page.get_by_role("button", name="Search").click()
        await page.get_by_role("link", name="Ada Lovelace").click()
        await expect(page.get_by_text("6 stamps", exact=True)).to_be_visible()
        await page.get_by_label("How many").first.fill("2")
        await page.get_by_role("button", name="Add stamps").click()
        await expect(page.get_by_role("status")).to_have_text("Stamps added.")
        await expect(page.get_by_text("8 stamps", exact=True)).to_be_visible()
        await page.get_by_label("Reason").fill("Stamped twice by mistake")
        await page.get_by_role("button", name="Remove stamps").click()
        await expect(page.get_by_text("7 stamps", exact=True)).to_be_visible()
        await expect(page.get_by_role("cell", name="−1 · Stamped twice by mistake")).to_be_visible()
        await watched.shot("customer-after-corrections")


async def test_the_owner_uploads_and_removes_the_logo_in_the_browser(
    live: LiveBusiness, browser: Browser
) -> None:
    owner = await live.staff("olga", Role.OWNER)
    async with watched_page(browser, "phone") as watched:
        page = watched.page
        await sign_in_as(watched, live.server, live.business_id, owner)
        await page.goto(live.server.base_url + "/dashboard/settings")
        await page.get_by_label("Logo file (PNG)").set_input_files(
            {"name": "logo.png", "mimeType": "image/png", "buffer": png_bytes((300, 90))}
        )
        await page.get_by_role("button", name="Upload").first.click()
        await expect(page.get_by_role("status")).to_have_text("The logo is saved.")
        await expect(page.get_by_role("img", name="Your logo")).to_be_visible()
        await watched.shot("settings-with-logo")
        await page.get_by_role("button", name="Remove the logo").click()
        await expect(page.get_by_role("img", name="Your logo")).to_have_count(0)
    assert ok(await live.api.get("/v1/business"))["logo_png"] is None
