from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ReferrerOut")


@_attrs_define
class ReferrerOut:
    """
    Attributes:
        code (str):
        created_at (datetime.datetime):
        customer_id (str):
        link (str): The join page with the code filled in: share it.
        qr (str): The link as a QR code (this API; .png, .svg or .pdf).
        referral_program_id (str):
        rewards (int): Rewards the referrer got for them.
        successful_referrals (int): Referees who converted.
    """

    code: str
    created_at: datetime.datetime
    customer_id: str
    link: str
    qr: str
    referral_program_id: str
    rewards: int
    successful_referrals: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        code = self.code

        created_at = self.created_at.isoformat()

        customer_id = self.customer_id

        link = self.link

        qr = self.qr

        referral_program_id = self.referral_program_id

        rewards = self.rewards

        successful_referrals = self.successful_referrals

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "code": code,
                "created_at": created_at,
                "customer_id": customer_id,
                "link": link,
                "qr": qr,
                "referral_program_id": referral_program_id,
                "rewards": rewards,
                "successful_referrals": successful_referrals,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        code = d.pop("code")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        customer_id = d.pop("customer_id")

        link = d.pop("link")

        qr = d.pop("qr")

        referral_program_id = d.pop("referral_program_id")

        rewards = d.pop("rewards")

        successful_referrals = d.pop("successful_referrals")

        referrer_out = cls(
            code=code,
            created_at=created_at,
            customer_id=customer_id,
            link=link,
            qr=qr,
            referral_program_id=referral_program_id,
            rewards=rewards,
            successful_referrals=successful_referrals,
        )

        referrer_out.additional_properties = d
        return referrer_out

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
