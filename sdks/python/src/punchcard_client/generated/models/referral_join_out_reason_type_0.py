from enum import StrEnum


class ReferralJoinOutReasonType0(StrEnum):
    ALREADY_REFERRED = "already_referred"
    EXISTING_CUSTOMER = "existing_customer"
    KNOWN_CUSTOMER = "known_customer"
    PROGRAM_ARCHIVED = "program_archived"
    PROGRAM_ENDED = "program_ended"
    PROGRAM_NOT_STARTED = "program_not_started"
    REFEREE_NOT_FOUND = "referee_not_found"
    SELF_REFERRAL = "self_referral"
    UNKNOWN_CODE = "unknown_code"

    def __str__(self) -> str:
        return str(self.value)
