from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.role import Role

T = TypeVar("T", bound="StaffOut")


@_attrs_define
class StaffOut:
    """
    Attributes:
        active (bool):
        created_at (datetime.datetime):
        id (str):
        location_id (None | str):
        login (str):
        name (str):
        role (Role):
    """

    active: bool
    created_at: datetime.datetime
    id: str
    location_id: None | str
    login: str
    name: str
    role: Role
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        active = self.active

        created_at = self.created_at.isoformat()

        id = self.id

        location_id: None | str
        location_id = self.location_id

        login = self.login

        name = self.name

        role = self.role.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "active": active,
                "created_at": created_at,
                "id": id,
                "location_id": location_id,
                "login": login,
                "name": name,
                "role": role,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        active = d.pop("active")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        id = d.pop("id")

        def _parse_location_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        location_id = _parse_location_id(d.pop("location_id"))

        login = d.pop("login")

        name = d.pop("name")

        role = Role(d.pop("role"))

        staff_out = cls(
            active=active,
            created_at=created_at,
            id=id,
            location_id=location_id,
            login=login,
            name=name,
            role=role,
        )

        staff_out.additional_properties = d
        return staff_out

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
