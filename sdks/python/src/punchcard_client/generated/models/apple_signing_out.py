from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.apple_signing_out_source import AppleSigningOutSource

T = TypeVar("T", bound="AppleSigningOut")


@_attrs_define
class AppleSigningOut:
    """
    Attributes:
        certificate_expires_at (datetime.datetime):
        certificate_subject (str):
        pass_type_identifier (str):
        source (AppleSigningOutSource): business: uploaded by you; settings: the server's global identity.
        team_identifier (str):
        updated_at (datetime.datetime | None):
        wwdr_certificate_expires_at (datetime.datetime):
    """

    certificate_expires_at: datetime.datetime
    certificate_subject: str
    pass_type_identifier: str
    source: AppleSigningOutSource
    team_identifier: str
    updated_at: datetime.datetime | None
    wwdr_certificate_expires_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        certificate_expires_at = self.certificate_expires_at.isoformat()

        certificate_subject = self.certificate_subject

        pass_type_identifier = self.pass_type_identifier

        source = self.source.value

        team_identifier = self.team_identifier

        updated_at: None | str
        if isinstance(self.updated_at, datetime.datetime):
            updated_at = self.updated_at.isoformat()
        else:
            updated_at = self.updated_at

        wwdr_certificate_expires_at = self.wwdr_certificate_expires_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "certificate_expires_at": certificate_expires_at,
                "certificate_subject": certificate_subject,
                "pass_type_identifier": pass_type_identifier,
                "source": source,
                "team_identifier": team_identifier,
                "updated_at": updated_at,
                "wwdr_certificate_expires_at": wwdr_certificate_expires_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        certificate_expires_at = datetime.datetime.fromisoformat(d.pop("certificate_expires_at"))

        certificate_subject = d.pop("certificate_subject")

        pass_type_identifier = d.pop("pass_type_identifier")

        source = AppleSigningOutSource(d.pop("source"))

        team_identifier = d.pop("team_identifier")

        def _parse_updated_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                updated_at_type_0 = datetime.datetime.fromisoformat(data)

                return updated_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        updated_at = _parse_updated_at(d.pop("updated_at"))

        wwdr_certificate_expires_at = datetime.datetime.fromisoformat(d.pop("wwdr_certificate_expires_at"))

        apple_signing_out = cls(
            certificate_expires_at=certificate_expires_at,
            certificate_subject=certificate_subject,
            pass_type_identifier=pass_type_identifier,
            source=source,
            team_identifier=team_identifier,
            updated_at=updated_at,
            wwdr_certificate_expires_at=wwdr_certificate_expires_at,
        )

        apple_signing_out.additional_properties = d
        return apple_signing_out

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
