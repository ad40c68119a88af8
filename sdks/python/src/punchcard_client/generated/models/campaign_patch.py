from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.audience import Audience
    from ..models.quiet_hours import QuietHours


T = TypeVar("T", bound="CampaignPatch")


@_attrs_define
class CampaignPatch:
    """
    Attributes:
        audience (Audience | None | Unset):
        name (None | str | Unset):
        quiet_hours (None | QuietHours | Unset):
        template_id (None | str | Unset):
        voucher_template_id (None | str | Unset):
    """

    audience: Audience | None | Unset = UNSET
    name: None | str | Unset = UNSET
    quiet_hours: None | QuietHours | Unset = UNSET
    template_id: None | str | Unset = UNSET
    voucher_template_id: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.audience import Audience  # noqa: PLC0415
        from ..models.quiet_hours import QuietHours  # noqa: PLC0415

        audience: dict[str, Any] | None | Unset
        if isinstance(self.audience, Unset):
            audience = UNSET
        elif isinstance(self.audience, Audience):
            audience = self.audience.to_dict()
        else:
            audience = self.audience

        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

        quiet_hours: dict[str, Any] | None | Unset
        if isinstance(self.quiet_hours, Unset):
            quiet_hours = UNSET
        elif isinstance(self.quiet_hours, QuietHours):
            quiet_hours = self.quiet_hours.to_dict()
        else:
            quiet_hours = self.quiet_hours

        template_id: None | str | Unset
        if isinstance(self.template_id, Unset):
            template_id = UNSET
        else:
            template_id = self.template_id

        voucher_template_id: None | str | Unset
        if isinstance(self.voucher_template_id, Unset):
            voucher_template_id = UNSET
        else:
            voucher_template_id = self.voucher_template_id

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if audience is not UNSET:
            field_dict["audience"] = audience
        if name is not UNSET:
            field_dict["name"] = name
        if quiet_hours is not UNSET:
            field_dict["quiet_hours"] = quiet_hours
        if template_id is not UNSET:
            field_dict["template_id"] = template_id
        if voucher_template_id is not UNSET:
            field_dict["voucher_template_id"] = voucher_template_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.audience import Audience  # noqa: PLC0415
        from ..models.quiet_hours import QuietHours  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_audience(data: object) -> Audience | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                audience_type_0 = Audience.from_dict(data)

                return audience_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Audience | None | Unset, data)

        audience = _parse_audience(d.pop("audience", UNSET))

        def _parse_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        name = _parse_name(d.pop("name", UNSET))

        def _parse_quiet_hours(data: object) -> None | QuietHours | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                quiet_hours_type_0 = QuietHours.from_dict(data)

                return quiet_hours_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | QuietHours | Unset, data)

        quiet_hours = _parse_quiet_hours(d.pop("quiet_hours", UNSET))

        def _parse_template_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        template_id = _parse_template_id(d.pop("template_id", UNSET))

        def _parse_voucher_template_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        voucher_template_id = _parse_voucher_template_id(d.pop("voucher_template_id", UNSET))

        campaign_patch = cls(
            audience=audience,
            name=name,
            quiet_hours=quiet_hours,
            template_id=template_id,
            voucher_template_id=voucher_template_id,
        )

        return campaign_patch
