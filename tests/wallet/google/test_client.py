"""The Wallet REST client against a fake Google: tokens, upserts, and errors that say why."""

import socket
from dataclasses import replace

import pytest

from punchcard.wallet.google.client import (
    GoogleWalletError,
    GoogleWalletUnavailable,
    NotInWallet,
)
from punchcard.wallet.google.config import GoogleWalletConfig, google_wallet_config
from punchcard.wallet.google.service import wallet_client
from tests.wallet.google.conftest import ISSUER_ID, Google

CLASS = {"id": f"{ISSUER_ID}.biz_1-prg_1", "programName": "Coffee card"}
OBJECT = {"id": f"{ISSUER_ID}.card_1", "classId": CLASS["id"], "state": "ACTIVE"}


def config_of(google: Google) -> GoogleWalletConfig:
    config = google_wallet_config(google.settings)
    assert config is not None
    return config


async def test_one_access_token_serves_many_calls(google: Google) -> None:
    async with wallet_client(config_of(google)) as client:
        await client.upsert_class(CLASS)
        await client.upsert_object(OBJECT)

    assert len(google.fake.tokens) == 1
    assert google.fake.objects[OBJECT["id"]] == OBJECT


async def test_a_token_about_to_expire_is_replaced(google: Google) -> None:
    google.fake.token_lifetime = 60  # within the refresh margin: stale as soon as it arrives
    async with wallet_client(config_of(google)) as client:
        await client.upsert_class(CLASS)
        await client.upsert_object(OBJECT)

    assert len(google.fake.tokens) == 2


async def test_a_revoked_token_is_replaced_on_the_next_call(google: Google) -> None:
    async with wallet_client(config_of(google)) as client:
        await client.upsert_class(CLASS)
        google.fake.tokens.clear()
        with pytest.raises(GoogleWalletUnavailable, match="refused the access token"):
            await client.upsert_object(OBJECT)
        await client.upsert_object(OBJECT)

    assert OBJECT["id"] in google.fake.objects


async def test_inserting_what_exists_updates_it(google: Google) -> None:
    async with wallet_client(config_of(google)) as client:
        await client.upsert_class(CLASS)
        await client.upsert_object(OBJECT)
        await client.upsert_object({**OBJECT, "state": "EXPIRED"})

    assert google.fake.objects[OBJECT["id"]]["state"] == "EXPIRED"
    assert google.fake.calls("PATCH", "loyaltyObject") == 1


async def test_a_refused_token_says_google_refused_the_service_account(google: Google) -> None:
    google.fake.refuse_tokens = True
    async with wallet_client(config_of(google)) as client:
        with pytest.raises(GoogleWalletError, match="refused an access token") as refused:
            await client.upsert_class(CLASS)

    assert "invalid_grant: Invalid JWT Signature." in str(refused.value)
    assert not isinstance(refused.value, GoogleWalletUnavailable)
    assert google.fake.requests == []


async def test_google_failing_is_unavailable_and_worth_retrying(google: Google) -> None:
    google.fake.failing = 503
    async with wallet_client(config_of(google)) as client:
        with pytest.raises(GoogleWalletUnavailable, match="503 Internal error encountered"):
            await client.upsert_class(CLASS)


async def test_a_refused_call_carries_googles_message(google: Google) -> None:
    async with wallet_client(config_of(google)) as client:
        with pytest.raises(GoogleWalletError, match=r"400 Class .* does not exist") as refused:
            await client.insert_object(OBJECT)
        with pytest.raises(NotInWallet):
            await client.patch_object(OBJECT["id"], OBJECT)

    assert not isinstance(refused.value, GoogleWalletUnavailable)


async def test_google_unreachable_is_unavailable(google: Google) -> None:
    with socket.socket() as closed:  # a port nothing listens on
        closed.bind(("127.0.0.1", 0))
        port = closed.getsockname()[1]
    config = replace(config_of(google), token_url=f"http://127.0.0.1:{port}/token")
    async with wallet_client(config) as client:
        with pytest.raises(GoogleWalletUnavailable, match="unreachable"):
            await client.upsert_class(CLASS)
