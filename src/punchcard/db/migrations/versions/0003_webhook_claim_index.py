"""webhook claim index: partial indexes over pending messages only

Revision ID: 0003
Revises: 0002
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

PENDING = sa.text("status = 'pending'")


def upgrade() -> None:
    with op.batch_alter_table("webhook_messages", schema=None) as batch_op:
        batch_op.create_index(
            "ix_webhook_messages_pending",
            ["next_attempt_at"],
            unique=False,
            sqlite_where=PENDING,
            postgresql_where=PENDING,
        )
        batch_op.create_index(
            "ix_webhook_messages_pending_card",
            ["business_id", "endpoint_id", "card_id", "event_id"],
            unique=False,
            sqlite_where=PENDING,
            postgresql_where=PENDING,
        )
        batch_op.drop_index("ix_webhook_messages_due")
        batch_op.drop_index("ix_webhook_messages_order")


def downgrade() -> None:
    with op.batch_alter_table("webhook_messages", schema=None) as batch_op:
        batch_op.create_index(
            "ix_webhook_messages_order",
            ["business_id", "endpoint_id", "card_id", "status", "event_id"],
            unique=False,
        )
        batch_op.create_index(
            "ix_webhook_messages_due", ["status", "next_attempt_at"], unique=False
        )
        batch_op.drop_index(
            "ix_webhook_messages_pending_card",
            sqlite_where=PENDING,
            postgresql_where=PENDING,
        )
        batch_op.drop_index(
            "ix_webhook_messages_pending",
            sqlite_where=PENDING,
            postgresql_where=PENDING,
        )
