from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.card_state import CardState
    from ..models.goal_out import GoalOut
    from ..models.voucher_out import VoucherOut


T = TypeVar("T", bound="StampOut")


@_attrs_define
class StampOut:
    """
    Attributes:
        card (CardState):
        goals_reached (list[GoalOut]):
        stamps_added (int):
        vouchers_issued (list[VoucherOut]):
    """

    card: CardState
    goals_reached: list[GoalOut]
    stamps_added: int
    vouchers_issued: list[VoucherOut]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        card = self.card.to_dict()

        goals_reached = []
        for goals_reached_item_data in self.goals_reached:
            goals_reached_item = goals_reached_item_data.to_dict()
            goals_reached.append(goals_reached_item)

        stamps_added = self.stamps_added

        vouchers_issued = []
        for vouchers_issued_item_data in self.vouchers_issued:
            vouchers_issued_item = vouchers_issued_item_data.to_dict()
            vouchers_issued.append(vouchers_issued_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "card": card,
                "goals_reached": goals_reached,
                "stamps_added": stamps_added,
                "vouchers_issued": vouchers_issued,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.card_state import CardState  # noqa: PLC0415
        from ..models.goal_out import GoalOut  # noqa: PLC0415
        from ..models.voucher_out import VoucherOut  # noqa: PLC0415

        d = dict(src_dict)
        card = CardState.from_dict(d.pop("card"))

        goals_reached = []
        _goals_reached = d.pop("goals_reached")
        for goals_reached_item_data in _goals_reached:
            goals_reached_item = GoalOut.from_dict(goals_reached_item_data)

            goals_reached.append(goals_reached_item)

        stamps_added = d.pop("stamps_added")

        vouchers_issued = []
        _vouchers_issued = d.pop("vouchers_issued")
        for vouchers_issued_item_data in _vouchers_issued:
            vouchers_issued_item = VoucherOut.from_dict(vouchers_issued_item_data)

            vouchers_issued.append(vouchers_issued_item)

        stamp_out = cls(
            card=card,
            goals_reached=goals_reached,
            stamps_added=stamps_added,
            vouchers_issued=vouchers_issued,
        )

        stamp_out.additional_properties = d
        return stamp_out

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
