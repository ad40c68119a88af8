from datetime import datetime

from sqlalchemy import ForeignKeyConstraint, Index, Integer, LargeBinary, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column

from punchcard.db.base import Base, TenantMixin
from punchcard.kit.sql import UTCDateTime


class PassDesign(TenantMixin, Base):
    """How a program's wallet card looks; ``id`` is the program's id (one design per program).

    A program without a row gets the defaults (``DEFAULT_DESIGN`` in wallet.view)."""

    __tablename__ = "wallet_pass_designs"
    __table_args__ = (
        ForeignKeyConstraint(["business_id", "id"], ["programs.business_id", "programs.id"]),
    )

    organization_name: Mapped[str | None] = mapped_column(String(200))  # default: business name
    background_color: Mapped[str] = mapped_column(String(7))  # "#RRGGBB"
    foreground_color: Mapped[str] = mapped_column(String(7))
    label_color: Mapped[str] = mapped_column(String(7))
    stamp_color: Mapped[str] = mapped_column(String(7))  # filled stamps on the grid
    logo_png: Mapped[bytes | None] = mapped_column(LargeBinary)
    icon_png: Mapped[bytes | None] = mapped_column(LargeBinary)
    barcode_format: Mapped[str] = mapped_column(String(16))  # qr | code128 | pdf417 | aztec
    terms: Mapped[str | None] = mapped_column(Text)
    website_url: Mapped[str | None] = mapped_column(String(500))
    opening_hours: Mapped[str | None] = mapped_column(Text)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)


class WalletPass(TenantMixin, Base):
    """A card that lives in a wallet; ``id`` is the card's id (also the Apple serial number).

    Created (``wallet.events.hold``) when the card is saved to a wallet or first opened. It is the
    push outbox too: the webhook fan-out (after commit) sets ``updated_at`` and ``push_due_at``
    for every event about the card, and the wallet worker pushes and clears ``push_due_at``.
    """

    __tablename__ = "wallet_passes"
    __table_args__ = (
        ForeignKeyConstraint(["business_id", "id"], ["cards.business_id", "cards.id"]),
        Index(
            "ix_wallet_passes_push_due",
            "push_due_at",
            sqlite_where=text("push_due_at IS NOT NULL"),
            postgresql_where=text("push_due_at IS NOT NULL"),
        ),
    )

    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    # The pass's version: Last-Modified and the PassKit "updated since" tag.
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)
    push_due_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    push_attempts: Mapped[int] = mapped_column(Integer, default=0)
    push_error: Mapped[str | None] = mapped_column(Text)
    # card_opened is emitted at most once an hour per card.
    opened_event_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class WalletMessage(TenantMixin, Base):
    """The latest message sent to a card through the wallet channel; ``id`` is the card's id.

    The pass shows it (Apple: a back field whose change notifies; Google: the object's message
    list; the web card too) until the next one replaces it."""

    __tablename__ = "wallet_messages"
    __table_args__ = (
        ForeignKeyConstraint(["business_id", "id"], ["cards.business_id", "cards.id"]),
    )

    key: Mapped[str] = mapped_column(String(100))  # the delivery's key: a resend is the same
    header: Mapped[str | None] = mapped_column(String(200))
    body: Mapped[str] = mapped_column(Text)
    sent_at: Mapped[datetime] = mapped_column(UTCDateTime)
