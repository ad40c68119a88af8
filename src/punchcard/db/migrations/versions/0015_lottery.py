"""lottery: lotteries, their variants (weights, stock) and draws; vouchers get a type
(voucher | lottery: a lottery ticket) and a ticket's lottery

Revision ID: 0015
Revises: 0014
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from punchcard.kit.sql import JSONDoc, UTCDateTime

revision: str = "0015"
down_revision: str | None = "0014"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "lotteries",
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column("archived_at", UTCDateTime(), nullable=True),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
        sa.Column("business_id", sa.String(length=40), nullable=False),
        sa.Column("id", sa.String(length=40), nullable=False),
        sa.PrimaryKeyConstraint("business_id", "id", name=op.f("pk_lotteries")),
    )
    op.create_table(
        "lottery_variants",
        sa.Column("lottery_id", sa.String(length=40), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=40), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("template_id", sa.String(length=40), nullable=True),
        sa.Column("weight", sa.Integer(), nullable=False),
        sa.Column("stock", sa.Integer(), nullable=True),
        sa.Column("business_id", sa.String(length=40), nullable=False),
        sa.Column("id", sa.String(length=40), nullable=False),
        sa.CheckConstraint("stock >= 0", name=op.f("ck_lottery_variants_stock_not_negative")),
        sa.CheckConstraint("weight > 0", name=op.f("ck_lottery_variants_weight_positive")),
        sa.ForeignKeyConstraint(
            ["business_id", "lottery_id"],
            ["lotteries.business_id", "lotteries.id"],
            name=op.f("fk_lottery_variants_business_id_lottery_id_lotteries"),
        ),
        sa.ForeignKeyConstraint(
            ["business_id", "template_id"],
            ["voucher_templates.business_id", "voucher_templates.id"],
            name=op.f("fk_lottery_variants_business_id_template_id_voucher_templates"),
        ),
        sa.PrimaryKeyConstraint("business_id", "id", name=op.f("pk_lottery_variants")),
        sa.UniqueConstraint(
            "business_id",
            "lottery_id",
            "key",
            name=op.f("uq_lottery_variants_business_id_lottery_id_key"),
        ),
    )
    op.create_table(
        "lottery_draws",
        sa.Column("lottery_id", sa.String(length=40), nullable=False),
        sa.Column("ticket_id", sa.String(length=40), nullable=False),
        sa.Column("card_id", sa.String(length=40), nullable=True),
        sa.Column("customer_id", sa.String(length=40), nullable=False),
        sa.Column("variant_key", sa.String(length=40), nullable=False),
        sa.Column("variant_title", sa.String(length=200), nullable=False),
        sa.Column("won", sa.Boolean(), nullable=False),
        sa.Column("voucher_id", sa.String(length=40), nullable=True),
        sa.Column("random_number", sa.Integer(), nullable=False),
        sa.Column("total_weight", sa.Integer(), nullable=False),
        sa.Column("variants", JSONDoc, nullable=False),
        sa.Column("stock_left", sa.Integer(), nullable=True),
        sa.Column("redraws", sa.Integer(), nullable=False),
        sa.Column("via", sa.String(length=32), nullable=False),
        sa.Column("location_id", sa.String(length=40), nullable=True),
        sa.Column("staff_id", sa.String(length=40), nullable=True),
        sa.Column("drawn_at", UTCDateTime(), nullable=False),
        sa.Column("business_id", sa.String(length=40), nullable=False),
        sa.Column("id", sa.String(length=40), nullable=False),
        sa.ForeignKeyConstraint(
            ["business_id", "lottery_id"],
            ["lotteries.business_id", "lotteries.id"],
            name=op.f("fk_lottery_draws_business_id_lottery_id_lotteries"),
        ),
        sa.ForeignKeyConstraint(
            ["business_id", "ticket_id"],
            ["vouchers.business_id", "vouchers.id"],
            name=op.f("fk_lottery_draws_business_id_ticket_id_vouchers"),
        ),
        sa.ForeignKeyConstraint(
            ["business_id", "voucher_id"],
            ["vouchers.business_id", "vouchers.id"],
            name=op.f("fk_lottery_draws_business_id_voucher_id_vouchers"),
        ),
        sa.PrimaryKeyConstraint("business_id", "id", name=op.f("pk_lottery_draws")),
        sa.UniqueConstraint(
            "business_id", "ticket_id", name=op.f("uq_lottery_draws_business_id_ticket_id")
        ),
    )
    with op.batch_alter_table("lottery_draws", schema=None) as batch_op:
        batch_op.create_index(
            "ix_lottery_draws_card", ["business_id", "card_id", "id"], unique=False
        )
        batch_op.create_index(
            "ix_lottery_draws_lottery", ["business_id", "lottery_id", "id"], unique=False
        )

    with op.batch_alter_table("vouchers", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("type", sa.String(length=16), server_default="voucher", nullable=False)
        )
        batch_op.add_column(sa.Column("lottery_id", sa.String(length=40), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("vouchers", schema=None) as batch_op:
        batch_op.drop_column("lottery_id")
        batch_op.drop_column("type")

    with op.batch_alter_table("lottery_draws", schema=None) as batch_op:
        batch_op.drop_index("ix_lottery_draws_lottery")
        batch_op.drop_index("ix_lottery_draws_card")

    op.drop_table("lottery_draws")
    op.drop_table("lottery_variants")
    op.drop_table("lotteries")
