"""Signing in to the dashboard in Chromium, at phone and desktop sizes."""

import pytest
from playwright.async_api import Browser, expect

from punchcard.staff.actor import Role
from tests.dashboard.conftest import LiveBusiness
from tests.support.browser import needs_chromium
from tests.support.dashboard_browser import SIZES, sign_in_as, watched_page

pytestmark = needs_chromium


@pytest.mark.parametrize("size", list(SIZES))
async def test_an_owner_sets_a_password_signs_out_and_in_again(
    live: LiveBusiness, browser: Browser, size: str
) -> None:
    owner = await live.staff(f"olga-{size}", Role.OWNER)
    async with watched_page(browser, size) as watched:
        page = watched.page
        await sign_in_as(watched, live.server, live.business_id, owner)
        await expect(page.get_by_text(f"Signed in as Olga-{size.title()}")).to_be_visible()
        await watched.shot("overview-placeholder")

        await page.get_by_role("button", name="Sign out").click()
        await expect(page.get_by_role("heading", level=1)).to_have_text("Sign in to Café Lumen")
        await watched.shot("sign-in")
        await page.get_by_label("Login").fill(f"olga-{size}")
        await page.get_by_label("Password").fill("wrong password!")
        await page.get_by_role("button", name="Sign in").click()
        await expect(page.get_by_role("alert")).to_have_text(
            "The login or the password is not right."
        )
        await page.get_by_label("Password").fill("a good long password")
        await page.get_by_role("button", name="Sign in").click()
        await page.wait_for_url("**/dashboard")


async def test_a_scanner_sees_a_403_page_on_owner_pages(
    live: LiveBusiness, browser: Browser
) -> None:
    till = await live.staff("till", Role.SCANNER)
    async with watched_page(browser, "phone", locale="de-DE") as watched:
        await sign_in_as(watched, live.server, live.business_id, till)
        answer = await watched.page.goto(live.server.base_url + "/dashboard")
        assert answer is not None
        assert answer.status == 403
        await expect(watched.page.get_by_role("heading", level=1)).to_have_text(
            "Nicht für diese Anmeldung"
        )
        await watched.shot("scanner-forbidden")
