"""customers.channel_flags: consent and messenger links as bits on the customer's row, and
cards.in_wallet with a partial index, so audience counts test them without joining
customer_channels and wallet_passes; filled from those rows (the bit values are
channels.flags', as of this revision); statistics on the expressions audiences test

Revision ID: 0025
Revises: 0024
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0025"
down_revision: str | None = "0024"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# One row per customer and channel, so summing distinct bits is OR-ing them.
FILL = """
UPDATE customers SET channel_flags = held.bits
FROM (
    SELECT business_id, customer_id,
           SUM(CASE WHEN consent = 'granted' THEN CASE channel WHEN 'email' THEN 1
                    WHEN 'wallet' THEN 2 WHEN 'telegram' THEN 4 WHEN 'whatsapp' THEN 8
                    WHEN 'viber' THEN 16 ELSE 0 END ELSE 0 END
             + CASE WHEN address IS NOT NULL THEN CASE channel WHEN 'telegram' THEN 32
                    WHEN 'whatsapp' THEN 64 WHEN 'viber' THEN 128 ELSE 0 END ELSE 0 END)
             AS bits
    FROM customer_channels
    GROUP BY business_id, customer_id
) AS held
WHERE customers.business_id = held.business_id AND customers.id = held.customer_id
  AND held.bits <> 0
"""


# PostgreSQL cannot guess how many rows pass "channel_flags & 2 = 2" or "lower(language) = 'de'"
# (it assumes 0.5 % and picks a nested loop over a million customers); statistics on each
# expression an audience tests tell it. At most eight expressions per statistics object.
STATISTICS = {
    "st_customers_channel_consent": [f"(channel_flags & {bit})" for bit in (1, 2, 4, 8, 16)],
    "st_customers_channel_links": [f"(channel_flags & {bit})" for bit in (32, 64, 128)],
    "st_customers_language": ["(lower(language))"],
}


def upgrade() -> None:
    # A plain ADD COLUMN: a batch would copy SQLite's table and lose the birthday index (an
    # expression it cannot reflect).
    op.add_column(
        "customers",
        sa.Column("channel_flags", sa.Integer(), server_default=sa.text("0"), nullable=False),
    )
    op.execute(FILL)
    op.add_column(
        "cards", sa.Column("in_wallet", sa.Boolean(), server_default=sa.false(), nullable=False)
    )
    op.execute(
        "UPDATE cards SET in_wallet = true WHERE EXISTS (SELECT 1 FROM wallet_passes"
        " WHERE wallet_passes.business_id = cards.business_id AND wallet_passes.id = cards.id)"
    )
    held = sa.text("status = 'active' AND in_wallet")
    op.create_index(
        "ix_cards_in_wallet",
        "cards",
        ["business_id", "customer_id"],
        postgresql_include=["expires_at"],
        sqlite_where=held,
        postgresql_where=held,
    )
    if op.get_bind().dialect.name == "postgresql":
        for name, expressions in STATISTICS.items():
            op.execute(f"CREATE STATISTICS {name} ON {', '.join(expressions)} FROM customers")
        op.execute("ANALYZE customers")


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for name in STATISTICS:
            op.execute(f"DROP STATISTICS {name}")
    op.drop_index("ix_cards_in_wallet", table_name="cards")
    op.drop_column("cards", "in_wallet")
    op.drop_column("customers", "channel_flags")
