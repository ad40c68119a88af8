"""imports: CSV import jobs and their staged rows; customers' erasure time

Revision ID: 0016
Revises: 0015
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from punchcard.kit.sql import JSONDoc, UTCDateTime

revision: str = "0016"
down_revision: str | None = "0015"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

OPEN = sa.text("status IN ('queued', 'running')")


def upgrade() -> None:
    op.create_table(
        "import_jobs",
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("dry_run", sa.Boolean(), nullable=False),
        sa.Column("on_error", sa.String(length=8), nullable=False),
        sa.Column("filename", sa.String(length=255), nullable=True),
        sa.Column("options", JSONDoc, nullable=False),
        sa.Column("staff_id", sa.String(length=40), nullable=True),
        sa.Column("total_rows", sa.Integer(), nullable=False),
        sa.Column("cursor_line", sa.Integer(), nullable=False),
        sa.Column("processed_rows", sa.Integer(), nullable=False),
        sa.Column("created_rows", sa.Integer(), nullable=False),
        sa.Column("updated_rows", sa.Integer(), nullable=False),
        sa.Column("unchanged_rows", sa.Integer(), nullable=False),
        sa.Column("failed_rows", sa.Integer(), nullable=False),
        sa.Column("skipped_rows", sa.Integer(), nullable=False),
        sa.Column("lease_token", sa.String(length=40), nullable=True),
        sa.Column("lease_until", UTCDateTime(), nullable=True),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("error", sa.Text(), nullable=True),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("started_at", UTCDateTime(), nullable=True),
        sa.Column("finished_at", UTCDateTime(), nullable=True),
        sa.Column("business_id", sa.String(length=40), nullable=False),
        sa.Column("id", sa.String(length=40), nullable=False),
        sa.PrimaryKeyConstraint("business_id", "id", name=op.f("pk_import_jobs")),
    )
    op.create_index(
        "ix_import_jobs_open", "import_jobs", ["id"], sqlite_where=OPEN, postgresql_where=OPEN
    )
    op.create_table(
        "import_rows",
        sa.Column("business_id", sa.String(length=40), nullable=False),
        sa.Column("import_id", sa.String(length=40), nullable=False),
        sa.Column("line", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=8), nullable=False),
        sa.Column("result", sa.String(length=10), nullable=True),
        sa.Column("record_id", sa.String(length=40), nullable=True),
        sa.Column("data", JSONDoc, nullable=False),
        sa.Column("errors", JSONDoc, nullable=False),
        sa.ForeignKeyConstraint(
            ["business_id", "import_id"],
            ["import_jobs.business_id", "import_jobs.id"],
            name=op.f("fk_import_rows_business_id_import_id_import_jobs"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("business_id", "import_id", "line", name=op.f("pk_import_rows")),
    )
    op.create_index(
        "ix_import_rows_status", "import_rows", ["business_id", "import_id", "status", "line"]
    )
    with op.batch_alter_table("customers", schema=None) as batch_op:
        batch_op.add_column(sa.Column("erased_at", UTCDateTime(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("customers", schema=None) as batch_op:
        batch_op.drop_column("erased_at")
    op.drop_table("import_rows")
    op.drop_table("import_jobs")
