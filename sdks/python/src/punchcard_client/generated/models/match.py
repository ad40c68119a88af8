from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="Match")


@_attrs_define
class Match:
    """
    Attributes:
        card_id (None | str):
        customer_id (str):
        period (str):
        reminded_voucher_id (None | str):
    """

    card_id: None | str
    customer_id: str
    period: str
    reminded_voucher_id: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        card_id: None | str
        card_id = self.card_id

        customer_id = self.customer_id

        period = self.period

        reminded_voucher_id: None | str
        reminded_voucher_id = self.reminded_voucher_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "card_id": card_id,
                "customer_id": customer_id,
                "period": period,
                "reminded_voucher_id": reminded_voucher_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_card_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        card_id = _parse_card_id(d.pop("card_id"))

        customer_id = d.pop("customer_id")

        period = d.pop("period")

        def _parse_reminded_voucher_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        reminded_voucher_id = _parse_reminded_voucher_id(d.pop("reminded_voucher_id"))

        match = cls(
            card_id=card_id,
            customer_id=customer_id,
            period=period,
            reminded_voucher_id=reminded_voucher_id,
        )

        match.additional_properties = d
        return match

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
