from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.variant_in import VariantIn


T = TypeVar("T", bound="LotteryUpdate")


@_attrs_define
class LotteryUpdate:
    """
    Attributes:
        description (None | str | Unset):
        title (str | Unset):
        variants (list[VariantIn] | Unset): The whole list. Variants keep their key: a key given again is updated in
            place (its stock set to the value given), a key left out is removed.
    """

    description: None | str | Unset = UNSET
    title: str | Unset = UNSET
    variants: list[VariantIn] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        title = self.title

        variants: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.variants, Unset):
            variants = []
            for variants_item_data in self.variants:
                variants_item = variants_item_data.to_dict()
                variants.append(variants_item)

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if description is not UNSET:
            field_dict["description"] = description
        if title is not UNSET:
            field_dict["title"] = title
        if variants is not UNSET:
            field_dict["variants"] = variants

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.variant_in import VariantIn  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))

        title = d.pop("title", UNSET)

        _variants = d.pop("variants", UNSET)
        variants: list[VariantIn] | Unset = UNSET
        if _variants is not UNSET:
            variants = []
            for variants_item_data in _variants:
                variants_item = VariantIn.from_dict(variants_item_data)

                variants.append(variants_item)

        lottery_update = cls(
            description=description,
            title=title,
            variants=variants,
        )

        return lottery_update
