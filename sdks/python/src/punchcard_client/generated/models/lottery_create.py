from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.variant_in import VariantIn


T = TypeVar("T", bound="LotteryCreate")


@_attrs_define
class LotteryCreate:
    """
    Attributes:
        title (str): What the ticket is called on the card, e.g. Spin the wheel.
        variants (list[VariantIn]):
        description (None | str | Unset):
    """

    title: str
    variants: list[VariantIn]
    description: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        title = self.title

        variants = []
        for variants_item_data in self.variants:
            variants_item = variants_item_data.to_dict()
            variants.append(variants_item)

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "title": title,
                "variants": variants,
            }
        )
        if description is not UNSET:
            field_dict["description"] = description

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.variant_in import VariantIn  # noqa: PLC0415

        d = dict(src_dict)
        title = d.pop("title")

        variants = []
        _variants = d.pop("variants")
        for variants_item_data in _variants:
            variants_item = VariantIn.from_dict(variants_item_data)

            variants.append(variants_item)

        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))

        lottery_create = cls(
            title=title,
            variants=variants,
            description=description,
        )

        return lottery_create
