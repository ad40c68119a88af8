"""public surface: replayed POS requests, rate-limit counters, rotatable web-card links,
privacy links of a business

Revision ID: 0011
Revises: 0010
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from punchcard.kit.sql import UTCDateTime

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("businesses", schema=None) as batch_op:
        batch_op.add_column(sa.Column("privacy_policy_url", sa.String(length=2000), nullable=True))
        batch_op.add_column(sa.Column("imprint_url", sa.String(length=2000), nullable=True))
        batch_op.add_column(
            sa.Column(
                "join_requires_privacy_links",
                sa.Boolean(),
                server_default=sa.false(),
                nullable=False,
            )
        )
    with op.batch_alter_table("cards", schema=None) as batch_op:
        batch_op.add_column(sa.Column("web_link_nonce", sa.String(length=32), nullable=True))
    op.create_table(
        "pos_seen_requests",
        sa.Column("business_id", sa.String(length=40), nullable=False),
        sa.Column("connector_id", sa.String(length=40), nullable=False),
        sa.Column("webhook_id", sa.String(length=200), nullable=False),
        sa.Column("expires_at", UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["business_id", "connector_id"],
            ["pos_connectors.business_id", "pos_connectors.id"],
            name=op.f("fk_pos_seen_requests_business_id_pos_connectors"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint(
            "business_id", "connector_id", "webhook_id", name=op.f("pk_pos_seen_requests")
        ),
    )
    op.create_index(
        "ix_pos_seen_requests_expires_at", "pos_seen_requests", ["expires_at"], unique=False
    )
    op.create_table(
        "rate_counters",
        sa.Column("business_id", sa.String(length=40), nullable=False),
        sa.Column("key", sa.String(length=200), nullable=False),
        sa.Column("hits", sa.Integer(), nullable=False),
        sa.Column("window_ends_at", UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("business_id", "key", name=op.f("pk_rate_counters")),
    )
    op.create_index(
        op.f("ix_rate_counters_window_ends_at"), "rate_counters", ["window_ends_at"], unique=False
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_rate_counters_window_ends_at"), table_name="rate_counters")
    op.drop_table("rate_counters")
    op.drop_index("ix_pos_seen_requests_expires_at", table_name="pos_seen_requests")
    op.drop_table("pos_seen_requests")
    with op.batch_alter_table("cards", schema=None) as batch_op:
        batch_op.drop_column("web_link_nonce")
    with op.batch_alter_table("businesses", schema=None) as batch_op:
        batch_op.drop_column("join_requires_privacy_links")
        batch_op.drop_column("imprint_url")
        batch_op.drop_column("privacy_policy_url")
