from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.run_message_status import RunMessageStatus

T = TypeVar("T", bound="RunMessage")


@_attrs_define
class RunMessage:
    """
    Attributes:
        channel (str):
        delivery_id (str):
        reason (None | str): Why it was skipped or failed (no_consent, ...).
        sent_at (datetime.datetime | None):
        status (RunMessageStatus):
    """

    channel: str
    delivery_id: str
    reason: None | str
    sent_at: datetime.datetime | None
    status: RunMessageStatus
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        channel = self.channel

        delivery_id = self.delivery_id

        reason: None | str
        reason = self.reason

        sent_at: None | str
        if isinstance(self.sent_at, datetime.datetime):
            sent_at = self.sent_at.isoformat()
        else:
            sent_at = self.sent_at

        status = self.status.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "channel": channel,
                "delivery_id": delivery_id,
                "reason": reason,
                "sent_at": sent_at,
                "status": status,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        channel = d.pop("channel")

        delivery_id = d.pop("delivery_id")

        def _parse_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        reason = _parse_reason(d.pop("reason"))

        def _parse_sent_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                sent_at_type_0 = datetime.datetime.fromisoformat(data)

                return sent_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        sent_at = _parse_sent_at(d.pop("sent_at"))

        status = RunMessageStatus(d.pop("status"))

        run_message = cls(
            channel=channel,
            delivery_id=delivery_id,
            reason=reason,
            sent_at=sent_at,
            status=status,
        )

        run_message.additional_properties = d
        return run_message

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
