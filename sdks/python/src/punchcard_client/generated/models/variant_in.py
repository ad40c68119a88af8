from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="VariantIn")


@_attrs_define
class VariantIn:
    """
    Attributes:
        key (str): Names the variant in results and events, e.g. free_coffee or no_prize.
        weight (int): Chance = weight / sum of the weights of the variants in the draw (weights 10, 30, 60 are 10 %, 30
            %, 60 %).
        stock (int | None | Unset): Prizes left (omitted: unlimited). A prize at 0 drops out of the draw.
        template_id (None | str | Unset): The voucher template a win issues; omitted: this variant is no prize.
        title (None | str | Unset): Shown to the customer; defaults to the template's title, or No prize.
    """

    key: str
    weight: int
    stock: int | None | Unset = UNSET
    template_id: None | str | Unset = UNSET
    title: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        key = self.key

        weight = self.weight

        stock: int | None | Unset
        if isinstance(self.stock, Unset):
            stock = UNSET
        else:
            stock = self.stock

        template_id: None | str | Unset
        if isinstance(self.template_id, Unset):
            template_id = UNSET
        else:
            template_id = self.template_id

        title: None | str | Unset
        if isinstance(self.title, Unset):
            title = UNSET
        else:
            title = self.title

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "key": key,
                "weight": weight,
            }
        )
        if stock is not UNSET:
            field_dict["stock"] = stock
        if template_id is not UNSET:
            field_dict["template_id"] = template_id
        if title is not UNSET:
            field_dict["title"] = title

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        key = d.pop("key")

        weight = d.pop("weight")

        def _parse_stock(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        stock = _parse_stock(d.pop("stock", UNSET))

        def _parse_template_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        template_id = _parse_template_id(d.pop("template_id", UNSET))

        def _parse_title(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        title = _parse_title(d.pop("title", UNSET))

        variant_in = cls(
            key=key,
            weight=weight,
            stock=stock,
            template_id=template_id,
            title=title,
        )

        return variant_in
