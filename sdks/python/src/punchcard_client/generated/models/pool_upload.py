from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

T = TypeVar("T", bound="PoolUpload")


@_attrs_define
class PoolUpload:
    """
    Attributes:
        codes (list[str]): 8-64 printable ASCII characters each, no spaces; unique in the business.
    """

    codes: list[str]

    def to_dict(self) -> dict[str, Any]:
        codes = self.codes

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "codes": codes,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        codes = cast(list[str], d.pop("codes"))

        pool_upload = cls(
            codes=codes,
        )

        return pool_upload
