from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.custom_voucher_formats_item import CustomVoucherFormatsItem
from ..types import UNSET, Unset

T = TypeVar("T", bound="CustomVoucher")


@_attrs_define
class CustomVoucher:
    """
    Attributes:
        title (str):
        description (None | str | Unset):
        expires_at (datetime.datetime | None | Unset): In the future (a voucher born expired: 422).
        formats (list[CustomVoucherFormatsItem] | Unset):
        redeem_code (None | str | Unset): A POS promo code; omitted: a unique code is generated.
        unique_code (bool | Unset): Reject the code if another voucher of the business already has it. Default: False.
    """

    title: str
    description: None | str | Unset = UNSET
    expires_at: datetime.datetime | None | Unset = UNSET
    formats: list[CustomVoucherFormatsItem] | Unset = UNSET
    redeem_code: None | str | Unset = UNSET
    unique_code: bool | Unset = False

    def to_dict(self) -> dict[str, Any]:
        title = self.title

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        expires_at: None | str | Unset
        if isinstance(self.expires_at, Unset):
            expires_at = UNSET
        elif isinstance(self.expires_at, datetime.datetime):
            expires_at = self.expires_at.isoformat()
        else:
            expires_at = self.expires_at

        formats: list[str] | Unset = UNSET
        if not isinstance(self.formats, Unset):
            formats = []
            for formats_item_data in self.formats:
                formats_item = formats_item_data.value
                formats.append(formats_item)

        redeem_code: None | str | Unset
        if isinstance(self.redeem_code, Unset):
            redeem_code = UNSET
        else:
            redeem_code = self.redeem_code

        unique_code = self.unique_code

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "title": title,
            }
        )
        if description is not UNSET:
            field_dict["description"] = description
        if expires_at is not UNSET:
            field_dict["expires_at"] = expires_at
        if formats is not UNSET:
            field_dict["formats"] = formats
        if redeem_code is not UNSET:
            field_dict["redeem_code"] = redeem_code
        if unique_code is not UNSET:
            field_dict["unique_code"] = unique_code

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        title = d.pop("title")

        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))

        def _parse_expires_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                expires_at_type_0 = datetime.datetime.fromisoformat(data)

                return expires_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        expires_at = _parse_expires_at(d.pop("expires_at", UNSET))

        _formats = d.pop("formats", UNSET)
        formats: list[CustomVoucherFormatsItem] | Unset = UNSET
        if _formats is not UNSET:
            formats = []
            for formats_item_data in _formats:
                formats_item = CustomVoucherFormatsItem(formats_item_data)

                formats.append(formats_item)

        def _parse_redeem_code(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        redeem_code = _parse_redeem_code(d.pop("redeem_code", UNSET))

        unique_code = d.pop("unique_code", UNSET)

        custom_voucher = cls(
            title=title,
            description=description,
            expires_at=expires_at,
            formats=formats,
            redeem_code=redeem_code,
            unique_code=unique_code,
        )

        return custom_voucher
