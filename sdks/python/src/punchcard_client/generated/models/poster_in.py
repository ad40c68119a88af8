from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="PosterIn")


@_attrs_define
class PosterIn:
    """Your Poster application's secret (it signs Poster's webhooks) and the account's API
    access token (to read the closed transaction).

        Attributes:
            access_token (str):
            application_secret (str):
            base_url (None | str | Unset): Poster's API base URL; default PUNCHCARD_POS_POSTER_BASE_URL.
    """

    access_token: str
    application_secret: str
    base_url: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        access_token = self.access_token

        application_secret = self.application_secret

        base_url: None | str | Unset
        if isinstance(self.base_url, Unset):
            base_url = UNSET
        else:
            base_url = self.base_url

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "access_token": access_token,
                "application_secret": application_secret,
            }
        )
        if base_url is not UNSET:
            field_dict["base_url"] = base_url

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        access_token = d.pop("access_token")

        application_secret = d.pop("application_secret")

        def _parse_base_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        base_url = _parse_base_url(d.pop("base_url", UNSET))

        poster_in = cls(
            access_token=access_token,
            application_secret=application_secret,
            base_url=base_url,
        )

        return poster_in
