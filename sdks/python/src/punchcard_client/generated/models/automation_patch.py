from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.automation_patch_reminder_type_0 import AutomationPatchReminderType0
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.audience import Audience
    from ..models.message_action import MessageAction
    from ..models.voucher_action import VoucherAction


T = TypeVar("T", bound="AutomationPatch")


@_attrs_define
class AutomationPatch:
    """Any of the fields of a new automation but ``kind``; null clears program_id, audience,
    voucher and message, and resets a setting to its default.

        Attributes:
            audience (Audience | None | Unset):
            days (int | None | Unset):
            days_before (int | None | Unset):
            hour (int | None | Unset):
            message (MessageAction | None | Unset):
            name (str | Unset):
            program_id (None | str | Unset):
            reminder (AutomationPatchReminderType0 | None | Unset):
            voucher (None | Unset | VoucherAction):
    """

    audience: Audience | None | Unset = UNSET
    days: int | None | Unset = UNSET
    days_before: int | None | Unset = UNSET
    hour: int | None | Unset = UNSET
    message: MessageAction | None | Unset = UNSET
    name: str | Unset = UNSET
    program_id: None | str | Unset = UNSET
    reminder: AutomationPatchReminderType0 | None | Unset = UNSET
    voucher: None | Unset | VoucherAction = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.audience import Audience  # noqa: PLC0415
        from ..models.message_action import MessageAction  # noqa: PLC0415
        from ..models.voucher_action import VoucherAction  # noqa: PLC0415

        audience: dict[str, Any] | None | Unset
        if isinstance(self.audience, Unset):
            audience = UNSET
        elif isinstance(self.audience, Audience):
            audience = self.audience.to_dict()
        else:
            audience = self.audience

        days: int | None | Unset
        if isinstance(self.days, Unset):
            days = UNSET
        else:
            days = self.days

        days_before: int | None | Unset
        if isinstance(self.days_before, Unset):
            days_before = UNSET
        else:
            days_before = self.days_before

        hour: int | None | Unset
        if isinstance(self.hour, Unset):
            hour = UNSET
        else:
            hour = self.hour

        message: dict[str, Any] | None | Unset
        if isinstance(self.message, Unset):
            message = UNSET
        elif isinstance(self.message, MessageAction):
            message = self.message.to_dict()
        else:
            message = self.message

        name = self.name

        program_id: None | str | Unset
        if isinstance(self.program_id, Unset):
            program_id = UNSET
        else:
            program_id = self.program_id

        reminder: None | str | Unset
        if isinstance(self.reminder, Unset):
            reminder = UNSET
        elif isinstance(self.reminder, AutomationPatchReminderType0):
            reminder = self.reminder.value
        else:
            reminder = self.reminder

        voucher: dict[str, Any] | None | Unset
        if isinstance(self.voucher, Unset):
            voucher = UNSET
        elif isinstance(self.voucher, VoucherAction):
            voucher = self.voucher.to_dict()
        else:
            voucher = self.voucher

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if audience is not UNSET:
            field_dict["audience"] = audience
        if days is not UNSET:
            field_dict["days"] = days
        if days_before is not UNSET:
            field_dict["days_before"] = days_before
        if hour is not UNSET:
            field_dict["hour"] = hour
        if message is not UNSET:
            field_dict["message"] = message
        if name is not UNSET:
            field_dict["name"] = name
        if program_id is not UNSET:
            field_dict["program_id"] = program_id
        if reminder is not UNSET:
            field_dict["reminder"] = reminder
        if voucher is not UNSET:
            field_dict["voucher"] = voucher

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.audience import Audience  # noqa: PLC0415
        from ..models.message_action import MessageAction  # noqa: PLC0415
        from ..models.voucher_action import VoucherAction  # noqa: PLC0415

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

        def _parse_days(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        days = _parse_days(d.pop("days", UNSET))

        def _parse_days_before(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        days_before = _parse_days_before(d.pop("days_before", UNSET))

        def _parse_hour(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        hour = _parse_hour(d.pop("hour", UNSET))

        def _parse_message(data: object) -> MessageAction | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                message_type_0 = MessageAction.from_dict(data)

                return message_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(MessageAction | None | Unset, data)

        message = _parse_message(d.pop("message", UNSET))

        name = d.pop("name", UNSET)

        def _parse_program_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        program_id = _parse_program_id(d.pop("program_id", UNSET))

        def _parse_reminder(data: object) -> AutomationPatchReminderType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                reminder_type_0 = AutomationPatchReminderType0(data)

                return reminder_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AutomationPatchReminderType0 | None | Unset, data)

        reminder = _parse_reminder(d.pop("reminder", UNSET))

        def _parse_voucher(data: object) -> None | Unset | VoucherAction:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                voucher_type_0 = VoucherAction.from_dict(data)

                return voucher_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | VoucherAction, data)

        voucher = _parse_voucher(d.pop("voucher", UNSET))

        automation_patch = cls(
            audience=audience,
            days=days,
            days_before=days_before,
            hour=hour,
            message=message,
            name=name,
            program_id=program_id,
            reminder=reminder,
            voucher=voucher,
        )

        return automation_patch
