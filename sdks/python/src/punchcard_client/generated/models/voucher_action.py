from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="VoucherAction")


@_attrs_define
class VoucherAction:
    """A voucher of this template for each customer matched (its code in the message).

    Attributes:
        template_id (str):
        valid_days (int | None | Unset): Valid for this many days from issue; omitted: the template's validity.
    """

    template_id: str
    valid_days: int | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        template_id = self.template_id

        valid_days: int | None | Unset
        if isinstance(self.valid_days, Unset):
            valid_days = UNSET
        else:
            valid_days = self.valid_days

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "template_id": template_id,
            }
        )
        if valid_days is not UNSET:
            field_dict["valid_days"] = valid_days

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        template_id = d.pop("template_id")

        def _parse_valid_days(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        valid_days = _parse_valid_days(d.pop("valid_days", UNSET))

        voucher_action = cls(
            template_id=template_id,
            valid_days=valid_days,
        )

        return voucher_action
