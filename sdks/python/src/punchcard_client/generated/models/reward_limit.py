from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.reward_limit_per import RewardLimitPer

T = TypeVar("T", bound="RewardLimit")


@_attrs_define
class RewardLimit:
    """
    Attributes:
        per (RewardLimitPer): ... per calendar period in the business's time zone (ISO weeks).
        rewards (int): Rewards a referrer may get ...
    """

    per: RewardLimitPer
    rewards: int

    def to_dict(self) -> dict[str, Any]:
        per = self.per.value

        rewards = self.rewards

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "per": per,
                "rewards": rewards,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        per = RewardLimitPer(d.pop("per"))

        rewards = d.pop("rewards")

        reward_limit = cls(
            per=per,
            rewards=rewards,
        )

        return reward_limit
