"""An owner's first day in Chromium, at phone and desktop sizes: a voucher template, a program
with its design and poster, then the till's API key through the dialog, copied and used."""

import httpx
import pytest
from playwright.async_api import Browser, expect

from punchcard.staff.actor import Role
from tests.dashboard.conftest import LiveBusiness
from tests.support.browser import needs_chromium
from tests.support.dashboard_browser import SIZES, sign_in_as, watched_page
from tests.support.factories import ok

pytestmark = needs_chromium


@pytest.mark.parametrize("size", list(SIZES))
async def test_an_owner_sets_up_a_program_and_the_tills_api_key(
    live: LiveBusiness, browser: Browser, size: str
) -> None:
    owner = await live.staff(f"olga-{size}", Role.OWNER)
    till = await live.staff(f"till-{size}", Role.SCANNER)  # the Team page is another area's
    base = live.server.base_url
    async with watched_page(browser, size) as watched:
        page = watched.page
        await page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base)
        await sign_in_as(watched, live.server, live.business_id, owner)

        await page.goto(base + "/dashboard/programs")
        await watched.shot("programs-empty")
        await page.get_by_role("link", name="+ New voucher template").click()
        await page.get_by_label("Title", exact=True).fill("Free coffee")
        await page.get_by_label("A pattern, e.g. CAFE-####").check()
        await expect(page.get_by_label("Prefix")).to_be_hidden()
        await page.get_by_label("Pattern", exact=True).fill("CAFE-####")
        await page.get_by_label("Valid for (days after it is issued)").fill("30")
        await watched.shot("template-new")
        await page.get_by_role("button", name="Create").click()
        await expect(page.get_by_role("status")).to_have_text("The voucher template is created.")

        await page.goto(base + "/dashboard/programs/new")
        await page.get_by_label("Name", exact=True).fill("Coffee card")
        await page.locator("#goal_stamps_0").fill("10")
        await page.locator("#goal_reward_0").select_option(label="Free coffee")
        await watched.shot("program-new")
        await page.get_by_role("button", name="Create").click()
        await expect(page.get_by_role("status")).to_have_text("The program is saved.")
        await expect(page.get_by_role("link", name="Download the QR poster (PDF)")).to_be_visible()
        await watched.shot("program-saved")

        await page.get_by_role("link", name="Design", exact=True).click()
        preview = page.locator("#card-preview")
        before = await preview.get_attribute("src")
        await page.get_by_label("Background").fill("#7a1f3d")
        await expect(preview).not_to_have_attribute("src", before or "")
        await page.get_by_role("button", name="Save").click()
        await expect(page.get_by_role("status")).to_contain_text("The design is saved")
        await watched.shot("design")

        await page.goto(base + "/dashboard/integrations")
        await page.get_by_role("link", name="+ Add API key").click()
        dialog = page.get_by_role("dialog", name="Add API key")
        await expect(dialog).to_be_visible()
        options = await dialog.get_by_label("Staff login").locator("option").all_text_contents()
        assert any(f"till-{size}" in option for option in options)
        await dialog.get_by_label("Staff login").select_option(till)
        await watched.shot("api-key-dialog")
        await dialog.get_by_role("button", name="Generate").click()
        await expect(page.get_by_role("alert")).to_have_text(
            "Copy this key now: it will not be shown again."
        )
        shown = await page.locator("#new-key").inner_text()
        await page.get_by_role("button", name="Copy key").click()
        await expect(page.get_by_role("button", name="Copied")).to_be_visible()
        copied = await page.evaluate("navigator.clipboard.readText()")
        assert copied == shown
        await watched.shot("api-key-shown")

        await page.goto(base + "/dashboard/integrations")
        await expect(page.get_by_role("cell", name=f"till-{size}", exact=True)).to_be_visible()
        assert shown not in await page.content()
        await page.get_by_role("link", name="+ Add API key").click()
        logins = await page.get_by_label("Staff login").locator("option").all_text_contents()
        assert not any(f"till-{size}" in option for option in logins)  # one key per login
        await page.get_by_role("link", name="Cancel").click()
        await expect(page.get_by_role("dialog")).to_be_hidden()
        await watched.shot("api-keys")

    async with httpx.AsyncClient(base_url=base) as api:
        me = ok(await api.get("/v1/me", headers={"Authorization": f"Bearer {copied}"}))
    assert (me["staff_id"], me["role"]) == (till, "scanner")


async def test_webhooks_events_and_no_code_pages_in_german(
    live: LiveBusiness, browser: Browser
) -> None:
    owner = await live.staff("olga", Role.OWNER)
    base = live.server.base_url
    async with watched_page(browser, "phone", locale="de-DE") as watched:
        page = watched.page
        await sign_in_as(watched, live.server, live.business_id, owner)
        await page.goto(base + "/dashboard/integrations/webhooks")
        await page.get_by_label("URL").fill("https://crm.example.com/punchcard")
        await page.get_by_label("stamp_added").check()
        await page.get_by_role("button", name="Endpunkt hinzufügen").click()
        await expect(page.get_by_role("status")).to_contain_text("Der Endpunkt wurde angelegt")
        await page.get_by_role("button", name="Testereignis senden").click()
        await expect(page.get_by_role("status")).to_have_text("Ein Testereignis ist unterwegs.")
        await watched.shot("webhook-endpoint")
        await page.get_by_role("link", name="voucher_redeemed").click()
        await page.get_by_role("button", name="Erneut senden").click()
        await expect(page.get_by_role("status")).to_contain_text("erneut gesendet")
        await watched.shot("webhook-message")
        for tab, shot in (
            ("Ereignisse", "events"),
            ("Zapier & Make", "no-code"),
            ("Kassen (POS)", "pos"),
        ):
            await page.get_by_role("link", name=tab).click()
            await watched.shot(shot)


@pytest.mark.parametrize("size", list(SIZES))
async def test_campaign_pages_count_the_audience(
    live: LiveBusiness, browser: Browser, size: str
) -> None:
    owner = await live.staff(f"olga-{size}", Role.OWNER)
    base = live.server.base_url
    async with watched_page(browser, size) as watched:
        page = watched.page
        await sign_in_as(watched, live.server, live.business_id, owner)
        await page.goto(base + "/dashboard/campaigns")
        await watched.shot("campaigns")
        await page.get_by_role("link", name="+ New campaign").click()
        await page.get_by_label("Name").fill("Double stamps")
        await page.get_by_label("At least … stamps").fill("3")
        await page.get_by_role("button", name="Count").click()
        await expect(page.get_by_role("status")).to_have_text("0 customers in this audience now.")
        await watched.shot("campaign-new")
        await page.get_by_role("link", name="Message templates").click()
        await watched.shot("message-templates")
        await page.get_by_role("link", name="Automations").click()
        await watched.shot("automations")
