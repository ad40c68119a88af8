"""automations: rules the worker runs on a schedule and their runs (one per automation,
customer and period); deliveries name the automation that queued them; the indexes the scans
read (birthdays by month and day, cards by last activity and by issue, open vouchers by issue)

Revision ID: 0019
Revises: 0018
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from punchcard.kit.sql import JSONDoc, UTCDateTime

revision: str = "0019"
down_revision: str | None = "0018"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

ACTIVE = sa.text("status = 'active'")
ISSUED = sa.text("status = 'issued'")
AUTOMATIONS_DUE = sa.text("next_scan_at IS NOT NULL")


def upgrade() -> None:
    op.create_table(
        "automations",
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("kind", sa.String(length=24), nullable=False),
        sa.Column("enabled", sa.Boolean(), nullable=False),
        sa.Column("days", sa.Integer(), nullable=True),
        sa.Column("days_before", sa.Integer(), nullable=True),
        sa.Column("hour", sa.Integer(), nullable=True),
        sa.Column("reminder", sa.String(length=16), nullable=True),
        sa.Column("program_id", sa.String(length=40), nullable=True),
        sa.Column("audience", JSONDoc, nullable=False),
        sa.Column("voucher_template_id", sa.String(length=40), nullable=True),
        sa.Column("voucher_valid_days", sa.Integer(), nullable=True),
        sa.Column("message_channel", sa.String(length=16), nullable=True),
        sa.Column("message_template_id", sa.String(length=40), nullable=True),
        sa.Column("message_transactional", sa.Boolean(), nullable=False),
        sa.Column("started_at", UTCDateTime(), nullable=False),
        sa.Column("scanned_until", UTCDateTime(), nullable=False),
        sa.Column("next_scan_at", UTCDateTime(), nullable=True),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
        sa.Column("business_id", sa.String(length=40), nullable=False),
        sa.Column("id", sa.String(length=40), nullable=False),
        sa.ForeignKeyConstraint(
            ["business_id", "message_template_id"],
            ["message_templates.business_id", "message_templates.id"],
            name=op.f("fk_automations_business_id_message_template_id_message_templates"),
        ),
        sa.ForeignKeyConstraint(
            ["business_id", "program_id"],
            ["programs.business_id", "programs.id"],
            name=op.f("fk_automations_business_id_program_id_programs"),
        ),
        sa.ForeignKeyConstraint(
            ["business_id", "voucher_template_id"],
            ["voucher_templates.business_id", "voucher_templates.id"],
            name=op.f("fk_automations_business_id_voucher_template_id_voucher_templates"),
        ),
        sa.PrimaryKeyConstraint("business_id", "id", name=op.f("pk_automations")),
    )
    op.create_index(
        "ix_automations_due",
        "automations",
        ["next_scan_at"],
        sqlite_where=AUTOMATIONS_DUE,
        postgresql_where=AUTOMATIONS_DUE,
    )
    op.create_table(
        "automation_runs",
        sa.Column("automation_id", sa.String(length=40), nullable=False),
        sa.Column("customer_id", sa.String(length=40), nullable=False),
        sa.Column("period", sa.String(length=40), nullable=False),
        sa.Column("card_id", sa.String(length=40), nullable=True),
        sa.Column("reminded_voucher_id", sa.String(length=40), nullable=True),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("reason", sa.String(length=40), nullable=True),
        sa.Column("voucher_id", sa.String(length=40), nullable=True),
        sa.Column("delivery_id", sa.String(length=40), nullable=True),
        sa.Column("event_id", sa.String(length=40), nullable=True),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("business_id", sa.String(length=40), nullable=False),
        sa.Column("id", sa.String(length=40), nullable=False),
        sa.ForeignKeyConstraint(
            ["business_id", "automation_id"],
            ["automations.business_id", "automations.id"],
            name=op.f("fk_automation_runs_business_id_automation_id_automations"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["business_id", "customer_id"],
            ["customers.business_id", "customers.id"],
            name=op.f("fk_automation_runs_business_id_customer_id_customers"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("business_id", "id", name=op.f("pk_automation_runs")),
        sa.UniqueConstraint(
            "business_id",
            "automation_id",
            "customer_id",
            "period",
            name=op.f("uq_automation_runs_business_id_automation_id_customer_id_period"),
        ),
    )
    op.create_index(
        "ix_automation_runs_log", "automation_runs", ["business_id", "automation_id", "id"]
    )
    op.add_column(
        "message_deliveries", sa.Column("automation_id", sa.String(length=40), nullable=True)
    )
    # Expressions, so each database spells them its own way (as the scans' queries do).
    birthday = sa.column("birthday", sa.Date())
    op.create_index(
        "ix_customers_birthday",
        "customers",
        ["business_id", sa.extract("month", birthday), sa.extract("day", birthday), "id"],
    )
    activity = sa.func.coalesce(
        sa.column("last_stamp_at", UTCDateTime()), sa.column("issued_at", UTCDateTime())
    )
    op.create_index(
        "ix_cards_last_activity",
        "cards",
        ["business_id", activity],
        sqlite_where=ACTIVE,
        postgresql_where=ACTIVE,
    )
    op.create_index(
        "ix_cards_issued",
        "cards",
        ["business_id", "issued_at"],
        sqlite_where=ACTIVE,
        postgresql_where=ACTIVE,
    )
    op.create_index(
        "ix_vouchers_open_issued",
        "vouchers",
        ["business_id", "issued_at"],
        sqlite_where=ISSUED,
        postgresql_where=ISSUED,
    )


def downgrade() -> None:
    op.drop_index("ix_vouchers_open_issued", table_name="vouchers")
    op.drop_index("ix_cards_issued", table_name="cards")
    op.drop_index("ix_cards_last_activity", table_name="cards")
    op.drop_index("ix_customers_birthday", table_name="customers")
    with op.batch_alter_table("message_deliveries", schema=None) as batch_op:
        batch_op.drop_column("automation_id")
    op.drop_index("ix_automation_runs_log", table_name="automation_runs")
    op.drop_table("automation_runs")
    op.drop_index("ix_automations_due", table_name="automations")
    op.drop_table("automations")
