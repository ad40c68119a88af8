from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="GoalIn")


@_attrs_define
class GoalIn:
    """
    Attributes:
        stamps (int): Stamps on the card when this goal is reached.
        lottery_id (None | str | Unset): ... or the lottery it issues a ticket for (played once for a prize).
        template_id (None | str | Unset): The voucher template this goal issues ...
        title (None | str | Unset): Shown on the card; defaults to the reward title.
    """

    stamps: int
    lottery_id: None | str | Unset = UNSET
    template_id: None | str | Unset = UNSET
    title: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        stamps = self.stamps

        lottery_id: None | str | Unset
        if isinstance(self.lottery_id, Unset):
            lottery_id = UNSET
        else:
            lottery_id = self.lottery_id

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
                "stamps": stamps,
            }
        )
        if lottery_id is not UNSET:
            field_dict["lottery_id"] = lottery_id
        if template_id is not UNSET:
            field_dict["template_id"] = template_id
        if title is not UNSET:
            field_dict["title"] = title

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        stamps = d.pop("stamps")

        def _parse_lottery_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        lottery_id = _parse_lottery_id(d.pop("lottery_id", UNSET))

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

        goal_in = cls(
            stamps=stamps,
            lottery_id=lottery_id,
            template_id=template_id,
            title=title,
        )

        return goal_in
