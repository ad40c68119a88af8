from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="PerReceipt")


@_attrs_define
class PerReceipt:
    """``stamps`` per closed receipt (of at least ``minimum``, when given).

    Attributes:
        per (Literal['receipt']):
        minimum (int | None | Unset): Minor units; smaller receipts: none.
        stamps (int | Unset):  Default: 1.
    """

    per: Literal["receipt"]
    minimum: int | None | Unset = UNSET
    stamps: int | Unset = 1

    def to_dict(self) -> dict[str, Any]:
        per = self.per

        minimum: int | None | Unset
        if isinstance(self.minimum, Unset):
            minimum = UNSET
        else:
            minimum = self.minimum

        stamps = self.stamps

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "per": per,
            }
        )
        if minimum is not UNSET:
            field_dict["minimum"] = minimum
        if stamps is not UNSET:
            field_dict["stamps"] = stamps

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        per = cast(Literal["receipt"], d.pop("per"))
        if per != "receipt":
            raise ValueError(f"per must match const 'receipt', got '{per}'")

        def _parse_minimum(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        minimum = _parse_minimum(d.pop("minimum", UNSET))

        stamps = d.pop("stamps", UNSET)

        per_receipt = cls(
            per=per,
            minimum=minimum,
            stamps=stamps,
        )

        return per_receipt
