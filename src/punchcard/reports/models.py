from datetime import datetime

from sqlalchemy import ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from punchcard.db.base import Base
from punchcard.kit.sql import UTCDateTime


class HourFigures(Base):
    """What happened in one closed UTC hour at one location ('': none named)."""

    __tablename__ = "hour_figures"

    business_id: Mapped[str] = mapped_column(
        String(40), ForeignKey("businesses.id", ondelete="CASCADE"), primary_key=True
    )
    hour: Mapped[datetime] = mapped_column(UTCDateTime, primary_key=True)
    location_id: Mapped[str] = mapped_column(String(40), primary_key=True)
    stamps: Mapped[int] = mapped_column(Integer)
    cards: Mapped[int] = mapped_column(Integer)
    vouchers_issued: Mapped[int] = mapped_column(Integer)
    vouchers_redeemed: Mapped[int] = mapped_column(Integer)


class FiguresFilled(Base):
    """The hour up to which (excluded) a business's ``HourFigures`` are rolled up, and its
    active and lapsing customers as last counted (``activity_at``) by the rollup job."""

    __tablename__ = "figures_filled"

    business_id: Mapped[str] = mapped_column(
        String(40), ForeignKey("businesses.id", ondelete="CASCADE"), primary_key=True
    )
    until: Mapped[datetime] = mapped_column(UTCDateTime)
    active: Mapped[int | None] = mapped_column(Integer)
    lapsing: Mapped[int | None] = mapped_column(Integer)
    activity_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
