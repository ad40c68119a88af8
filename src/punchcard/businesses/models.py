from datetime import datetime

from sqlalchemy import Boolean, Float, ForeignKey, LargeBinary, String
from sqlalchemy.orm import Mapped, mapped_column

from punchcard.db.base import Base, TenantMixin
from punchcard.kit.sql import UTCDateTime


class Business(Base):
    __tablename__ = "businesses"

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    timezone: Mapped[str] = mapped_column(String(64), default="UTC")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    # Linked from the join page and web card; required there before sign-ups when asked.
    privacy_policy_url: Mapped[str | None] = mapped_column(String(2000))
    imprint_url: Mapped[str | None] = mapped_column(String(2000))
    join_requires_privacy_links: Mapped[bool] = mapped_column(Boolean, default=False)
    # Cards and join pages show it where a program's design has no logo of its own. Deferred:
    # up to 256 KiB that only those and the settings read (they undefer it); stamps never do.
    logo_png: Mapped[bytes | None] = mapped_column(LargeBinary, deferred=True)


class Location(TenantMixin, Base):
    __tablename__ = "locations"

    business_id: Mapped[str] = mapped_column(
        String(40), ForeignKey("businesses.id", ondelete="CASCADE"), primary_key=True
    )
    name: Mapped[str] = mapped_column(String(200))
    address: Mapped[str | None] = mapped_column(String(500))
    timezone: Mapped[str | None] = mapped_column(String(64))
    # Where the location is: wallet passes show up on the lock screen near it.
    latitude: Mapped[float | None] = mapped_column(Float)
    longitude: Mapped[float | None] = mapped_column(Float)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
