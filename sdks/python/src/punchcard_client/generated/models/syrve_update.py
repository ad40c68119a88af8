from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="SyrveUpdate")


@_attrs_define
class SyrveUpdate:
    """
    Attributes:
        api_login (str | Unset):
        base_url (str | Unset):
        organization_id (UUID | Unset):
    """

    api_login: str | Unset = UNSET
    base_url: str | Unset = UNSET
    organization_id: UUID | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        api_login = self.api_login

        base_url = self.base_url

        organization_id: str | Unset = UNSET
        if not isinstance(self.organization_id, Unset):
            organization_id = str(self.organization_id)

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if api_login is not UNSET:
            field_dict["api_login"] = api_login
        if base_url is not UNSET:
            field_dict["base_url"] = base_url
        if organization_id is not UNSET:
            field_dict["organization_id"] = organization_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        api_login = d.pop("api_login", UNSET)

        base_url = d.pop("base_url", UNSET)

        _organization_id = d.pop("organization_id", UNSET)
        organization_id: UUID | Unset
        if isinstance(_organization_id, Unset):
            organization_id = UNSET
        else:
            organization_id = UUID(_organization_id)

        syrve_update = cls(
            api_login=api_login,
            base_url=base_url,
            organization_id=organization_id,
        )

        return syrve_update
