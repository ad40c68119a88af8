"""loyalty core

Revision ID: 0001
Revises:
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from punchcard.kit.sql import JSONDoc, UTCDateTime

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "businesses",
        sa.Column("id", sa.String(length=40), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("timezone", sa.String(length=64), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_businesses")),
    )
    op.create_table(
        "customers",
        sa.Column("source_id", sa.String(length=200), nullable=True),
        sa.Column("email", sa.String(length=320), nullable=True),
        sa.Column("phone", sa.String(length=20), nullable=True),
        sa.Column("name", sa.String(length=200), nullable=True),
        sa.Column("birthday", sa.Date(), nullable=True),
        sa.Column("language", sa.String(length=16), nullable=True),
        sa.Column("metadata", JSONDoc, nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
        sa.Column("business_id", sa.String(length=40), nullable=False),
        sa.Column("id", sa.String(length=40), nullable=False),
        sa.PrimaryKeyConstraint("business_id", "id", name=op.f("pk_customers")),
        sa.UniqueConstraint("business_id", "email", name=op.f("uq_customers_business_id_email")),
        sa.UniqueConstraint("business_id", "phone", name=op.f("uq_customers_business_id_phone")),
        sa.UniqueConstraint(
            "business_id", "source_id", name=op.f("uq_customers_business_id_source_id")
        ),
    )
    with op.batch_alter_table("customers", schema=None) as batch_op:
        batch_op.create_index("ix_customers_created", ["business_id", "created_at"], unique=False)

    op.create_table(
        "events",
        sa.Column("type", sa.String(length=40), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("location_id", sa.String(length=40), nullable=True),
        sa.Column("customer_id", sa.String(length=40), nullable=True),
        sa.Column("card_id", sa.String(length=40), nullable=True),
        sa.Column("voucher_id", sa.String(length=40), nullable=True),
        sa.Column("payload", JSONDoc, nullable=False),
        sa.Column("business_id", sa.String(length=40), nullable=False),
        sa.Column("id", sa.String(length=40), nullable=False),
        sa.PrimaryKeyConstraint("business_id", "id", name=op.f("pk_events")),
    )
    with op.batch_alter_table("events", schema=None) as batch_op:
        batch_op.create_index("ix_events_card", ["business_id", "card_id", "id"], unique=False)
        batch_op.create_index("ix_events_type", ["business_id", "type", "id"], unique=False)

    op.create_table(
        "idempotency_keys",
        sa.Column("business_id", sa.String(length=40), nullable=False),
        sa.Column("key", sa.String(length=255), nullable=False),
        sa.Column("fingerprint", sa.String(length=64), nullable=False),
        sa.Column("status_code", sa.Integer(), nullable=False),
        sa.Column("response", JSONDoc, nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("business_id", "key", name=op.f("pk_idempotency_keys")),
    )
    with op.batch_alter_table("idempotency_keys", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_idempotency_keys_created_at"), ["created_at"], unique=False
        )

    op.create_table(
        "programs",
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("goals", JSONDoc, nullable=False),
        sa.Column("after_last_goal", sa.String(length=16), nullable=False),
        sa.Column("card_validity_days", sa.Integer(), nullable=True),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
        sa.Column("business_id", sa.String(length=40), nullable=False),
        sa.Column("id", sa.String(length=40), nullable=False),
        sa.PrimaryKeyConstraint("business_id", "id", name=op.f("pk_programs")),
    )
    op.create_table(
        "voucher_templates",
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column("code_type", sa.String(length=16), nullable=False),
        sa.Column("fixed_code", sa.String(length=64), nullable=True),
        sa.Column("code_pattern", sa.String(length=64), nullable=True),
        sa.Column("code_charset", sa.String(length=128), nullable=True),
        sa.Column("formats", JSONDoc, nullable=False),
        sa.Column("validity_days", sa.Integer(), nullable=True),
        sa.Column("valid_until", UTCDateTime(), nullable=True),
        sa.Column("archived_at", UTCDateTime(), nullable=True),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
        sa.Column("business_id", sa.String(length=40), nullable=False),
        sa.Column("id", sa.String(length=40), nullable=False),
        sa.PrimaryKeyConstraint("business_id", "id", name=op.f("pk_voucher_templates")),
    )
    op.create_table(
        "cards",
        sa.Column("program_id", sa.String(length=40), nullable=False),
        sa.Column("customer_id", sa.String(length=40), nullable=False),
        sa.Column("scan_code", sa.String(length=16), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("stamps", sa.Integer(), nullable=False),
        sa.Column("lifetime_stamps", sa.Integer(), nullable=False),
        sa.Column("rounds_completed", sa.Integer(), nullable=False),
        sa.Column("issued_at", UTCDateTime(), nullable=False),
        sa.Column("expires_at", UTCDateTime(), nullable=True),
        sa.Column("last_stamp_at", UTCDateTime(), nullable=True),
        sa.Column("business_id", sa.String(length=40), nullable=False),
        sa.Column("id", sa.String(length=40), nullable=False),
        sa.ForeignKeyConstraint(
            ["business_id", "customer_id"],
            ["customers.business_id", "customers.id"],
            name=op.f("fk_cards_business_id_customer_id_customers"),
        ),
        sa.ForeignKeyConstraint(
            ["business_id", "program_id"],
            ["programs.business_id", "programs.id"],
            name=op.f("fk_cards_business_id_program_id_programs"),
        ),
        sa.PrimaryKeyConstraint("business_id", "id", name=op.f("pk_cards")),
        sa.UniqueConstraint(
            "business_id", "scan_code", name=op.f("uq_cards_business_id_scan_code")
        ),
    )
    with op.batch_alter_table("cards", schema=None) as batch_op:
        batch_op.create_index(
            "uq_cards_active_per_customer",
            ["business_id", "customer_id", "program_id"],
            unique=True,
            sqlite_where=sa.text("status = 'active'"),
            postgresql_where=sa.text("status = 'active'"),
        )

    op.create_table(
        "locations",
        sa.Column("business_id", sa.String(length=40), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("address", sa.String(length=500), nullable=True),
        sa.Column("timezone", sa.String(length=64), nullable=True),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("id", sa.String(length=40), nullable=False),
        sa.ForeignKeyConstraint(
            ["business_id"],
            ["businesses.id"],
            name=op.f("fk_locations_business_id_businesses"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("business_id", "id", name=op.f("pk_locations")),
    )
    op.create_table(
        "staff",
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("login", sa.String(length=200), nullable=False),
        sa.Column("role", sa.String(length=16), nullable=False),
        sa.Column("location_id", sa.String(length=40), nullable=True),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("business_id", sa.String(length=40), nullable=False),
        sa.Column("id", sa.String(length=40), nullable=False),
        sa.ForeignKeyConstraint(
            ["business_id", "location_id"],
            ["locations.business_id", "locations.id"],
            name=op.f("fk_staff_business_id_location_id_locations"),
        ),
        sa.PrimaryKeyConstraint("business_id", "id", name=op.f("pk_staff")),
        sa.UniqueConstraint("business_id", "login", name=op.f("uq_staff_business_id_login")),
    )
    op.create_table(
        "stamps",
        sa.Column("card_id", sa.String(length=40), nullable=False),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.Column("location_id", sa.String(length=40), nullable=True),
        sa.Column("staff_id", sa.String(length=40), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("business_id", sa.String(length=40), nullable=False),
        sa.Column("id", sa.String(length=40), nullable=False),
        sa.ForeignKeyConstraint(
            ["business_id", "card_id"],
            ["cards.business_id", "cards.id"],
            name=op.f("fk_stamps_business_id_card_id_cards"),
        ),
        sa.PrimaryKeyConstraint("business_id", "id", name=op.f("pk_stamps")),
    )
    with op.batch_alter_table("stamps", schema=None) as batch_op:
        batch_op.create_index("ix_stamps_card", ["business_id", "card_id"], unique=False)

    op.create_table(
        "vouchers",
        sa.Column("customer_id", sa.String(length=40), nullable=False),
        sa.Column("card_id", sa.String(length=40), nullable=True),
        sa.Column("template_id", sa.String(length=40), nullable=True),
        sa.Column("goal_index", sa.Integer(), nullable=True),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column("redeem_code", sa.String(length=64), nullable=False),
        sa.Column("code_unique", sa.Boolean(), nullable=False),
        sa.Column("formats", JSONDoc, nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("issued_at", UTCDateTime(), nullable=False),
        sa.Column("expires_at", UTCDateTime(), nullable=True),
        sa.Column("redeemed_at", UTCDateTime(), nullable=True),
        sa.Column("redeemed_location_id", sa.String(length=40), nullable=True),
        sa.Column("redeemed_staff_id", sa.String(length=40), nullable=True),
        sa.Column("redeemed_via", sa.String(length=32), nullable=True),
        sa.Column("metadata", JSONDoc, nullable=False),
        sa.Column("business_id", sa.String(length=40), nullable=False),
        sa.Column("id", sa.String(length=40), nullable=False),
        sa.ForeignKeyConstraint(
            ["business_id", "card_id"],
            ["cards.business_id", "cards.id"],
            name=op.f("fk_vouchers_business_id_card_id_cards"),
        ),
        sa.ForeignKeyConstraint(
            ["business_id", "customer_id"],
            ["customers.business_id", "customers.id"],
            name=op.f("fk_vouchers_business_id_customer_id_customers"),
        ),
        sa.ForeignKeyConstraint(
            ["business_id", "template_id"],
            ["voucher_templates.business_id", "voucher_templates.id"],
            name=op.f("fk_vouchers_business_id_template_id_voucher_templates"),
        ),
        sa.PrimaryKeyConstraint("business_id", "id", name=op.f("pk_vouchers")),
    )
    with op.batch_alter_table("vouchers", schema=None) as batch_op:
        batch_op.create_index("ix_vouchers_card", ["business_id", "card_id"], unique=False)
        batch_op.create_index("ix_vouchers_code", ["business_id", "redeem_code"], unique=False)
        batch_op.create_index("ix_vouchers_customer", ["business_id", "customer_id"], unique=False)
        batch_op.create_index(
            "uq_vouchers_unique_code",
            ["business_id", "redeem_code"],
            unique=True,
            sqlite_where=sa.text("code_unique"),
            postgresql_where=sa.text("code_unique"),
        )

    op.create_table(
        "api_keys",
        sa.Column("staff_id", sa.String(length=40), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("key_hash", sa.String(length=64), nullable=False),
        sa.Column("key_last4", sa.String(length=4), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("regenerated_at", UTCDateTime(), nullable=True),
        sa.Column("last_used_at", UTCDateTime(), nullable=True),
        sa.Column("business_id", sa.String(length=40), nullable=False),
        sa.Column("id", sa.String(length=40), nullable=False),
        sa.ForeignKeyConstraint(
            ["business_id", "staff_id"],
            ["staff.business_id", "staff.id"],
            name=op.f("fk_api_keys_business_id_staff_id_staff"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("business_id", "id", name=op.f("pk_api_keys")),
        sa.UniqueConstraint(
            "business_id", "key_hash", name=op.f("uq_api_keys_business_id_key_hash")
        ),
        sa.UniqueConstraint(
            "business_id", "staff_id", name=op.f("uq_api_keys_business_id_staff_id")
        ),
    )
    with op.batch_alter_table("api_keys", schema=None) as batch_op:
        batch_op.create_index("ix_api_keys_key_hash", ["key_hash"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("api_keys", schema=None) as batch_op:
        batch_op.drop_index("ix_api_keys_key_hash")

    op.drop_table("api_keys")
    with op.batch_alter_table("vouchers", schema=None) as batch_op:
        batch_op.drop_index(
            "uq_vouchers_unique_code",
            sqlite_where=sa.text("code_unique"),
            postgresql_where=sa.text("code_unique"),
        )
        batch_op.drop_index("ix_vouchers_customer")
        batch_op.drop_index("ix_vouchers_code")
        batch_op.drop_index("ix_vouchers_card")

    op.drop_table("vouchers")
    with op.batch_alter_table("stamps", schema=None) as batch_op:
        batch_op.drop_index("ix_stamps_card")

    op.drop_table("stamps")
    op.drop_table("staff")
    op.drop_table("locations")
    with op.batch_alter_table("cards", schema=None) as batch_op:
        batch_op.drop_index(
            "uq_cards_active_per_customer",
            sqlite_where=sa.text("status = 'active'"),
            postgresql_where=sa.text("status = 'active'"),
        )

    op.drop_table("cards")
    op.drop_table("voucher_templates")
    op.drop_table("programs")
    with op.batch_alter_table("idempotency_keys", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_idempotency_keys_created_at"))

    op.drop_table("idempotency_keys")
    with op.batch_alter_table("events", schema=None) as batch_op:
        batch_op.drop_index("ix_events_type")
        batch_op.drop_index("ix_events_card")

    op.drop_table("events")
    with op.batch_alter_table("customers", schema=None) as batch_op:
        batch_op.drop_index("ix_customers_created")

    op.drop_table("customers")
    op.drop_table("businesses")
