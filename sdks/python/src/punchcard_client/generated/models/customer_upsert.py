from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.customer_upsert_metadata_type_0 import CustomerUpsertMetadataType0


T = TypeVar("T", bound="CustomerUpsert")


@_attrs_define
class CustomerUpsert:
    """Matched by source_id (your CRM's id), else email, else phone; created when none match.

    Attributes:
        birthday (datetime.date | None | Unset):
        email (None | str | Unset):
        language (None | str | Unset):
        marketing_consent (bool | None | Unset): The customer agreed (true) or declined (false) to receive marketing.
        metadata (CustomerUpsertMetadataType0 | None | Unset): Merged key by key; a null value deletes.
        name (None | str | Unset):
        phone (None | str | Unset):
        source_id (None | str | Unset):
    """

    birthday: datetime.date | None | Unset = UNSET
    email: None | str | Unset = UNSET
    language: None | str | Unset = UNSET
    marketing_consent: bool | None | Unset = UNSET
    metadata: CustomerUpsertMetadataType0 | None | Unset = UNSET
    name: None | str | Unset = UNSET
    phone: None | str | Unset = UNSET
    source_id: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.customer_upsert_metadata_type_0 import CustomerUpsertMetadataType0  # noqa: PLC0415

        birthday: None | str | Unset
        if isinstance(self.birthday, Unset):
            birthday = UNSET
        elif isinstance(self.birthday, datetime.date):
            birthday = self.birthday.isoformat()
        else:
            birthday = self.birthday

        email: None | str | Unset
        if isinstance(self.email, Unset):
            email = UNSET
        else:
            email = self.email

        language: None | str | Unset
        if isinstance(self.language, Unset):
            language = UNSET
        else:
            language = self.language

        marketing_consent: bool | None | Unset
        if isinstance(self.marketing_consent, Unset):
            marketing_consent = UNSET
        else:
            marketing_consent = self.marketing_consent

        metadata: dict[str, Any] | None | Unset
        if isinstance(self.metadata, Unset):
            metadata = UNSET
        elif isinstance(self.metadata, CustomerUpsertMetadataType0):
            metadata = self.metadata.to_dict()
        else:
            metadata = self.metadata

        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

        phone: None | str | Unset
        if isinstance(self.phone, Unset):
            phone = UNSET
        else:
            phone = self.phone

        source_id: None | str | Unset
        if isinstance(self.source_id, Unset):
            source_id = UNSET
        else:
            source_id = self.source_id

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if birthday is not UNSET:
            field_dict["birthday"] = birthday
        if email is not UNSET:
            field_dict["email"] = email
        if language is not UNSET:
            field_dict["language"] = language
        if marketing_consent is not UNSET:
            field_dict["marketing_consent"] = marketing_consent
        if metadata is not UNSET:
            field_dict["metadata"] = metadata
        if name is not UNSET:
            field_dict["name"] = name
        if phone is not UNSET:
            field_dict["phone"] = phone
        if source_id is not UNSET:
            field_dict["source_id"] = source_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.customer_upsert_metadata_type_0 import CustomerUpsertMetadataType0  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_birthday(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                birthday_type_0 = datetime.date.fromisoformat(data)

                return birthday_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        birthday = _parse_birthday(d.pop("birthday", UNSET))

        def _parse_email(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        email = _parse_email(d.pop("email", UNSET))

        def _parse_language(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        language = _parse_language(d.pop("language", UNSET))

        def _parse_marketing_consent(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        marketing_consent = _parse_marketing_consent(d.pop("marketing_consent", UNSET))

        def _parse_metadata(data: object) -> CustomerUpsertMetadataType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                metadata_type_0 = CustomerUpsertMetadataType0.from_dict(data)

                return metadata_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CustomerUpsertMetadataType0 | None | Unset, data)

        metadata = _parse_metadata(d.pop("metadata", UNSET))

        def _parse_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        name = _parse_name(d.pop("name", UNSET))

        def _parse_phone(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        phone = _parse_phone(d.pop("phone", UNSET))

        def _parse_source_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        source_id = _parse_source_id(d.pop("source_id", UNSET))

        customer_upsert = cls(
            birthday=birthday,
            email=email,
            language=language,
            marketing_consent=marketing_consent,
            metadata=metadata,
            name=name,
            phone=phone,
            source_id=source_id,
        )

        return customer_upsert
