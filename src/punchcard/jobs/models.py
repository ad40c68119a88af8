from datetime import datetime

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from punchcard.db.base import Base
from punchcard.kit.sql import UTCDateTime


class JobClaim(Base):
    """One row per job and period (e.g. retention, 2026-12-01): whoever inserts it runs it.

    ``business_id`` is empty for jobs of the whole installation; per-business jobs (an
    automation's "once per customer per month") put the business and the subject in it."""

    __tablename__ = "job_claims"

    business_id: Mapped[str] = mapped_column(String(40), primary_key=True)
    job: Mapped[str] = mapped_column(String(100), primary_key=True)
    period: Mapped[str] = mapped_column(String(100), primary_key=True)
    claimed_at: Mapped[datetime] = mapped_column(UTCDateTime)
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
