from datetime import datetime
from typing import Any

from sqlalchemy import Boolean, ForeignKeyConstraint, Index, Integer, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column

from punchcard.db.base import Base, TenantMixin
from punchcard.kit.sql import JSONDoc, UTCDateTime


class ImportJob(TenantMixin, Base):
    """A CSV import: its options, its progress, and who is working on it.

    The file itself lives in ``import_rows`` (staged at upload), so any worker on any machine
    can run the job. A worker holds it by a lease (``lease_token`` until ``lease_until``) that
    each batch extends; a worker that dies lets it run out, and another resumes after
    ``cursor_line``, the last line of the last committed batch.
    """

    __tablename__ = "import_jobs"
    __table_args__ = (
        # The queue: open jobs, oldest first.
        Index(
            "ix_import_jobs_open",
            "id",
            sqlite_where=text("status IN ('queued', 'running')"),
            postgresql_where=text("status IN ('queued', 'running')"),
        ),
    )

    kind: Mapped[str] = mapped_column(String(16))  # customers | cards
    # queued | running | checked (dry run done) | completed | aborted | failed
    status: Mapped[str] = mapped_column(String(16))
    dry_run: Mapped[bool] = mapped_column(Boolean)
    on_error: Mapped[str] = mapped_column(String(8))  # skip | abort
    filename: Mapped[str | None] = mapped_column(String(255))
    # How the file was read: separator, header -> field, ignored headers, default program.
    options: Mapped[dict[str, Any]] = mapped_column(JSONDoc)
    staff_id: Mapped[str | None] = mapped_column(String(40))
    total_rows: Mapped[int] = mapped_column(Integer)
    cursor_line: Mapped[int] = mapped_column(Integer)
    processed_rows: Mapped[int] = mapped_column(Integer)
    created_rows: Mapped[int] = mapped_column(Integer)
    updated_rows: Mapped[int] = mapped_column(Integer)
    unchanged_rows: Mapped[int] = mapped_column(Integer)
    failed_rows: Mapped[int] = mapped_column(Integer)
    skipped_rows: Mapped[int] = mapped_column(Integer)
    lease_token: Mapped[str | None] = mapped_column(String(40))
    lease_until: Mapped[datetime | None] = mapped_column(UTCDateTime)
    attempts: Mapped[int] = mapped_column(Integer)  # batches that failed unexpectedly in a row
    error: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    started_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class ImportRow(Base):
    """One data row of an uploaded file, by its line number, and what became of it."""

    __tablename__ = "import_rows"
    __table_args__ = (
        ForeignKeyConstraint(
            ["business_id", "import_id"],
            ["import_jobs.business_id", "import_jobs.id"],
            ondelete="CASCADE",
        ),
        # The report's failed rows, in line order (every read of a job shows the first ones).
        # Partial: a batch's results, which turn pending rows into applied ones, write no
        # entry here; the other statuses are found along the primary key, in line order.
        Index(
            "ix_import_rows_failed",
            "business_id",
            "import_id",
            "line",
            sqlite_where=text("status = 'failed'"),
            postgresql_where=text("status = 'failed'"),
        ),
    )

    business_id: Mapped[str] = mapped_column(String(40), primary_key=True)
    import_id: Mapped[str] = mapped_column(String(40), primary_key=True)
    line: Mapped[int] = mapped_column(Integer, primary_key=True)
    status: Mapped[str] = mapped_column(String(8))  # pending | applied | failed | skipped
    result: Mapped[str | None] = mapped_column(String(10))  # created | updated | unchanged
    record_id: Mapped[str | None] = mapped_column(String(40))  # the customer or card
    data: Mapped[dict[str, str]] = mapped_column(JSONDoc)  # field -> cell, as mapped
    errors: Mapped[list[dict[str, Any]]] = mapped_column(JSONDoc)
