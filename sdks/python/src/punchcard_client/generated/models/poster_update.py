from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="PosterUpdate")


@_attrs_define
class PosterUpdate:
    """
    Attributes:
        access_token (None | str | Unset):
        application_secret (None | str | Unset):
        base_url (None | str | Unset):
    """

    access_token: None | str | Unset = UNSET
    application_secret: None | str | Unset = UNSET
    base_url: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        access_token: None | str | Unset
        if isinstance(self.access_token, Unset):
            access_token = UNSET
        else:
            access_token = self.access_token

        application_secret: None | str | Unset
        if isinstance(self.application_secret, Unset):
            application_secret = UNSET
        else:
            application_secret = self.application_secret

        base_url: None | str | Unset
        if isinstance(self.base_url, Unset):
            base_url = UNSET
        else:
            base_url = self.base_url

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if access_token is not UNSET:
            field_dict["access_token"] = access_token
        if application_secret is not UNSET:
            field_dict["application_secret"] = application_secret
        if base_url is not UNSET:
            field_dict["base_url"] = base_url

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_access_token(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        access_token = _parse_access_token(d.pop("access_token", UNSET))

        def _parse_application_secret(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        application_secret = _parse_application_secret(d.pop("application_secret", UNSET))

        def _parse_base_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        base_url = _parse_base_url(d.pop("base_url", UNSET))

        poster_update = cls(
            access_token=access_token,
            application_secret=application_secret,
            base_url=base_url,
        )

        return poster_update
