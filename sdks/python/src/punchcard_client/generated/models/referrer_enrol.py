from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="ReferrerEnrol")


@_attrs_define
class ReferrerEnrol:
    """
    Attributes:
        customer_id (str): The customer who will share the code.
    """

    customer_id: str

    def to_dict(self) -> dict[str, Any]:
        customer_id = self.customer_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "customer_id": customer_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        customer_id = d.pop("customer_id")

        referrer_enrol = cls(
            customer_id=customer_id,
        )

        return referrer_enrol
