"""Automations and tills made through their forms in Chromium, at phone and desktop sizes: a
mistake answered in place (422), then saved and listed; the till's secret copied once; a
scanner login refused. Names with markup in them render as text on every page showing them."""

import pytest
from playwright.async_api import Browser, Page, expect

from punchcard.staff.actor import Role
from tests.dashboard.conftest import LiveBusiness
from tests.support.browser import needs_chromium
from tests.support.dashboard_browser import SIZES, Watched, sign_in_as, watched_page
from tests.support.factories import coffee_program, ok, template

pytestmark = needs_chromium
HOSTILE = '"><img src=x onerror="window.__pwned=1">'


async def create_automation(watched: Watched, base: str) -> None:
    page = watched.page
    await page.goto(base + "/dashboard/automations")
    await page.get_by_role("link", name="+ New automation").click()
    await page.get_by_label("Name", exact=True).fill("We miss you")
    await page.get_by_label("Kind").select_option(label="Inactivity")
    await expect(page.get_by_label("Days before the birthday")).to_be_hidden()
    await page.get_by_label("Voucher for each recipient").select_option(label="Come back coffee")
    await watched.shot("automation-new")
    await page.get_by_role("button", name="Create automation").click()  # without its days
    await expect(page.locator("#days-error")).to_have_text("Please fill this in.")
    await expect(page.get_by_label("Kind")).to_have_value("inactivity")  # as typed
    await watched.shot("automation-refused")
    await page.get_by_label("Days", exact=True).fill("30")
    await page.get_by_role("button", name="Create automation").click()
    await expect(page.get_by_role("status")).to_have_text("The automation is saved.")
    await watched.shot("automation-saved")
    await page.get_by_role("link", name="Automations").click()
    await expect(page.get_by_role("link", name="We miss you")).to_be_visible()
    await watched.shot("automations")


async def connect_till(watched: Watched, base: str) -> str:
    """The secret the page showed once, as the copy button put it on the clipboard."""
    page = watched.page
    await page.goto(base + "/dashboard/integrations/pos")
    await page.get_by_role("link", name="+ Connect a till").click()
    await page.get_by_label("Name", exact=True).fill("Harbour till")
    await page.get_by_label("Program").select_option(label="Coffee card")
    await page.get_by_label("Stamps are given").select_option(label="per amount spent")
    await expect(page.get_by_label("Stamps per receipt", exact=True)).to_be_hidden()
    await expect(page.get_by_label("Application secret")).to_be_hidden()
    await watched.shot("till-new")
    await page.get_by_role("button", name="Connect till").click()  # without its amount
    await expect(page.locator("#stamp_rule\\.amount-error")).to_have_text("Please fill this in.")
    await watched.shot("till-refused")
    await page.get_by_label("One stamp per (cents)").fill("500")
    await page.get_by_label("Currency").fill("EUR")
    await page.get_by_role("button", name="Connect till").click()
    await expect(page.get_by_role("alert")).to_have_text("Copy it now: it will not be shown again.")
    await page.get_by_role("button", name="Copy secret").click()
    await expect(page.get_by_role("button", name="Copied")).to_be_visible()
    secret = str(await page.evaluate("navigator.clipboard.readText()"))
    await expect(page.locator("#new-secret")).to_have_text(secret)
    await watched.shot("till-connected")
    await page.get_by_role("link", name="← Tills (POS)").click()
    await expect(page.get_by_role("link", name="Harbour till")).to_be_visible()
    await watched.shot("tills")
    return secret


@pytest.mark.parametrize("size", list(SIZES))
async def test_an_owner_makes_an_automation_and_connects_a_till(
    live: LiveBusiness, browser: Browser, size: str
) -> None:
    await template(live.api, title="Come back coffee")
    await coffee_program(live.api)
    owner = await live.staff(f"olga-{size}", Role.OWNER)
    base = live.server.base_url
    async with watched_page(browser, size) as watched:
        await watched.page.context.grant_permissions(
            ["clipboard-read", "clipboard-write"], origin=base
        )
        await sign_in_as(watched, live.server, live.business_id, owner)
        await create_automation(watched, base)
        secret = await connect_till(watched, base)
    (automation,) = ok(await live.api.get("/v1/automations"))["data"]
    assert (automation["kind"], automation["days"]) == ("inactivity", 30)
    (till,) = ok(await live.api.get("/v1/pos-connectors"))["data"]
    assert till["stamp_rule"]["amount"] == 500
    assert secret.startswith("pos_whsec_")


@pytest.mark.parametrize("size", list(SIZES))
async def test_a_scanner_login_gets_the_refusal_page(
    live: LiveBusiness, browser: Browser, size: str
) -> None:
    till = await live.staff(f"till-{size}", Role.SCANNER, live.location_id)
    async with watched_page(browser, size) as watched:
        await sign_in_as(watched, live.server, live.business_id, till)
        for path in ("/dashboard/automations/new", "/dashboard/integrations/pos/new"):
            answer = await watched.page.goto(live.server.base_url + path)
            assert answer is not None
            assert answer.status == 403
            await expect(watched.page.get_by_role("heading", level=1)).to_be_visible()
        await watched.shot("scanner-refused")


async def inert(page: Page) -> None:
    """The hostile name shows as text, and nothing of it became an element or ran."""
    await expect(page.get_by_text(HOSTILE).first).to_be_attached()
    assert await page.locator("img[src=x]").count() == 0
    assert await page.evaluate("window.__pwned") is None


async def test_names_with_markup_render_as_text(live: LiveBusiness, browser: Browser) -> None:
    ok(await live.api.patch("/v1/business", json={"name": "Café " + HOSTILE}))
    await coffee_program(live.api, name="Card " + HOSTILE)
    body = {"name": "Olga " + HOSTILE, "login": "olga", "role": Role.OWNER.value}
    owner = str(ok(await live.api.post("/v1/staff", json=body), 201)["id"])
    base = live.server.base_url
    pages = [
        "/dashboard",  # the business's and the signed-in login's names in the layout
        "/dashboard/programs",
        "/dashboard/staff",
        "/dashboard/integrations?add=1",  # the staff login picker
        "/dashboard/campaigns/new",
        "/dashboard/automations/new",
        "/dashboard/integrations/pos/new",
    ]
    async with watched_page(browser, "desktop") as watched:
        await sign_in_as(watched, live.server, live.business_id, owner)
        for path in pages:
            await watched.page.goto(base + path)
            await inert(watched.page)
        await watched.shot("hostile-names")
