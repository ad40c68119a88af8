from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="AppleSigningIn")


@_attrs_define
class AppleSigningIn:
    """
    Attributes:
        certificate (str): The pass type certificate, PEM.
        key (str): Its private key, PEM (PKCS#8 or traditional).
        key_password (None | str | Unset): The key's password, if it is encrypted (used once, never stored).
        pass_type_identifier (None | str | Unset): Default: the certificate's UID, e.g. pass.com.example.loyalty.
        team_identifier (None | str | Unset): Default: the certificate's OU.
        wwdr_certificate (None | str | Unset): Apple's WWDR intermediate, PEM. Default: the server's.
    """

    certificate: str
    key: str
    key_password: None | str | Unset = UNSET
    pass_type_identifier: None | str | Unset = UNSET
    team_identifier: None | str | Unset = UNSET
    wwdr_certificate: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        certificate = self.certificate

        key = self.key

        key_password: None | str | Unset
        if isinstance(self.key_password, Unset):
            key_password = UNSET
        else:
            key_password = self.key_password

        pass_type_identifier: None | str | Unset
        if isinstance(self.pass_type_identifier, Unset):
            pass_type_identifier = UNSET
        else:
            pass_type_identifier = self.pass_type_identifier

        team_identifier: None | str | Unset
        if isinstance(self.team_identifier, Unset):
            team_identifier = UNSET
        else:
            team_identifier = self.team_identifier

        wwdr_certificate: None | str | Unset
        if isinstance(self.wwdr_certificate, Unset):
            wwdr_certificate = UNSET
        else:
            wwdr_certificate = self.wwdr_certificate

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "certificate": certificate,
                "key": key,
            }
        )
        if key_password is not UNSET:
            field_dict["key_password"] = key_password
        if pass_type_identifier is not UNSET:
            field_dict["pass_type_identifier"] = pass_type_identifier
        if team_identifier is not UNSET:
            field_dict["team_identifier"] = team_identifier
        if wwdr_certificate is not UNSET:
            field_dict["wwdr_certificate"] = wwdr_certificate

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        certificate = d.pop("certificate")

        key = d.pop("key")

        def _parse_key_password(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        key_password = _parse_key_password(d.pop("key_password", UNSET))

        def _parse_pass_type_identifier(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        pass_type_identifier = _parse_pass_type_identifier(d.pop("pass_type_identifier", UNSET))

        def _parse_team_identifier(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        team_identifier = _parse_team_identifier(d.pop("team_identifier", UNSET))

        def _parse_wwdr_certificate(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        wwdr_certificate = _parse_wwdr_certificate(d.pop("wwdr_certificate", UNSET))

        apple_signing_in = cls(
            certificate=certificate,
            key=key,
            key_password=key_password,
            pass_type_identifier=pass_type_identifier,
            team_identifier=team_identifier,
            wwdr_certificate=wwdr_certificate,
        )

        return apple_signing_in
