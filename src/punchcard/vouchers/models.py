from datetime import datetime
from typing import Any

from sqlalchemy import Boolean, ForeignKeyConstraint, Index, Integer, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column

from punchcard.db.base import Base, TenantMixin
from punchcard.kit.sql import JSONDoc, UTCDateTime


class VoucherTemplate(TenantMixin, Base):
    """What a reward looks like and where its redeem code comes from."""

    __tablename__ = "voucher_templates"

    title: Mapped[str] = mapped_column(String(200))
    description: Mapped[str | None] = mapped_column(Text)
    code_type: Mapped[str] = mapped_column(String(16))  # fixed | pattern | generated | pool
    fixed_code: Mapped[str | None] = mapped_column(String(64))
    # pattern and generated: the codes' pattern; pool: the default for bulk generation
    code_pattern: Mapped[str | None] = mapped_column(String(64))
    code_charset: Mapped[str | None] = mapped_column(String(128))
    code_pool_low_stock: Mapped[int | None] = mapped_column(Integer)
    # When code_pool_empty was last emitted: at most one per template per hour.
    code_pool_empty_alerted_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    formats: Mapped[list[str]] = mapped_column(JSONDoc)
    validity_days: Mapped[int | None] = mapped_column(Integer)
    valid_until: Mapped[datetime | None] = mapped_column(UTCDateTime)
    archived_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)


class Voucher(TenantMixin, Base):
    """A reward handed to a customer; its code is a snapshot, so template edits never change it.

    ``type`` "lottery" is a lottery ticket: played once (issued -> played), never redeemed, no
    code; the prize it wins is a voucher of its own."""

    __tablename__ = "vouchers"
    __table_args__ = (
        # Generated codes are unique in a business; fixed POS codes repeat by design.
        Index(
            "uq_vouchers_unique_code",
            "business_id",
            "redeem_code",
            unique=True,
            sqlite_where=text("code_unique"),
            postgresql_where=text("code_unique"),
        ),
        Index("ix_vouchers_code", "business_id", "redeem_code"),
        Index("ix_vouchers_card", "business_id", "card_id"),
        Index("ix_vouchers_customer", "business_id", "customer_id"),
        # Audience filters: who holds an unredeemed voucher (campaigns.audiences).
        Index(
            "ix_vouchers_unredeemed",
            "business_id",
            "customer_id",
            "expires_at",
            sqlite_where=text("status = 'issued'"),
            postgresql_where=text("status = 'issued'"),
        ),
        # The expiry sweep: issued vouchers by expiry, across businesses.
        Index(
            "ix_vouchers_expiry",
            "expires_at",
            sqlite_where=text("status = 'issued'"),
            postgresql_where=text("status = 'issued'"),
        ),
        ForeignKeyConstraint(
            ["business_id", "customer_id"], ["customers.business_id", "customers.id"]
        ),
        ForeignKeyConstraint(["business_id", "card_id"], ["cards.business_id", "cards.id"]),
        ForeignKeyConstraint(
            ["business_id", "template_id"],
            ["voucher_templates.business_id", "voucher_templates.id"],
        ),
    )

    type: Mapped[str] = mapped_column(String(16), default="voucher", server_default="voucher")
    customer_id: Mapped[str] = mapped_column(String(40))
    card_id: Mapped[str | None] = mapped_column(String(40))
    # A ticket's lottery. No foreign key, as for pool codes: lotteries are archived, never
    # deleted, and adding one to this table would make SQLite copy it whole.
    lottery_id: Mapped[str | None] = mapped_column(String(40))
    template_id: Mapped[str | None] = mapped_column(String(40))
    goal_index: Mapped[int | None] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(String(200))
    description: Mapped[str | None] = mapped_column(Text)
    redeem_code: Mapped[str] = mapped_column(String(64))
    code_unique: Mapped[bool] = mapped_column(Boolean)
    formats: Mapped[list[str]] = mapped_column(JSONDoc)
    status: Mapped[str] = mapped_column(String(16))  # issued | redeemed | expired | played
    issued_at: Mapped[datetime] = mapped_column(UTCDateTime)
    expires_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    redeemed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    redeemed_location_id: Mapped[str | None] = mapped_column(String(40))
    redeemed_staff_id: Mapped[str | None] = mapped_column(String(40))
    redeemed_via: Mapped[str | None] = mapped_column(String(32))
    redeemed_via_detail: Mapped[str | None] = mapped_column(String(200))  # e.g. the POS connector
    metadata_: Mapped[dict[str, Any]] = mapped_column("metadata", JSONDoc)
