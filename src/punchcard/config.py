"""Settings, read from the environment (prefix ``PUNCHCARD_``) or a ``.env`` file."""

from functools import lru_cache

from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="PUNCHCARD_", env_file=".env", extra="ignore")

    # SQLite is the embedded default; production uses postgresql+asyncpg://...
    database_url: str = "sqlite+aiosqlite:///./punchcard.db"
    # Connections per server process (PostgreSQL only): mind max_connections x processes.
    db_pool_size: int = 20
    # Where the public API is reachable; used for links printed by the CLI.
    public_url: str = "http://127.0.0.1:8000"
    # Idempotency-Key responses are replayed for at least this long.
    idempotency_ttl_hours: int = 24
    # last_used_at of an API key is written at most this often, off the hot path.
    api_key_touch_seconds: int = 60
    # Region for phone numbers given without +country code (ISO 3166 alpha-2, e.g. "DE").
    default_phone_region: str | None = None
    log_level: str = "info"
    # Fernet key sealing stored secrets (webhook signing keys). Unset: generated into the file.
    secret_key: str | None = None
    secret_key_file: str = ".punchcard-secret-key"
    # Webhook delivery.
    run_worker: bool = True  # `punchcard serve` runs a dispatcher in each server process
    webhook_timeout_seconds: float = 15.0
    webhook_allow_private_networks: bool = False  # loopback/private targets (tests, intranets)
    webhook_https_only: bool = False
    webhook_poll_seconds: float = 0.1  # idle wait between looks for new work
    webhook_max_in_flight: int = 128  # concurrent deliveries per worker process
    # POS connectors.
    pos_poster_base_url: str = "https://joinposter.com"  # a connector may override it
    pos_api_timeout_seconds: float = 10.0
    pos_signature_tolerance_seconds: int = 300  # signed till requests older or newer: refused
    # Redeem codes: undoing a redemption, guessing protection, the expiry sweep.
    redemption_rollback_minutes: int = 30
    code_lookup_failure_limit: int = 10  # failed look-ups per API key and per location ...
    code_lookup_window_seconds: int = 300  # ... in this sliding window, then 429
    voucher_expiry_sweep_seconds: float = 60.0  # how often each server process sweeps
    voucher_expiry_batch_size: int = 500  # vouchers expired (and events written) per transaction
    # CSV imports: the upload limit (POST /v1/imports has its own, above the global body limit),
    # rows applied per transaction, how long a worker holds a job between batches, and how
    # often an idle worker looks for one.
    import_max_upload_bytes: int = 64 * 1024 * 1024
    import_batch_size: int = 1000
    import_lease_seconds: float = 60.0
    import_poll_seconds: float = 0.5
    import_retention_days: int = 30  # finished imports (and their staged lines) are then deleted
    # Wallet cards: how often the worker looks for passes to push.
    wallet_poll_seconds: float = 0.2
    # Apple Wallet passes (wallet/apple): the global signing identity, each a file path or inline
    # PEM text. A business may upload its own (PUT /v1/wallet/apple-signing), which wins.
    apple_pass_type_identifier: str | None = None  # e.g. pass.com.example.loyalty
    apple_team_identifier: str | None = None
    apple_certificate: str | None = None  # the pass type certificate
    apple_key: str | None = None  # its private key
    apple_key_password: str | None = None
    apple_wwdr_certificate: str | None = None  # Apple's WWDR intermediate (G4)
    # Apple Wallet pushes (APNs, token auth with a .p8 key): pushes start once the key is set.
    apns_base_url: str = "https://api.push.apple.com"
    apns_key_id: str | None = None
    apns_team_id: str | None = None
    apns_key: str | None = None  # path to the .p8 file, or its PEM text
    apns_ca_file: str | None = None  # trust this CA instead of the system's (tests, proxies)
    apns_timeout_seconds: float = 10.0
    # Google Wallet (wallet/google): a loyalty class per program, a loyalty object per card.
    # Unset issuer id or service account: Google Wallet is off.
    google_wallet_issuer_id: str | None = None
    google_wallet_service_account: str | None = None  # JSON key file path, or its JSON text
    google_wallet_api_base_url: str = "https://walletobjects.googleapis.com/walletobjects/v1"
    google_wallet_token_url: str | None = None  # default: the key's token_uri
    google_wallet_origins: list[str] = []  # sites showing the save button; default: public_url
    google_wallet_timeout_seconds: float = 10.0
    # Google's root keys, which sign its save/delete callbacks (card_saved).
    google_wallet_callback_keys_url: str = "https://pay.google.com/gp/m/issuer/keys"


@lru_cache
def get_settings() -> Settings:
    return Settings()
