"""A customer on a phone: the join QR's page in headless Chromium against a real server."""

import asyncio
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import httpx
import pytest
from playwright.async_api import Browser, Page, expect

from tests.support.browser import PHONE, needs_chromium
from tests.support.databases import fresh_sqlite
from tests.support.factories import coffee_program, ok, stamp
from tests.support.pass_certs import PASS_TYPE_IDENTIFIER, TEAM_IDENTIFIER, make_chain
from tests.support.pkpass import pass_json, unzip
from tests.support.referrals import referral_program, referrals_of, referrer
from tests.support.server import Server, running_server

pytestmark = needs_chromium


@pytest.fixture(scope="module")
def join_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """A server with Apple Wallet set up (a test signing chain), so the card offers its pass."""
    chain = make_chain(tmp_path_factory.mktemp("pass-chain"))
    apple = {
        "PUNCHCARD_APPLE_PASS_TYPE_IDENTIFIER": PASS_TYPE_IDENTIFIER,
        "PUNCHCARD_APPLE_TEAM_IDENTIFIER": TEAM_IDENTIFIER,
        "PUNCHCARD_APPLE_CERTIFICATE": str(chain.certificate_path),
        "PUNCHCARD_APPLE_KEY": str(chain.key_path),
        "PUNCHCARD_APPLE_WWDR_CERTIFICATE": str(chain.root_path),
    }
    with pytest.MonkeyPatch.context() as patch:
        for name, value in apple.items():
            patch.setenv(name, value)  # the server process inherits the environment
        with running_server(fresh_sqlite(tmp_path_factory.mktemp("join"))) as running:
            yield running


@pytest.fixture
async def owner(join_server: Server) -> AsyncIterator[httpx.AsyncClient]:
    headers = {"Authorization": f"Bearer {join_server.api_key}"}
    async with httpx.AsyncClient(base_url=join_server.base_url, headers=headers) as client:
        yield client


@pytest.fixture
async def phone(browser: Browser) -> AsyncIterator[Page]:
    context = await browser.new_context(**PHONE, locale="en-GB")  # type: ignore[arg-type]
    yield await context.new_page()
    await context.close()


async def join_page(owner: httpx.AsyncClient, program_id: str) -> str:
    """The program's join link, on the test server (the link names the configured public URL)."""
    url = ok(await owner.get(f"/v1/programs/{program_id}/join-link"))["url"]
    return str(owner.base_url.join(httpx.URL(url).path))


async def test_join_on_a_phone_then_see_the_card_and_its_stamps(
    owner: httpx.AsyncClient, phone: Page, tmp_path: Path
) -> None:
    program = await coffee_program(owner)
    await phone.goto(await join_page(owner, program["id"]))

    await expect(phone.get_by_role("heading", level=1)).to_have_text("Collect stamps at E2E Café")
    await phone.get_by_label("Name").fill("Ada Lovelace")
    await phone.get_by_label("Email").fill("ada@example.com")
    await phone.get_by_label("Send me news and offers").check()
    await phone.get_by_role("button", name="Get my card").click()

    await phone.wait_for_url("**/c/**")
    stamps = phone.locator("ol.grid > li")
    await expect(stamps).to_have_count(10)
    await expect(phone.locator("ol.grid > li.filled")).to_have_count(0)
    scan_code = await phone.get_by_test_id("scan-code").inner_text()
    await expect(phone.get_by_role("img", name=f"QR {scan_code}")).to_be_visible()

    await stamp(owner, scan_code)
    await phone.reload()

    await expect(phone.locator("ol.grid > li.filled")).to_have_count(1)
    await expect(phone.get_by_text("1 of 10 stamps")).to_be_attached()
    await expect(phone.get_by_text("4 more stamps to Free cookie")).to_be_visible()
    customer = ok(await owner.get("/v1/customers", params={"email": "ada@example.com"}))["data"][0]
    assert customer["marketing_consent"] is True
    await phone.screenshot(path=tmp_path / "web-card.png", full_page=True)

    async with phone.expect_download() as downloading:
        await phone.get_by_role("link", name="Add to Apple Wallet").click()
    download = await downloading.value
    pkpass = await asyncio.to_thread(Path(await download.path()).read_bytes)
    card_pass = pass_json(unzip(pkpass))
    assert card_pass["barcodes"][0]["message"] == scan_code
    assert card_pass["passTypeIdentifier"] == PASS_TYPE_IDENTIFIER


async def test_the_join_form_explains_what_is_missing_in_german(
    owner: httpx.AsyncClient, browser: Browser, tmp_path: Path
) -> None:
    program = await coffee_program(owner)
    context = await browser.new_context(**PHONE, locale="de-DE")  # type: ignore[arg-type]
    page = await context.new_page()
    await page.goto(await join_page(owner, program["id"]))

    await page.get_by_label("Name").fill("Ada")
    await page.get_by_role("button", name="Meine Karte holen").click()

    email = page.get_by_label("E-Mail")
    await expect(email).to_have_attribute("aria-invalid", "true")
    await expect(page.locator("#email-error")).to_have_text(
        "Bitte gib deine E-Mail-Adresse oder Telefonnummer ein."
    )
    await expect(page.get_by_label("Name")).to_have_value("Ada")
    await page.screenshot(path=tmp_path / "join-errors.png", full_page=True)
    await context.close()


async def test_a_friend_follows_a_referral_link_on_a_phone_and_gets_the_welcome_voucher(
    owner: httpx.AsyncClient, phone: Page
) -> None:
    made = await referral_program(owner)
    ada = await referrer(owner, made)
    link = str(owner.base_url.join(httpx.URL(ada["link"]).raw_path.decode()))

    await phone.goto(link)
    await expect(phone.get_by_label("Referral code (optional)")).to_have_value(ada["code"])
    await phone.get_by_label("Name").fill("Ben")
    await phone.get_by_label("Email").fill("ben@example.com")
    await phone.get_by_role("button", name="Get my card").click()

    await phone.wait_for_url("**/c/**")
    await expect(phone.get_by_text("Welcome cookie")).to_be_visible()
    [referral] = await referrals_of(owner, made["id"])
    assert (referral["via"], referral["status"]) == ("join_form", "pending")
