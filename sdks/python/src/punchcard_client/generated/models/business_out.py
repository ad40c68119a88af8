from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="BusinessOut")


@_attrs_define
class BusinessOut:
    """
    Attributes:
        created_at (datetime.datetime):
        id (str):
        imprint_url (None | str):
        join_requires_privacy_links (bool):
        logo_png (None | str): Your logo, shown on cards and join pages whose program has none of its own.
        name (str):
        privacy_policy_url (None | str):
        timezone (str):
    """

    created_at: datetime.datetime
    id: str
    imprint_url: None | str
    join_requires_privacy_links: bool
    logo_png: None | str
    name: str
    privacy_policy_url: None | str
    timezone: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        created_at = self.created_at.isoformat()

        id = self.id

        imprint_url: None | str
        imprint_url = self.imprint_url

        join_requires_privacy_links = self.join_requires_privacy_links

        logo_png: None | str
        logo_png = self.logo_png

        name = self.name

        privacy_policy_url: None | str
        privacy_policy_url = self.privacy_policy_url

        timezone = self.timezone

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "created_at": created_at,
                "id": id,
                "imprint_url": imprint_url,
                "join_requires_privacy_links": join_requires_privacy_links,
                "logo_png": logo_png,
                "name": name,
                "privacy_policy_url": privacy_policy_url,
                "timezone": timezone,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        id = d.pop("id")

        def _parse_imprint_url(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        imprint_url = _parse_imprint_url(d.pop("imprint_url"))

        join_requires_privacy_links = d.pop("join_requires_privacy_links")

        def _parse_logo_png(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        logo_png = _parse_logo_png(d.pop("logo_png"))

        name = d.pop("name")

        def _parse_privacy_policy_url(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        privacy_policy_url = _parse_privacy_policy_url(d.pop("privacy_policy_url"))

        timezone = d.pop("timezone")

        business_out = cls(
            created_at=created_at,
            id=id,
            imprint_url=imprint_url,
            join_requires_privacy_links=join_requires_privacy_links,
            logo_png=logo_png,
            name=name,
            privacy_policy_url=privacy_policy_url,
            timezone=timezone,
        )

        business_out.additional_properties = d
        return business_out

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
