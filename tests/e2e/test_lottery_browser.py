"""A customer plays a lottery ticket on the web card in headless Chromium with JavaScript off:
the button is a plain form, the answer a redirect back to the card with the result."""

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from playwright.async_api import Browser, expect

from punchcard.wallet.web_link import path as card_path
from tests.support.browser import PHONE, needs_chromium
from tests.support.databases import fresh_sqlite
from tests.support.factories import lottery, lottery_card, ok, template, tickets
from tests.support.server import Server, running_server

pytestmark = needs_chromium


@pytest.fixture(scope="module")
def lottery_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    with running_server(fresh_sqlite(tmp_path_factory.mktemp("lottery"))) as running:
        yield running


async def test_play_a_ticket_without_javascript_and_see_the_prize(
    lottery_server: Server, browser: Browser, tmp_path: Path
) -> None:
    headers = {"Authorization": f"Bearer {lottery_server.api_key}"}
    async with httpx.AsyncClient(base_url=lottery_server.base_url, headers=headers) as owner:
        coffee = await template(
            owner, title="Free coffee", redeem_code={"type": "fixed", "value": "LUCKY"}
        )
        prize = {"key": "free_coffee", "template_id": coffee["id"], "weight": 1}
        the_card = await lottery_card(owner, (await lottery(owner, [prize]))["id"])
        [ticket] = await tickets(owner, the_card["id"])
        business_id = ok(await owner.get("/v1/me"))["business_id"]
    context = await browser.new_context(**PHONE, locale="en-GB", java_script_enabled=False)  # type: ignore[arg-type]
    phone = await context.new_page()

    await phone.goto(lottery_server.base_url + card_path(business_id, the_card["id"]))
    await expect(phone.get_by_role("heading", name="Spin the wheel")).to_be_visible()
    await phone.get_by_role("button", name="Play now").click()

    await expect(phone.get_by_test_id("lottery-result")).to_have_text("You won: Free coffee")
    await expect(phone.get_by_text("Code: LUCKY")).to_be_visible()
    await expect(phone.get_by_role("button", name="Play now")).to_have_count(0)
    assert phone.url.endswith(card_path(business_id, the_card["id"]))  # the redirect's GET
    await phone.screenshot(path=tmp_path / "lottery-result.png", full_page=True)
    await context.close()
    async with httpx.AsyncClient(base_url=lottery_server.base_url, headers=headers) as owner:
        assert ok(await owner.get(f"/v1/vouchers/{ticket['id']}"))["status"] == "played"
