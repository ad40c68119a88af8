"""pos connectors: connectors, their sales log, and who redeemed a voucher via POS

Revision ID: 0006
Revises: 0005
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from punchcard.kit.sql import JSONDoc, UTCDateTime

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "pos_connectors",
        sa.Column("type", sa.String(length=16), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("program_id", sa.String(length=40), nullable=False),
        sa.Column("location_id", sa.String(length=40), nullable=True),
        sa.Column("stamp_rule", JSONDoc, nullable=False),
        sa.Column("currency", sa.String(length=3), nullable=True),
        sa.Column("enabled", sa.Boolean(), nullable=False),
        sa.Column("settings", JSONDoc, nullable=False),
        sa.Column("credentials_sealed", sa.Text(), nullable=True),
        sa.Column("signing_secret_sealed", sa.Text(), nullable=False),
        sa.Column("previous_signing_secret_sealed", sa.Text(), nullable=True),
        sa.Column("previous_signing_secret_expires_at", UTCDateTime(), nullable=True),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
        sa.Column("business_id", sa.String(length=40), nullable=False),
        sa.Column("id", sa.String(length=40), nullable=False),
        sa.ForeignKeyConstraint(
            ["business_id", "location_id"],
            ["locations.business_id", "locations.id"],
            name=op.f("fk_pos_connectors_business_id_location_id_locations"),
        ),
        sa.ForeignKeyConstraint(
            ["business_id", "program_id"],
            ["programs.business_id", "programs.id"],
            name=op.f("fk_pos_connectors_business_id_program_id_programs"),
        ),
        sa.PrimaryKeyConstraint("business_id", "id", name=op.f("pk_pos_connectors")),
    )
    with op.batch_alter_table("pos_connectors", schema=None) as batch_op:
        batch_op.create_index("ix_pos_connectors_id", ["id"], unique=False)

    op.create_table(
        "pos_sales",
        sa.Column("connector_id", sa.String(length=40), nullable=False),
        sa.Column("transaction_id", sa.String(length=200), nullable=True),
        sa.Column("claimed_transaction_id", sa.String(length=200), nullable=True),
        sa.Column("outcome", sa.String(length=32), nullable=False),
        sa.Column("detail", sa.Text(), nullable=True),
        sa.Column("amount", sa.BigInteger(), nullable=True),
        sa.Column("currency", sa.String(length=3), nullable=True),
        sa.Column("identifiers", JSONDoc, nullable=False),
        sa.Column("items", JSONDoc, nullable=False),
        sa.Column("customer_id", sa.String(length=40), nullable=True),
        sa.Column("card_id", sa.String(length=40), nullable=True),
        sa.Column("stamps", sa.Integer(), nullable=False),
        sa.Column("closed_at", UTCDateTime(), nullable=True),
        sa.Column("received_at", UTCDateTime(), nullable=False),
        sa.Column("business_id", sa.String(length=40), nullable=False),
        sa.Column("id", sa.String(length=40), nullable=False),
        sa.ForeignKeyConstraint(
            ["business_id", "connector_id"],
            ["pos_connectors.business_id", "pos_connectors.id"],
            name=op.f("fk_pos_sales_business_id_connector_id_pos_connectors"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("business_id", "id", name=op.f("pk_pos_sales")),
        sa.UniqueConstraint(
            "business_id",
            "connector_id",
            "claimed_transaction_id",
            name=op.f("uq_pos_sales_business_id_connector_id_claimed_transaction_id"),
        ),
    )
    with op.batch_alter_table("pos_sales", schema=None) as batch_op:
        batch_op.create_index(
            "ix_pos_sales_connector", ["business_id", "connector_id", "id"], unique=False
        )

    with op.batch_alter_table("vouchers", schema=None) as batch_op:
        batch_op.add_column(sa.Column("redeemed_via_detail", sa.String(length=200), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("vouchers", schema=None) as batch_op:
        batch_op.drop_column("redeemed_via_detail")

    with op.batch_alter_table("pos_sales", schema=None) as batch_op:
        batch_op.drop_index("ix_pos_sales_connector")

    op.drop_table("pos_sales")
    with op.batch_alter_table("pos_connectors", schema=None) as batch_op:
        batch_op.drop_index("ix_pos_connectors_id")

    op.drop_table("pos_connectors")
