from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="NextGoal")


@_attrs_define
class NextGoal:
    """
    Attributes:
        index (int):
        stamps (int):
        stamps_to_go (int):
        template_id (None | str):
        title (str):
        lottery_id (None | str | Unset):
    """

    index: int
    stamps: int
    stamps_to_go: int
    template_id: None | str
    title: str
    lottery_id: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        index = self.index

        stamps = self.stamps

        stamps_to_go = self.stamps_to_go

        template_id: None | str
        template_id = self.template_id

        title = self.title

        lottery_id: None | str | Unset
        if isinstance(self.lottery_id, Unset):
            lottery_id = UNSET
        else:
            lottery_id = self.lottery_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "index": index,
                "stamps": stamps,
                "stamps_to_go": stamps_to_go,
                "template_id": template_id,
                "title": title,
            }
        )
        if lottery_id is not UNSET:
            field_dict["lottery_id"] = lottery_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        index = d.pop("index")

        stamps = d.pop("stamps")

        stamps_to_go = d.pop("stamps_to_go")

        def _parse_template_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        template_id = _parse_template_id(d.pop("template_id"))

        title = d.pop("title")

        def _parse_lottery_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        lottery_id = _parse_lottery_id(d.pop("lottery_id", UNSET))

        next_goal = cls(
            index=index,
            stamps=stamps,
            stamps_to_go=stamps_to_go,
            template_id=template_id,
            title=title,
            lottery_id=lottery_id,
        )

        next_goal.additional_properties = d
        return next_goal

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
