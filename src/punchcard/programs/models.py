from datetime import datetime
from typing import Any

from sqlalchemy import Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from punchcard.db.base import Base, TenantMixin
from punchcard.kit.sql import JSONDoc, UTCDateTime


class Program(TenantMixin, Base):
    """A stamp-card program: goals [{stamps, template_id, title}], and what follows the last one."""

    __tablename__ = "programs"

    name: Mapped[str] = mapped_column(String(200))
    goals: Mapped[list[dict[str, Any]]] = mapped_column(JSONDoc)
    after_last_goal: Mapped[str] = mapped_column(String(16))  # restart | continue
    card_validity_days: Mapped[int | None] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(16))  # active | archived
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)
