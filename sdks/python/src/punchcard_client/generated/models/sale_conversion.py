from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal, TypeVar, cast

from attrs import define as _attrs_define

T = TypeVar("T", bound="SaleConversion")


@_attrs_define
class SaleConversion:
    """A POS connector of the program reports a sale of the referee of at least ``min_amount``
    minor units (1000: 10.00).

        Attributes:
            min_amount (int):
            on (Literal['pos_sale']):
    """

    min_amount: int
    on: Literal["pos_sale"]

    def to_dict(self) -> dict[str, Any]:
        min_amount = self.min_amount

        on = self.on

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "min_amount": min_amount,
                "on": on,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        min_amount = d.pop("min_amount")

        on = cast(Literal["pos_sale"], d.pop("on"))
        if on != "pos_sale":
            raise ValueError(f"on must match const 'pos_sale', got '{on}'")

        sale_conversion = cls(
            min_amount=min_amount,
            on=on,
        )

        return sale_conversion
