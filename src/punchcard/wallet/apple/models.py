from datetime import datetime

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from punchcard.db.base import Base
from punchcard.kit.sql import UTCDateTime


class AppleSigning(Base):
    """A business's own Apple pass signing identity (it wins over the global one in settings).

    The private key is stored unencrypted-PEM sealed with the server's secret key (kit.crypto.seal);
    its upload password is used once to open it and never kept."""

    __tablename__ = "wallet_apple_signing"

    business_id: Mapped[str] = mapped_column(
        String(40), ForeignKey("businesses.id", ondelete="CASCADE"), primary_key=True
    )
    pass_type_identifier: Mapped[str] = mapped_column(String(255))
    team_identifier: Mapped[str] = mapped_column(String(32))
    certificate_pem: Mapped[str] = mapped_column(Text)
    key_sealed: Mapped[str] = mapped_column(Text)
    # Apple's WWDR intermediate; None: the global one from settings.
    wwdr_certificate_pem: Mapped[str | None] = mapped_column(Text)
    certificate_expires_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)
