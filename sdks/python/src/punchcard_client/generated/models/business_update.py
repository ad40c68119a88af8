from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="BusinessUpdate")


@_attrs_define
class BusinessUpdate:
    """
    Attributes:
        imprint_url (None | str | Unset): Your imprint / legal notice, linked beside the privacy policy.
        join_requires_privacy_links (bool | Unset): true: the join form is shown only once both links are set (else a
            404).
        logo_png (None | str | Unset): Base64 PNG, at most 256 KiB, 1024 px: the logo of every card and join page whose
            program's design has none. null removes it.
        name (str | Unset):
        privacy_policy_url (None | str | Unset): Your privacy policy (http or https): the join page and web card link
            it.
        timezone (str | Unset):
    """

    imprint_url: None | str | Unset = UNSET
    join_requires_privacy_links: bool | Unset = UNSET
    logo_png: None | str | Unset = UNSET
    name: str | Unset = UNSET
    privacy_policy_url: None | str | Unset = UNSET
    timezone: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        imprint_url: None | str | Unset
        if isinstance(self.imprint_url, Unset):
            imprint_url = UNSET
        else:
            imprint_url = self.imprint_url

        join_requires_privacy_links = self.join_requires_privacy_links

        logo_png: None | str | Unset
        if isinstance(self.logo_png, Unset):
            logo_png = UNSET
        else:
            logo_png = self.logo_png

        name = self.name

        privacy_policy_url: None | str | Unset
        if isinstance(self.privacy_policy_url, Unset):
            privacy_policy_url = UNSET
        else:
            privacy_policy_url = self.privacy_policy_url

        timezone = self.timezone

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if imprint_url is not UNSET:
            field_dict["imprint_url"] = imprint_url
        if join_requires_privacy_links is not UNSET:
            field_dict["join_requires_privacy_links"] = join_requires_privacy_links
        if logo_png is not UNSET:
            field_dict["logo_png"] = logo_png
        if name is not UNSET:
            field_dict["name"] = name
        if privacy_policy_url is not UNSET:
            field_dict["privacy_policy_url"] = privacy_policy_url
        if timezone is not UNSET:
            field_dict["timezone"] = timezone

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_imprint_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        imprint_url = _parse_imprint_url(d.pop("imprint_url", UNSET))

        join_requires_privacy_links = d.pop("join_requires_privacy_links", UNSET)

        def _parse_logo_png(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        logo_png = _parse_logo_png(d.pop("logo_png", UNSET))

        name = d.pop("name", UNSET)

        def _parse_privacy_policy_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        privacy_policy_url = _parse_privacy_policy_url(d.pop("privacy_policy_url", UNSET))

        timezone = d.pop("timezone", UNSET)

        business_update = cls(
            imprint_url=imprint_url,
            join_requires_privacy_links=join_requires_privacy_links,
            logo_png=logo_png,
            name=name,
            privacy_policy_url=privacy_policy_url,
            timezone=timezone,
        )

        return business_update
