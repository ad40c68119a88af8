"""The scanner in Chromium: at phone size a fake camera films a real card QR code, then a
voucher's Code 128 barcode, and the page stamps the card and redeems the voucher once; manual
entry and a double tap at phone and desktop sizes (a till may be a laptop beside the register)."""

import re
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import pytest
from playwright.async_api import Browser, Page, async_playwright, expect

from punchcard.staff.actor import Role
from punchcard.vouchers.rendering import Size, render
from tests.dashboard.conftest import LiveBusiness
from tests.support import factories
from tests.support.browser import CHROMIUM, CHROMIUM_ARGS, needs_chromium
from tests.support.dashboard_browser import SIZES, sign_in_as, watched_page
from tests.support.fake_camera import film

pytestmark = needs_chromium
CARD_SECONDS = 12  # the card's part of the camera's film


@asynccontextmanager
async def filming(video: Path) -> AsyncIterator[Browser]:
    """Chromium whose camera shows ``video`` (and asks nobody for permission)."""
    camera = [
        "--use-fake-device-for-media-stream",
        "--use-fake-ui-for-media-stream",
        f"--use-file-for-fake-video-capture={video}",
    ]
    async with async_playwright() as playwright:
        launched = await playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=[*CHROMIUM_ARGS, *camera]
        )
        yield launched
        await launched.close()


async def coffee_card(live: LiveBusiness) -> tuple[dict[str, Any], dict[str, Any]]:
    """Anna's card, one stamp short of a second free coffee, and her first (a Code 128 code)."""
    coffee = await factories.template(
        live.api,
        title="Free coffee",
        redeem_code={"type": "pattern", "pattern": "CAFE-####"},
        formats=["text", "barcode"],
    )
    program = await factories.program(live.api, [(5, coffee["id"])], after_last_goal="restart")
    body = {"program_id": program["id"], "customer": {"email": "anna@example.com", "name": "Anna"}}
    card = factories.ok(await live.api.post("/v1/cards", json=body), 201)
    voucher = (await factories.stamp(live.api, card["id"], 5))["vouchers_issued"][0]
    return card, voucher


async def stamps(live: LiveBusiness, card_id: str) -> int:
    return int(factories.ok(await live.api.get(f"/v1/cards/{card_id}"))["stamps"])


async def manual_look_up(page: Page, code: str) -> None:
    await page.get_by_label("Code", exact=True).fill(code)
    await page.get_by_role("button", name="Look up").click()


async def test_the_camera_stamps_a_card_and_redeems_a_voucher_once(
    live: LiveBusiness, tmp_path: Path
) -> None:
    card, voucher = await coffee_card(live)
    barcode = await live.api.get(
        f"/v1/vouchers/{voucher['id']}/code.png", params={"format": "code128", "scale": 3}
    )
    assert barcode.status_code == 200, barcode.text
    card_qr = render(card["scan_code"], "qr", "png", Size(scale=10, bar_height=0))
    # The film runs from the browser's start: the card's part outlasts a slow sign-in (on a
    # loaded machine one took more than 3 s, and the page read the voucher first).
    video = film(tmp_path / "till.y4m", [(card_qr, CARD_SECONDS), (barcode.content, 3)])
    till = await live.staff("till", Role.SCANNER, live.location_id)
    async with (
        filming(video) as browser,
        watched_page(browser, "phone", permissions=["camera"]) as watched,
    ):
        page = watched.page
        await sign_in_as(watched, live.server, live.business_id, till)
        await expect(page.get_by_role("link", name="Scanner")).to_be_visible()
        await expect(page.get_by_role("link", name="Overview")).to_have_count(0)

        card_panel = page.get_by_test_id("card")
        await expect(card_panel).to_contain_text("Anna")  # the camera read the card's QR code
        await expect(page.get_by_test_id("stamps")).to_have_text("0 of 5 stamps")
        await watched.shot("scanner-card")
        await page.get_by_role("button", name="+1 stamp").click()
        await expect(page.get_by_test_id("feedback")).to_have_text(
            re.compile("1 stamp added for Anna")
        )
        await watched.shot("scanner-stamped")
        assert await stamps(live, card["id"]) == 1

        voucher_panel = page.get_by_test_id("voucher")  # then it reads the voucher's barcode
        await expect(voucher_panel).to_contain_text(
            "Hand over: Free coffee", timeout=(CARD_SECONDS + 5) * 1000
        )
        await expect(voucher_panel).to_contain_text(voucher["redeem_code"])
        await watched.shot("scanner-voucher")
        await page.get_by_role("button", name="Redeem now").click()
        await expect(page.get_by_test_id("feedback")).to_contain_text("Redeemed: Free coffee")
        await watched.shot("scanner-redeemed")

        await manual_look_up(page, voucher["redeem_code"])
        feedback = page.get_by_test_id("feedback")
        await expect(feedback).to_contain_text("Already redeemed")
        await expect(feedback).to_contain_text("Main")  # where: the till's location
        await watched.shot("scanner-already-redeemed")
    redeemed = factories.ok(await live.api.get(f"/v1/vouchers/{voucher['id']}"))
    assert (redeemed["status"], redeemed["redeemed_via"]) == ("redeemed", "staff_scanner")


@pytest.mark.parametrize("size", list(SIZES))
async def test_a_double_tap_stamps_once(live: LiveBusiness, browser: Browser, size: str) -> None:
    card, _ = await coffee_card(live)
    till = await live.staff("till2", Role.SCANNER, live.location_id)
    async with watched_page(browser, size) as watched:
        page = watched.page
        await sign_in_as(watched, live.server, live.business_id, till)
        await expect(page.get_by_role("button", name="Start camera")).to_be_visible()
        await manual_look_up(page, card["scan_code"])
        await page.get_by_role("button", name="+1 stamp").dblclick()
        await expect(page.get_by_test_id("feedback")).to_contain_text("1 stamp added for Anna")
        await expect(page.get_by_test_id("stamps")).to_have_text("1 of 5 stamps")
        await watched.shot("scanner-double-tap")
        scope = await page.evaluate("navigator.serviceWorker.ready.then((r) => r.scope)")
        assert scope == live.server.base_url + "/scan"  # installable, with its offline page

        elsewhere = await page.goto(live.server.base_url + "/dashboard")
        assert elsewhere is not None
        assert elsewhere.status == 403  # a scanner login reaches the scanner only
    assert await stamps(live, card["id"]) == 1


@pytest.mark.parametrize("size", list(SIZES))
async def test_manual_entry_works_without_javascript(
    live: LiveBusiness, browser: Browser, size: str
) -> None:
    card, voucher = await coffee_card(live)
    till = await live.staff("till3", Role.SCANNER, live.location_id)
    async with watched_page(browser, size, locale="de-DE", java_script_enabled=False) as watched:
        page = watched.page
        await sign_in_as(watched, live.server, live.business_id, till)
        await page.get_by_label("Code", exact=True).fill(card["scan_code"])
        await page.get_by_role("button", name="Suchen").click()
        await expect(page.get_by_test_id("stamps")).to_have_text("0 von 5 Stempeln")
        await page.get_by_role("button", name="+3").click()
        await expect(page.get_by_test_id("feedback")).to_contain_text(
            "3 Stempel für Anna hinzugefügt"
        )
        await watched.shot("scanner-no-js-stamped")
        await page.get_by_role("link", name="Einlösen…").click()
        await page.get_by_role("button", name="Jetzt einlösen").click()
        await expect(page.get_by_test_id("feedback")).to_contain_text("Eingelöst: Free coffee")
        await page.get_by_label("Code", exact=True).fill("GIBT-ES-NICHT")
        await page.get_by_role("button", name="Suchen").click()
        await expect(page.get_by_test_id("feedback")).to_contain_text("Nicht gefunden")
        await watched.shot("scanner-no-js-not-found")
    assert await stamps(live, card["id"]) == 3
    redeemed = factories.ok(await live.api.get(f"/v1/vouchers/{voucher['id']}"))
    assert redeemed["status"] == "redeemed"
