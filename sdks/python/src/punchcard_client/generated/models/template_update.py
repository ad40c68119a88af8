from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.template_update_formats_type_0_item import TemplateUpdateFormatsType0Item
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.fixed_code import FixedCode
    from ..models.generated_code import GeneratedCode
    from ..models.pattern_code import PatternCode
    from ..models.pool_code import PoolCode


T = TypeVar("T", bound="TemplateUpdate")


@_attrs_define
class TemplateUpdate:
    """
    Attributes:
        description (None | str | Unset):
        formats (list[TemplateUpdateFormatsType0Item] | None | Unset):
        redeem_code (FixedCode | GeneratedCode | None | PatternCode | PoolCode | Unset):
        title (None | str | Unset):
        valid_until (datetime.datetime | None | Unset): A fixed expiry for every voucher.
        validity_days (int | None | Unset): Days after issue.
    """

    description: None | str | Unset = UNSET
    formats: list[TemplateUpdateFormatsType0Item] | None | Unset = UNSET
    redeem_code: FixedCode | GeneratedCode | None | PatternCode | PoolCode | Unset = UNSET
    title: None | str | Unset = UNSET
    valid_until: datetime.datetime | None | Unset = UNSET
    validity_days: int | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.fixed_code import FixedCode  # noqa: PLC0415
        from ..models.generated_code import GeneratedCode  # noqa: PLC0415
        from ..models.pattern_code import PatternCode  # noqa: PLC0415
        from ..models.pool_code import PoolCode  # noqa: PLC0415

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        formats: list[str] | None | Unset
        if isinstance(self.formats, Unset):
            formats = UNSET
        elif isinstance(self.formats, list):
            formats = []
            for formats_type_0_item_data in self.formats:
                formats_type_0_item = formats_type_0_item_data.value
                formats.append(formats_type_0_item)

        else:
            formats = self.formats

        redeem_code: dict[str, Any] | None | Unset
        if isinstance(self.redeem_code, Unset):
            redeem_code = UNSET
        elif isinstance(self.redeem_code, FixedCode):
            redeem_code = self.redeem_code.to_dict()
        elif isinstance(self.redeem_code, PatternCode):
            redeem_code = self.redeem_code.to_dict()
        elif isinstance(self.redeem_code, GeneratedCode):
            redeem_code = self.redeem_code.to_dict()
        elif isinstance(self.redeem_code, PoolCode):
            redeem_code = self.redeem_code.to_dict()
        else:
            redeem_code = self.redeem_code

        title: None | str | Unset
        if isinstance(self.title, Unset):
            title = UNSET
        else:
            title = self.title

        valid_until: None | str | Unset
        if isinstance(self.valid_until, Unset):
            valid_until = UNSET
        elif isinstance(self.valid_until, datetime.datetime):
            valid_until = self.valid_until.isoformat()
        else:
            valid_until = self.valid_until

        validity_days: int | None | Unset
        if isinstance(self.validity_days, Unset):
            validity_days = UNSET
        else:
            validity_days = self.validity_days

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if description is not UNSET:
            field_dict["description"] = description
        if formats is not UNSET:
            field_dict["formats"] = formats
        if redeem_code is not UNSET:
            field_dict["redeem_code"] = redeem_code
        if title is not UNSET:
            field_dict["title"] = title
        if valid_until is not UNSET:
            field_dict["valid_until"] = valid_until
        if validity_days is not UNSET:
            field_dict["validity_days"] = validity_days

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.fixed_code import FixedCode  # noqa: PLC0415
        from ..models.generated_code import GeneratedCode  # noqa: PLC0415
        from ..models.pattern_code import PatternCode  # noqa: PLC0415
        from ..models.pool_code import PoolCode  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))

        def _parse_formats(data: object) -> list[TemplateUpdateFormatsType0Item] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                formats_type_0 = []
                _formats_type_0 = data
                for formats_type_0_item_data in _formats_type_0:
                    formats_type_0_item = TemplateUpdateFormatsType0Item(formats_type_0_item_data)

                    formats_type_0.append(formats_type_0_item)

                return formats_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[TemplateUpdateFormatsType0Item] | None | Unset, data)

        formats = _parse_formats(d.pop("formats", UNSET))

        def _parse_redeem_code(data: object) -> FixedCode | GeneratedCode | None | PatternCode | PoolCode | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                redeem_code_type_0_type_0 = FixedCode.from_dict(data)

                return redeem_code_type_0_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                redeem_code_type_0_type_1 = PatternCode.from_dict(data)

                return redeem_code_type_0_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                redeem_code_type_0_type_2 = GeneratedCode.from_dict(data)

                return redeem_code_type_0_type_2
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                redeem_code_type_0_type_3 = PoolCode.from_dict(data)

                return redeem_code_type_0_type_3
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(FixedCode | GeneratedCode | None | PatternCode | PoolCode | Unset, data)

        redeem_code = _parse_redeem_code(d.pop("redeem_code", UNSET))

        def _parse_title(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        title = _parse_title(d.pop("title", UNSET))

        def _parse_valid_until(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                valid_until_type_0 = datetime.datetime.fromisoformat(data)

                return valid_until_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        valid_until = _parse_valid_until(d.pop("valid_until", UNSET))

        def _parse_validity_days(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        validity_days = _parse_validity_days(d.pop("validity_days", UNSET))

        template_update = cls(
            description=description,
            formats=formats,
            redeem_code=redeem_code,
            title=title,
            valid_until=valid_until,
            validity_days=validity_days,
        )

        return template_update
