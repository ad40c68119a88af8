from datetime import datetime

from sqlalchemy import ForeignKeyConstraint, Index, Integer, String, Text, UniqueConstraint, text
from sqlalchemy.orm import Mapped, mapped_column

from punchcard.db.base import Base, TenantMixin
from punchcard.kit.sql import UTCDateTime


class Card(TenantMixin, Base):
    """A customer's stamp card in one program.

    ``stamps`` counts toward the goals of the current round; ``lifetime_stamps`` never resets.
    """

    __tablename__ = "cards"
    __table_args__ = (
        UniqueConstraint("business_id", "scan_code"),
        # One active card per customer and program: issuing twice returns the same card.
        Index(
            "uq_cards_active_per_customer",
            "business_id",
            "customer_id",
            "program_id",
            unique=True,
            sqlite_where=text("status = 'active'"),
            postgresql_where=text("status = 'active'"),
        ),
        # A customer's cards of any status, newest first (the dashboard's customer page).
        Index("ix_cards_customer", "business_id", "customer_id", "id"),
        # Audience filters (campaigns.audiences): live cards by customer, with every column a
        # card filter tests, so PostgreSQL answers them from the index alone.
        Index(
            "ix_cards_audience",
            "business_id",
            "customer_id",
            postgresql_include=[
                "program_id",
                "stamps",
                "lifetime_stamps",
                "last_stamp_at",
                "last_stamp_location_id",
                "expires_at",
            ],
            sqlite_where=text("status = 'active'"),
            postgresql_where=text("status = 'active'"),
        ),
        # Wallet reach (campaigns.audiences): live cards held in a wallet, by customer.
        Index(
            "ix_cards_in_wallet",
            "business_id",
            "customer_id",
            postgresql_include=["expires_at"],
            sqlite_where=text("status = 'active' AND in_wallet"),
            postgresql_where=text("status = 'active' AND in_wallet"),
        ),
        ForeignKeyConstraint(
            ["business_id", "customer_id"], ["customers.business_id", "customers.id"]
        ),
        ForeignKeyConstraint(
            ["business_id", "program_id"], ["programs.business_id", "programs.id"]
        ),
    )

    program_id: Mapped[str] = mapped_column(String(40))
    customer_id: Mapped[str] = mapped_column(String(40))
    scan_code: Mapped[str] = mapped_column(String(16))
    status: Mapped[str] = mapped_column(String(16))  # active | expired
    stamps: Mapped[int] = mapped_column(Integer, default=0)
    lifetime_stamps: Mapped[int] = mapped_column(Integer, default=0)
    rounds_completed: Mapped[int] = mapped_column(Integer, default=0)
    issued_at: Mapped[datetime] = mapped_column(UTCDateTime)
    expires_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    last_stamp_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # Where that stamp was given (the ledger row's location): audiences filter on it without
    # reading the ledger.
    last_stamp_location_id: Mapped[str | None] = mapped_column(String(40))
    # Mixed into the web-card link's token; a new one revokes the link (wallet.web_link).
    web_link_nonce: Mapped[str | None] = mapped_column(String(32))
    # The referral whose referee holds this card, until it converts: the stamp and redeem
    # statements read it with the card at no extra cost (referrals.conversion).
    referral_id: Mapped[str | None] = mapped_column(String(40))
    # A wallet holds it (it has a wallet_passes row, which is never removed): audiences reach
    # wallets through this card's index rather than joining the passes.
    in_wallet: Mapped[bool] = mapped_column(default=False, server_default=text("false"))


class Stamp(TenantMixin, Base):
    """The stamp ledger: one row per add-stamp call."""

    __tablename__ = "stamps"
    __table_args__ = (
        Index("ix_stamps_card", "business_id", "card_id"),
        ForeignKeyConstraint(["business_id", "card_id"], ["cards.business_id", "cards.id"]),
    )

    card_id: Mapped[str] = mapped_column(String(40))
    count: Mapped[int] = mapped_column(Integer)
    location_id: Mapped[str | None] = mapped_column(String(40))
    staff_id: Mapped[str | None] = mapped_column(String(40))
    note: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
