from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.play_in_via import PlayInVia
from ..types import UNSET, Unset

T = TypeVar("T", bound="PlayIn")


@_attrs_define
class PlayIn:
    """
    Attributes:
        location_id (None | str | Unset):
        via (PlayInVia | Unset):  Default: PlayInVia.API.
    """

    location_id: None | str | Unset = UNSET
    via: PlayInVia | Unset = PlayInVia.API

    def to_dict(self) -> dict[str, Any]:
        location_id: None | str | Unset
        if isinstance(self.location_id, Unset):
            location_id = UNSET
        else:
            location_id = self.location_id

        via: str | Unset = UNSET
        if not isinstance(self.via, Unset):
            via = self.via.value

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if location_id is not UNSET:
            field_dict["location_id"] = location_id
        if via is not UNSET:
            field_dict["via"] = via

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_location_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        location_id = _parse_location_id(d.pop("location_id", UNSET))

        _via = d.pop("via", UNSET)
        via: PlayInVia | Unset
        if isinstance(_via, Unset):
            via = UNSET
        else:
            via = PlayInVia(_via)

        play_in = cls(
            location_id=location_id,
            via=via,
        )

        return play_in
