"""referrals: referral programs, referral codes (a referrer's, or free in a program's pool),
referrals (one per referee) and refusals; a card names its pending referral

Revision ID: 0018
Revises: 0017
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from punchcard.kit.sql import JSONDoc, UTCDateTime

revision: str = "0018"
down_revision: str | None = "0017"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "referral_refusals",
        sa.Column("referral_program_id", sa.String(length=40), nullable=True),
        sa.Column("code", sa.String(length=64), nullable=False),
        sa.Column("reason", sa.String(length=32), nullable=False),
        sa.Column("detail", sa.Text(), nullable=False),
        sa.Column("via", sa.String(length=16), nullable=False),
        sa.Column("referrer_customer_id", sa.String(length=40), nullable=True),
        sa.Column("referee_customer_id", sa.String(length=40), nullable=True),
        sa.Column("location_id", sa.String(length=40), nullable=True),
        sa.Column("staff_id", sa.String(length=40), nullable=True),
        sa.Column("at", UTCDateTime(), nullable=False),
        sa.Column("business_id", sa.String(length=40), nullable=False),
        sa.Column("id", sa.String(length=40), nullable=False),
        sa.PrimaryKeyConstraint("business_id", "id", name=op.f("pk_referral_refusals")),
    )
    with op.batch_alter_table("referral_refusals", schema=None) as batch_op:
        batch_op.create_index(
            "ix_referral_refusals_program",
            ["business_id", "referral_program_id", "id"],
            unique=False,
        )

    op.create_table(
        "referral_programs",
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("program_id", sa.String(length=40), nullable=False),
        sa.Column("code_type", sa.String(length=16), nullable=False),
        sa.Column("code_pattern", sa.String(length=100), nullable=True),
        sa.Column("code_charset", sa.String(length=64), nullable=True),
        sa.Column("referee_template_id", sa.String(length=40), nullable=True),
        sa.Column("referrer_template_id", sa.String(length=40), nullable=True),
        sa.Column("tiers", JSONDoc, nullable=False),
        sa.Column("conversion", JSONDoc, nullable=False),
        sa.Column("reward_limit", sa.Integer(), nullable=True),
        sa.Column("reward_limit_period", sa.String(length=8), nullable=True),
        sa.Column("starts_at", UTCDateTime(), nullable=True),
        sa.Column("ends_at", UTCDateTime(), nullable=True),
        sa.Column("archived_at", UTCDateTime(), nullable=True),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
        sa.Column("business_id", sa.String(length=40), nullable=False),
        sa.Column("id", sa.String(length=40), nullable=False),
        sa.CheckConstraint(
            "reward_limit > 0", name=op.f("ck_referral_programs_reward_limit_positive")
        ),
        sa.ForeignKeyConstraint(
            ["business_id", "program_id"],
            ["programs.business_id", "programs.id"],
            name=op.f("fk_referral_programs_business_id_program_id_programs"),
        ),
        sa.ForeignKeyConstraint(
            ["business_id", "referee_template_id"],
            ["voucher_templates.business_id", "voucher_templates.id"],
            name=op.f("fk_referral_programs_business_id_referee_template_id_voucher_templates"),
        ),
        sa.ForeignKeyConstraint(
            ["business_id", "referrer_template_id"],
            ["voucher_templates.business_id", "voucher_templates.id"],
            name=op.f("fk_referral_programs_business_id_referrer_template_id_voucher_templates"),
        ),
        sa.PrimaryKeyConstraint("business_id", "id", name=op.f("pk_referral_programs")),
    )
    op.create_table(
        "referral_codes",
        sa.Column("referral_program_id", sa.String(length=40), nullable=False),
        sa.Column("code", sa.String(length=64), nullable=False),
        sa.Column("customer_id", sa.String(length=40), nullable=True),
        sa.Column("batch_id", sa.String(length=40), nullable=True),
        sa.Column("conversions", sa.Integer(), nullable=False),
        sa.Column("rewards", sa.Integer(), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("assigned_at", UTCDateTime(), nullable=True),
        sa.Column("business_id", sa.String(length=40), nullable=False),
        sa.Column("id", sa.String(length=40), nullable=False),
        sa.ForeignKeyConstraint(
            ["business_id", "referral_program_id"],
            ["referral_programs.business_id", "referral_programs.id"],
            name=op.f("fk_referral_codes_business_id_referral_program_id_referral_programs"),
        ),
        sa.PrimaryKeyConstraint("business_id", "id", name=op.f("pk_referral_codes")),
        sa.UniqueConstraint("business_id", "code", name=op.f("uq_referral_codes_business_id_code")),
        sa.UniqueConstraint(
            "business_id",
            "referral_program_id",
            "customer_id",
            name=op.f("uq_referral_codes_business_id_referral_program_id_customer_id"),
        ),
    )
    with op.batch_alter_table("referral_codes", schema=None) as batch_op:
        batch_op.create_index(
            "ix_referral_codes_free",
            ["business_id", "referral_program_id", "id"],
            unique=False,
            sqlite_where=sa.text("customer_id IS NULL"),
            postgresql_where=sa.text("customer_id IS NULL"),
        )

    op.create_table(
        "referrals",
        sa.Column("referral_program_id", sa.String(length=40), nullable=False),
        sa.Column("code_id", sa.String(length=40), nullable=False),
        sa.Column("code", sa.String(length=64), nullable=False),
        sa.Column("referrer_customer_id", sa.String(length=40), nullable=False),
        sa.Column("referee_customer_id", sa.String(length=40), nullable=False),
        sa.Column("referee_card_id", sa.String(length=40), nullable=False),
        sa.Column("via", sa.String(length=16), nullable=False),
        sa.Column("location_id", sa.String(length=40), nullable=True),
        sa.Column("staff_id", sa.String(length=40), nullable=True),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("joined_at", UTCDateTime(), nullable=False),
        sa.Column("referee_voucher_id", sa.String(length=40), nullable=True),
        sa.Column("converted_at", UTCDateTime(), nullable=True),
        sa.Column("conversion", JSONDoc, nullable=True),
        sa.Column("ordinal", sa.Integer(), nullable=True),
        sa.Column("tier", sa.Integer(), nullable=True),
        sa.Column("reward", sa.String(length=32), nullable=True),
        sa.Column("reward_detail", sa.Text(), nullable=True),
        sa.Column("referrer_voucher_id", sa.String(length=40), nullable=True),
        sa.Column("business_id", sa.String(length=40), nullable=False),
        sa.Column("id", sa.String(length=40), nullable=False),
        sa.ForeignKeyConstraint(
            ["business_id", "code_id"],
            ["referral_codes.business_id", "referral_codes.id"],
            name=op.f("fk_referrals_business_id_code_id_referral_codes"),
        ),
        sa.ForeignKeyConstraint(
            ["business_id", "referee_card_id"],
            ["cards.business_id", "cards.id"],
            name=op.f("fk_referrals_business_id_referee_card_id_cards"),
        ),
        sa.ForeignKeyConstraint(
            ["business_id", "referee_customer_id"],
            ["customers.business_id", "customers.id"],
            name=op.f("fk_referrals_business_id_referee_customer_id_customers"),
        ),
        sa.ForeignKeyConstraint(
            ["business_id", "referral_program_id"],
            ["referral_programs.business_id", "referral_programs.id"],
            name=op.f("fk_referrals_business_id_referral_program_id_referral_programs"),
        ),
        sa.PrimaryKeyConstraint("business_id", "id", name=op.f("pk_referrals")),
        sa.UniqueConstraint(
            "business_id",
            "referee_customer_id",
            name=op.f("uq_referrals_business_id_referee_customer_id"),
        ),
    )
    with op.batch_alter_table("referrals", schema=None) as batch_op:
        batch_op.create_index(
            "ix_referrals_code", ["business_id", "code_id", "converted_at"], unique=False
        )
        batch_op.create_index(
            "ix_referrals_program", ["business_id", "referral_program_id", "id"], unique=False
        )
        batch_op.create_index(
            "ix_referrals_referrer", ["business_id", "referrer_customer_id", "id"], unique=False
        )

    with op.batch_alter_table("cards", schema=None) as batch_op:
        batch_op.add_column(sa.Column("referral_id", sa.String(length=40), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("cards", schema=None) as batch_op:
        batch_op.drop_column("referral_id")

    with op.batch_alter_table("referrals", schema=None) as batch_op:
        batch_op.drop_index("ix_referrals_referrer")
        batch_op.drop_index("ix_referrals_program")
        batch_op.drop_index("ix_referrals_code")

    op.drop_table("referrals")
    with op.batch_alter_table("referral_codes", schema=None) as batch_op:
        batch_op.drop_index(
            "ix_referral_codes_free",
            sqlite_where=sa.text("customer_id IS NULL"),
            postgresql_where=sa.text("customer_id IS NULL"),
        )

    op.drop_table("referral_codes")
    op.drop_table("referral_programs")
    with op.batch_alter_table("referral_refusals", schema=None) as batch_op:
        batch_op.drop_index("ix_referral_refusals_program")

    op.drop_table("referral_refusals")
