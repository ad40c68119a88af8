from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="PoolStatus")


@_attrs_define
class PoolStatus:
    """
    Attributes:
        assigned (int):
        available (int):
        low_stock (bool): Fewer codes available than `low_stock_below`.
        low_stock_below (int):
        template_id (str):
        total (int):
    """

    assigned: int
    available: int
    low_stock: bool
    low_stock_below: int
    template_id: str
    total: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        assigned = self.assigned

        available = self.available

        low_stock = self.low_stock

        low_stock_below = self.low_stock_below

        template_id = self.template_id

        total = self.total

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "assigned": assigned,
                "available": available,
                "low_stock": low_stock,
                "low_stock_below": low_stock_below,
                "template_id": template_id,
                "total": total,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        assigned = d.pop("assigned")

        available = d.pop("available")

        low_stock = d.pop("low_stock")

        low_stock_below = d.pop("low_stock_below")

        template_id = d.pop("template_id")

        total = d.pop("total")

        pool_status = cls(
            assigned=assigned,
            available=available,
            low_stock=low_stock,
            low_stock_below=low_stock_below,
            template_id=template_id,
            total=total,
        )

        pool_status.additional_properties = d
        return pool_status

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
