from datetime import datetime
from typing import Any

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    ForeignKeyConstraint,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from punchcard.db.base import Base, TenantMixin
from punchcard.kit.sql import JSONDoc, UTCDateTime


class Lottery(TenantMixin, Base):
    """A reward drawn at random: a goal hands out a ticket, the customer plays it once."""

    __tablename__ = "lotteries"

    title: Mapped[str] = mapped_column(String(200))
    description: Mapped[str | None] = mapped_column(Text)
    archived_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)


class LotteryVariant(TenantMixin, Base):
    """One outcome of a lottery: a prize (a voucher template) or no prize, with its weight and,
    for a prize, the stock left (NULL: unlimited). Plays take stock with a conditional UPDATE."""

    __tablename__ = "lottery_variants"
    __table_args__ = (
        UniqueConstraint("business_id", "lottery_id", "key"),
        CheckConstraint("weight > 0", name="weight_positive"),
        CheckConstraint("stock >= 0", name="stock_not_negative"),
        ForeignKeyConstraint(
            ["business_id", "lottery_id"], ["lotteries.business_id", "lotteries.id"]
        ),
        ForeignKeyConstraint(
            ["business_id", "template_id"],
            ["voucher_templates.business_id", "voucher_templates.id"],
        ),
    )

    lottery_id: Mapped[str] = mapped_column(String(40))
    position: Mapped[int] = mapped_column(Integer)  # the order of the draw's cumulative weights
    key: Mapped[str] = mapped_column(String(40))
    title: Mapped[str] = mapped_column(String(200))
    template_id: Mapped[str | None] = mapped_column(String(40))  # NULL: no prize
    weight: Mapped[int] = mapped_column(Integer)
    stock: Mapped[int | None] = mapped_column(Integer)


class LotteryDraw(TenantMixin, Base):
    """The audit record of one play: what was in the draw, the random number, the result.
    One per ticket (a unique key), so a ticket is never drawn twice."""

    __tablename__ = "lottery_draws"
    __table_args__ = (
        UniqueConstraint("business_id", "ticket_id"),
        Index("ix_lottery_draws_lottery", "business_id", "lottery_id", "id"),
        Index("ix_lottery_draws_card", "business_id", "card_id", "id"),
        ForeignKeyConstraint(
            ["business_id", "lottery_id"], ["lotteries.business_id", "lotteries.id"]
        ),
        ForeignKeyConstraint(["business_id", "ticket_id"], ["vouchers.business_id", "vouchers.id"]),
        ForeignKeyConstraint(
            ["business_id", "voucher_id"], ["vouchers.business_id", "vouchers.id"]
        ),
    )

    lottery_id: Mapped[str] = mapped_column(String(40))
    ticket_id: Mapped[str] = mapped_column(String(40))
    card_id: Mapped[str | None] = mapped_column(String(40))
    customer_id: Mapped[str] = mapped_column(String(40))
    variant_key: Mapped[str] = mapped_column(String(40))
    variant_title: Mapped[str] = mapped_column(String(200))
    won: Mapped[bool] = mapped_column(Boolean)
    voucher_id: Mapped[str | None] = mapped_column(String(40))  # the prize voucher
    # The draw: a uniform integer in [0, total_weight) against the variants' cumulative weights.
    random_number: Mapped[int] = mapped_column(Integer)
    total_weight: Mapped[int] = mapped_column(Integer)
    variants: Mapped[list[dict[str, Any]]] = mapped_column(JSONDoc)  # as in force at the draw
    stock_left: Mapped[int | None] = mapped_column(Integer)  # the prize drawn, after this play
    redraws: Mapped[int] = mapped_column(Integer)  # prizes that ran out under this very play
    via: Mapped[str] = mapped_column(String(32))  # web_card | api | staff_scanner | pos
    location_id: Mapped[str | None] = mapped_column(String(40))
    staff_id: Mapped[str | None] = mapped_column(String(40))
    drawn_at: Mapped[datetime] = mapped_column(UTCDateTime)
