from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="VariantOut")


@_attrs_define
class VariantOut:
    """
    Attributes:
        chance (float): The chance of this variant now: its weight over the weights of the variants still in the draw (0
            once its stock is used up).
        key (str):
        stock (int | None): Prizes left; null: unlimited.
        template_id (None | str):
        title (str):
        weight (int):
    """

    chance: float
    key: str
    stock: int | None
    template_id: None | str
    title: str
    weight: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        chance = self.chance

        key = self.key

        stock: int | None
        stock = self.stock

        template_id: None | str
        template_id = self.template_id

        title = self.title

        weight = self.weight

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "chance": chance,
                "key": key,
                "stock": stock,
                "template_id": template_id,
                "title": title,
                "weight": weight,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        chance = d.pop("chance")

        key = d.pop("key")

        def _parse_stock(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        stock = _parse_stock(d.pop("stock"))

        def _parse_template_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        template_id = _parse_template_id(d.pop("template_id"))

        title = d.pop("title")

        weight = d.pop("weight")

        variant_out = cls(
            chance=chance,
            key=key,
            stock=stock,
            template_id=template_id,
            title=title,
            weight=weight,
        )

        variant_out.additional_properties = d
        return variant_out

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
