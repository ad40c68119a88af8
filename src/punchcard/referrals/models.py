from datetime import datetime
from typing import Any

from sqlalchemy import (
    CheckConstraint,
    ForeignKeyConstraint,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column

from punchcard.db.base import Base, TenantMixin
from punchcard.kit.sql import JSONDoc, UTCDateTime


class ReferralProgram(TenantMixin, Base):
    """A referral program of one card program: where referral codes come from, what converts a
    referral, and what each side gets (the referee on joining, the referrer on conversion)."""

    __tablename__ = "referral_programs"
    __table_args__ = (
        ForeignKeyConstraint(
            ["business_id", "program_id"], ["programs.business_id", "programs.id"]
        ),
        ForeignKeyConstraint(
            ["business_id", "referee_template_id"],
            ["voucher_templates.business_id", "voucher_templates.id"],
        ),
        ForeignKeyConstraint(
            ["business_id", "referrer_template_id"],
            ["voucher_templates.business_id", "voucher_templates.id"],
        ),
        CheckConstraint("reward_limit > 0", name="reward_limit_positive"),
    )

    name: Mapped[str] = mapped_column(String(200))
    program_id: Mapped[str] = mapped_column(String(40))  # the card program referees join
    code_type: Mapped[str] = mapped_column(String(16))  # generated | pool
    code_pattern: Mapped[str | None] = mapped_column(String(100))  # generated: '#' are random
    code_charset: Mapped[str | None] = mapped_column(String(64))
    referee_template_id: Mapped[str | None] = mapped_column(String(40))
    referrer_template_id: Mapped[str | None] = mapped_column(String(40))
    tiers: Mapped[list[dict[str, Any]]] = mapped_column(JSONDoc)  # [{referrals, template_id}]
    conversion: Mapped[dict[str, Any]] = mapped_column(JSONDoc)  # {"on": ..., ...}
    reward_limit: Mapped[int | None] = mapped_column(Integer)  # referrer rewards per period
    reward_limit_period: Mapped[str | None] = mapped_column(String(8))  # day|week|month|year
    starts_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    ends_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    archived_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)


class ReferralCode(TenantMixin, Base):
    """A referral code: a referrer's (``customer_id`` set), or a free code of the program's pool.

    The row also counts the referrer's successful referrals and rewards: a conversion updates
    it first, so its row lock orders the conversions of one referrer (tiers and limits are
    decided one after another, in every process)."""

    __tablename__ = "referral_codes"
    __table_args__ = (
        # Never two alike in a business; look-ups by code use it.
        UniqueConstraint("business_id", "code"),
        # One code per customer and program: enrolling again returns it.
        UniqueConstraint("business_id", "referral_program_id", "customer_id"),
        Index(
            "ix_referral_codes_free",
            "business_id",
            "referral_program_id",
            "id",
            sqlite_where=text("customer_id IS NULL"),
            postgresql_where=text("customer_id IS NULL"),
        ),
        ForeignKeyConstraint(
            ["business_id", "referral_program_id"],
            ["referral_programs.business_id", "referral_programs.id"],
        ),
    )

    referral_program_id: Mapped[str] = mapped_column(String(40))
    code: Mapped[str] = mapped_column(String(64))
    customer_id: Mapped[str | None] = mapped_column(String(40))  # NULL: free in the pool
    batch_id: Mapped[str | None] = mapped_column(String(40))  # a pool upload
    conversions: Mapped[int] = mapped_column(Integer, default=0)
    rewards: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    assigned_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class Referral(TenantMixin, Base):
    """A referee brought by a referrer's code: pending until the referee converts, then
    converted with what the referrer got (or why not). One referrer per referee for life."""

    __tablename__ = "referrals"
    __table_args__ = (
        UniqueConstraint("business_id", "referee_customer_id"),
        Index("ix_referrals_program", "business_id", "referral_program_id", "id"),
        Index("ix_referrals_referrer", "business_id", "referrer_customer_id", "id"),
        # A referrer's rewards in the limit's period, counted under their code row's lock.
        Index("ix_referrals_code", "business_id", "code_id", "converted_at"),
        ForeignKeyConstraint(
            ["business_id", "referral_program_id"],
            ["referral_programs.business_id", "referral_programs.id"],
        ),
        ForeignKeyConstraint(
            ["business_id", "code_id"], ["referral_codes.business_id", "referral_codes.id"]
        ),
        ForeignKeyConstraint(
            ["business_id", "referee_customer_id"], ["customers.business_id", "customers.id"]
        ),
        ForeignKeyConstraint(["business_id", "referee_card_id"], ["cards.business_id", "cards.id"]),
    )

    referral_program_id: Mapped[str] = mapped_column(String(40))
    code_id: Mapped[str] = mapped_column(String(40))
    code: Mapped[str] = mapped_column(String(64))
    referrer_customer_id: Mapped[str] = mapped_column(String(40))
    referee_customer_id: Mapped[str] = mapped_column(String(40))
    referee_card_id: Mapped[str] = mapped_column(String(40))
    via: Mapped[str] = mapped_column(String(16))  # join_form | api | pos
    location_id: Mapped[str | None] = mapped_column(String(40))
    staff_id: Mapped[str | None] = mapped_column(String(40))
    status: Mapped[str] = mapped_column(String(16))  # pending | converted
    joined_at: Mapped[datetime] = mapped_column(UTCDateTime)
    referee_voucher_id: Mapped[str | None] = mapped_column(String(40))
    converted_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    conversion: Mapped[dict[str, Any] | None] = mapped_column(JSONDoc)  # what converted it
    ordinal: Mapped[int | None] = mapped_column(Integer)  # the referrer's n-th conversion
    tier: Mapped[int | None] = mapped_column(Integer)  # the tier whose reward applied
    reward: Mapped[str | None] = mapped_column(String(32))  # rewarded | limit_reached | ...
    reward_detail: Mapped[str | None] = mapped_column(Text)
    referrer_voucher_id: Mapped[str | None] = mapped_column(String(40))


class ReferralRefusal(TenantMixin, Base):
    """A referral code brought and refused, with the reason: the business's fraud log."""

    __tablename__ = "referral_refusals"
    __table_args__ = (
        Index("ix_referral_refusals_program", "business_id", "referral_program_id", "id"),
        Index("ix_referral_refusals_at", "at"),  # retention's batches
    )

    referral_program_id: Mapped[str | None] = mapped_column(String(40))  # NULL: unknown code
    code: Mapped[str] = mapped_column(String(64))
    reason: Mapped[str] = mapped_column(String(32))
    detail: Mapped[str] = mapped_column(Text)
    via: Mapped[str] = mapped_column(String(16))
    referrer_customer_id: Mapped[str | None] = mapped_column(String(40))
    referee_customer_id: Mapped[str | None] = mapped_column(String(40))
    location_id: Mapped[str | None] = mapped_column(String(40))
    staff_id: Mapped[str | None] = mapped_column(String(40))
    at: Mapped[datetime] = mapped_column(UTCDateTime)
