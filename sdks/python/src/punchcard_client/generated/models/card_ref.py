from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="CardRef")


@_attrs_define
class CardRef:
    """
    Attributes:
        goal_index (int): Goals reached this round (the index of the next goal).
        id (str):
        lifetime_stamps (int):
        program_id (str):
        scan_code (str):
        stamps (int): Stamps in the current round, after the change.
    """

    goal_index: int
    id: str
    lifetime_stamps: int
    program_id: str
    scan_code: str
    stamps: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        goal_index = self.goal_index

        id = self.id

        lifetime_stamps = self.lifetime_stamps

        program_id = self.program_id

        scan_code = self.scan_code

        stamps = self.stamps

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "goal_index": goal_index,
                "id": id,
                "lifetime_stamps": lifetime_stamps,
                "program_id": program_id,
                "scan_code": scan_code,
                "stamps": stamps,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        goal_index = d.pop("goal_index")

        id = d.pop("id")

        lifetime_stamps = d.pop("lifetime_stamps")

        program_id = d.pop("program_id")

        scan_code = d.pop("scan_code")

        stamps = d.pop("stamps")

        card_ref = cls(
            goal_index=goal_index,
            id=id,
            lifetime_stamps=lifetime_stamps,
            program_id=program_id,
            scan_code=scan_code,
            stamps=stamps,
        )

        card_ref.additional_properties = d
        return card_ref

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
