from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="FixedCode")


@_attrs_define
class FixedCode:
    """The same promo code the POS already accepts (FREECOFFEE) on every voucher.

    Attributes:
        value (str):
        type_ (Literal['fixed'] | Unset):  Default: 'fixed'.
    """

    value: str
    type_: Literal["fixed"] | Unset = "fixed"

    def to_dict(self) -> dict[str, Any]:
        value = self.value

        type_ = self.type_

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "value": value,
            }
        )
        if type_ is not UNSET:
            field_dict["type"] = type_

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        value = d.pop("value")

        type_ = cast(Literal["fixed"] | Unset, d.pop("type", UNSET))
        if type_ != "fixed" and not isinstance(type_, Unset):
            raise ValueError(f"type must match const 'fixed', got '{type_}'")

        fixed_code = cls(
            value=value,
            type_=type_,
        )

        return fixed_code
