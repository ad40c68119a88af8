from enum import StrEnum


class ProviderTemplateInParametersItem(StrEnum):
    BUSINESS_NAME = "business_name"
    CARD_LINK = "card_link"
    CUSTOMER_NAME = "customer_name"
    FIRST_NAME = "first_name"
    LIFETIME_STAMPS = "lifetime_stamps"
    NEXT_REWARD = "next_reward"
    PROGRAM_NAME = "program_name"
    STAMPS = "stamps"
    STAMPS_TO_NEXT_REWARD = "stamps_to_next_reward"
    UNSUBSCRIBE_LINK = "unsubscribe_link"
    VOUCHER_CODE = "voucher_code"
    VOUCHER_EXPIRES_ON = "voucher_expires_on"
    VOUCHER_TITLE = "voucher_title"

    def __str__(self) -> str:
        return str(self.value)
