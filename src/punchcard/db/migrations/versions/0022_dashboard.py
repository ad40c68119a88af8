"""dashboard: staff passwords (argon2id), browser sessions and one-time password-reset links,
each stored as a hash of its token; the overview's figures rolled up per hour and location;
the trigram index the customer search reads on PostgreSQL; events by customer (the
customer page's history)

Revision ID: 0022
Revises: 0021
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from punchcard.kit.sql import UTCDateTime

revision: str = "0022"
down_revision: str | None = "0021"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _staff_key(table: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        ["business_id", "staff_id"],
        ["staff.business_id", "staff.id"],
        name=op.f(f"fk_{table}_business_id_staff_id_staff"),
        ondelete="CASCADE",
    )


def upgrade() -> None:
    with op.batch_alter_table("staff", schema=None) as batch_op:
        batch_op.add_column(sa.Column("password_hash", sa.String(length=200), nullable=True))
        batch_op.add_column(sa.Column("password_changed_at", UTCDateTime(), nullable=True))
    op.create_table(
        "staff_sessions",
        sa.Column("staff_id", sa.String(length=40), nullable=False),
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("last_seen_at", UTCDateTime(), nullable=False),
        sa.Column("expires_at", UTCDateTime(), nullable=False),
        sa.Column("business_id", sa.String(length=40), nullable=False),
        sa.Column("id", sa.String(length=40), nullable=False),
        _staff_key("staff_sessions"),
        sa.PrimaryKeyConstraint("business_id", "id", name=op.f("pk_staff_sessions")),
    )
    with op.batch_alter_table("staff_sessions", schema=None) as batch_op:
        batch_op.create_index("ix_staff_sessions_token_hash", ["token_hash"], unique=True)
        batch_op.create_index("ix_staff_sessions_staff", ["business_id", "staff_id"])
        batch_op.create_index(batch_op.f("ix_staff_sessions_expires_at"), ["expires_at"])
    op.create_table(
        "password_resets",
        sa.Column("staff_id", sa.String(length=40), nullable=False),
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("expires_at", UTCDateTime(), nullable=False),
        sa.Column("used_at", UTCDateTime(), nullable=True),
        sa.Column("business_id", sa.String(length=40), nullable=False),
        sa.Column("id", sa.String(length=40), nullable=False),
        _staff_key("password_resets"),
        sa.PrimaryKeyConstraint("business_id", "id", name=op.f("pk_password_resets")),
    )
    with op.batch_alter_table("password_resets", schema=None) as batch_op:
        batch_op.create_index("ix_password_resets_token_hash", ["token_hash"], unique=True)
    op.create_table(
        "hour_figures",
        sa.Column("business_id", sa.String(length=40), nullable=False),
        sa.Column("hour", UTCDateTime(), nullable=False),
        sa.Column("location_id", sa.String(length=40), nullable=False),
        sa.Column("stamps", sa.Integer(), nullable=False),
        sa.Column("cards", sa.Integer(), nullable=False),
        sa.Column("vouchers_issued", sa.Integer(), nullable=False),
        sa.Column("vouchers_redeemed", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["business_id"],
            ["businesses.id"],
            name=op.f("fk_hour_figures_business_id_businesses"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("business_id", "hour", "location_id", name=op.f("pk_hour_figures")),
    )
    op.create_table(
        "figures_filled",
        sa.Column("business_id", sa.String(length=40), nullable=False),
        sa.Column("until", UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["business_id"],
            ["businesses.id"],
            name=op.f("fk_figures_filled_business_id_businesses"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("business_id", name=op.f("pk_figures_filled")),
    )
    op.create_index("ix_events_customer", "events", ["business_id", "customer_id", "id"])
    if op.get_bind().dialect.name == "postgresql":
        # The dashboard's customer search finds part of a name anywhere (LIKE '%ada%'): a
        # trigram index (pg_trgm is a trusted extension: the database's owner may create it).
        op.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        op.execute(
            "CREATE INDEX ix_customers_name_trgm ON customers USING gin (lower(name) gin_trgm_ops)"
        )


def downgrade() -> None:
    op.execute("DROP INDEX IF EXISTS ix_customers_name_trgm")
    op.drop_index("ix_events_customer", table_name="events")
    op.drop_table("figures_filled")
    op.drop_table("hour_figures")
    op.drop_table("password_resets")
    op.drop_table("staff_sessions")
    with op.batch_alter_table("staff", schema=None) as batch_op:
        batch_op.drop_column("password_changed_at")
        batch_op.drop_column("password_hash")
