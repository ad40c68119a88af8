from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.template_update_formats_item import TemplateUpdateFormatsItem
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
        formats (list[TemplateUpdateFormatsItem] | Unset):
        redeem_code (FixedCode | GeneratedCode | PatternCode | PoolCode | Unset):
        title (str | Unset):
        valid_until (datetime.datetime | None | Unset): A fixed expiry for every voucher.
        validity_days (int | None | Unset): Days after issue.
    """

    description: None | str | Unset = UNSET
    formats: list[TemplateUpdateFormatsItem] | Unset = UNSET
    redeem_code: FixedCode | GeneratedCode | PatternCode | PoolCode | Unset = UNSET
    title: str | Unset = UNSET
    valid_until: datetime.datetime | None | Unset = UNSET
    validity_days: int | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.fixed_code import FixedCode  # noqa: PLC0415
        from ..models.generated_code import GeneratedCode  # noqa: PLC0415
        from ..models.pattern_code import PatternCode  # noqa: PLC0415

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        formats: list[str] | Unset = UNSET
        if not isinstance(self.formats, Unset):
            formats = []
            for formats_item_data in self.formats:
                formats_item = formats_item_data.value
                formats.append(formats_item)

        redeem_code: dict[str, Any] | Unset
        if isinstance(self.redeem_code, Unset):
            redeem_code = UNSET
        elif isinstance(self.redeem_code, FixedCode):
            redeem_code = self.redeem_code.to_dict()
        elif isinstance(self.redeem_code, PatternCode):
            redeem_code = self.redeem_code.to_dict()
        elif isinstance(self.redeem_code, GeneratedCode):
            redeem_code = self.redeem_code.to_dict()
        else:
            redeem_code = self.redeem_code.to_dict()

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

        _formats = d.pop("formats", UNSET)
        formats: list[TemplateUpdateFormatsItem] | Unset = UNSET
        if _formats is not UNSET:
            formats = []
            for formats_item_data in _formats:
                formats_item = TemplateUpdateFormatsItem(formats_item_data)

                formats.append(formats_item)

        def _parse_redeem_code(data: object) -> FixedCode | GeneratedCode | PatternCode | PoolCode | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                redeem_code_type_0 = FixedCode.from_dict(data)

                return redeem_code_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                redeem_code_type_1 = PatternCode.from_dict(data)

                return redeem_code_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                redeem_code_type_2 = GeneratedCode.from_dict(data)

                return redeem_code_type_2
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            redeem_code_type_3 = PoolCode.from_dict(data)

            return redeem_code_type_3

        redeem_code = _parse_redeem_code(d.pop("redeem_code", UNSET))

        title = d.pop("title", UNSET)

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
