from enum import StrEnum


class ReferralOutRewardType0(StrEnum):
    LIMIT_REACHED = "limit_reached"
    NO_REWARD = "no_reward"
    REWARDED = "rewarded"
    REWARD_FAILED = "reward_failed"

    def __str__(self) -> str:
        return str(self.value)
