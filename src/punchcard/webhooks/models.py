from datetime import datetime
from typing import Any

from sqlalchemy import (
    Boolean,
    Float,
    ForeignKeyConstraint,
    Index,
    Integer,
    String,
    Text,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column

from punchcard.db.base import Base, TenantMixin
from punchcard.kit.sql import JSONDoc, UTCDateTime

# A literal, not a parameter: a query can use a partial index only if its own condition
# says the same in the same words.
PENDING = text("status = 'pending'")
UNFINISHED = text("status <> 'succeeded'")


class WebhookEndpoint(TenantMixin, Base):
    """Where a business wants events: a webhook it configured, or a Zapier/Make REST hook."""

    __tablename__ = "webhook_endpoints"

    kind: Mapped[str] = mapped_column(String(16))  # webhook | rest_hook
    url: Mapped[str] = mapped_column(String(2048))
    description: Mapped[str | None] = mapped_column(Text)
    event_types: Mapped[list[str]] = mapped_column(JSONDoc)  # empty: every event
    enabled: Mapped[bool] = mapped_column(Boolean)
    disabled_reason: Mapped[str | None] = mapped_column(String(200))
    secret_sealed: Mapped[str] = mapped_column(Text)
    previous_secret_sealed: Mapped[str | None] = mapped_column(Text)
    previous_secret_expires_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    rate_limit_per_second: Mapped[int | None] = mapped_column(Integer)
    max_concurrency: Mapped[int | None] = mapped_column(Integer)
    ordered: Mapped[bool] = mapped_column(Boolean)  # strict order per card
    # Next free send slot under the rate limit (a token bucket kept in the row).
    rate_next_at: Mapped[float | None] = mapped_column(Float)
    failing_since: Mapped[datetime | None] = mapped_column(UTCDateTime)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)


class WebhookMessage(TenantMixin, Base):
    """One event for one endpoint, delivered until it succeeds or its retries run out.

    ``next_attempt_at`` doubles as the lease: a claim pushes it past the send timeout, so a
    worker that dies mid-send leaves the message due again. ``attempts`` fences completions.
    """

    __tablename__ = "webhook_messages"
    __table_args__ = (
        # Only pending messages are ever looked for by these two: kept out of them once done,
        # a message costs them one entry in all instead of one per row version.
        Index(
            "ix_webhook_messages_pending",
            "next_attempt_at",
            sqlite_where=PENDING,
            postgresql_where=PENDING,
        ),
        Index(
            "ix_webhook_messages_pending_card",
            "business_id",
            "endpoint_id",
            "card_id",
            "event_id",
            sqlite_where=PENDING,
            postgresql_where=PENDING,
        ),
        Index("ix_webhook_messages_endpoint", "business_id", "endpoint_id", "id"),
        Index("ix_webhook_messages_created_at", "created_at"),  # retention prunes by age
        # Retention keeps an event while a message may still deliver it (pending, or failed
        # and open to `recover`).
        Index(
            "ix_webhook_messages_unfinished",
            "business_id",
            "event_id",
            sqlite_where=UNFINISHED,
            postgresql_where=UNFINISHED,
        ),
        ForeignKeyConstraint(
            ["business_id", "endpoint_id"],
            ["webhook_endpoints.business_id", "webhook_endpoints.id"],
            ondelete="CASCADE",
        ),
    )

    endpoint_id: Mapped[str] = mapped_column(String(40))
    event_id: Mapped[str] = mapped_column(String(40))
    event_type: Mapped[str] = mapped_column(String(40))
    card_id: Mapped[str | None] = mapped_column(String(40))
    status: Mapped[str] = mapped_column(String(16))  # pending | succeeded | failed
    attempts: Mapped[int] = mapped_column(Integer)
    next_attempt_at: Mapped[datetime] = mapped_column(UTCDateTime)
    in_flight_until: Mapped[datetime | None] = mapped_column(UTCDateTime)
    last_status_code: Mapped[int | None] = mapped_column(Integer)
    last_error: Mapped[str | None] = mapped_column(Text)
    event_created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    delivered_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # A test send's sample body: test events are not events (the event log never holds them).
    payload: Mapped[dict[str, Any] | None] = mapped_column(JSONDoc)


class WebhookAttempt(TenantMixin, Base):
    """The delivery log: one row per HTTP attempt."""

    __tablename__ = "webhook_attempts"
    __table_args__ = (
        Index("ix_webhook_attempts_message", "business_id", "message_id", "id"),
        ForeignKeyConstraint(
            ["business_id", "message_id"],
            ["webhook_messages.business_id", "webhook_messages.id"],
            ondelete="CASCADE",
        ),
    )

    message_id: Mapped[str] = mapped_column(String(40))
    endpoint_id: Mapped[str] = mapped_column(String(40))
    attempt: Mapped[int] = mapped_column(Integer)
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    status_code: Mapped[int | None] = mapped_column(Integer)
    latency_ms: Mapped[float] = mapped_column(Float)
    response_body: Mapped[str | None] = mapped_column(Text)
    error: Mapped[str | None] = mapped_column(Text)
    next_attempt_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # The X-Request-Id of the request that wrote the event delivered (tracing support cases).
    request_id: Mapped[str | None] = mapped_column(String(100))
