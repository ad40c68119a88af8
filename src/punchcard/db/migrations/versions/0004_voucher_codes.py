"""voucher codes: generated code configs, code pools

Revision ID: 0004
Revises: 0003
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from punchcard.kit.sql import UTCDateTime

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("voucher_templates", schema=None) as batch_op:
        batch_op.add_column(sa.Column("code_pool_low_stock", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("code_pool_empty_alerted_at", UTCDateTime(), nullable=True))
    op.create_table(
        "voucher_codes",
        sa.Column("template_id", sa.String(length=40), nullable=False),
        sa.Column("code", sa.String(length=64), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("batch_id", sa.String(length=40), nullable=False),
        sa.Column("voucher_id", sa.String(length=40), nullable=True),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("assigned_at", UTCDateTime(), nullable=True),
        sa.Column("business_id", sa.String(length=40), nullable=False),
        sa.Column("id", sa.String(length=40), nullable=False),
        sa.PrimaryKeyConstraint("business_id", "id", name=op.f("pk_voucher_codes")),
    )
    with op.batch_alter_table("voucher_codes", schema=None) as batch_op:
        batch_op.create_index("uq_voucher_codes_code", ["business_id", "code"], unique=True)
        batch_op.create_index(
            "ix_voucher_codes_claim", ["business_id", "template_id", "status", "id"], unique=False
        )


def downgrade() -> None:
    op.drop_table("voucher_codes")
    with op.batch_alter_table("voucher_templates", schema=None) as batch_op:
        batch_op.drop_column("code_pool_empty_alerted_at")
        batch_op.drop_column("code_pool_low_stock")
