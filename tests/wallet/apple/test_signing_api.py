"""A business's own signing identity: checked on upload, wins over the server's, never shown."""

from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import Tenant
from tests.support.factories import card, coffee_program, ok, problem, staff_key
from tests.support.pass_certs import PASS_TYPE_IDENTIFIER, PassChain, key_pem, make_chain, new_key
from tests.support.pkpass import openssl_verifies, pass_json, unzip

URL = "/v1/wallet/apple-signing"


@pytest.fixture(scope="session")
def own_chain(tmp_path_factory: pytest.TempPathFactory) -> PassChain:
    return make_chain(
        tmp_path_factory.mktemp("own-chain"),
        pass_type_identifier="pass.example.bakery",
        team_identifier="BAKERY0001",
    )


def upload(chain: PassChain, **fields: Any) -> dict[str, Any]:
    body = {
        "certificate": chain.certificate_pem,
        "key": chain.key_pem,
        "wwdr_certificate": chain.root_pem,
    }
    return {**body, **fields}


async def downloaded(tenant: Tenant) -> dict[str, bytes]:
    program = await coffee_program(tenant.client)
    issued = await card(tenant.client, program["id"])
    response = await tenant.client.get(f"/v1/cards/{issued['id']}/wallet/apple.pkpass")
    assert response.status_code == 200, response.text
    return unzip(response.content)


async def test_the_business_identity_signs_its_passes_instead_of_the_server_one(
    tenant: Tenant, own_chain: PassChain, pass_chain: PassChain, tmp_path: Path
) -> None:
    saved = ok(await tenant.client.put(URL, json=upload(own_chain)))
    assert saved["source"] == "business"
    assert saved["pass_type_identifier"] == "pass.example.bakery"  # read from the certificate
    assert saved["team_identifier"] == "BAKERY0001"
    assert "key" not in saved
    assert ok(await tenant.client.get(URL)) == saved
    files = await downloaded(tenant)
    assert pass_json(files)["passTypeIdentifier"] == "pass.example.bakery"
    assert pass_json(files)["teamIdentifier"] == "BAKERY0001"
    assert openssl_verifies(files, own_chain.root_path, tmp_path)
    assert not openssl_verifies(files, pass_chain.root_path, tmp_path)


async def test_deleting_it_returns_to_the_server_identity(
    tenant: Tenant, own_chain: PassChain
) -> None:
    ok(await tenant.client.put(URL, json=upload(own_chain)))
    assert (await tenant.client.delete(URL)).status_code == 204
    now = ok(await tenant.client.get(URL))
    assert (now["source"], now["pass_type_identifier"]) == ("settings", PASS_TYPE_IDENTIFIER)
    assert pass_json(await downloaded(tenant))["passTypeIdentifier"] == PASS_TYPE_IDENTIFIER
    problem(await tenant.client.delete(URL), 404, "apple_signing_not_found")


async def test_the_server_wwdr_applies_when_none_is_uploaded(
    tenant: Tenant, pass_chain: PassChain
) -> None:
    body = upload(pass_chain, wwdr_certificate=None, team_identifier="TEAM123456")
    saved = ok(await tenant.client.put(URL, json=body))
    assert saved["wwdr_certificate_expires_at"] is not None


async def test_an_encrypted_key_opens_with_its_password(
    tenant: Tenant, own_chain: PassChain
) -> None:
    key = new_key()
    chain = make_chain(own_chain.directory / "encrypted")
    sealed_key = key_pem(key, "s3cret")
    problem(
        await tenant.client.put(URL, json=upload(chain, key=sealed_key, key_password="s3cret")),
        422,
        "key_certificate_mismatch",  # opened, but it is not this certificate's key
    )
    wrong = await tenant.client.put(URL, json=upload(chain, key=sealed_key, key_password="nope"))
    assert problem(wrong, 422, "invalid_key")["errors"][0]["field"] == "body.key"
    missing = await tenant.client.put(URL, json=upload(chain, key=sealed_key))
    assert problem(missing, 422, "invalid_key")["errors"][0]["field"] == "body.key_password"


async def test_a_key_of_another_certificate_is_a_mismatch(
    tenant: Tenant, own_chain: PassChain, pass_chain: PassChain
) -> None:
    response = await tenant.client.put(URL, json=upload(own_chain, key=pass_chain.key_pem))
    body = problem(response, 422, "key_certificate_mismatch")
    assert body["errors"] == [{"field": "body.key", "message": "it is not the certificate's key"}]


async def test_an_expired_certificate_is_refused_with_its_expiry(
    tenant: Tenant, tmp_path: Path
) -> None:
    old = make_chain(tmp_path, valid_from=datetime.now(UTC) - timedelta(days=400), valid_days=365)
    body = problem(await tenant.client.put(URL, json=upload(old)), 422, "certificate_not_valid_now")
    assert body["errors"][0]["field"] == "body.certificate"
    assert body["expires_at"].startswith(str((datetime.now(UTC) - timedelta(days=35)).year))


async def test_a_certificate_from_another_ca_is_refused(
    tenant: Tenant, own_chain: PassChain, pass_chain: PassChain
) -> None:
    response = await tenant.client.put(
        URL, json=upload(own_chain, wwdr_certificate=pass_chain.root_pem)
    )
    problem(response, 422, "certificate_not_issued_by_wwdr")


async def test_garbage_and_wrong_identifiers_name_their_field(
    tenant: Tenant, own_chain: PassChain
) -> None:
    cases = {
        "certificate": ({"certificate": "-----BEGIN CERTIFICATE-----\nxx"}, "invalid_certificate"),
        "key": ({"key": "not a key"}, "invalid_key"),
        "pass_type_identifier": (
            {"pass_type_identifier": "pass.other"},
            "pass_type_identifier_mismatch",
        ),
    }
    for field, (change, code) in cases.items():
        body = problem(await tenant.client.put(URL, json=upload(own_chain, **change)), 422, code)
        assert body["errors"][0]["field"] == f"body.{field}"
    problem(await tenant.client.put(URL, json={"key": "x"}), 422, "validation_error")


async def test_only_owners_manage_the_identity(tenant: Tenant, own_chain: PassChain) -> None:
    _, manager_key = await staff_key(tenant.client, "manager")
    async with await tenant.client_for(manager_key) as manager:
        problem(await manager.put(URL, json=upload(own_chain)), 403, "insufficient_role")
        problem(await manager.get(URL), 403, "insufficient_role")
