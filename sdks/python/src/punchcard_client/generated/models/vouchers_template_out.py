from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.vouchers_template_out_formats_item import VouchersTemplateOutFormatsItem

if TYPE_CHECKING:
    from ..models.fixed_code import FixedCode
    from ..models.generated_code import GeneratedCode
    from ..models.pattern_code import PatternCode
    from ..models.pool_code import PoolCode


T = TypeVar("T", bound="VouchersTemplateOut")


@_attrs_define
class VouchersTemplateOut:
    """
    Attributes:
        archived (bool):
        created_at (datetime.datetime):
        description (None | str):
        formats (list[VouchersTemplateOutFormatsItem]):
        id (str):
        redeem_code (FixedCode | GeneratedCode | PatternCode | PoolCode):
        title (str):
        updated_at (datetime.datetime):
        valid_until (datetime.datetime | None):
        validity_days (int | None):
    """

    archived: bool
    created_at: datetime.datetime
    description: None | str
    formats: list[VouchersTemplateOutFormatsItem]
    id: str
    redeem_code: FixedCode | GeneratedCode | PatternCode | PoolCode
    title: str
    updated_at: datetime.datetime
    valid_until: datetime.datetime | None
    validity_days: int | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.fixed_code import FixedCode  # noqa: PLC0415
        from ..models.generated_code import GeneratedCode  # noqa: PLC0415
        from ..models.pattern_code import PatternCode  # noqa: PLC0415

        archived = self.archived

        created_at = self.created_at.isoformat()

        description: None | str
        description = self.description

        formats = []
        for formats_item_data in self.formats:
            formats_item = formats_item_data.value
            formats.append(formats_item)

        id = self.id

        redeem_code: dict[str, Any]
        if isinstance(self.redeem_code, FixedCode):
            redeem_code = self.redeem_code.to_dict()
        elif isinstance(self.redeem_code, PatternCode):
            redeem_code = self.redeem_code.to_dict()
        elif isinstance(self.redeem_code, GeneratedCode):
            redeem_code = self.redeem_code.to_dict()
        else:
            redeem_code = self.redeem_code.to_dict()

        title = self.title

        updated_at = self.updated_at.isoformat()

        valid_until: None | str
        if isinstance(self.valid_until, datetime.datetime):
            valid_until = self.valid_until.isoformat()
        else:
            valid_until = self.valid_until

        validity_days: int | None
        validity_days = self.validity_days

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "archived": archived,
                "created_at": created_at,
                "description": description,
                "formats": formats,
                "id": id,
                "redeem_code": redeem_code,
                "title": title,
                "updated_at": updated_at,
                "valid_until": valid_until,
                "validity_days": validity_days,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.fixed_code import FixedCode  # noqa: PLC0415
        from ..models.generated_code import GeneratedCode  # noqa: PLC0415
        from ..models.pattern_code import PatternCode  # noqa: PLC0415
        from ..models.pool_code import PoolCode  # noqa: PLC0415

        d = dict(src_dict)
        archived = d.pop("archived")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        def _parse_description(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        description = _parse_description(d.pop("description"))

        formats = []
        _formats = d.pop("formats")
        for formats_item_data in _formats:
            formats_item = VouchersTemplateOutFormatsItem(formats_item_data)

            formats.append(formats_item)

        id = d.pop("id")

        def _parse_redeem_code(data: object) -> FixedCode | GeneratedCode | PatternCode | PoolCode:
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

        redeem_code = _parse_redeem_code(d.pop("redeem_code"))

        title = d.pop("title")

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        def _parse_valid_until(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                valid_until_type_0 = datetime.datetime.fromisoformat(data)

                return valid_until_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        valid_until = _parse_valid_until(d.pop("valid_until"))

        def _parse_validity_days(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        validity_days = _parse_validity_days(d.pop("validity_days"))

        vouchers_template_out = cls(
            archived=archived,
            created_at=created_at,
            description=description,
            formats=formats,
            id=id,
            redeem_code=redeem_code,
            title=title,
            updated_at=updated_at,
            valid_until=valid_until,
            validity_days=validity_days,
        )

        vouchers_template_out.additional_properties = d
        return vouchers_template_out

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
