"""send paces shared by every worker: one row per account holding when its next free send slot
starts (seconds since 1970 on the database's clock), so two workers together keep a provider's
rate

Revision ID: 0024
Revises: 0023
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0024"
down_revision: str | None = "0023"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "send_paces",
        sa.Column("business_id", sa.String(length=40), nullable=False),
        sa.Column("channel_id", sa.String(length=40), nullable=False),
        sa.Column("next_at", sa.Float(), nullable=False),
        sa.PrimaryKeyConstraint("business_id", "channel_id", name=op.f("pk_send_paces")),
    )


def downgrade() -> None:
    op.drop_table("send_paces")
