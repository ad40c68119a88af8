from datetime import date, datetime
from typing import Any

from sqlalchemy import Boolean, Date, Index, Integer, String, UniqueConstraint, false, text
from sqlalchemy.orm import Mapped, mapped_column

from punchcard.db.base import Base, TenantMixin
from punchcard.kit.sql import JSONDoc, UTCDateTime


class Customer(TenantMixin, Base):
    __tablename__ = "customers"
    __table_args__ = (
        UniqueConstraint("business_id", "source_id"),
        UniqueConstraint("business_id", "email"),
        UniqueConstraint("business_id", "phone"),
        Index("ix_customers_created", "business_id", "created_at"),
    )

    source_id: Mapped[str | None] = mapped_column(String(200))
    email: Mapped[str | None] = mapped_column(String(320))
    phone: Mapped[str | None] = mapped_column(String(20))
    name: Mapped[str | None] = mapped_column(String(200))
    birthday: Mapped[date | None] = mapped_column(Date)
    language: Mapped[str | None] = mapped_column(String(16))
    metadata_: Mapped[dict[str, Any]] = mapped_column("metadata", JSONDoc)
    # May the business send marketing (campaigns)? Opt-in only; _at is when it last changed.
    marketing_consent: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    marketing_consent_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # Consent and messenger links per channel as bits (channels.flags keeps them with the
    # customer_channels rows they mirror): audiences test them here instead of joining those.
    channel_flags: Mapped[int] = mapped_column(Integer, default=0, server_default=text("0"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)
    # Set when the customer was erased (GDPR): identity and profile are gone, the row stays so
    # that their cards, stamps and vouchers keep counting, anonymously.
    erased_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
