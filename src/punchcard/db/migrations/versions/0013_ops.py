"""ops: period claims for shared jobs, retention indexes, test sends outside the event log

Revision ID: 0013
Revises: 0012
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from punchcard.kit.sql import JSONDoc, UTCDateTime

revision: str = "0013"
down_revision: str | None = "0012"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

UNFINISHED = sa.text("status <> 'succeeded'")


def upgrade() -> None:
    op.create_table(
        "job_claims",
        sa.Column("business_id", sa.String(length=40), nullable=False),
        sa.Column("job", sa.String(length=100), nullable=False),
        sa.Column("period", sa.String(length=100), nullable=False),
        sa.Column("claimed_at", UTCDateTime(), nullable=False),
        sa.Column("finished_at", UTCDateTime(), nullable=True),
        sa.PrimaryKeyConstraint("business_id", "job", "period", name=op.f("pk_job_claims")),
    )
    op.create_index("ix_events_created_at", "events", ["created_at"])
    op.create_index("ix_pos_sales_received_at", "pos_sales", ["received_at"])
    op.create_index("ix_webhook_messages_created_at", "webhook_messages", ["created_at"])
    op.create_index(
        "ix_webhook_messages_unfinished",
        "webhook_messages",
        ["business_id", "event_id"],
        sqlite_where=UNFINISHED,
        postgresql_where=UNFINISHED,
    )
    with op.batch_alter_table("webhook_messages", schema=None) as batch_op:
        batch_op.add_column(sa.Column("payload", JSONDoc, nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("webhook_messages", schema=None) as batch_op:
        batch_op.drop_column("payload")
    op.drop_index("ix_webhook_messages_unfinished", table_name="webhook_messages")
    op.drop_index("ix_webhook_messages_created_at", table_name="webhook_messages")
    op.drop_index("ix_pos_sales_received_at", table_name="pos_sales")
    op.drop_index("ix_events_created_at", table_name="events")
    op.drop_table("job_claims")
