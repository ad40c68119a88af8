from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.api_key_secret_out_status import ApiKeySecretOutStatus

T = TypeVar("T", bound="ApiKeySecretOut")


@_attrs_define
class ApiKeySecretOut:
    """
    Attributes:
        created_at (datetime.datetime):
        id (str):
        key (str): The full key. Copy it now: it is not shown again.
        last_used_at (datetime.datetime | None):
        login (str):
        masked_key (str): The key is never shown again after creation.
        name (str):
        staff_id (str):
        status (ApiKeySecretOutStatus):
    """

    created_at: datetime.datetime
    id: str
    key: str
    last_used_at: datetime.datetime | None
    login: str
    masked_key: str
    name: str
    staff_id: str
    status: ApiKeySecretOutStatus
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        created_at = self.created_at.isoformat()

        id = self.id

        key = self.key

        last_used_at: None | str
        if isinstance(self.last_used_at, datetime.datetime):
            last_used_at = self.last_used_at.isoformat()
        else:
            last_used_at = self.last_used_at

        login = self.login

        masked_key = self.masked_key

        name = self.name

        staff_id = self.staff_id

        status = self.status.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "created_at": created_at,
                "id": id,
                "key": key,
                "last_used_at": last_used_at,
                "login": login,
                "masked_key": masked_key,
                "name": name,
                "staff_id": staff_id,
                "status": status,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        id = d.pop("id")

        key = d.pop("key")

        def _parse_last_used_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                last_used_at_type_0 = datetime.datetime.fromisoformat(data)

                return last_used_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        last_used_at = _parse_last_used_at(d.pop("last_used_at"))

        login = d.pop("login")

        masked_key = d.pop("masked_key")

        name = d.pop("name")

        staff_id = d.pop("staff_id")

        status = ApiKeySecretOutStatus(d.pop("status"))

        api_key_secret_out = cls(
            created_at=created_at,
            id=id,
            key=key,
            last_used_at=last_used_at,
            login=login,
            masked_key=masked_key,
            name=name,
            staff_id=staff_id,
            status=status,
        )

        api_key_secret_out.additional_properties = d
        return api_key_secret_out

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
