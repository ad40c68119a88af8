from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.wallet_design_out_barcode_format import WalletDesignOutBarcodeFormat

T = TypeVar("T", bound="WalletDesignOut")


@_attrs_define
class WalletDesignOut:
    """
    Attributes:
        background_color (str):
        barcode_format (WalletDesignOutBarcodeFormat):
        foreground_color (str):
        icon_png (None | str):
        label_color (str):
        logo_png (None | str):
        opening_hours (None | str):
        organization_name (None | str):
        program_id (str):
        stamp_color (str):
        terms (None | str):
        updated_at (datetime.datetime | None): None: the program uses the defaults.
        website_url (None | str):
    """

    background_color: str
    barcode_format: WalletDesignOutBarcodeFormat
    foreground_color: str
    icon_png: None | str
    label_color: str
    logo_png: None | str
    opening_hours: None | str
    organization_name: None | str
    program_id: str
    stamp_color: str
    terms: None | str
    updated_at: datetime.datetime | None
    website_url: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        background_color = self.background_color

        barcode_format = self.barcode_format.value

        foreground_color = self.foreground_color

        icon_png: None | str
        icon_png = self.icon_png

        label_color = self.label_color

        logo_png: None | str
        logo_png = self.logo_png

        opening_hours: None | str
        opening_hours = self.opening_hours

        organization_name: None | str
        organization_name = self.organization_name

        program_id = self.program_id

        stamp_color = self.stamp_color

        terms: None | str
        terms = self.terms

        updated_at: None | str
        if isinstance(self.updated_at, datetime.datetime):
            updated_at = self.updated_at.isoformat()
        else:
            updated_at = self.updated_at

        website_url: None | str
        website_url = self.website_url

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "background_color": background_color,
                "barcode_format": barcode_format,
                "foreground_color": foreground_color,
                "icon_png": icon_png,
                "label_color": label_color,
                "logo_png": logo_png,
                "opening_hours": opening_hours,
                "organization_name": organization_name,
                "program_id": program_id,
                "stamp_color": stamp_color,
                "terms": terms,
                "updated_at": updated_at,
                "website_url": website_url,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        background_color = d.pop("background_color")

        barcode_format = WalletDesignOutBarcodeFormat(d.pop("barcode_format"))

        foreground_color = d.pop("foreground_color")

        def _parse_icon_png(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        icon_png = _parse_icon_png(d.pop("icon_png"))

        label_color = d.pop("label_color")

        def _parse_logo_png(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        logo_png = _parse_logo_png(d.pop("logo_png"))

        def _parse_opening_hours(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        opening_hours = _parse_opening_hours(d.pop("opening_hours"))

        def _parse_organization_name(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        organization_name = _parse_organization_name(d.pop("organization_name"))

        program_id = d.pop("program_id")

        stamp_color = d.pop("stamp_color")

        def _parse_terms(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        terms = _parse_terms(d.pop("terms"))

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

        def _parse_website_url(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        website_url = _parse_website_url(d.pop("website_url"))

        wallet_design_out = cls(
            background_color=background_color,
            barcode_format=barcode_format,
            foreground_color=foreground_color,
            icon_png=icon_png,
            label_color=label_color,
            logo_png=logo_png,
            opening_hours=opening_hours,
            organization_name=organization_name,
            program_id=program_id,
            stamp_color=stamp_color,
            terms=terms,
            updated_at=updated_at,
            website_url=website_url,
        )

        wallet_design_out.additional_properties = d
        return wallet_design_out

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
