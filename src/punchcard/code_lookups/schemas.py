from datetime import datetime
from typing import Literal

from punchcard.kit.schemas import Output


class CodeLookupFailureOut(Output):
    id: str
    at: datetime
    operation: Literal["redeem", "validate", "referral"]
    code: str
    api_key_id: str | None
    staff_id: str | None
    location_id: str | None
