from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="VoucherActionOut")


@_attrs_define
class VoucherActionOut:
    """
    Attributes:
        template_id (str):
        valid_days (int | None):
    """

    template_id: str
    valid_days: int | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        template_id = self.template_id

        valid_days: int | None
        valid_days = self.valid_days

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "template_id": template_id,
                "valid_days": valid_days,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        template_id = d.pop("template_id")

        def _parse_valid_days(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        valid_days = _parse_valid_days(d.pop("valid_days"))

        voucher_action_out = cls(
            template_id=template_id,
            valid_days=valid_days,
        )

        voucher_action_out.additional_properties = d
        return voucher_action_out

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
