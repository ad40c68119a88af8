from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal, TypeVar, cast

from attrs import define as _attrs_define

T = TypeVar("T", bound="RedemptionConversion")


@_attrs_define
class RedemptionConversion:
    """The referee redeems a voucher of their card in the program for the first time (their
    welcome voucher included).

        Attributes:
            on (Literal['redemption']):
    """

    on: Literal["redemption"]

    def to_dict(self) -> dict[str, Any]:
        on = self.on

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "on": on,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        on = cast(Literal["redemption"], d.pop("on"))
        if on != "redemption":
            raise ValueError(f"on must match const 'redemption', got '{on}'")

        redemption_conversion = cls(
            on=on,
        )

        return redemption_conversion
