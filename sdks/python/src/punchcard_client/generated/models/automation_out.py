from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.automation_out_kind import AutomationOutKind
from ..models.automation_out_reminder_type_0 import AutomationOutReminderType0

if TYPE_CHECKING:
    from ..models.automation_out_audience import AutomationOutAudience
    from ..models.message_action_out import MessageActionOut
    from ..models.voucher_action_out import VoucherActionOut


T = TypeVar("T", bound="AutomationOut")


@_attrs_define
class AutomationOut:
    """
    Attributes:
        audience (AutomationOutAudience):
        created_at (datetime.datetime):
        days (int | None):
        days_before (int | None):
        enabled (bool):
        hour (int | None):
        id (str):
        kind (AutomationOutKind):
        message (MessageActionOut | None):
        name (str):
        next_scan_at (datetime.datetime | None): When the next scan is due (null: off).
        program_id (None | str):
        reminder (AutomationOutReminderType0 | None):
        scanned_until (datetime.datetime): Every scan up to this time is done.
        started_at (datetime.datetime): Made or last switched on: it acts on what happens from then on.
        updated_at (datetime.datetime):
        voucher (None | VoucherActionOut):
    """

    audience: AutomationOutAudience
    created_at: datetime.datetime
    days: int | None
    days_before: int | None
    enabled: bool
    hour: int | None
    id: str
    kind: AutomationOutKind
    message: MessageActionOut | None
    name: str
    next_scan_at: datetime.datetime | None
    program_id: None | str
    reminder: AutomationOutReminderType0 | None
    scanned_until: datetime.datetime
    started_at: datetime.datetime
    updated_at: datetime.datetime
    voucher: None | VoucherActionOut
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.message_action_out import MessageActionOut  # noqa: PLC0415
        from ..models.voucher_action_out import VoucherActionOut  # noqa: PLC0415

        audience = self.audience.to_dict()

        created_at = self.created_at.isoformat()

        days: int | None
        days = self.days

        days_before: int | None
        days_before = self.days_before

        enabled = self.enabled

        hour: int | None
        hour = self.hour

        id = self.id

        kind = self.kind.value

        message: dict[str, Any] | None
        if isinstance(self.message, MessageActionOut):
            message = self.message.to_dict()
        else:
            message = self.message

        name = self.name

        next_scan_at: None | str
        if isinstance(self.next_scan_at, datetime.datetime):
            next_scan_at = self.next_scan_at.isoformat()
        else:
            next_scan_at = self.next_scan_at

        program_id: None | str
        program_id = self.program_id

        reminder: None | str
        if isinstance(self.reminder, AutomationOutReminderType0):
            reminder = self.reminder.value
        else:
            reminder = self.reminder

        scanned_until = self.scanned_until.isoformat()

        started_at = self.started_at.isoformat()

        updated_at = self.updated_at.isoformat()

        voucher: dict[str, Any] | None
        if isinstance(self.voucher, VoucherActionOut):
            voucher = self.voucher.to_dict()
        else:
            voucher = self.voucher

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "audience": audience,
                "created_at": created_at,
                "days": days,
                "days_before": days_before,
                "enabled": enabled,
                "hour": hour,
                "id": id,
                "kind": kind,
                "message": message,
                "name": name,
                "next_scan_at": next_scan_at,
                "program_id": program_id,
                "reminder": reminder,
                "scanned_until": scanned_until,
                "started_at": started_at,
                "updated_at": updated_at,
                "voucher": voucher,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.automation_out_audience import AutomationOutAudience  # noqa: PLC0415
        from ..models.message_action_out import MessageActionOut  # noqa: PLC0415
        from ..models.voucher_action_out import VoucherActionOut  # noqa: PLC0415

        d = dict(src_dict)
        audience = AutomationOutAudience.from_dict(d.pop("audience"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        def _parse_days(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        days = _parse_days(d.pop("days"))

        def _parse_days_before(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        days_before = _parse_days_before(d.pop("days_before"))

        enabled = d.pop("enabled")

        def _parse_hour(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        hour = _parse_hour(d.pop("hour"))

        id = d.pop("id")

        kind = AutomationOutKind(d.pop("kind"))

        def _parse_message(data: object) -> MessageActionOut | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                message_type_0 = MessageActionOut.from_dict(data)

                return message_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(MessageActionOut | None, data)

        message = _parse_message(d.pop("message"))

        name = d.pop("name")

        def _parse_next_scan_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                next_scan_at_type_0 = datetime.datetime.fromisoformat(data)

                return next_scan_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        next_scan_at = _parse_next_scan_at(d.pop("next_scan_at"))

        def _parse_program_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        program_id = _parse_program_id(d.pop("program_id"))

        def _parse_reminder(data: object) -> AutomationOutReminderType0 | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                reminder_type_0 = AutomationOutReminderType0(data)

                return reminder_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AutomationOutReminderType0 | None, data)

        reminder = _parse_reminder(d.pop("reminder"))

        scanned_until = datetime.datetime.fromisoformat(d.pop("scanned_until"))

        started_at = datetime.datetime.fromisoformat(d.pop("started_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        def _parse_voucher(data: object) -> None | VoucherActionOut:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                voucher_type_0 = VoucherActionOut.from_dict(data)

                return voucher_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | VoucherActionOut, data)

        voucher = _parse_voucher(d.pop("voucher"))

        automation_out = cls(
            audience=audience,
            created_at=created_at,
            days=days,
            days_before=days_before,
            enabled=enabled,
            hour=hour,
            id=id,
            kind=kind,
            message=message,
            name=name,
            next_scan_at=next_scan_at,
            program_id=program_id,
            reminder=reminder,
            scanned_until=scanned_until,
            started_at=started_at,
            updated_at=updated_at,
            voucher=voucher,
        )

        automation_out.additional_properties = d
        return automation_out

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
