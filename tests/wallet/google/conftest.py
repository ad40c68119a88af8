"""Google Wallet set up against a fake Google on loopback, with a freshly generated key."""

from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from punchcard.config import Settings, get_settings
from tests.support.fake_google_wallet import (
    FakeGoogleWallet,
    ServiceAccountKey,
    fake_google_wallet,
)

ISSUER_ID = "3388000000022222228"


@dataclass
class Google:
    fake: FakeGoogleWallet
    account: ServiceAccountKey
    settings: Settings


@pytest.fixture(scope="session")
def service_account_key() -> ServiceAccountKey:
    return ServiceAccountKey.generate()


@pytest.fixture
async def fake_google(service_account_key: ServiceAccountKey) -> AsyncIterator[FakeGoogleWallet]:
    async with fake_google_wallet(service_account_key) as fake:
        yield fake


@pytest.fixture
def google(
    fake_google: FakeGoogleWallet,
    service_account_key: ServiceAccountKey,
    database_url: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> Iterator[Google]:
    """Google Wallet configured through the environment, as an operator does."""
    key_file = service_account_key.write_key_file(tmp_path, fake_google.token_url)
    environment = {
        "PUNCHCARD_GOOGLE_WALLET_ISSUER_ID": ISSUER_ID,
        "PUNCHCARD_GOOGLE_WALLET_SERVICE_ACCOUNT": str(key_file),
        "PUNCHCARD_GOOGLE_WALLET_API_BASE_URL": fake_google.api_base_url,
        "PUNCHCARD_GOOGLE_WALLET_CALLBACK_KEYS_URL": fake_google.keys_url,
        "PUNCHCARD_GOOGLE_WALLET_ORIGINS": '["https://cafe.example"]',
        "PUNCHCARD_PUBLIC_URL": "https://loyalty.example",
    }
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    get_settings.cache_clear()
    settings = Settings(
        database_url=database_url, webhook_poll_seconds=0.02, wallet_poll_seconds=0.02
    )
    yield Google(fake_google, service_account_key, settings)
    monkeypatch.undo()
    get_settings.cache_clear()
