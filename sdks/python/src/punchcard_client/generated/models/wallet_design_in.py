from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.wallet_design_in_barcode_format import WalletDesignInBarcodeFormat
from ..types import UNSET, Unset

T = TypeVar("T", bound="WalletDesignIn")


@_attrs_define
class WalletDesignIn:
    """The whole design: fields left out get their defaults (PUT replaces).

    Attributes:
        background_color (str | Unset):  Default: '#3B2A20'.
        barcode_format (WalletDesignInBarcodeFormat | Unset):  Default: WalletDesignInBarcodeFormat.QR.
        foreground_color (str | Unset):  Default: '#FFFFFF'.
        icon_png (None | str | Unset): Base64 PNG, at most 256 KiB, 1024 px.
        label_color (str | Unset):  Default: '#F3D9B1'.
        logo_png (None | str | Unset): Base64 PNG, at most 256 KiB, 1024 px.
        opening_hours (None | str | Unset):
        organization_name (None | str | Unset): Default: the business name.
        stamp_color (str | Unset): Stamps on the grid. Default: '#F3D9B1'.
        terms (None | str | Unset):
        website_url (None | str | Unset): An http(s) link on the back.
    """

    background_color: str | Unset = "#3B2A20"
    barcode_format: WalletDesignInBarcodeFormat | Unset = WalletDesignInBarcodeFormat.QR
    foreground_color: str | Unset = "#FFFFFF"
    icon_png: None | str | Unset = UNSET
    label_color: str | Unset = "#F3D9B1"
    logo_png: None | str | Unset = UNSET
    opening_hours: None | str | Unset = UNSET
    organization_name: None | str | Unset = UNSET
    stamp_color: str | Unset = "#F3D9B1"
    terms: None | str | Unset = UNSET
    website_url: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        background_color = self.background_color

        barcode_format: str | Unset = UNSET
        if not isinstance(self.barcode_format, Unset):
            barcode_format = self.barcode_format.value

        foreground_color = self.foreground_color

        icon_png: None | str | Unset
        if isinstance(self.icon_png, Unset):
            icon_png = UNSET
        else:
            icon_png = self.icon_png

        label_color = self.label_color

        logo_png: None | str | Unset
        if isinstance(self.logo_png, Unset):
            logo_png = UNSET
        else:
            logo_png = self.logo_png

        opening_hours: None | str | Unset
        if isinstance(self.opening_hours, Unset):
            opening_hours = UNSET
        else:
            opening_hours = self.opening_hours

        organization_name: None | str | Unset
        if isinstance(self.organization_name, Unset):
            organization_name = UNSET
        else:
            organization_name = self.organization_name

        stamp_color = self.stamp_color

        terms: None | str | Unset
        if isinstance(self.terms, Unset):
            terms = UNSET
        else:
            terms = self.terms

        website_url: None | str | Unset
        if isinstance(self.website_url, Unset):
            website_url = UNSET
        else:
            website_url = self.website_url

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if background_color is not UNSET:
            field_dict["background_color"] = background_color
        if barcode_format is not UNSET:
            field_dict["barcode_format"] = barcode_format
        if foreground_color is not UNSET:
            field_dict["foreground_color"] = foreground_color
        if icon_png is not UNSET:
            field_dict["icon_png"] = icon_png
        if label_color is not UNSET:
            field_dict["label_color"] = label_color
        if logo_png is not UNSET:
            field_dict["logo_png"] = logo_png
        if opening_hours is not UNSET:
            field_dict["opening_hours"] = opening_hours
        if organization_name is not UNSET:
            field_dict["organization_name"] = organization_name
        if stamp_color is not UNSET:
            field_dict["stamp_color"] = stamp_color
        if terms is not UNSET:
            field_dict["terms"] = terms
        if website_url is not UNSET:
            field_dict["website_url"] = website_url

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        background_color = d.pop("background_color", UNSET)

        _barcode_format = d.pop("barcode_format", UNSET)
        barcode_format: WalletDesignInBarcodeFormat | Unset
        if isinstance(_barcode_format, Unset):
            barcode_format = UNSET
        else:
            barcode_format = WalletDesignInBarcodeFormat(_barcode_format)

        foreground_color = d.pop("foreground_color", UNSET)

        def _parse_icon_png(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        icon_png = _parse_icon_png(d.pop("icon_png", UNSET))

        label_color = d.pop("label_color", UNSET)

        def _parse_logo_png(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        logo_png = _parse_logo_png(d.pop("logo_png", UNSET))

        def _parse_opening_hours(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        opening_hours = _parse_opening_hours(d.pop("opening_hours", UNSET))

        def _parse_organization_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        organization_name = _parse_organization_name(d.pop("organization_name", UNSET))

        stamp_color = d.pop("stamp_color", UNSET)

        def _parse_terms(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        terms = _parse_terms(d.pop("terms", UNSET))

        def _parse_website_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        website_url = _parse_website_url(d.pop("website_url", UNSET))

        wallet_design_in = cls(
            background_color=background_color,
            barcode_format=barcode_format,
            foreground_color=foreground_color,
            icon_png=icon_png,
            label_color=label_color,
            logo_png=logo_png,
            opening_hours=opening_hours,
            organization_name=organization_name,
            stamp_color=stamp_color,
            terms=terms,
            website_url=website_url,
        )

        return wallet_design_in
