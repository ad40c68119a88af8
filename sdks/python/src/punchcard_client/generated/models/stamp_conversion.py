from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="StampConversion")


@_attrs_define
class StampConversion:
    """The referee's card in the program reaches ``stamps`` lifetime stamps (1: the first).

    Attributes:
        on (Literal['stamp'] | Unset):  Default: 'stamp'.
        stamps (int | Unset):  Default: 1.
    """

    on: Literal["stamp"] | Unset = "stamp"
    stamps: int | Unset = 1

    def to_dict(self) -> dict[str, Any]:
        on = self.on

        stamps = self.stamps

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if on is not UNSET:
            field_dict["on"] = on
        if stamps is not UNSET:
            field_dict["stamps"] = stamps

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        on = cast(Literal["stamp"] | Unset, d.pop("on", UNSET))
        if on != "stamp" and not isinstance(on, Unset):
            raise ValueError(f"on must match const 'stamp', got '{on}'")

        stamps = d.pop("stamps", UNSET)

        stamp_conversion = cls(
            on=on,
            stamps=stamps,
        )

        return stamp_conversion
