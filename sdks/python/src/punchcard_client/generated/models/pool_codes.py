from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="PoolCodes")


@_attrs_define
class PoolCodes:
    """Codes uploaded beforehand (POST /v1/referral-programs/{id}/codes), handed to new
    referrers in upload order, each to one referrer.

        Attributes:
            type_ (Literal['pool'] | Unset):  Default: 'pool'.
    """

    type_: Literal["pool"] | Unset = "pool"

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if type_ is not UNSET:
            field_dict["type"] = type_

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        type_ = cast(Literal["pool"] | Unset, d.pop("type", UNSET))
        if type_ != "pool" and not isinstance(type_, Unset):
            raise ValueError(f"type must match const 'pool', got '{type_}'")

        pool_codes = cls(
            type_=type_,
        )

        return pool_codes
