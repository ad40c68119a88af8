from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="SyrveOut")


@_attrs_define
class SyrveOut:
    """
    Attributes:
        base_url (str):
        credentials_set (bool): Secrets are never returned.
        organization_id (str):
    """

    base_url: str
    credentials_set: bool
    organization_id: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        base_url = self.base_url

        credentials_set = self.credentials_set

        organization_id = self.organization_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "base_url": base_url,
                "credentials_set": credentials_set,
                "organization_id": organization_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        base_url = d.pop("base_url")

        credentials_set = d.pop("credentials_set")

        organization_id = d.pop("organization_id")

        syrve_out = cls(
            base_url=base_url,
            credentials_set=credentials_set,
            organization_id=organization_id,
        )

        syrve_out.additional_properties = d
        return syrve_out

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
