"""The web card offers its Apple pass when Apple Wallet is set up (it is, in this folder)."""

import re
from pathlib import Path

from punchcard.wallet.web_link import path as card_path
from tests.conftest import Tenant
from tests.support.factories import card, coffee_program, stamp
from tests.support.pass_certs import PassChain
from tests.support.pkpass import manifest_mismatches, openssl_verifies, pass_json, unzip


async def test_the_web_card_links_its_signed_apple_pass(
    tenant: Tenant, pass_chain: PassChain, tmp_path: Path
) -> None:
    program = await coffee_program(tenant.client)
    issued = await card(tenant.client, program["id"])
    await stamp(tenant.client, issued["id"], 2)
    web_card = card_path(tenant.business_id, issued["id"])

    page = await tenant.client.get(web_card, headers={"Authorization": ""})
    link = re.search(r'<a class="button wallet" href="([^"]+)">Add to Apple Wallet</a>', page.text)
    assert link is not None
    assert link[1] == f"{web_card}/pass.pkpass"
    download = await tenant.client.get(link[1], headers={"Authorization": ""})

    assert download.status_code == 200
    assert download.headers["content-type"] == "application/vnd.apple.pkpass"
    assert download.headers["cache-control"] == "private, no-store"
    files = unzip(download.content)
    assert manifest_mismatches(files) == []
    assert openssl_verifies(files, pass_chain.root_path, tmp_path)
    assert pass_json(files)["barcodes"][0]["message"] == issued["scan_code"]


async def test_a_pass_link_with_a_wrong_token_is_a_404(tenant: Tenant) -> None:
    program = await coffee_program(tenant.client)
    issued = await card(tenant.client, program["id"])
    other = await card(tenant.client, program["id"])
    wrong = card_path(tenant.business_id, other["id"]).replace(other["id"], issued["id"])

    answer = await tenant.client.get(f"{wrong}/pass.pkpass", headers={"Authorization": ""})

    assert answer.status_code == 404
    assert "This card link is not valid." in answer.text
