"""wallet: a business's own Apple pass signing identity

Revision ID: 0008
Revises: 0007
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from punchcard.kit.sql import UTCDateTime

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "wallet_apple_signing",
        sa.Column("business_id", sa.String(length=40), nullable=False),
        sa.Column("pass_type_identifier", sa.String(length=255), nullable=False),
        sa.Column("team_identifier", sa.String(length=32), nullable=False),
        sa.Column("certificate_pem", sa.Text(), nullable=False),
        sa.Column("key_sealed", sa.Text(), nullable=False),
        sa.Column("wwdr_certificate_pem", sa.Text(), nullable=True),
        sa.Column("certificate_expires_at", UTCDateTime(), nullable=False),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["business_id"],
            ["businesses.id"],
            name=op.f("fk_wallet_apple_signing_business_id_businesses"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("business_id", name=op.f("pk_wallet_apple_signing")),
    )


def downgrade() -> None:
    op.drop_table("wallet_apple_signing")
