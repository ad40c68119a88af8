"""Settings, read from the environment (prefix ``PUNCHCARD_``) or a ``.env`` file."""

import base64
from datetime import timedelta
from functools import lru_cache
from typing import Annotated, Literal

from pydantic import Field, PositiveFloat, field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="PUNCHCARD_", env_file=".env", extra="ignore")

    # SQLite is the embedded default; production uses postgresql+asyncpg://...
    database_url: str = "sqlite+aiosqlite:///./punchcard.db"
    # Connections per server process (PostgreSQL only): mind max_connections x processes.
    db_pool_size: int = 20
    db_connect_timeout_seconds: float = 5.0  # a database that does not answer: 503 after this
    db_pool_timeout_seconds: float = 30.0  # every pooled connection busy this long: 503
    # Where the public API is reachable; used for links printed by the CLI.
    public_url: str = "http://127.0.0.1:8000"
    # Host names served besides public_url's and loopback (a JSON list; "*": any).
    allowed_hosts: list[str] = []
    # Request bodies larger than this are refused (413) before they are read; public
    # endpoints have smaller limits of their own.
    max_body_bytes: int = 1_048_576
    access_log: bool = True  # one line per request, tokens redacted (serve --no-access-log)
    # Prometheus metrics: GET /metrics on a listener of its own, off unless a port is set;
    # loopback unless the host says otherwise, and a bearer token when one is set.
    metrics_port: Annotated[int, Field(ge=1, le=65535)] | None = None
    metrics_host: str = "127.0.0.1"
    metrics_token: str | None = None
    # Public endpoints that write: limits per client address and per program or pass, counted
    # in the database (every server process shares them), each per window.
    join_limit_per_address: int = 10
    join_limit_per_program: int = 200
    join_limit_window_seconds: int = 600
    passkit_registrations_per_address: int = 60
    passkit_log_posts_per_address: int = 60
    passkit_limit_window_seconds: int = 3600
    passkit_devices_per_pass: int = 10
    web_link_rotations_per_card: int = 5  # by the customer, from the web card, per hour
    # Referral codes on the join form that match no referrer, per client address and window.
    referral_code_failures_per_address: int = 10
    referral_code_failure_window_seconds: int = 3600
    # Dashboard sign-in: attempts per client address, failed passwords per login, per window.
    sign_in_limit_per_address: int = 20
    sign_in_failures_per_login: int = 5
    sign_in_window_seconds: int = 900
    dashboard_session_days: int = 14  # since the last visit (a session is renewed when used)
    password_reset_hours: int = 48  # how long a one-time password link works
    channel_links_per_card: int = 20  # messenger link buttons followed per card per hour
    # Idempotency-Key responses are replayed for at least this long.
    idempotency_ttl_hours: int = 24
    # last_used_at of an API key is written at most this often, off the hot path.
    api_key_touch_seconds: int = 60
    # Region for phone numbers given without +country code (ISO 3166 alpha-2, e.g. "DE").
    default_phone_region: str | None = None
    log_level: str = "info"
    log_format: Literal["text", "json"] = "text"  # json: one object a line, for log pipelines
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
    # A claimed message is leased this long and the lease is renewed while it is held, so a
    # worker that dies (SIGKILL, power loss) leaves its messages to others this soon.
    webhook_lease_seconds: PositiveFloat = 15.0
    # Waits after the 1st, 2nd, ... failed attempt (seconds, jittered); empty: the default
    # schedule (5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 14 h, 20 h, 24 h).
    webhook_retry_schedule: list[PositiveFloat] = []
    # SIGTERM: requests and deliveries under way get this long to finish; what is left is
    # released to other workers.
    shutdown_grace_seconds: float = 30.0
    # Retention (days; 0 keeps forever). The ledger (cards, stamps, vouchers, redemptions)
    # is the business's record and is never pruned.
    retain_events_days: int = 400
    retain_webhook_messages_days: int = 30  # delivered or failed messages and their attempts
    retain_pos_sales_days: int = 180
    retain_referral_refusals_days: int = 400  # the referral fraud log
    retention_batch_size: int = 1000  # rows per short transaction
    # POS connectors.
    pos_poster_base_url: str = "https://joinposter.com"  # a connector may override it
    pos_syrve_base_url: str = "https://api-eu.syrve.live"  # Syrve Cloud API; likewise
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
    # Messaging channels (channels/): each provider's API and how long a call may take. A
    # business configures its own credentials (PUT /v1/channels/{type}).
    telegram_api_base_url: str = "https://api.telegram.org"
    telegram_timeout_seconds: float = 10.0
    whatsapp_api_base_url: str = "https://graph.facebook.com/v23.0"
    whatsapp_timeout_seconds: float = 10.0
    viber_api_base_url: str = "https://chatapi.viber.com"
    viber_timeout_seconds: float = 10.0
    smtp_timeout_seconds: float = 20.0
    # SMTP connections a process keeps open per account; a campaign batch is spread over them.
    smtp_connections: int = 4
    # How long a "get updates on Telegram/Viber/WhatsApp" link from the web card stays usable.
    channel_link_minutes: int = 60
    # Campaigns and transactional messages (campaigns/): the sender in workers and servers.
    campaign_poll_seconds: float = 0.5  # idle wait between looks for due deliveries
    campaign_batch_size: int = 500  # deliveries claimed (and audience rows added) per step
    campaign_lease_seconds: float = 120.0  # a claimed delivery is another worker's after this
    # Sends per second per account, where a provider allows more than its default (Telegram's
    # paid broadcasts: up to 1000/s), e.g. {"telegram": 1000}; all workers together keep it.
    campaign_max_per_second: dict[str, float] = {}
    # Automations (automations/): the runner in workers and servers looks for due scans this
    # often, records and acts on this many runs per transaction, takes over a scan whose worker
    # stopped after the lease, and catches up at most this many days of missed scans.
    automation_poll_seconds: float = 5.0
    automation_batch_size: int = 500
    automation_lease_seconds: float = 600.0
    automation_catch_up_days: int = 7
    # Card links sent to a known customer from the join form: at most this many per window.
    card_link_limit_per_customer: int = 3
    card_link_limit_window_seconds: int = 3600

    @field_validator("secret_key")
    @classmethod
    def _fernet_key(cls, value: str | None) -> str | None:
        # Fernet's own test of a key, without importing cryptography (about 9 MB) into every
        # process that reads settings: most never seal a secret.
        try:
            valid = not value or len(base64.urlsafe_b64decode(value)) == 32
        except ValueError:  # not base64 (binascii.Error), or not ASCII
            valid = False
        if not valid:
            raise ValueError(
                "must be 32 url-safe base64-encoded bytes: make one with `punchcard secret-key`"
            )
        return value

    @model_validator(mode="after")
    def _events_outlive_messages(self) -> "Settings":
        # A message's event must exist while the message may be delivered again (recover).
        events, messages = self.retain_events_days, self.retain_webhook_messages_days
        if events and (not messages or messages > events):
            raise ValueError(
                "PUNCHCARD_RETAIN_EVENTS_DAYS must be at least "
                "PUNCHCARD_RETAIN_WEBHOOK_MESSAGES_DAYS"
            )
        return self

    @property
    def webhook_lease(self) -> timedelta:
        return timedelta(seconds=self.webhook_lease_seconds)


@lru_cache
def get_settings() -> Settings:
    return Settings()
