"""channels: business channels, customers' addresses and consent per channel (with its history),
one-time messenger link tokens, the latest wallet message per card

Revision ID: 0012
Revises: 0011
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from punchcard.kit.sql import JSONDoc, UTCDateTime

revision: str = "0012"
down_revision: str | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "channels",
        sa.Column("type", sa.String(length=16), nullable=False),
        sa.Column("settings", JSONDoc, nullable=False),
        sa.Column("credentials_sealed", sa.Text(), nullable=True),
        sa.Column("account", JSONDoc, nullable=False),
        sa.Column("transactional", sa.String(length=16), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
        sa.Column("business_id", sa.String(length=40), nullable=False),
        sa.Column("id", sa.String(length=40), nullable=False),
        sa.PrimaryKeyConstraint("business_id", "id", name=op.f("pk_channels")),
        sa.UniqueConstraint("business_id", "type", name=op.f("uq_channels_business_id_type")),
    )
    with op.batch_alter_table("channels", schema=None) as batch_op:
        batch_op.create_index("ix_channels_id", ["id"], unique=False)

    op.create_table(
        "channel_consent_changes",
        sa.Column("customer_id", sa.String(length=40), nullable=False),
        sa.Column("channel", sa.String(length=16), nullable=False),
        sa.Column("granted", sa.Boolean(), nullable=False),
        sa.Column("source", sa.String(length=32), nullable=False),
        sa.Column("at", UTCDateTime(), nullable=False),
        sa.Column("business_id", sa.String(length=40), nullable=False),
        sa.Column("id", sa.String(length=40), nullable=False),
        sa.ForeignKeyConstraint(
            ["business_id", "customer_id"],
            ["customers.business_id", "customers.id"],
            name=op.f("fk_channel_consent_changes_business_id_customer_id_customers"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("business_id", "id", name=op.f("pk_channel_consent_changes")),
    )
    with op.batch_alter_table("channel_consent_changes", schema=None) as batch_op:
        batch_op.create_index(
            "ix_channel_consent_changes_customer",
            ["business_id", "customer_id", "id"],
            unique=False,
        )

    op.create_table(
        "channel_link_tokens",
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("customer_id", sa.String(length=40), nullable=False),
        sa.Column("channel", sa.String(length=16), nullable=False),
        sa.Column("expires_at", UTCDateTime(), nullable=False),
        sa.Column("used_at", UTCDateTime(), nullable=True),
        sa.Column("business_id", sa.String(length=40), nullable=False),
        sa.Column("id", sa.String(length=40), nullable=False),
        sa.ForeignKeyConstraint(
            ["business_id", "customer_id"],
            ["customers.business_id", "customers.id"],
            name=op.f("fk_channel_link_tokens_business_id_customer_id_customers"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("business_id", "id", name=op.f("pk_channel_link_tokens")),
        sa.UniqueConstraint(
            "business_id", "token_hash", name=op.f("uq_channel_link_tokens_business_id_token_hash")
        ),
    )
    op.create_table(
        "customer_channels",
        sa.Column("customer_id", sa.String(length=40), nullable=False),
        sa.Column("channel", sa.String(length=16), nullable=False),
        sa.Column("address", sa.String(length=100), nullable=True),
        sa.Column("linked_at", UTCDateTime(), nullable=True),
        sa.Column("consent", sa.String(length=16), nullable=True),
        sa.Column("consent_source", sa.String(length=32), nullable=True),
        sa.Column("consent_at", UTCDateTime(), nullable=True),
        sa.Column("last_inbound_at", UTCDateTime(), nullable=True),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
        sa.Column("business_id", sa.String(length=40), nullable=False),
        sa.Column("id", sa.String(length=40), nullable=False),
        sa.ForeignKeyConstraint(
            ["business_id", "customer_id"],
            ["customers.business_id", "customers.id"],
            name=op.f("fk_customer_channels_business_id_customer_id_customers"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("business_id", "id", name=op.f("pk_customer_channels")),
        sa.UniqueConstraint(
            "business_id",
            "channel",
            "address",
            name=op.f("uq_customer_channels_business_id_channel_address"),
        ),
        sa.UniqueConstraint(
            "business_id",
            "customer_id",
            "channel",
            name=op.f("uq_customer_channels_business_id_customer_id_channel"),
        ),
    )
    op.create_table(
        "wallet_messages",
        sa.Column("key", sa.String(length=100), nullable=False),
        sa.Column("header", sa.String(length=200), nullable=True),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("sent_at", UTCDateTime(), nullable=False),
        sa.Column("business_id", sa.String(length=40), nullable=False),
        sa.Column("id", sa.String(length=40), nullable=False),
        sa.ForeignKeyConstraint(
            ["business_id", "id"],
            ["cards.business_id", "cards.id"],
            name=op.f("fk_wallet_messages_business_id_id_cards"),
        ),
        sa.PrimaryKeyConstraint("business_id", "id", name=op.f("pk_wallet_messages")),
    )


def downgrade() -> None:
    op.drop_table("wallet_messages")
    op.drop_table("customer_channels")
    op.drop_table("channel_link_tokens")
    with op.batch_alter_table("channel_consent_changes", schema=None) as batch_op:
        batch_op.drop_index("ix_channel_consent_changes_customer")

    op.drop_table("channel_consent_changes")
    with op.batch_alter_table("channels", schema=None) as batch_op:
        batch_op.drop_index("ix_channels_id")

    op.drop_table("channels")
