"""import_rows: index only the failed rows (the report's first failures), not every row's
status, so that recording a batch's results writes into one index of import_rows fewer

Revision ID: 0027
Revises: 0026
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0027"
down_revision: str | None = "0026"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

FAILED = sa.text("status = 'failed'")


def upgrade() -> None:
    op.create_index(
        "ix_import_rows_failed",
        "import_rows",
        ["business_id", "import_id", "line"],
        sqlite_where=FAILED,
        postgresql_where=FAILED,
    )
    op.drop_index("ix_import_rows_status", table_name="import_rows")


def downgrade() -> None:
    op.create_index(
        "ix_import_rows_status", "import_rows", ["business_id", "import_id", "status", "line"]
    )
    op.drop_index("ix_import_rows_failed", table_name="import_rows")
