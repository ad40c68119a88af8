"""The web card offers "Add to Google Wallet" when Google Wallet is set up."""

import re

from punchcard.wallet.web_link import path as card_path
from tests.conftest import Tenant
from tests.support.factories import card, coffee_program
from tests.wallet.google.conftest import ISSUER_ID, Google


async def test_the_web_card_button_redirects_to_googles_save_page(
    tenant: Tenant, google: Google
) -> None:
    program = await coffee_program(tenant.client)
    issued = await card(tenant.client, program["id"])
    web_card = card_path(tenant.business_id, issued["id"])

    page = await tenant.client.get(web_card, headers={"Authorization": ""})
    link = re.search(r'<a class="button wallet" href="([^"]+)">Add to Google Wallet</a>', page.text)
    assert link is not None
    saved = await tenant.client.get(link[1], headers={"Authorization": ""})

    assert saved.status_code == 303
    assert saved.headers["location"].startswith("https://pay.google.com/gp/v/save/")
    assert f"{ISSUER_ID}.{issued['id']}" in google.fake.objects


async def test_google_down_is_a_page_asking_to_try_again(tenant: Tenant, google: Google) -> None:
    program = await coffee_program(tenant.client)
    issued = await card(tenant.client, program["id"])
    google.fake.failing = 503

    answer = await tenant.client.get(
        f"{card_path(tenant.business_id, issued['id'])}/google",
        headers={"Authorization": "", "Accept-Language": "de"},
    )

    assert answer.status_code == 502
    assert "Der Wallet-Dienst hat nicht geantwortet." in answer.text


async def test_without_google_wallet_there_is_no_button(tenant: Tenant) -> None:
    program = await coffee_program(tenant.client)
    issued = await card(tenant.client, program["id"])

    page = await tenant.client.get(card_path(tenant.business_id, issued["id"]))

    assert "Add to Google Wallet" not in page.text
