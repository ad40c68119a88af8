"""campaign audiences over a million cards: cards keep where their last stamp was given
(filled from the ledger), and the indexes the audience filters read: live cards by customer
with the columns the card filters test, channel rows by channel and consent, unredeemed
vouchers by customer

Revision ID: 0021
Revises: 0020
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0021"
down_revision: str | None = "0020"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

ACTIVE = sa.text("status = 'active'")
ISSUED = sa.text("status = 'issued'")


def upgrade() -> None:
    op.add_column("cards", sa.Column("last_stamp_location_id", sa.String(length=40)))
    op.execute(
        """
        UPDATE cards SET last_stamp_location_id = (
            SELECT stamps.location_id FROM stamps
            WHERE stamps.business_id = cards.business_id AND stamps.card_id = cards.id
              AND stamps.created_at = cards.last_stamp_at
            ORDER BY stamps.id DESC LIMIT 1
        )
        WHERE last_stamp_at IS NOT NULL
        """
    )
    # PostgreSQL answers a card filter from this index alone (INCLUDE: an index-only scan).
    op.create_index(
        "ix_cards_audience",
        "cards",
        ["business_id", "customer_id"],
        postgresql_include=[
            "program_id",
            "stamps",
            "lifetime_stamps",
            "last_stamp_at",
            "last_stamp_location_id",
            "expires_at",
        ],
        sqlite_where=ACTIVE,
        postgresql_where=ACTIVE,
    )
    op.create_index(
        "ix_customer_channels_audience",
        "customer_channels",
        ["business_id", "channel", "consent", "customer_id"],
        postgresql_include=["address"],
    )
    op.create_index(
        "ix_vouchers_unredeemed",
        "vouchers",
        ["business_id", "customer_id", "expires_at"],
        sqlite_where=ISSUED,
        postgresql_where=ISSUED,
    )


def downgrade() -> None:
    op.drop_index("ix_vouchers_unredeemed", table_name="vouchers")
    op.drop_index("ix_customer_channels_audience", table_name="customer_channels")
    op.drop_index("ix_cards_audience", table_name="cards")
    op.drop_column("cards", "last_stamp_location_id")
