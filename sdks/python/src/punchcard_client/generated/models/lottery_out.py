from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.variant_out import VariantOut


T = TypeVar("T", bound="LotteryOut")


@_attrs_define
class LotteryOut:
    """
    Attributes:
        archived (bool):
        created_at (datetime.datetime):
        description (None | str):
        id (str):
        sold_out (bool): Nothing is left in the draw (every prize used up, no no-prize variant): plays are refused with
            409 lottery_sold_out and tickets stay valid until restocked.
        title (str):
        updated_at (datetime.datetime):
        variants (list[VariantOut]):
    """

    archived: bool
    created_at: datetime.datetime
    description: None | str
    id: str
    sold_out: bool
    title: str
    updated_at: datetime.datetime
    variants: list[VariantOut]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        archived = self.archived

        created_at = self.created_at.isoformat()

        description: None | str
        description = self.description

        id = self.id

        sold_out = self.sold_out

        title = self.title

        updated_at = self.updated_at.isoformat()

        variants = []
        for variants_item_data in self.variants:
            variants_item = variants_item_data.to_dict()
            variants.append(variants_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "archived": archived,
                "created_at": created_at,
                "description": description,
                "id": id,
                "sold_out": sold_out,
                "title": title,
                "updated_at": updated_at,
                "variants": variants,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.variant_out import VariantOut  # noqa: PLC0415

        d = dict(src_dict)
        archived = d.pop("archived")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        def _parse_description(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        description = _parse_description(d.pop("description"))

        id = d.pop("id")

        sold_out = d.pop("sold_out")

        title = d.pop("title")

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        variants = []
        _variants = d.pop("variants")
        for variants_item_data in _variants:
            variants_item = VariantOut.from_dict(variants_item_data)

            variants.append(variants_item)

        lottery_out = cls(
            archived=archived,
            created_at=created_at,
            description=description,
            id=id,
            sold_out=sold_out,
            title=title,
            updated_at=updated_at,
            variants=variants,
        )

        lottery_out.additional_properties = d
        return lottery_out

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
