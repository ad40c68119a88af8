"""referral refusals: an index on their time, so the daily retention run finds the old ones
without reading the whole fraud log

Revision ID: 0020
Revises: 0019
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0020"
down_revision: str | None = "0019"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index("ix_referral_refusals_at", "referral_refusals", ["at"])


def downgrade() -> None:
    op.drop_index("ix_referral_refusals_at", table_name="referral_refusals")
