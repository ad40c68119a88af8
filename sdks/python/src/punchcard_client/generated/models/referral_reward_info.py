from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.referral_reward_info_status import ReferralRewardInfoStatus

T = TypeVar("T", bound="ReferralRewardInfo")


@_attrs_define
class ReferralRewardInfo:
    """
    Attributes:
        detail (None | str):
        ordinal (int): The referrer's n-th successful referral.
        status (ReferralRewardInfoStatus): rewarded (`voucher` is the reward); no_reward (none set for this referral);
            limit_reached (the referrer's rewards for the period are used up); reward_failed (the template could not issue,
            e.g. an empty code pool).
        tier (int | None): The tier (its `referrals`) whose reward applied.
        voucher_id (None | str):
    """

    detail: None | str
    ordinal: int
    status: ReferralRewardInfoStatus
    tier: int | None
    voucher_id: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        detail: None | str
        detail = self.detail

        ordinal = self.ordinal

        status = self.status.value

        tier: int | None
        tier = self.tier

        voucher_id: None | str
        voucher_id = self.voucher_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "detail": detail,
                "ordinal": ordinal,
                "status": status,
                "tier": tier,
                "voucher_id": voucher_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_detail(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        detail = _parse_detail(d.pop("detail"))

        ordinal = d.pop("ordinal")

        status = ReferralRewardInfoStatus(d.pop("status"))

        def _parse_tier(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        tier = _parse_tier(d.pop("tier"))

        def _parse_voucher_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        voucher_id = _parse_voucher_id(d.pop("voucher_id"))

        referral_reward_info = cls(
            detail=detail,
            ordinal=ordinal,
            status=status,
            tier=tier,
            voucher_id=voucher_id,
        )

        referral_reward_info.additional_properties = d
        return referral_reward_info

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
