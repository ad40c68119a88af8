from enum import StrEnum


class HookSubscribeEvent(StrEnum):
    BIRTHDAY_REACHED = "birthday_reached"
    CAMPAIGN_SENT = "campaign_sent"
    CARD_ISSUED = "card_issued"
    CARD_OPENED = "card_opened"
    CARD_SAVED = "card_saved"
    CODE_POOL_EMPTY = "code_pool_empty"
    CUSTOMER_DELETED = "customer_deleted"
    CUSTOMER_UPDATED = "customer_updated"
    GOAL_REACHED = "goal_reached"
    INACTIVITY_TRIGGER = "inactivity_trigger"
    LOTTERY_PLAYED = "lottery_played"
    REFERRAL_CONVERTED = "referral_converted"
    REFERRAL_JOINED = "referral_joined"
    REWARD_ISSUED = "reward_issued"
    STAMPS_REMOVED = "stamps_removed"
    STAMP_ADDED = "stamp_added"
    VOUCHER_EXPIRED = "voucher_expired"
    VOUCHER_ISSUED = "voucher_issued"
    VOUCHER_REDEEMED = "voucher_redeemed"
    VOUCHER_REDEMPTION_ROLLED_BACK = "voucher_redemption_rolled_back"
    VOUCHER_REMINDER = "voucher_reminder"
    WEBHOOK_ENDPOINT_DISABLED = "webhook_endpoint_disabled"

    def __str__(self) -> str:
        return str(self.value)
