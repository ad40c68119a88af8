from datetime import datetime
from typing import Any

from sqlalchemy import ForeignKeyConstraint, Index, Integer, String, Text, UniqueConstraint, text
from sqlalchemy.orm import Mapped, mapped_column

from punchcard.db.base import Base, TenantMixin
from punchcard.kit.sql import JSONDoc, UTCDateTime


class MessageTemplate(TenantMixin, Base):
    """A message for one channel in one or more languages: ``bodies`` maps a language to its
    parts (subject, text, html), each a sandboxed Jinja template whose variables were checked
    when it was saved. ``provider_template``: WhatsApp's approved template (name, language,
    the variables filling its parameters) for sends outside the 24-hour window."""

    __tablename__ = "message_templates"

    name: Mapped[str] = mapped_column(String(200))
    channel: Mapped[str] = mapped_column(String(16))
    default_language: Mapped[str] = mapped_column(String(16))
    bodies: Mapped[dict[str, dict[str, str]]] = mapped_column(JSONDoc)
    provider_template: Mapped[dict[str, Any] | None] = mapped_column(JSONDoc)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)


class Campaign(TenantMixin, Base):
    """One message (a template) to an audience on one channel, now or at ``send_at``.

    draft -> scheduled -> sending -> sent, or cancelled; ``paused`` while the attached voucher
    template's code pool is empty. Recipients are materialised into deliveries in batches,
    ``materialize_cursor`` being the last customer id inserted (None: not started) and
    ``materialized_at`` when the audience was exhausted."""

    __tablename__ = "campaigns"
    __table_args__ = (
        # The sender's look for due and running campaigns, across businesses.
        Index("ix_campaigns_status", "status", "send_at"),
        ForeignKeyConstraint(
            ["business_id", "template_id"],
            ["message_templates.business_id", "message_templates.id"],
        ),
    )

    name: Mapped[str] = mapped_column(String(200))
    channel: Mapped[str] = mapped_column(String(16))
    template_id: Mapped[str] = mapped_column(String(40))
    audience: Mapped[dict[str, Any]] = mapped_column(JSONDoc)
    voucher_template_id: Mapped[str | None] = mapped_column(String(40))
    status: Mapped[str] = mapped_column(String(16))
    paused_reason: Mapped[str | None] = mapped_column(String(32))
    send_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    quiet_hours: Mapped[dict[str, str] | None] = mapped_column(JSONDoc)  # {"start", "end"}
    materialize_cursor: Mapped[str | None] = mapped_column(String(40))
    materialized_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    started_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)


class Delivery(TenantMixin, Base):
    """One message to one customer: a campaign's recipient, an automation's message, or a
    transactional message (the card link a known customer asked for at the join form):
    ``purpose``.

    queued -> sending (claimed under a lease; the provider may be answering) -> sent | failed
    | skipped (``reason``), or back to queued for a retry at ``next_attempt_at``. At most one
    per campaign and customer (the constraint, not a prior read); ``voucher_id`` is written
    in the transaction that issues it, so a retried delivery never issues a second."""

    __tablename__ = "message_deliveries"
    __table_args__ = (
        UniqueConstraint("business_id", "campaign_id", "customer_id"),
        # The sender's claim: due queued rows, and sending rows whose lease ran out.
        Index(
            "ix_message_deliveries_due",
            "next_attempt_at",
            sqlite_where=text("status IN ('queued', 'sending')"),
            postgresql_where=text("status IN ('queued', 'sending')"),
        ),
        # A campaign's counts by status, and its deliveries list.
        Index("ix_message_deliveries_campaign", "business_id", "campaign_id", "status"),
        ForeignKeyConstraint(
            ["business_id", "customer_id"],
            ["customers.business_id", "customers.id"],
            ondelete="CASCADE",
        ),
    )

    campaign_id: Mapped[str | None] = mapped_column(String(40))
    # An automation's message: its template and kind are the automation's (no foreign key: a
    # deleted automation's queued messages are skipped, ``automation_deleted``).
    automation_id: Mapped[str | None] = mapped_column(String(40))
    purpose: Mapped[str] = mapped_column(String(16))  # campaign | automation | card_link
    customer_id: Mapped[str] = mapped_column(String(40))
    channel: Mapped[str] = mapped_column(String(16))
    program_id: Mapped[str | None] = mapped_column(String(40))
    language: Mapped[str | None] = mapped_column(String(16))  # card_link: the join page's
    status: Mapped[str] = mapped_column(String(16))
    reason: Mapped[str | None] = mapped_column(String(40))
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_error: Mapped[str | None] = mapped_column(Text)
    provider_message_id: Mapped[str | None] = mapped_column(String(200))
    voucher_id: Mapped[str | None] = mapped_column(String(40))
    next_attempt_at: Mapped[datetime] = mapped_column(UTCDateTime)
    lease_until: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # When the message went to a provider that cannot recognise a resend (messengers): from
    # then on a crash leaves its fate unknown. Reset by each claim.
    handed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
