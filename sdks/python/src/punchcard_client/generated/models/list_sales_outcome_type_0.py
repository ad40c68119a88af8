from enum import StrEnum


class ListSalesOutcomeType0(StrEnum):
    BELOW_MINIMUM = "below_minimum"
    CARD_INACTIVE = "card_inactive"
    CURRENCY_MISMATCH = "currency_mismatch"
    DISABLED = "disabled"
    DUPLICATE = "duplicate"
    IGNORED = "ignored"
    NOT_CLOSED = "not_closed"
    NO_CARD = "no_card"
    NO_CUSTOMER = "no_customer"
    POS_API_ERROR = "pos_api_error"
    STAMPED = "stamped"

    def __str__(self) -> str:
        return str(self.value)
