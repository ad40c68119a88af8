"""dashspeed: a customer's cards of any status by index (the customer page); the active and
lapsing customers counted by the rollup job beside the business's rolled-up mark, so the
overview reads them instead of counting every card

Revision ID: 0023
Revises: 0022
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from punchcard.kit.sql import UTCDateTime

revision: str = "0023"
down_revision: str | None = "0022"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index("ix_cards_customer", "cards", ["business_id", "customer_id", "id"])
    with op.batch_alter_table("figures_filled", schema=None) as batch_op:
        batch_op.add_column(sa.Column("active", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("lapsing", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("activity_at", UTCDateTime(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("figures_filled", schema=None) as batch_op:
        batch_op.drop_column("activity_at")
        batch_op.drop_column("lapsing")
        batch_op.drop_column("active")
    op.drop_index("ix_cards_customer", table_name="cards")
