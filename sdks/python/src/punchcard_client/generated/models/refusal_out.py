from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.refusal_out_reason import RefusalOutReason
from ..models.refusal_out_via import RefusalOutVia

T = TypeVar("T", bound="RefusalOut")


@_attrs_define
class RefusalOut:
    """
    Attributes:
        at (datetime.datetime):
        code (str):
        detail (str):
        id (str):
        location_id (None | str):
        reason (RefusalOutReason):
        referee_customer_id (None | str):
        referral_program_id (None | str): Null for a code that matched none.
        referrer_customer_id (None | str):
        staff_id (None | str):
        via (RefusalOutVia):
    """

    at: datetime.datetime
    code: str
    detail: str
    id: str
    location_id: None | str
    reason: RefusalOutReason
    referee_customer_id: None | str
    referral_program_id: None | str
    referrer_customer_id: None | str
    staff_id: None | str
    via: RefusalOutVia
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        at = self.at.isoformat()

        code = self.code

        detail = self.detail

        id = self.id

        location_id: None | str
        location_id = self.location_id

        reason = self.reason.value

        referee_customer_id: None | str
        referee_customer_id = self.referee_customer_id

        referral_program_id: None | str
        referral_program_id = self.referral_program_id

        referrer_customer_id: None | str
        referrer_customer_id = self.referrer_customer_id

        staff_id: None | str
        staff_id = self.staff_id

        via = self.via.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "at": at,
                "code": code,
                "detail": detail,
                "id": id,
                "location_id": location_id,
                "reason": reason,
                "referee_customer_id": referee_customer_id,
                "referral_program_id": referral_program_id,
                "referrer_customer_id": referrer_customer_id,
                "staff_id": staff_id,
                "via": via,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        at = datetime.datetime.fromisoformat(d.pop("at"))

        code = d.pop("code")

        detail = d.pop("detail")

        id = d.pop("id")

        def _parse_location_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        location_id = _parse_location_id(d.pop("location_id"))

        reason = RefusalOutReason(d.pop("reason"))

        def _parse_referee_customer_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        referee_customer_id = _parse_referee_customer_id(d.pop("referee_customer_id"))

        def _parse_referral_program_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        referral_program_id = _parse_referral_program_id(d.pop("referral_program_id"))

        def _parse_referrer_customer_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        referrer_customer_id = _parse_referrer_customer_id(d.pop("referrer_customer_id"))

        def _parse_staff_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        staff_id = _parse_staff_id(d.pop("staff_id"))

        via = RefusalOutVia(d.pop("via"))

        refusal_out = cls(
            at=at,
            code=code,
            detail=detail,
            id=id,
            location_id=location_id,
            reason=reason,
            referee_customer_id=referee_customer_id,
            referral_program_id=referral_program_id,
            referrer_customer_id=referrer_customer_id,
            staff_id=staff_id,
            via=via,
        )

        refusal_out.additional_properties = d
        return refusal_out

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
