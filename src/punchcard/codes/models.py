from datetime import datetime

from sqlalchemy import Index, String
from sqlalchemy.orm import Mapped, mapped_column

from punchcard.db.base import Base, TenantMixin
from punchcard.kit.sql import UTCDateTime


class VoucherCode(TenantMixin, Base):
    """One code of a template's pool: imported from the POS or generated in bulk, handed to
    exactly one voucher. Ids are the batch id plus a sequence, so a pool hands out its codes
    in the order they were loaded.

    Bulk loads write 100,000 rows at a time, so every index and trigger counts: no batch
    index (a batch is read within its template's codes) and no foreign key to the template
    (templates are archived, never deleted; the service checks the template first)."""

    __tablename__ = "voucher_codes"
    __table_args__ = (
        # Never two alike in a business, whichever template's pool holds them.
        Index("uq_voucher_codes_code", "business_id", "code", unique=True),
        Index("ix_voucher_codes_claim", "business_id", "template_id", "status", "id"),
    )

    template_id: Mapped[str] = mapped_column(String(40))
    code: Mapped[str] = mapped_column(String(64))
    status: Mapped[str] = mapped_column(String(16))  # available | assigned
    batch_id: Mapped[str] = mapped_column(String(40))
    voucher_id: Mapped[str | None] = mapped_column(String(40))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    assigned_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
