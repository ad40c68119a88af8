from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.customer_out_input_metadata import CustomerOutInputMetadata


T = TypeVar("T", bound="CustomerOutInput")


@_attrs_define
class CustomerOutInput:
    """
    Attributes:
        birthday (datetime.date | None):
        created_at (datetime.datetime):
        email (None | str):
        id (str):
        language (None | str):
        marketing_consent (bool):
        marketing_consent_at (datetime.datetime | None): When the consent last changed.
        metadata (CustomerOutInputMetadata):
        name (None | str):
        phone (None | str):
        source_id (None | str):
        updated_at (datetime.datetime):
    """

    birthday: datetime.date | None
    created_at: datetime.datetime
    email: None | str
    id: str
    language: None | str
    marketing_consent: bool
    marketing_consent_at: datetime.datetime | None
    metadata: CustomerOutInputMetadata
    name: None | str
    phone: None | str
    source_id: None | str
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        birthday: None | str
        if isinstance(self.birthday, datetime.date):
            birthday = self.birthday.isoformat()
        else:
            birthday = self.birthday

        created_at = self.created_at.isoformat()

        email: None | str
        email = self.email

        id = self.id

        language: None | str
        language = self.language

        marketing_consent = self.marketing_consent

        marketing_consent_at: None | str
        if isinstance(self.marketing_consent_at, datetime.datetime):
            marketing_consent_at = self.marketing_consent_at.isoformat()
        else:
            marketing_consent_at = self.marketing_consent_at

        metadata = self.metadata.to_dict()

        name: None | str
        name = self.name

        phone: None | str
        phone = self.phone

        source_id: None | str
        source_id = self.source_id

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "birthday": birthday,
                "created_at": created_at,
                "email": email,
                "id": id,
                "language": language,
                "marketing_consent": marketing_consent,
                "marketing_consent_at": marketing_consent_at,
                "metadata_": metadata,
                "name": name,
                "phone": phone,
                "source_id": source_id,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.customer_out_input_metadata import CustomerOutInputMetadata  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_birthday(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                birthday_type_0 = datetime.date.fromisoformat(data)

                return birthday_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        birthday = _parse_birthday(d.pop("birthday"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        def _parse_email(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        email = _parse_email(d.pop("email"))

        id = d.pop("id")

        def _parse_language(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        language = _parse_language(d.pop("language"))

        marketing_consent = d.pop("marketing_consent")

        def _parse_marketing_consent_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                marketing_consent_at_type_0 = datetime.datetime.fromisoformat(data)

                return marketing_consent_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        marketing_consent_at = _parse_marketing_consent_at(d.pop("marketing_consent_at"))

        metadata = CustomerOutInputMetadata.from_dict(d.pop("metadata_"))

        def _parse_name(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        name = _parse_name(d.pop("name"))

        def _parse_phone(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        phone = _parse_phone(d.pop("phone"))

        def _parse_source_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        source_id = _parse_source_id(d.pop("source_id"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        customer_out_input = cls(
            birthday=birthday,
            created_at=created_at,
            email=email,
            id=id,
            language=language,
            marketing_consent=marketing_consent,
            marketing_consent_at=marketing_consent_at,
            metadata=metadata,
            name=name,
            phone=phone,
            source_id=source_id,
            updated_at=updated_at,
        )

        customer_out_input.additional_properties = d
        return customer_out_input

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
