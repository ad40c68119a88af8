from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.code_lookup_failure_out_operation import CodeLookupFailureOutOperation

T = TypeVar("T", bound="CodeLookupFailureOut")


@_attrs_define
class CodeLookupFailureOut:
    """
    Attributes:
        api_key_id (None | str):
        at (datetime.datetime):
        code (str):
        id (str):
        location_id (None | str):
        operation (CodeLookupFailureOutOperation):
        staff_id (None | str):
    """

    api_key_id: None | str
    at: datetime.datetime
    code: str
    id: str
    location_id: None | str
    operation: CodeLookupFailureOutOperation
    staff_id: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        api_key_id: None | str
        api_key_id = self.api_key_id

        at = self.at.isoformat()

        code = self.code

        id = self.id

        location_id: None | str
        location_id = self.location_id

        operation = self.operation.value

        staff_id: None | str
        staff_id = self.staff_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "api_key_id": api_key_id,
                "at": at,
                "code": code,
                "id": id,
                "location_id": location_id,
                "operation": operation,
                "staff_id": staff_id,
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

        at = datetime.datetime.fromisoformat(d.pop("at"))

        code = d.pop("code")

        id = d.pop("id")

        def _parse_location_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        location_id = _parse_location_id(d.pop("location_id"))

        operation = CodeLookupFailureOutOperation(d.pop("operation"))

        def _parse_staff_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        staff_id = _parse_staff_id(d.pop("staff_id"))

        code_lookup_failure_out = cls(
            api_key_id=api_key_id,
            at=at,
            code=code,
            id=id,
            location_id=location_id,
            operation=operation,
            staff_id=staff_id,
        )

        code_lookup_failure_out.additional_properties = d
        return code_lookup_failure_out

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
