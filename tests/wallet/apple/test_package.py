"""A .pkpass is a zip whose manifest hashes every file and whose signature Wallet accepts."""

import hashlib
import json
from pathlib import Path

import pytest

from punchcard.config import Settings
from punchcard.db.engine import Database
from punchcard.kit.errors import Conflict, NotFound
from punchcard.wallet.apple.passes import Pkpass, pkpass_for_card
from tests.conftest import Tenant
from tests.support.factories import card, coffee_program, stamp
from tests.support.pass_certs import PASS_TYPE_IDENTIFIER, PassChain
from tests.support.pkpass import manifest_mismatches, openssl_verifies, signed_attributes, unzip


async def a_pkpass(tenant: Tenant, db: Database, settings: Settings) -> Pkpass:
    program = await coffee_program(tenant.client)
    issued = await card(tenant.client, program["id"])
    await stamp(tenant.client, issued["id"], 3)
    async with db.transaction() as session:
        return await pkpass_for_card(session, settings, tenant.business_id, issued["id"])


async def test_signature_verifies_with_openssl_up_to_the_wwdr_root(
    tenant: Tenant, db: Database, apple_settings: Settings, pass_chain: PassChain, tmp_path: Path
) -> None:
    made = await a_pkpass(tenant, db, apple_settings)
    files = unzip(made.content)
    assert openssl_verifies(files, pass_chain.root_path, tmp_path)
    assert "signingTime" in signed_attributes(files["signature"])  # Apple requires it
    assert made.pass_type_identifier == PASS_TYPE_IDENTIFIER


async def test_manifest_lists_every_file_with_its_sha1(
    tenant: Tenant, db: Database, apple_settings: Settings
) -> None:
    files = unzip((await a_pkpass(tenant, db, apple_settings)).content)
    assert manifest_mismatches(files) == []
    assert {"pass.json", "icon.png", "icon@2x.png", "strip@3x.png", "logo.png"} <= set(files)
    assert {"en.lproj/pass.strings", "de.lproj/pass.strings"} <= set(files)


async def test_a_tampered_pass_fails_the_checks(
    tenant: Tenant, db: Database, apple_settings: Settings, pass_chain: PassChain, tmp_path: Path
) -> None:
    files = unzip((await a_pkpass(tenant, db, apple_settings)).content)
    files["pass.json"] = files["pass.json"].replace(b"3/10", b"9/10")
    assert manifest_mismatches(files) == ["pass.json"]
    manifest = json.loads(files["manifest.json"])
    # A forger who also rewrites the manifest breaks the signature.
    manifest["pass.json"] = hashlib.sha1(files["pass.json"]).hexdigest()
    files["manifest.json"] = json.dumps(manifest).encode()
    assert not openssl_verifies(files, pass_chain.root_path, tmp_path)


async def test_last_modified_is_the_pass_version(
    tenant: Tenant, db: Database, apple_settings: Settings
) -> None:
    made = await a_pkpass(tenant, db, apple_settings)
    assert made.last_modified.tzinfo is not None


async def test_unknown_card_is_404_and_no_identity_is_409(
    tenant: Tenant, db: Database, database_url: str, apple_settings: Settings
) -> None:
    async with db.transaction() as session:
        with pytest.raises(NotFound) as missing:
            await pkpass_for_card(session, apple_settings, tenant.business_id, "card_nope")
    assert missing.value.code == "card_not_found"
    program = await coffee_program(tenant.client)
    issued = await card(tenant.client, program["id"])
    unconfigured = Settings(database_url=database_url)
    async with db.transaction() as session:
        with pytest.raises(Conflict) as conflict:
            await pkpass_for_card(session, unconfigured, tenant.business_id, issued["id"])
    assert conflict.value.code == "apple_wallet_not_configured"
