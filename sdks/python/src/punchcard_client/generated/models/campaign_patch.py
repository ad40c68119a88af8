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
        audience (Audience | Unset): Who a campaign goes to: customers matching every given filter (none: everyone).
            Card filters match a customer's active cards (of ``program_id`` when given).
        name (str | Unset):
        quiet_hours (None | QuietHours | Unset):
        template_id (str | Unset):
        voucher_template_id (None | str | Unset):
    """

    audience: Audience | Unset = UNSET
    name: str | Unset = UNSET
    quiet_hours: None | QuietHours | Unset = UNSET
    template_id: str | Unset = UNSET
    voucher_template_id: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.quiet_hours import QuietHours  # noqa: PLC0415

        audience: dict[str, Any] | Unset = UNSET
        if not isinstance(self.audience, Unset):
            audience = self.audience.to_dict()

        name = self.name

        quiet_hours: dict[str, Any] | None | Unset
        if isinstance(self.quiet_hours, Unset):
            quiet_hours = UNSET
        elif isinstance(self.quiet_hours, QuietHours):
            quiet_hours = self.quiet_hours.to_dict()
        else:
            quiet_hours = self.quiet_hours

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
        _audience = d.pop("audience", UNSET)
        audience: Audience | Unset
        if isinstance(_audience, Unset):
            audience = UNSET
        else:
            audience = Audience.from_dict(_audience)

        name = d.pop("name", UNSET)

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

        template_id = d.pop("template_id", UNSET)

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
