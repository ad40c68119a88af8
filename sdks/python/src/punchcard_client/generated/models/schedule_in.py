from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="ScheduleIn")


@_attrs_define
class ScheduleIn:
    """
    Attributes:
        send_at (datetime.datetime): When to send: a time with a zone, or a local time in the business's time zone
            (2026-05-11T09:00:00). In the past: 422.
    """

    send_at: datetime.datetime

    def to_dict(self) -> dict[str, Any]:
        send_at = self.send_at.isoformat()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "send_at": send_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        send_at = datetime.datetime.fromisoformat(d.pop("send_at"))

        schedule_in = cls(
            send_at=send_at,
        )

        return schedule_in
