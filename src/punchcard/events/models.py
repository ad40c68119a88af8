from datetime import datetime
from typing import Any

from sqlalchemy import Index, String, text
from sqlalchemy.orm import Mapped, mapped_column

from punchcard.db.base import Base, TenantMixin
from punchcard.kit.sql import JSONDoc, UTCDateTime


class Event(TenantMixin, Base):
    """The outbox: written in the same transaction as the change it describes."""

    __tablename__ = "events"
    __table_args__ = (
        Index("ix_events_card", "business_id", "card_id", "id"),
        Index("ix_events_type", "business_id", "type", "id"),
        # A customer's history (the dashboard's customer page, GET /v1/events?customer_id=).
        Index("ix_events_customer", "business_id", "customer_id", "id"),
        Index("ix_events_created_at", "created_at"),  # retention prunes by age
        # The outbox queue: events not yet fanned out to webhook endpoints.
        Index(
            "ix_events_undispatched",
            "id",
            sqlite_where=text("dispatched_at IS NULL"),
            postgresql_where=text("dispatched_at IS NULL"),
        ),
    )

    type: Mapped[str] = mapped_column(String(40))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    location_id: Mapped[str | None] = mapped_column(String(40))
    customer_id: Mapped[str | None] = mapped_column(String(40))
    card_id: Mapped[str | None] = mapped_column(String(40))
    voucher_id: Mapped[str | None] = mapped_column(String(40))
    payload: Mapped[dict[str, Any]] = mapped_column(JSONDoc)
    dispatched_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
