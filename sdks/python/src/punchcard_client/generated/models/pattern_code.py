from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="PatternCode")


@_attrs_define
class PatternCode:
    """A unique code per voucher: each ``#`` becomes a random character from ``charset``.

    Attributes:
        pattern (str):
        charset (str | Unset):  Default: '23456789ABCDEFGHJKLMNPQRSTUVWXYZ'.
        type_ (Literal['pattern'] | Unset):  Default: 'pattern'.
    """

    pattern: str
    charset: str | Unset = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"
    type_: Literal["pattern"] | Unset = "pattern"

    def to_dict(self) -> dict[str, Any]:
        pattern = self.pattern

        charset = self.charset

        type_ = self.type_

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "pattern": pattern,
            }
        )
        if charset is not UNSET:
            field_dict["charset"] = charset
        if type_ is not UNSET:
            field_dict["type"] = type_

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        pattern = d.pop("pattern")

        charset = d.pop("charset", UNSET)

        type_ = cast(Literal["pattern"] | Unset, d.pop("type", UNSET))
        if type_ != "pattern" and not isinstance(type_, Unset):
            raise ValueError(f"type must match const 'pattern', got '{type_}'")

        pattern_code = cls(
            pattern=pattern,
            charset=charset,
            type_=type_,
        )

        return pattern_code
