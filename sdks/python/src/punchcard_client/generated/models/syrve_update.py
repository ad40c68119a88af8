from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="SyrveUpdate")


@_attrs_define
class SyrveUpdate:
    """
    Attributes:
        api_login (None | str | Unset):
        base_url (None | str | Unset):
        organization_id (None | Unset | UUID):
    """

    api_login: None | str | Unset = UNSET
    base_url: None | str | Unset = UNSET
    organization_id: None | Unset | UUID = UNSET

    def to_dict(self) -> dict[str, Any]:
        api_login: None | str | Unset
        if isinstance(self.api_login, Unset):
            api_login = UNSET
        else:
            api_login = self.api_login

        base_url: None | str | Unset
        if isinstance(self.base_url, Unset):
            base_url = UNSET
        else:
            base_url = self.base_url

        organization_id: None | str | Unset
        if isinstance(self.organization_id, Unset):
            organization_id = UNSET
        elif isinstance(self.organization_id, UUID):
            organization_id = str(self.organization_id)
        else:
            organization_id = self.organization_id

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

        def _parse_api_login(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        api_login = _parse_api_login(d.pop("api_login", UNSET))

        def _parse_base_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        base_url = _parse_base_url(d.pop("base_url", UNSET))

        def _parse_organization_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                organization_id_type_0 = UUID(data)

                return organization_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        organization_id = _parse_organization_id(d.pop("organization_id", UNSET))

        syrve_update = cls(
            api_login=api_login,
            base_url=base_url,
            organization_id=organization_id,
        )

        return syrve_update
