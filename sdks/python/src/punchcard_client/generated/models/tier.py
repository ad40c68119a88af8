from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="Tier")


@_attrs_define
class Tier:
    """
    Attributes:
        referrals (int): From the referrer's n-th successful referral on ...
        template_id (str): ... this reward instead (a voucher template).
    """

    referrals: int
    template_id: str

    def to_dict(self) -> dict[str, Any]:
        referrals = self.referrals

        template_id = self.template_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "referrals": referrals,
                "template_id": template_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        referrals = d.pop("referrals")

        template_id = d.pop("template_id")

        tier = cls(
            referrals=referrals,
            template_id=template_id,
        )

        return tier
