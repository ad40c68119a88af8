from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="RolledBackRedemption")


@_attrs_define
class RolledBackRedemption:
    """
    Attributes:
        location_id (None | str): Where the redemption happened.
        reason (None | str):
        redeemed_at (datetime.datetime):
        redeemed_via (None | str):
        staff_id (None | str): Who redeemed (the event's staff_id rolled back).
    """

    location_id: None | str
    reason: None | str
    redeemed_at: datetime.datetime
    redeemed_via: None | str
    staff_id: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        location_id: None | str
        location_id = self.location_id

        reason: None | str
        reason = self.reason

        redeemed_at = self.redeemed_at.isoformat()

        redeemed_via: None | str
        redeemed_via = self.redeemed_via

        staff_id: None | str
        staff_id = self.staff_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "location_id": location_id,
                "reason": reason,
                "redeemed_at": redeemed_at,
                "redeemed_via": redeemed_via,
                "staff_id": staff_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_location_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        location_id = _parse_location_id(d.pop("location_id"))

        def _parse_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        reason = _parse_reason(d.pop("reason"))

        redeemed_at = datetime.datetime.fromisoformat(d.pop("redeemed_at"))

        def _parse_redeemed_via(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        redeemed_via = _parse_redeemed_via(d.pop("redeemed_via"))

        def _parse_staff_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        staff_id = _parse_staff_id(d.pop("staff_id"))

        rolled_back_redemption = cls(
            location_id=location_id,
            reason=reason,
            redeemed_at=redeemed_at,
            redeemed_via=redeemed_via,
            staff_id=staff_id,
        )

        rolled_back_redemption.additional_properties = d
        return rolled_back_redemption

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
