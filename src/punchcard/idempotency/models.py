from datetime import datetime
from typing import Any

from sqlalchemy import Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from punchcard.db.base import Base
from punchcard.kit.sql import JSONDoc, UTCDateTime


class IdempotencyRecord(Base):
    """The first response to an ``Idempotency-Key``, replayed to every retry."""

    __tablename__ = "idempotency_keys"

    business_id: Mapped[str] = mapped_column(String(40), primary_key=True)
    key: Mapped[str] = mapped_column(String(255), primary_key=True)
    fingerprint: Mapped[str] = mapped_column(String(64))
    status_code: Mapped[int] = mapped_column(Integer)
    response: Mapped[dict[str, Any]] = mapped_column(JSONDoc)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
