from datetime import datetime

from sqlalchemy import Boolean, ForeignKeyConstraint, Index, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from punchcard.db.base import Base, TenantMixin
from punchcard.kit.sql import UTCDateTime


class Staff(TenantMixin, Base):
    """A staff login: a person (or a kiosk) acting for the business, at one location or all."""

    __tablename__ = "staff"
    __table_args__ = (
        UniqueConstraint("business_id", "login"),
        ForeignKeyConstraint(
            ["business_id", "location_id"], ["locations.business_id", "locations.id"]
        ),
    )

    name: Mapped[str] = mapped_column(String(200))
    login: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(16))
    location_id: Mapped[str | None] = mapped_column(String(40))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    # argon2id (dashboard.passwords); None: the login signs in with an API key only.
    password_hash: Mapped[str | None] = mapped_column(String(200))
    password_changed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class ApiKey(TenantMixin, Base):
    """At most one key per staff login; only a SHA-256 hash of the secret is stored."""

    __tablename__ = "api_keys"
    __table_args__ = (
        UniqueConstraint("business_id", "staff_id"),
        UniqueConstraint("business_id", "key_hash"),
        # Authentication looks keys up by hash alone, before the business is known.
        Index("ix_api_keys_key_hash", "key_hash"),
        ForeignKeyConstraint(
            ["business_id", "staff_id"], ["staff.business_id", "staff.id"], ondelete="CASCADE"
        ),
    )

    staff_id: Mapped[str] = mapped_column(String(40))
    name: Mapped[str] = mapped_column(String(200))
    key_hash: Mapped[str] = mapped_column(String(64))
    key_last4: Mapped[str] = mapped_column(String(4))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    regenerated_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    last_used_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
