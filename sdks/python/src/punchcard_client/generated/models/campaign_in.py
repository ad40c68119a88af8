from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.campaign_in_channel import CampaignInChannel
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.audience import Audience
    from ..models.quiet_hours import QuietHours


T = TypeVar("T", bound="CampaignIn")


@_attrs_define
class CampaignIn:
    """
    Attributes:
        channel (CampaignInChannel):
        name (str):
        template_id (str):
        audience (Audience | Unset): Who a campaign goes to: customers matching every given filter (none: everyone).
            Card filters match a customer's active cards (of ``program_id`` when given).
        quiet_hours (None | QuietHours | Unset):
        send_at (datetime.datetime | None | Unset): Schedule at once (else a draft).
        voucher_template_id (None | str | Unset): Each recipient gets a voucher of this template; messages show it.
    """

    channel: CampaignInChannel
    name: str
    template_id: str
    audience: Audience | Unset = UNSET
    quiet_hours: None | QuietHours | Unset = UNSET
    send_at: datetime.datetime | None | Unset = UNSET
    voucher_template_id: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.quiet_hours import QuietHours  # noqa: PLC0415

        channel = self.channel.value

        name = self.name

        template_id = self.template_id

        audience: dict[str, Any] | Unset = UNSET
        if not isinstance(self.audience, Unset):
            audience = self.audience.to_dict()

        quiet_hours: dict[str, Any] | None | Unset
        if isinstance(self.quiet_hours, Unset):
            quiet_hours = UNSET
        elif isinstance(self.quiet_hours, QuietHours):
            quiet_hours = self.quiet_hours.to_dict()
        else:
            quiet_hours = self.quiet_hours

        send_at: None | str | Unset
        if isinstance(self.send_at, Unset):
            send_at = UNSET
        elif isinstance(self.send_at, datetime.datetime):
            send_at = self.send_at.isoformat()
        else:
            send_at = self.send_at

        voucher_template_id: None | str | Unset
        if isinstance(self.voucher_template_id, Unset):
            voucher_template_id = UNSET
        else:
            voucher_template_id = self.voucher_template_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "channel": channel,
                "name": name,
                "template_id": template_id,
            }
        )
        if audience is not UNSET:
            field_dict["audience"] = audience
        if quiet_hours is not UNSET:
            field_dict["quiet_hours"] = quiet_hours
        if send_at is not UNSET:
            field_dict["send_at"] = send_at
        if voucher_template_id is not UNSET:
            field_dict["voucher_template_id"] = voucher_template_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.audience import Audience  # noqa: PLC0415
        from ..models.quiet_hours import QuietHours  # noqa: PLC0415

        d = dict(src_dict)
        channel = CampaignInChannel(d.pop("channel"))

        name = d.pop("name")

        template_id = d.pop("template_id")

        _audience = d.pop("audience", UNSET)
        audience: Audience | Unset
        if isinstance(_audience, Unset):
            audience = UNSET
        else:
            audience = Audience.from_dict(_audience)

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

        def _parse_send_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                send_at_type_0 = datetime.datetime.fromisoformat(data)

                return send_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        send_at = _parse_send_at(d.pop("send_at", UNSET))

        def _parse_voucher_template_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        voucher_template_id = _parse_voucher_template_id(d.pop("voucher_template_id", UNSET))

        campaign_in = cls(
            channel=channel,
            name=name,
            template_id=template_id,
            audience=audience,
            quiet_hours=quiet_hours,
            send_at=send_at,
            voucher_template_id=voucher_template_id,
        )

        return campaign_in
