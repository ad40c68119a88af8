from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="PerAmount")


@_attrs_define
class PerAmount:
    """One stamp per ``amount`` minor units paid (500: one per 5.00). A receipt of at least
    ``minimum`` (default: ``amount``) earns at least one stamp; smaller ones earn none.

        Attributes:
            amount (int): Minor units per stamp.
            per (Literal['amount']):
            max_stamps (int | None | Unset): Cap per receipt.
            minimum (int | None | Unset):
    """

    amount: int
    per: Literal["amount"]
    max_stamps: int | None | Unset = UNSET
    minimum: int | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        amount = self.amount

        per = self.per

        max_stamps: int | None | Unset
        if isinstance(self.max_stamps, Unset):
            max_stamps = UNSET
        else:
            max_stamps = self.max_stamps

        minimum: int | None | Unset
        if isinstance(self.minimum, Unset):
            minimum = UNSET
        else:
            minimum = self.minimum

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "amount": amount,
                "per": per,
            }
        )
        if max_stamps is not UNSET:
            field_dict["max_stamps"] = max_stamps
        if minimum is not UNSET:
            field_dict["minimum"] = minimum

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        amount = d.pop("amount")

        per = cast(Literal["amount"], d.pop("per"))
        if per != "amount":
            raise ValueError(f"per must match const 'amount', got '{per}'")

        def _parse_max_stamps(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        max_stamps = _parse_max_stamps(d.pop("max_stamps", UNSET))

        def _parse_minimum(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        minimum = _parse_minimum(d.pop("minimum", UNSET))

        per_amount = cls(
            amount=amount,
            per=per,
            max_stamps=max_stamps,
            minimum=minimum,
        )

        return per_amount
