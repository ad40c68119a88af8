from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="PosterUpdate")


@_attrs_define
class PosterUpdate:
    """
    Attributes:
        access_token (str | Unset):
        application_secret (str | Unset):
        base_url (str | Unset):
    """

    access_token: str | Unset = UNSET
    application_secret: str | Unset = UNSET
    base_url: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        access_token = self.access_token

        application_secret = self.application_secret

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
        access_token = d.pop("access_token", UNSET)

        application_secret = d.pop("application_secret", UNSET)

        base_url = d.pop("base_url", UNSET)

        poster_update = cls(
            access_token=access_token,
            application_secret=application_secret,
            base_url=base_url,
        )

        return poster_update
