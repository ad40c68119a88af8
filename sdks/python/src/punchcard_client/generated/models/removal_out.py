from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.card_state import CardState


T = TypeVar("T", bound="RemovalOut")


@_attrs_define
class RemovalOut:
    """
    Attributes:
        card (CardState):
        stamps_removed (int):
    """

    card: CardState
    stamps_removed: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        card = self.card.to_dict()

        stamps_removed = self.stamps_removed

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "card": card,
                "stamps_removed": stamps_removed,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.card_state import CardState  # noqa: PLC0415

        d = dict(src_dict)
        card = CardState.from_dict(d.pop("card"))

        stamps_removed = d.pop("stamps_removed")

        removal_out = cls(
            card=card,
            stamps_removed=stamps_removed,
        )

        removal_out.additional_properties = d
        return removal_out

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
