from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="SyrveIn")


@_attrs_define
class SyrveIn:
    """Your Syrve Cloud API key (the apiLogin made in Syrve's web back office), to read closed
    orders and guests, and the organization whose orders this connector takes.

        Attributes:
            api_login (str):
            organization_id (UUID): The organization's id (/api/1/organizations).
            base_url (None | str | Unset): Syrve Cloud API base URL; default PUNCHCARD_POS_SYRVE_BASE_URL.
    """

    api_login: str
    organization_id: UUID
    base_url: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        api_login = self.api_login

        organization_id = str(self.organization_id)

        base_url: None | str | Unset
        if isinstance(self.base_url, Unset):
            base_url = UNSET
        else:
            base_url = self.base_url

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "api_login": api_login,
                "organization_id": organization_id,
            }
        )
        if base_url is not UNSET:
            field_dict["base_url"] = base_url

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        api_login = d.pop("api_login")

        organization_id = UUID(d.pop("organization_id"))

        def _parse_base_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        base_url = _parse_base_url(d.pop("base_url", UNSET))

        syrve_in = cls(
            api_login=api_login,
            organization_id=organization_id,
            base_url=base_url,
        )

        return syrve_in
