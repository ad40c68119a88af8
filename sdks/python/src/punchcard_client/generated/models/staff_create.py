from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.role import Role
from ..types import UNSET, Unset

T = TypeVar("T", bound="StaffCreate")


@_attrs_define
class StaffCreate:
    """
    Attributes:
        login (str): Unique in the business; usually an email address.
        name (str):
        location_id (None | str | Unset): Bind to one location; omit for all.
        role (Role | Unset):
    """

    login: str
    name: str
    location_id: None | str | Unset = UNSET
    role: Role | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        login = self.login

        name = self.name

        location_id: None | str | Unset
        if isinstance(self.location_id, Unset):
            location_id = UNSET
        else:
            location_id = self.location_id

        role: str | Unset = UNSET
        if not isinstance(self.role, Unset):
            role = self.role.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "login": login,
                "name": name,
            }
        )
        if location_id is not UNSET:
            field_dict["location_id"] = location_id
        if role is not UNSET:
            field_dict["role"] = role

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        login = d.pop("login")

        name = d.pop("name")

        def _parse_location_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        location_id = _parse_location_id(d.pop("location_id", UNSET))

        _role = d.pop("role", UNSET)
        role: Role | Unset
        if isinstance(_role, Unset):
            role = UNSET
        else:
            role = Role(_role)

        staff_create = cls(
            login=login,
            name=name,
            location_id=location_id,
            role=role,
        )

        return staff_create
