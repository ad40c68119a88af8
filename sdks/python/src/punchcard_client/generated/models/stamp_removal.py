from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="StampRemoval")


@_attrs_define
class StampRemoval:
    """
    Attributes:
        reason (str): Why (kept in the ledger and the stamps_removed event).
        count (int | Unset): Stamps to take off the current round. Default: 1.
        location_id (None | str | Unset): Defaults to the staff login's location.
    """

    reason: str
    count: int | Unset = 1
    location_id: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        reason = self.reason

        count = self.count

        location_id: None | str | Unset
        if isinstance(self.location_id, Unset):
            location_id = UNSET
        else:
            location_id = self.location_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "reason": reason,
            }
        )
        if count is not UNSET:
            field_dict["count"] = count
        if location_id is not UNSET:
            field_dict["location_id"] = location_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        reason = d.pop("reason")

        count = d.pop("count", UNSET)

        def _parse_location_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        location_id = _parse_location_id(d.pop("location_id", UNSET))

        stamp_removal = cls(
            reason=reason,
            count=count,
            location_id=location_id,
        )

        return stamp_removal
