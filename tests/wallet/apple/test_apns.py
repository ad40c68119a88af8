"""The APNs client against a real HTTP/2 TLS server on loopback."""

import secrets
from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec

from punchcard.config import Settings
from punchcard.wallet.apple.apns import Apns, ApnsError, apns_key_of
from punchcard.wallet.apple.pusher import ApplePusher
from punchcard.wallet.pushers import configured_pushers
from tests.support.fake_apns import KEY_ID, TEAM_ID, FakeApns

PASS_TYPE = "pass.dev.punchcard.test"


def client_of(settings: Settings) -> Apns:
    key = apns_key_of(settings)
    assert key is not None
    return Apns(settings, key)


@pytest.fixture
async def client(apns: FakeApns) -> AsyncIterator[Apns]:
    made = client_of(apns.settings())
    yield made
    await made.close()


async def test_a_push_is_an_empty_background_push_on_the_pass_type_topic_over_http2(
    apns: FakeApns, client: Apns
) -> None:
    device = secrets.token_hex(32)

    assert await client.notify(device, PASS_TYPE) is True

    push = apns.to(device)[0]
    assert push.http_version == "2"
    assert push.body == b"{}"
    assert push.headers["apns-topic"] == PASS_TYPE
    assert push.headers["apns-push-type"] == "background"
    assert push.headers["apns-priority"] == "5"


async def test_the_provider_token_is_reused_across_pushes(apns: FakeApns, client: Apns) -> None:
    first, second = secrets.token_hex(32), secrets.token_hex(32)
    await client.notify(first, PASS_TYPE)
    await client.notify(second, PASS_TYPE)

    assert apns.to(first)[0].headers["authorization"].startswith("bearer ")
    assert apns.to(first)[0].headers["authorization"] == apns.to(second)[0].headers["authorization"]


async def test_an_expired_provider_token_is_replaced_by_the_next_push(
    apns: FakeApns, client: Apns
) -> None:
    refused, next_one = secrets.token_hex(32), secrets.token_hex(32)
    apns.answer(refused, 403, "ExpiredProviderToken")

    with pytest.raises(ApnsError, match="ExpiredProviderToken"):
        await client.notify(refused, PASS_TYPE)
    await client.notify(next_one, PASS_TYPE)

    expired = apns.to(refused)[0].headers["authorization"]
    assert apns.to(next_one)[0].headers["authorization"] != expired


@pytest.mark.parametrize(("status", "reason"), [(410, "Unregistered"), (400, "BadDeviceToken")])
async def test_a_device_token_apns_no_longer_takes_is_reported_gone(
    apns: FakeApns, client: Apns, status: int, reason: str
) -> None:
    device = secrets.token_hex(32)
    apns.answer(device, status, reason)

    assert await client.notify(device, PASS_TYPE) is False


@pytest.mark.parametrize(
    ("status", "reason"),
    [(429, "TooManyRequests"), (500, "InternalServerError"), (503, "ServiceUnavailable")],
)
async def test_throttling_and_server_errors_raise_so_the_pass_is_retried(
    apns: FakeApns, client: Apns, status: int, reason: str
) -> None:
    device = secrets.token_hex(32)
    apns.answer(device, status, reason)

    with pytest.raises(ApnsError, match=f"{status} \\({reason}\\)"):
        await client.notify(device, PASS_TYPE)


async def test_a_key_apns_does_not_know_raises_a_clear_error(apns: FakeApns) -> None:
    other_key = ec.generate_private_key(ec.SECP256R1()).private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    client = client_of(apns.settings(apns_key=other_key.decode()))
    try:
        with pytest.raises(ApnsError, match=r"InvalidProviderToken.*PUNCHCARD_APNS_KEY"):
            await client.notify(secrets.token_hex(32), PASS_TYPE)
    finally:
        await client.close()


async def test_an_unreachable_apns_raises(apns: FakeApns) -> None:
    client = client_of(apns.settings(apns_base_url="https://127.0.0.1:9"))
    try:
        with pytest.raises(httpx.ConnectError):
            await client.notify(secrets.token_hex(32), PASS_TYPE)
    finally:
        await client.close()


def test_the_key_is_read_from_a_p8_file_or_pem_text(apns: FakeApns, tmp_path: Path) -> None:
    p8 = tmp_path / "AuthKey_TESTKEY123.p8"
    p8.write_text(apns.key_pem)

    from_file = apns_key_of(apns.settings(apns_key=str(p8)))
    from_text = apns_key_of(apns.settings())

    assert from_file is not None
    assert from_text is not None
    assert (from_file.key_id, from_file.team_id) == (KEY_ID, TEAM_ID)
    assert from_file.private_key.private_numbers() == from_text.private_key.private_numbers()


async def test_apple_pushes_join_only_when_the_key_is_configured(apns: FakeApns) -> None:
    assert configured_pushers(Settings()) == []
    [pusher] = configured_pushers(apns.settings())
    assert isinstance(pusher, ApplePusher)
    await pusher.apns.close()
    with pytest.raises(ValueError, match="half configured"):
        configured_pushers(Settings(apns_key_id=KEY_ID))
