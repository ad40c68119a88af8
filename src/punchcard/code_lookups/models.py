from datetime import datetime

from sqlalchemy import Index, String
from sqlalchemy.orm import Mapped, mapped_column

from punchcard.db.base import Base, TenantMixin
from punchcard.kit.sql import UTCDateTime


class CodeLookupFailure(TenantMixin, Base):
    """A redeem code that matched no voucher: the business's log of typos and guesses."""

    __tablename__ = "code_lookup_failures"
    __table_args__ = (
        # Counting a scope's failures in the window (the guessing limit).
        Index("ix_code_lookup_failures_key", "business_id", "api_key_id", "at"),
        Index("ix_code_lookup_failures_location", "business_id", "location_id", "at"),
    )

    at: Mapped[datetime] = mapped_column(UTCDateTime)
    operation: Mapped[str] = mapped_column(String(16))  # redeem | validate | referral
    code: Mapped[str] = mapped_column(String(64))
    api_key_id: Mapped[str | None] = mapped_column(String(40))
    staff_id: Mapped[str | None] = mapped_column(String(40))
    location_id: Mapped[str | None] = mapped_column(String(40))


class CodeLookupLimit(TenantMixin, Base):
    """One row per limited scope (``id`` is ``key:<key id>`` or ``loc:<location id>``).

    Recording a failure locks the row, so concurrent failures of one scope are counted one after
    another in every process; ``blocked_until`` makes the check before a look-up one key read.
    """

    __tablename__ = "code_lookup_limits"

    blocked_until: Mapped[datetime | None] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)
