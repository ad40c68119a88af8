from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.customer_channel_out_consent_type_0 import CustomerChannelOutConsentType0
from ..types import UNSET, Unset

T = TypeVar("T", bound="CustomerChannelOut")


@_attrs_define
class CustomerChannelOut:
    """
    Attributes:
        address (None | str): Email, WhatsApp number, Telegram chat id, Viber user id, or the card a wallet holds.
        consent (CustomerChannelOutConsentType0 | None): Marketing consent; null: never given.
        consent_at (datetime.datetime | None): When the consent last changed.
        consent_source (None | str):
        linked_at (datetime.datetime | None):
        marketing (str): 'send', or why a marketing message would be skipped (no_consent, ...).
        transactional (str): The same for a transactional message.
        window_open_until (datetime.datetime | None | Unset): WhatsApp: free-form messages may go until then (24 h after
            the last message from the customer); afterwards only templates.
    """

    address: None | str
    consent: CustomerChannelOutConsentType0 | None
    consent_at: datetime.datetime | None
    consent_source: None | str
    linked_at: datetime.datetime | None
    marketing: str
    transactional: str
    window_open_until: datetime.datetime | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        address: None | str
        address = self.address

        consent: None | str
        if isinstance(self.consent, CustomerChannelOutConsentType0):
            consent = self.consent.value
        else:
            consent = self.consent

        consent_at: None | str
        if isinstance(self.consent_at, datetime.datetime):
            consent_at = self.consent_at.isoformat()
        else:
            consent_at = self.consent_at

        consent_source: None | str
        consent_source = self.consent_source

        linked_at: None | str
        if isinstance(self.linked_at, datetime.datetime):
            linked_at = self.linked_at.isoformat()
        else:
            linked_at = self.linked_at

        marketing = self.marketing

        transactional = self.transactional

        window_open_until: None | str | Unset
        if isinstance(self.window_open_until, Unset):
            window_open_until = UNSET
        elif isinstance(self.window_open_until, datetime.datetime):
            window_open_until = self.window_open_until.isoformat()
        else:
            window_open_until = self.window_open_until

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "address": address,
                "consent": consent,
                "consent_at": consent_at,
                "consent_source": consent_source,
                "linked_at": linked_at,
                "marketing": marketing,
                "transactional": transactional,
            }
        )
        if window_open_until is not UNSET:
            field_dict["window_open_until"] = window_open_until

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_address(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        address = _parse_address(d.pop("address"))

        def _parse_consent(data: object) -> CustomerChannelOutConsentType0 | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                consent_type_0 = CustomerChannelOutConsentType0(data)

                return consent_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CustomerChannelOutConsentType0 | None, data)

        consent = _parse_consent(d.pop("consent"))

        def _parse_consent_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                consent_at_type_0 = datetime.datetime.fromisoformat(data)

                return consent_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        consent_at = _parse_consent_at(d.pop("consent_at"))

        def _parse_consent_source(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        consent_source = _parse_consent_source(d.pop("consent_source"))

        def _parse_linked_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                linked_at_type_0 = datetime.datetime.fromisoformat(data)

                return linked_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        linked_at = _parse_linked_at(d.pop("linked_at"))

        marketing = d.pop("marketing")

        transactional = d.pop("transactional")

        def _parse_window_open_until(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                window_open_until_type_0 = datetime.datetime.fromisoformat(data)

                return window_open_until_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        window_open_until = _parse_window_open_until(d.pop("window_open_until", UNSET))

        customer_channel_out = cls(
            address=address,
            consent=consent,
            consent_at=consent_at,
            consent_source=consent_source,
            linked_at=linked_at,
            marketing=marketing,
            transactional=transactional,
            window_open_until=window_open_until,
        )

        customer_channel_out.additional_properties = d
        return customer_channel_out

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
