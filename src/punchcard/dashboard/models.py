from datetime import datetime

from sqlalchemy import ForeignKeyConstraint, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from punchcard.db.base import Base, TenantMixin
from punchcard.kit.sql import UTCDateTime


class StaffSession(TenantMixin, Base):
    """A browser signed in as a staff login; only a SHA-256 hash of the cookie's token is kept,
    so a copy of the database signs nobody in."""

    __tablename__ = "staff_sessions"
    __table_args__ = (
        # The cookie is looked up by hash alone, before the business is known.
        Index("ix_staff_sessions_token_hash", "token_hash", unique=True),
        Index("ix_staff_sessions_staff", "business_id", "staff_id"),
        ForeignKeyConstraint(
            ["business_id", "staff_id"], ["staff.business_id", "staff.id"], ondelete="CASCADE"
        ),
    )

    staff_id: Mapped[str] = mapped_column(String(40))
    token_hash: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    last_seen_at: Mapped[datetime] = mapped_column(UTCDateTime)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)


class PasswordReset(TenantMixin, Base):
    """A one-time link that sets a staff login's password (also its first one)."""

    __tablename__ = "password_resets"
    __table_args__ = (
        Index("ix_password_resets_token_hash", "token_hash", unique=True),
        ForeignKeyConstraint(
            ["business_id", "staff_id"], ["staff.business_id", "staff.id"], ondelete="CASCADE"
        ),
    )

    staff_id: Mapped[str] = mapped_column(String(40))
    token_hash: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime)
    used_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
