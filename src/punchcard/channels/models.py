from datetime import datetime
from typing import Any

from sqlalchemy import Boolean, ForeignKeyConstraint, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from punchcard.db.base import Base, TenantMixin
from punchcard.kit.sql import JSONDoc, UTCDateTime


class ChannelConfig(TenantMixin, Base):
    """A channel a business sends through (one per type): its settings, its sealed credentials
    (``kit.crypto.seal``, never returned) and what the provider said about the account when the
    credentials were checked (the bot's username, the WhatsApp display number, ...)."""

    __tablename__ = "channels"
    __table_args__ = (
        UniqueConstraint("business_id", "type"),
        # The public webhook URL names the channel alone (the business comes from the row).
        Index("ix_channels_id", "id"),
    )

    type: Mapped[str] = mapped_column(String(16))  # wallet | email | telegram | whatsapp | viber
    settings: Mapped[dict[str, Any]] = mapped_column(JSONDoc)
    credentials_sealed: Mapped[str | None] = mapped_column(Text)
    account: Mapped[dict[str, Any]] = mapped_column(JSONDoc)
    transactional: Mapped[str] = mapped_column(String(16))  # send | require_consent
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)


class CustomerChannel(TenantMixin, Base):
    """A customer on one channel: where to reach them there (a Telegram chat, a Viber user, a
    WhatsApp number; email and wallet take theirs from the customer and the card) and their
    marketing consent for it. Two customers never share an address on a channel."""

    __tablename__ = "customer_channels"
    __table_args__ = (
        UniqueConstraint("business_id", "customer_id", "channel"),
        UniqueConstraint("business_id", "channel", "address"),
        # Audience filters: consent and reach by channel (campaigns.audiences).
        Index(
            "ix_customer_channels_audience",
            "business_id",
            "channel",
            "consent",
            "customer_id",
            postgresql_include=["address"],
        ),
        ForeignKeyConstraint(
            ["business_id", "customer_id"],
            ["customers.business_id", "customers.id"],
            ondelete="CASCADE",
        ),
    )

    customer_id: Mapped[str] = mapped_column(String(40))
    channel: Mapped[str] = mapped_column(String(16))
    address: Mapped[str | None] = mapped_column(String(100))
    linked_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    consent: Mapped[str | None] = mapped_column(String(16))  # granted | withdrawn | None: never
    consent_source: Mapped[str | None] = mapped_column(String(32))
    consent_at: Mapped[datetime | None] = mapped_column(UTCDateTime)  # when it last changed
    # WhatsApp: the customer's last message opens a 24-hour window for free-form messages.
    last_inbound_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)


class ConsentChange(TenantMixin, Base):
    """Every change of a customer's consent on a channel, as it happened: the record a business
    shows when asked how and when someone agreed or withdrew."""

    __tablename__ = "channel_consent_changes"
    __table_args__ = (
        Index("ix_channel_consent_changes_customer", "business_id", "customer_id", "id"),
        ForeignKeyConstraint(
            ["business_id", "customer_id"],
            ["customers.business_id", "customers.id"],
            ondelete="CASCADE",
        ),
    )

    customer_id: Mapped[str] = mapped_column(String(40))
    channel: Mapped[str] = mapped_column(String(16))
    granted: Mapped[bool] = mapped_column(Boolean)
    source: Mapped[str] = mapped_column(String(32))
    at: Mapped[datetime] = mapped_column(UTCDateTime)


class LinkToken(TenantMixin, Base):
    """A one-time token that links a messenger account to a customer (Telegram's /start
    parameter, Viber's context, the code in a WhatsApp opt-in message). Only its SHA-256 is
    kept; it is spent by a conditional UPDATE, so it links once however often it is sent."""

    __tablename__ = "channel_link_tokens"
    __table_args__ = (
        UniqueConstraint("business_id", "token_hash"),
        ForeignKeyConstraint(
            ["business_id", "customer_id"],
            ["customers.business_id", "customers.id"],
            ondelete="CASCADE",
        ),
    )

    token_hash: Mapped[str] = mapped_column(String(64))
    customer_id: Mapped[str] = mapped_column(String(40))
    channel: Mapped[str] = mapped_column(String(16))
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime)
    used_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
