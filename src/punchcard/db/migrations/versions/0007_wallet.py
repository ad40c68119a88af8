"""wallet: pass designs per program, wallet passes (version and push outbox), location coordinates

Revision ID: 0007
Revises: 0006
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from punchcard.kit.sql import UTCDateTime

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "wallet_pass_designs",
        sa.Column("organization_name", sa.String(length=200), nullable=True),
        sa.Column("background_color", sa.String(length=7), nullable=False),
        sa.Column("foreground_color", sa.String(length=7), nullable=False),
        sa.Column("label_color", sa.String(length=7), nullable=False),
        sa.Column("stamp_color", sa.String(length=7), nullable=False),
        sa.Column("logo_png", sa.LargeBinary(), nullable=True),
        sa.Column("icon_png", sa.LargeBinary(), nullable=True),
        sa.Column("barcode_format", sa.String(length=16), nullable=False),
        sa.Column("terms", sa.Text(), nullable=True),
        sa.Column("website_url", sa.String(length=500), nullable=True),
        sa.Column("opening_hours", sa.Text(), nullable=True),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
        sa.Column("business_id", sa.String(length=40), nullable=False),
        sa.Column("id", sa.String(length=40), nullable=False),
        sa.ForeignKeyConstraint(
            ["business_id", "id"],
            ["programs.business_id", "programs.id"],
            name=op.f("fk_wallet_pass_designs_business_id_id_programs"),
        ),
        sa.PrimaryKeyConstraint("business_id", "id", name=op.f("pk_wallet_pass_designs")),
    )
    op.create_table(
        "wallet_passes",
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
        sa.Column("push_due_at", UTCDateTime(), nullable=True),
        sa.Column("push_attempts", sa.Integer(), nullable=False),
        sa.Column("push_error", sa.Text(), nullable=True),
        sa.Column("opened_event_at", UTCDateTime(), nullable=True),
        sa.Column("business_id", sa.String(length=40), nullable=False),
        sa.Column("id", sa.String(length=40), nullable=False),
        sa.ForeignKeyConstraint(
            ["business_id", "id"],
            ["cards.business_id", "cards.id"],
            name=op.f("fk_wallet_passes_business_id_id_cards"),
        ),
        sa.PrimaryKeyConstraint("business_id", "id", name=op.f("pk_wallet_passes")),
    )
    with op.batch_alter_table("wallet_passes", schema=None) as batch_op:
        batch_op.create_index(
            "ix_wallet_passes_push_due",
            ["push_due_at"],
            unique=False,
            sqlite_where=sa.text("push_due_at IS NOT NULL"),
            postgresql_where=sa.text("push_due_at IS NOT NULL"),
        )
    with op.batch_alter_table("locations", schema=None) as batch_op:
        batch_op.add_column(sa.Column("latitude", sa.Float(), nullable=True))
        batch_op.add_column(sa.Column("longitude", sa.Float(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("locations", schema=None) as batch_op:
        batch_op.drop_column("longitude")
        batch_op.drop_column("latitude")
    with op.batch_alter_table("wallet_passes", schema=None) as batch_op:
        batch_op.drop_index("ix_wallet_passes_push_due")
    op.drop_table("wallet_passes")
    op.drop_table("wallet_pass_designs")
