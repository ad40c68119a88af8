from datetime import datetime
from typing import Any

from sqlalchemy import (
    BigInteger,
    Boolean,
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


class PosConnector(TenantMixin, Base):
    """A till that reports closed sales (and may redeem vouchers) for one program.

    Secrets are sealed (Fernet): the signing secret verifies the till's signed requests, and
    ``credentials_sealed`` holds the type's own secrets (Poster: application secret and token).
    """

    __tablename__ = "pos_connectors"
    __table_args__ = (
        # The public webhook URL names the connector alone (the business comes from the row).
        Index("ix_pos_connectors_id", "id"),
        ForeignKeyConstraint(
            ["business_id", "program_id"], ["programs.business_id", "programs.id"]
        ),
        ForeignKeyConstraint(
            ["business_id", "location_id"], ["locations.business_id", "locations.id"]
        ),
    )

    type: Mapped[str] = mapped_column(String(16))  # poster | generic
    name: Mapped[str] = mapped_column(String(200))
    program_id: Mapped[str] = mapped_column(String(40))
    location_id: Mapped[str | None] = mapped_column(String(40))
    stamp_rule: Mapped[dict[str, Any]] = mapped_column(JSONDoc)
    currency: Mapped[str | None] = mapped_column(String(3))
    enabled: Mapped[bool] = mapped_column(Boolean)
    settings: Mapped[dict[str, Any]] = mapped_column(JSONDoc)  # the type's non-secret settings
    credentials_sealed: Mapped[str | None] = mapped_column(Text)
    signing_secret_sealed: Mapped[str] = mapped_column(Text)
    previous_signing_secret_sealed: Mapped[str | None] = mapped_column(Text)
    previous_signing_secret_expires_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)


class PosSale(TenantMixin, Base):
    """The connector's log: one row per notice received, with what came of it.

    The row that decides a sale (stamped, no customer, below minimum, ...) sets
    ``claimed_transaction_id``; the unique key on it makes a replayed or concurrent duplicate
    of the same transaction a no-op, decided in the same transaction as the stamps.
    """

    __tablename__ = "pos_sales"
    __table_args__ = (
        UniqueConstraint("business_id", "connector_id", "claimed_transaction_id"),
        Index("ix_pos_sales_connector", "business_id", "connector_id", "id"),
        Index("ix_pos_sales_received_at", "received_at"),  # retention prunes by age
        ForeignKeyConstraint(
            ["business_id", "connector_id"],
            ["pos_connectors.business_id", "pos_connectors.id"],
            ondelete="CASCADE",
        ),
    )

    connector_id: Mapped[str] = mapped_column(String(40))
    transaction_id: Mapped[str | None] = mapped_column(String(200))
    claimed_transaction_id: Mapped[str | None] = mapped_column(String(200))
    outcome: Mapped[str] = mapped_column(String(32))
    detail: Mapped[str | None] = mapped_column(Text)
    amount: Mapped[int | None] = mapped_column(BigInteger)  # minor units
    currency: Mapped[str | None] = mapped_column(String(3))
    identifiers: Mapped[list[dict[str, str]]] = mapped_column(JSONDoc)
    items: Mapped[list[dict[str, Any]]] = mapped_column(JSONDoc)
    customer_id: Mapped[str | None] = mapped_column(String(40))
    card_id: Mapped[str | None] = mapped_column(String(40))
    stamps: Mapped[int] = mapped_column(Integer)
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    received_at: Mapped[datetime] = mapped_column(UTCDateTime)


class PosSeenRequest(Base):
    """A signed till request already acted on (its ``webhook-id``), kept while its signature is
    valid: the same signed redemption sent again (after staff rolled the redemption back, say)
    is refused instead of redeeming again. Pruned once expired."""

    __tablename__ = "pos_seen_requests"
    __table_args__ = (
        ForeignKeyConstraint(
            ["business_id", "connector_id"],
            ["pos_connectors.business_id", "pos_connectors.id"],
            ondelete="CASCADE",
        ),
        Index("ix_pos_seen_requests_expires_at", "expires_at"),
    )

    business_id: Mapped[str] = mapped_column(String(40), primary_key=True)
    connector_id: Mapped[str] = mapped_column(String(40), primary_key=True)
    webhook_id: Mapped[str] = mapped_column(String(200), primary_key=True)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime)
