from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.referral_out_reward_type_0 import ReferralOutRewardType0
from ..models.referral_out_status import ReferralOutStatus
from ..models.referral_out_via import ReferralOutVia

if TYPE_CHECKING:
    from ..models.conversion_out import ConversionOut


T = TypeVar("T", bound="ReferralOut")


@_attrs_define
class ReferralOut:
    """
    Attributes:
        code (str):
        conversion (ConversionOut | None):
        converted_at (datetime.datetime | None):
        id (str):
        joined_at (datetime.datetime):
        ordinal (int | None): The referrer's n-th successful referral.
        referee_card_id (str):
        referee_customer_id (str):
        referee_voucher_id (None | str): What the referee got on joining.
        referral_program_id (str):
        referrer_customer_id (str):
        referrer_voucher_id (None | str): What the referrer got.
        reward (None | ReferralOutRewardType0): rewarded; no_reward (none set for this referral); limit_reached (the
            referrer's limit for the period was used up); reward_failed (the template could not issue, e.g. its code pool
            was empty).
        reward_detail (None | str):
        status (ReferralOutStatus):
        tier (int | None): The tier (its `referrals`) whose reward applied.
        via (ReferralOutVia):
    """

    code: str
    conversion: ConversionOut | None
    converted_at: datetime.datetime | None
    id: str
    joined_at: datetime.datetime
    ordinal: int | None
    referee_card_id: str
    referee_customer_id: str
    referee_voucher_id: None | str
    referral_program_id: str
    referrer_customer_id: str
    referrer_voucher_id: None | str
    reward: None | ReferralOutRewardType0
    reward_detail: None | str
    status: ReferralOutStatus
    tier: int | None
    via: ReferralOutVia
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.conversion_out import ConversionOut  # noqa: PLC0415

        code = self.code

        conversion: dict[str, Any] | None
        if isinstance(self.conversion, ConversionOut):
            conversion = self.conversion.to_dict()
        else:
            conversion = self.conversion

        converted_at: None | str
        if isinstance(self.converted_at, datetime.datetime):
            converted_at = self.converted_at.isoformat()
        else:
            converted_at = self.converted_at

        id = self.id

        joined_at = self.joined_at.isoformat()

        ordinal: int | None
        ordinal = self.ordinal

        referee_card_id = self.referee_card_id

        referee_customer_id = self.referee_customer_id

        referee_voucher_id: None | str
        referee_voucher_id = self.referee_voucher_id

        referral_program_id = self.referral_program_id

        referrer_customer_id = self.referrer_customer_id

        referrer_voucher_id: None | str
        referrer_voucher_id = self.referrer_voucher_id

        reward: None | str
        if isinstance(self.reward, ReferralOutRewardType0):
            reward = self.reward.value
        else:
            reward = self.reward

        reward_detail: None | str
        reward_detail = self.reward_detail

        status = self.status.value

        tier: int | None
        tier = self.tier

        via = self.via.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "code": code,
                "conversion": conversion,
                "converted_at": converted_at,
                "id": id,
                "joined_at": joined_at,
                "ordinal": ordinal,
                "referee_card_id": referee_card_id,
                "referee_customer_id": referee_customer_id,
                "referee_voucher_id": referee_voucher_id,
                "referral_program_id": referral_program_id,
                "referrer_customer_id": referrer_customer_id,
                "referrer_voucher_id": referrer_voucher_id,
                "reward": reward,
                "reward_detail": reward_detail,
                "status": status,
                "tier": tier,
                "via": via,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.conversion_out import ConversionOut  # noqa: PLC0415

        d = dict(src_dict)
        code = d.pop("code")

        def _parse_conversion(data: object) -> ConversionOut | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                conversion_type_0 = ConversionOut.from_dict(data)

                return conversion_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ConversionOut | None, data)

        conversion = _parse_conversion(d.pop("conversion"))

        def _parse_converted_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                converted_at_type_0 = datetime.datetime.fromisoformat(data)

                return converted_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        converted_at = _parse_converted_at(d.pop("converted_at"))

        id = d.pop("id")

        joined_at = datetime.datetime.fromisoformat(d.pop("joined_at"))

        def _parse_ordinal(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        ordinal = _parse_ordinal(d.pop("ordinal"))

        referee_card_id = d.pop("referee_card_id")

        referee_customer_id = d.pop("referee_customer_id")

        def _parse_referee_voucher_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        referee_voucher_id = _parse_referee_voucher_id(d.pop("referee_voucher_id"))

        referral_program_id = d.pop("referral_program_id")

        referrer_customer_id = d.pop("referrer_customer_id")

        def _parse_referrer_voucher_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        referrer_voucher_id = _parse_referrer_voucher_id(d.pop("referrer_voucher_id"))

        def _parse_reward(data: object) -> None | ReferralOutRewardType0:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                reward_type_0 = ReferralOutRewardType0(data)

                return reward_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ReferralOutRewardType0, data)

        reward = _parse_reward(d.pop("reward"))

        def _parse_reward_detail(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        reward_detail = _parse_reward_detail(d.pop("reward_detail"))

        status = ReferralOutStatus(d.pop("status"))

        def _parse_tier(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        tier = _parse_tier(d.pop("tier"))

        via = ReferralOutVia(d.pop("via"))

        referral_out = cls(
            code=code,
            conversion=conversion,
            converted_at=converted_at,
            id=id,
            joined_at=joined_at,
            ordinal=ordinal,
            referee_card_id=referee_card_id,
            referee_customer_id=referee_customer_id,
            referee_voucher_id=referee_voucher_id,
            referral_program_id=referral_program_id,
            referrer_customer_id=referrer_customer_id,
            referrer_voucher_id=referrer_voucher_id,
            reward=reward,
            reward_detail=reward_detail,
            status=status,
            tier=tier,
            via=via,
        )

        referral_out.additional_properties = d
        return referral_out

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
