from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.role import Role

T = TypeVar("T", bound="MeOut")


@_attrs_define
class MeOut:
    """
    Attributes:
        api_key_id (None | str):
        business_id (str):
        business_name (str):
        location_id (None | str):
        role (Role):
        staff_id (None | str):
        staff_name (None | str):
    """

    api_key_id: None | str
    business_id: str
    business_name: str
    location_id: None | str
    role: Role
    staff_id: None | str
    staff_name: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        api_key_id: None | str
        api_key_id = self.api_key_id

        business_id = self.business_id

        business_name = self.business_name

        location_id: None | str
        location_id = self.location_id

        role = self.role.value

        staff_id: None | str
        staff_id = self.staff_id

        staff_name: None | str
        staff_name = self.staff_name

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "api_key_id": api_key_id,
                "business_id": business_id,
                "business_name": business_name,
                "location_id": location_id,
                "role": role,
                "staff_id": staff_id,
                "staff_name": staff_name,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_api_key_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        api_key_id = _parse_api_key_id(d.pop("api_key_id"))

        business_id = d.pop("business_id")

        business_name = d.pop("business_name")

        def _parse_location_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        location_id = _parse_location_id(d.pop("location_id"))

        role = Role(d.pop("role"))

        def _parse_staff_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        staff_id = _parse_staff_id(d.pop("staff_id"))

        def _parse_staff_name(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        staff_name = _parse_staff_name(d.pop("staff_name"))

        me_out = cls(
            api_key_id=api_key_id,
            business_id=business_id,
            business_name=business_name,
            location_id=location_id,
            role=role,
            staff_id=staff_id,
            staff_name=staff_name,
        )

        me_out.additional_properties = d
        return me_out

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
