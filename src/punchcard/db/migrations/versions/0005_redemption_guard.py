"""redemption guard: code look-up failures and limits, the voucher expiry index

Revision ID: 0005
Revises: 0004
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from punchcard.kit.sql import UTCDateTime

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "code_lookup_failures",
        sa.Column("at", UTCDateTime(), nullable=False),
        sa.Column("operation", sa.String(length=16), nullable=False),
        sa.Column("code", sa.String(length=64), nullable=False),
        sa.Column("api_key_id", sa.String(length=40), nullable=True),
        sa.Column("staff_id", sa.String(length=40), nullable=True),
        sa.Column("location_id", sa.String(length=40), nullable=True),
        sa.Column("business_id", sa.String(length=40), nullable=False),
        sa.Column("id", sa.String(length=40), nullable=False),
        sa.PrimaryKeyConstraint("business_id", "id", name=op.f("pk_code_lookup_failures")),
    )
    with op.batch_alter_table("code_lookup_failures", schema=None) as batch_op:
        batch_op.create_index(
            "ix_code_lookup_failures_key", ["business_id", "api_key_id", "at"], unique=False
        )
        batch_op.create_index(
            "ix_code_lookup_failures_location", ["business_id", "location_id", "at"], unique=False
        )
    op.create_table(
        "code_lookup_limits",
        sa.Column("blocked_until", UTCDateTime(), nullable=True),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
        sa.Column("business_id", sa.String(length=40), nullable=False),
        sa.Column("id", sa.String(length=40), nullable=False),
        sa.PrimaryKeyConstraint("business_id", "id", name=op.f("pk_code_lookup_limits")),
    )
    with op.batch_alter_table("vouchers", schema=None) as batch_op:
        batch_op.create_index(
            "ix_vouchers_expiry",
            ["expires_at"],
            unique=False,
            sqlite_where=sa.text("status = 'issued'"),
            postgresql_where=sa.text("status = 'issued'"),
        )


def downgrade() -> None:
    with op.batch_alter_table("vouchers", schema=None) as batch_op:
        batch_op.drop_index(
            "ix_vouchers_expiry",
            sqlite_where=sa.text("status = 'issued'"),
            postgresql_where=sa.text("status = 'issued'"),
        )
    op.drop_table("code_lookup_limits")
    with op.batch_alter_table("code_lookup_failures", schema=None) as batch_op:
        batch_op.drop_index("ix_code_lookup_failures_location")
        batch_op.drop_index("ix_code_lookup_failures_key")
    op.drop_table("code_lookup_failures")
