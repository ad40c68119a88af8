from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.campaign_out_status import CampaignOutStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.campaign_out_audience import CampaignOutAudience
    from ..models.campaign_out_counts_type_0 import CampaignOutCountsType0
    from ..models.campaign_out_quiet_hours_type_0 import CampaignOutQuietHoursType0


T = TypeVar("T", bound="CampaignOut")


@_attrs_define
class CampaignOut:
    """
    Attributes:
        audience (CampaignOutAudience):
        channel (str):
        created_at (datetime.datetime):
        finished_at (datetime.datetime | None):
        id (str):
        name (str):
        paused_reason (None | str):
        quiet_hours (CampaignOutQuietHoursType0 | None):
        send_at (datetime.datetime | None):
        started_at (datetime.datetime | None):
        status (CampaignOutStatus):
        template_id (str):
        updated_at (datetime.datetime):
        voucher_template_id (None | str):
        counts (CampaignOutCountsType0 | None | Unset): Deliveries by status (in the list: omitted).
        recipients_complete (bool | None | Unset): Every recipient of the audience has its delivery row.
    """

    audience: CampaignOutAudience
    channel: str
    created_at: datetime.datetime
    finished_at: datetime.datetime | None
    id: str
    name: str
    paused_reason: None | str
    quiet_hours: CampaignOutQuietHoursType0 | None
    send_at: datetime.datetime | None
    started_at: datetime.datetime | None
    status: CampaignOutStatus
    template_id: str
    updated_at: datetime.datetime
    voucher_template_id: None | str
    counts: CampaignOutCountsType0 | None | Unset = UNSET
    recipients_complete: bool | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.campaign_out_counts_type_0 import CampaignOutCountsType0  # noqa: PLC0415
        from ..models.campaign_out_quiet_hours_type_0 import CampaignOutQuietHoursType0  # noqa: PLC0415

        audience = self.audience.to_dict()

        channel = self.channel

        created_at = self.created_at.isoformat()

        finished_at: None | str
        if isinstance(self.finished_at, datetime.datetime):
            finished_at = self.finished_at.isoformat()
        else:
            finished_at = self.finished_at

        id = self.id

        name = self.name

        paused_reason: None | str
        paused_reason = self.paused_reason

        quiet_hours: dict[str, Any] | None
        if isinstance(self.quiet_hours, CampaignOutQuietHoursType0):
            quiet_hours = self.quiet_hours.to_dict()
        else:
            quiet_hours = self.quiet_hours

        send_at: None | str
        if isinstance(self.send_at, datetime.datetime):
            send_at = self.send_at.isoformat()
        else:
            send_at = self.send_at

        started_at: None | str
        if isinstance(self.started_at, datetime.datetime):
            started_at = self.started_at.isoformat()
        else:
            started_at = self.started_at

        status = self.status.value

        template_id = self.template_id

        updated_at = self.updated_at.isoformat()

        voucher_template_id: None | str
        voucher_template_id = self.voucher_template_id

        counts: dict[str, Any] | None | Unset
        if isinstance(self.counts, Unset):
            counts = UNSET
        elif isinstance(self.counts, CampaignOutCountsType0):
            counts = self.counts.to_dict()
        else:
            counts = self.counts

        recipients_complete: bool | None | Unset
        if isinstance(self.recipients_complete, Unset):
            recipients_complete = UNSET
        else:
            recipients_complete = self.recipients_complete

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "audience": audience,
                "channel": channel,
                "created_at": created_at,
                "finished_at": finished_at,
                "id": id,
                "name": name,
                "paused_reason": paused_reason,
                "quiet_hours": quiet_hours,
                "send_at": send_at,
                "started_at": started_at,
                "status": status,
                "template_id": template_id,
                "updated_at": updated_at,
                "voucher_template_id": voucher_template_id,
            }
        )
        if counts is not UNSET:
            field_dict["counts"] = counts
        if recipients_complete is not UNSET:
            field_dict["recipients_complete"] = recipients_complete

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.campaign_out_audience import CampaignOutAudience  # noqa: PLC0415
        from ..models.campaign_out_counts_type_0 import CampaignOutCountsType0  # noqa: PLC0415
        from ..models.campaign_out_quiet_hours_type_0 import CampaignOutQuietHoursType0  # noqa: PLC0415

        d = dict(src_dict)
        audience = CampaignOutAudience.from_dict(d.pop("audience"))

        channel = d.pop("channel")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        def _parse_finished_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                finished_at_type_0 = datetime.datetime.fromisoformat(data)

                return finished_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        finished_at = _parse_finished_at(d.pop("finished_at"))

        id = d.pop("id")

        name = d.pop("name")

        def _parse_paused_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        paused_reason = _parse_paused_reason(d.pop("paused_reason"))

        def _parse_quiet_hours(data: object) -> CampaignOutQuietHoursType0 | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                quiet_hours_type_0 = CampaignOutQuietHoursType0.from_dict(data)

                return quiet_hours_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CampaignOutQuietHoursType0 | None, data)

        quiet_hours = _parse_quiet_hours(d.pop("quiet_hours"))

        def _parse_send_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                send_at_type_0 = datetime.datetime.fromisoformat(data)

                return send_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        send_at = _parse_send_at(d.pop("send_at"))

        def _parse_started_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                started_at_type_0 = datetime.datetime.fromisoformat(data)

                return started_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        started_at = _parse_started_at(d.pop("started_at"))

        status = CampaignOutStatus(d.pop("status"))

        template_id = d.pop("template_id")

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        def _parse_voucher_template_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        voucher_template_id = _parse_voucher_template_id(d.pop("voucher_template_id"))

        def _parse_counts(data: object) -> CampaignOutCountsType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                counts_type_0 = CampaignOutCountsType0.from_dict(data)

                return counts_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CampaignOutCountsType0 | None | Unset, data)

        counts = _parse_counts(d.pop("counts", UNSET))

        def _parse_recipients_complete(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        recipients_complete = _parse_recipients_complete(d.pop("recipients_complete", UNSET))

        campaign_out = cls(
            audience=audience,
            channel=channel,
            created_at=created_at,
            finished_at=finished_at,
            id=id,
            name=name,
            paused_reason=paused_reason,
            quiet_hours=quiet_hours,
            send_at=send_at,
            started_at=started_at,
            status=status,
            template_id=template_id,
            updated_at=updated_at,
            voucher_template_id=voucher_template_id,
            counts=counts,
            recipients_complete=recipients_complete,
        )

        campaign_out.additional_properties = d
        return campaign_out

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
