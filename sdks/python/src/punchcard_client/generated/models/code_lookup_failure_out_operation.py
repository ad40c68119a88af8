from enum import StrEnum


class CodeLookupFailureOutOperation(StrEnum):
    REDEEM = "redeem"
    REFERRAL = "referral"
    VALIDATE = "validate"

    def __str__(self) -> str:
        return str(self.value)
