"""Staff download a card's pass: managers and owners may, scanners may not."""

from pathlib import Path

from tests.conftest import Tenant
from tests.support.factories import card, coffee_program, problem, staff_key
from tests.support.pass_certs import PassChain
from tests.support.pkpass import manifest_mismatches, openssl_verifies, unzip


async def test_a_manager_downloads_a_signed_pkpass(
    tenant: Tenant, pass_chain: PassChain, tmp_path: Path
) -> None:
    program = await coffee_program(tenant.client)
    issued = await card(tenant.client, program["id"])
    _, manager_key = await staff_key(tenant.client, "manager")
    async with await tenant.client_for(manager_key) as manager:
        response = await manager.get(f"/v1/cards/{issued['id']}/wallet/apple.pkpass")
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == "application/vnd.apple.pkpass"
    assert f'filename="{issued["id"]}.pkpass"' in response.headers["content-disposition"]
    files = unzip(response.content)
    assert manifest_mismatches(files) == []
    assert openssl_verifies(files, pass_chain.root_path, tmp_path)


async def test_a_scanner_may_not_download(tenant: Tenant) -> None:
    program = await coffee_program(tenant.client)
    issued = await card(tenant.client, program["id"])
    _, scanner_key = await staff_key(tenant.client, "scanner")
    async with await tenant.client_for(scanner_key) as scanner:
        response = await scanner.get(f"/v1/cards/{issued['id']}/wallet/apple.pkpass")
    problem(response, 403, "insufficient_role")


async def test_another_business_card_is_not_found(tenant: Tenant, stranger: Tenant) -> None:
    program = await coffee_program(stranger.client)
    theirs = await card(stranger.client, program["id"])
    response = await tenant.client.get(f"/v1/cards/{theirs['id']}/wallet/apple.pkpass")
    problem(response, 404, "card_not_found")
