from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="PreviewOut")


@_attrs_define
class PreviewOut:
    """
    Attributes:
        customer_id (None | str):
        html (None | str):
        language (str):
        subject (None | str):
        text (str):
        whatsapp_parameters (list[str] | None):
    """

    customer_id: None | str
    html: None | str
    language: str
    subject: None | str
    text: str
    whatsapp_parameters: list[str] | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        customer_id: None | str
        customer_id = self.customer_id

        html: None | str
        html = self.html

        language = self.language

        subject: None | str
        subject = self.subject

        text = self.text

        whatsapp_parameters: list[str] | None
        if isinstance(self.whatsapp_parameters, list):
            whatsapp_parameters = self.whatsapp_parameters

        else:
            whatsapp_parameters = self.whatsapp_parameters

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "customer_id": customer_id,
                "html": html,
                "language": language,
                "subject": subject,
                "text": text,
                "whatsapp_parameters": whatsapp_parameters,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_customer_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        customer_id = _parse_customer_id(d.pop("customer_id"))

        def _parse_html(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        html = _parse_html(d.pop("html"))

        language = d.pop("language")

        def _parse_subject(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        subject = _parse_subject(d.pop("subject"))

        text = d.pop("text")

        def _parse_whatsapp_parameters(data: object) -> list[str] | None:
            if data is None:
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                whatsapp_parameters_type_0 = cast(list[str], data)

                return whatsapp_parameters_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None, data)

        whatsapp_parameters = _parse_whatsapp_parameters(d.pop("whatsapp_parameters"))

        preview_out = cls(
            customer_id=customer_id,
            html=html,
            language=language,
            subject=subject,
            text=text,
            whatsapp_parameters=whatsapp_parameters,
        )

        preview_out.additional_properties = d
        return preview_out

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
