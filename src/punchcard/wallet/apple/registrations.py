from datetime import datetime

from sqlalchemy import ForeignKeyConstraint, Index, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from punchcard.db.base import Base, TenantMixin
from punchcard.kit.sql import UTCDateTime


class DeviceRegistration(TenantMixin, Base):
    """A device (iPhone, Apple Watch) that holds a card's pass and wants its updates pushed."""

    __tablename__ = "apple_device_registrations"
    __table_args__ = (
        ForeignKeyConstraint(["business_id", "card_id"], ["cards.business_id", "cards.id"]),
        UniqueConstraint(
            "business_id",
            "device_library_identifier",
            "card_id",
            name="uq_apple_device_registrations_device_card",  # the default exceeds 63 chars
        ),
        Index("ix_apple_device_registrations_card", "business_id", "card_id"),
        # "Which of my passes changed?" comes from a device, across businesses.
        Index(
            "ix_apple_device_registrations_device",
            "device_library_identifier",
            "pass_type_identifier",
        ),
    )

    device_library_identifier: Mapped[str] = mapped_column(String(128))
    push_token: Mapped[str] = mapped_column(String(256))
    card_id: Mapped[str] = mapped_column(String(40))
    pass_type_identifier: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)
