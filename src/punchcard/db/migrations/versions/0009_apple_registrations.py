"""apple device registrations: which devices hold which card's pass, and their push tokens

Revision ID: 0009
Revises: 0008
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from punchcard.kit.sql import UTCDateTime

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "apple_device_registrations",
        sa.Column("device_library_identifier", sa.String(length=128), nullable=False),
        sa.Column("push_token", sa.String(length=256), nullable=False),
        sa.Column("card_id", sa.String(length=40), nullable=False),
        sa.Column("pass_type_identifier", sa.String(length=200), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
        sa.Column("business_id", sa.String(length=40), nullable=False),
        sa.Column("id", sa.String(length=40), nullable=False),
        sa.ForeignKeyConstraint(
            ["business_id", "card_id"],
            ["cards.business_id", "cards.id"],
            name=op.f("fk_apple_device_registrations_business_id_card_id_cards"),
        ),
        sa.PrimaryKeyConstraint("business_id", "id", name=op.f("pk_apple_device_registrations")),
        sa.UniqueConstraint(
            "business_id",
            "device_library_identifier",
            "card_id",
            name="uq_apple_device_registrations_device_card",
        ),
    )
    with op.batch_alter_table("apple_device_registrations", schema=None) as batch_op:
        batch_op.create_index(
            "ix_apple_device_registrations_card", ["business_id", "card_id"], unique=False
        )
        batch_op.create_index(
            "ix_apple_device_registrations_device",
            ["device_library_identifier", "pass_type_identifier"],
            unique=False,
        )


def downgrade() -> None:
    with op.batch_alter_table("apple_device_registrations", schema=None) as batch_op:
        batch_op.drop_index("ix_apple_device_registrations_device")
        batch_op.drop_index("ix_apple_device_registrations_card")
    op.drop_table("apple_device_registrations")
