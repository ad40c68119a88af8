from enum import StrEnum


class ReferralInfoVia(StrEnum):
    API = "api"
    JOIN_FORM = "join_form"
    POS = "pos"

    def __str__(self) -> str:
        return str(self.value)
