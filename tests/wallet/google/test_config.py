"""Google Wallet settings: the key as a file or inline JSON, defaults from the key and the
public URL, and a clear word when the key is unusable."""

import json
from pathlib import Path

import pytest

from punchcard.config import Settings
from punchcard.wallet.google.config import GoogleWalletSetupError, google_wallet_config
from tests.support.fake_google_wallet import ServiceAccountKey

TOKEN_URI = "https://oauth2.example/token"


def settings(**fields: object) -> Settings:
    return Settings(google_wallet_issuer_id="3388000000012345678", **fields)  # type: ignore[arg-type]


def test_without_an_issuer_or_key_google_wallet_is_off() -> None:
    assert google_wallet_config(Settings()) is None
    assert google_wallet_config(settings()) is None


def test_inline_key_json_gives_token_url_and_origin_defaults(
    service_account_key: ServiceAccountKey,
) -> None:
    inline = json.dumps(service_account_key.key_json(TOKEN_URI))

    config = google_wallet_config(
        settings(google_wallet_service_account=inline, public_url="https://cards.example/app/")
    )

    assert config is not None
    assert config.account.client_email == service_account_key.client_email
    assert config.token_url == TOKEN_URI
    assert config.origins == ("https://cards.example",)
    assert config.public_url == "https://cards.example/app"


def test_a_missing_key_file_is_named(tmp_path: Path) -> None:
    missing = tmp_path / "nope.json"

    with pytest.raises(GoogleWalletSetupError, match=r"nope\.json"):
        google_wallet_config(settings(google_wallet_service_account=str(missing)))


def test_a_key_without_a_private_key_is_refused() -> None:
    with pytest.raises(GoogleWalletSetupError, match="SERVICE_ACCOUNT"):
        google_wallet_config(settings(google_wallet_service_account='{"client_email": "a@b"}'))
